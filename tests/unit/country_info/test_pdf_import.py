"""PDF reports shaped like the State Department's: running header and footer left out, a
paragraph over a page break is one passage, headings from the outline or from the fonts,
numbered sections kept whole, a year-first title is no section, printed page labels cited."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest

from asylum_prep.country_info.importers import parse_file
from asylum_prep.country_info.passages import Passage, to_passages, with_labels
from asylum_prep.domain.citations import pinpoint
from tests.unit.country_info.report_files import FOOTER, RUNNING, state_report_pdf


def _passages(data: bytes) -> list[Passage]:
    parsed = parse_file("report.pdf", data)
    return with_labels(to_passages(parsed.blocks), parsed.page_labels)


@pytest.mark.parametrize("outline", [True, False], ids=["outline", "fonts"])
def test_headers_footers_never_enter_a_passage_and_sections_are_right(outline: bool) -> None:
    passages = _passages(state_report_pdf(outline=outline))
    text = " ".join(p.text for p in passages)
    assert RUNNING not in text and "Bureau of Democracy" not in text
    assert not re.search(r"Labor \d", text)
    sections = {p.text.split(".")[0]: p.section for p in passages}
    assert sections["The government did not publish figures on killings by security forces"] == (
        "1.a Arbitrary deprivation of life")  # a short paragraph merged with the next
    assert sections["Incident 8"] == "1.a Arbitrary deprivation of life"
    assert sections["Human rights groups reported that authorities held detainees "
                    "incommunicado for long periods"] == "1.b Disappearance"
    assert sections["Former detainees described beatings and mock executions during "
                    "interrogation"] == "1.c Torture and other cruel punishment"
    assert sections["Security forces detained journalists and bloggers who reported on "
                    "protests"] == "Section 2. Respect for Civil Liberties"
    # the title, which starts with a year, is no section of the report
    assert all(not p.section.startswith("2023") for p in passages)
    front = next(p for p in passages if p.text.startswith("Front matter"))
    assert front.section == "" and pinpoint(front.section, front.page,
                                            label=front.page_label) == "p. i"


def test_paragraph_over_a_page_break_is_one_passage_cited_with_both_printed_pages() -> None:
    passages = _passages(state_report_pdf())
    incidents = [p for p in passages if p.text.startswith("Incident ")]
    assert [p.text.split(".")[0] for p in incidents] == [f"Incident {k}" for k in range(2, 9)]
    assert all(p.text.endswith("The case was not investigated.") for p in incidents)
    over = [p for p in passages if p.page_end is not None]
    assert len(over) == 1 and over[0].page_end == over[0].page + 1
    p = over[0]
    assert (p.page_label, p.page_end_label) == ("1", "2")  # PDF pages 2 and 3
    assert pinpoint(p.section, p.page, page_end=p.page_end, label=p.page_label,
                    end_label=p.page_end_label) == "sec. 1.a, pp. 1\u20132"
    before = next(q for q in passages if q.text.startswith("Incident 2"))
    assert pinpoint(before.section, before.page, label=before.page_label) == "sec. 1.a, p. 1"


def test_without_page_labels_the_pdf_page_number_is_cited() -> None:
    passages = _passages(state_report_pdf(labels=False))
    torture = next(p for p in passages if p.section.startswith("1.c"))
    assert (torture.page, torture.page_label) == (4, "4")
    assert pinpoint(torture.section, torture.page, label=torture.page_label) == "sec. 1.c, p. 4"


def test_lines_repeated_only_on_some_pages_are_kept() -> None:
    """A report without running lines loses nothing, and its page numbers alone go."""
    passages = _passages(state_report_pdf(running=False))
    assert sum(p.text.startswith("Incident ") for p in passages) == 7
    assert all(not re.fullmatch(r"\d+", p.text) for p in passages)
    assert FOOTER not in " ".join(p.text for p in passages)


def test_year_first_title_is_never_a_section_number() -> None:
    assert pinpoint("2023 Country Reports on Human Rights Practices: Iran", 3) == (
        "sec. 2023 Country Reports on Human Rights Practices: Iran, p. 3")
    assert pinpoint("1.a Arbitrary deprivation of life", 3) == "sec. 1.a, p. 3"
    assert pinpoint("Section 2. Respect for Civil Liberties", None) == "sec. 2"


def test_named_destinations_in_the_outline_are_followed() -> None:
    """An outline pointing at named destinations (as many generators write) still gives the
    headings: made here by rewriting the outline's targets as names."""
    data = state_report_pdf()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = []
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            n = 0
            while stack:
                item = stack.pop()
                n += 1
                name = f"dest{n}"
                names += [pikepdf.String(name), item.destination]
                item.destination = pikepdf.String(name)
                stack.extend(item.children)
        pdf.Root.Names = pikepdf.Dictionary(Dests=pikepdf.Dictionary(
            Names=pikepdf.Array(sorted_pairs(names))))
        out = io.BytesIO()
        pdf.save(out)
    passages = _passages(out.getvalue())
    assert any(p.section == "1.b Disappearance" for p in passages)


def sorted_pairs(flat: list[object]) -> list[object]:
    pairs = sorted(zip(flat[::2], flat[1::2], strict=True), key=lambda kv: str(kv[0]))
    return [x for kv in pairs for x in kv]


def test_damaged_outline_and_page_labels_do_not_stop_the_import() -> None:
    """A cyclic outline and nonsense /PageLabels: the text is still read, pages numbered."""
    with pikepdf.open(io.BytesIO(state_report_pdf(labels=False))) as pdf:
        first = pdf.Root.Outlines.First
        first.Next = first
        first.First = first
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, 7, "x"]))
        out = io.BytesIO()
        pdf.save(out)
    passages = _passages(out.getvalue())
    assert sum(p.text.startswith("Incident ") for p in passages) == 7
    assert all(p.page_label for p in passages if p.page)


def test_an_outline_that_does_not_match_the_text_gives_way_to_the_fonts() -> None:
    with pikepdf.open(io.BytesIO(state_report_pdf())) as pdf:
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                item.title = f"Bookmark {len(stack)}"
                stack.extend(item.children)
        out = io.BytesIO()
        pdf.save(out)
    passages = _passages(out.getvalue())
    assert {p.section for p in passages if p.text.startswith("Incident ")} == {
        "1.a Arbitrary deprivation of life"}


@pytest.mark.parametrize("outline", [True, False], ids=["outline", "fonts"])
def test_section_number_set_apart_from_its_words_is_one_heading(outline: bool) -> None:
    from weasyprint import HTML

    from tests.unit.country_info.report_files import FILLER

    none = "" if outline else "h2, h3 { bookmark-level: none; }"
    data = HTML(string=f"""<style>.n {{ display: inline-block; width: 80pt; }} {none}</style>
        <h2>Section 1. Respect for the Integrity of the Person</h2>
        <h3><span class="n">1.a</span>Arbitrary deprivation of life</h3><p>{FILLER}</p>
        <h3><span class="n">1.b</span>Disappearance</h3><p>{FILLER}</p>""").write_pdf()
    sections = [p.section for p in _passages(data)]
    assert sections == ["1.a Arbitrary deprivation of life", "1.b Disappearance"]


def test_two_columns_are_read_one_after_the_other() -> None:
    """A two-column page: each column's paragraphs in order, one paragraph running from the
    foot of the left column to the head of the right one kept whole."""
    from weasyprint import HTML

    from tests.unit.country_info.report_files import FILLER

    paras = "".join(f"<p>Report {k}. {FILLER}{FILLER if k % 2 else ''}The end.</p>"
                    for k in range(1, 9))
    data = HTML(string=f"""<style>@page {{ size: A4; margin: 60pt; }}
        .cols {{ column-count: 2; column-gap: 30pt; font-size: 10pt; }}</style>
        <div class="cols"><h2>Arrests</h2>{paras}</div>""").write_pdf()
    passages = _passages(data)
    assert [p.text.split(".")[0] for p in passages] == [f"Report {k}" for k in range(1, 9)]
    assert all(p.text.endswith("The end.") and p.section == "Arrests" for p in passages)
