"""Reading report files made by the tests: PDF pages, HTML sections, text, Markdown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from asylum_prep.country_info.importers import (
    ImportOptions,
    parse_file,
    resolve_metadata,
    series_key,
    valid_country,
)
from asylum_prep.country_info.passages import MAX_CHARS, to_passages
from asylum_prep.errors import InputRefused
from tests.unit.country_info.conftest import SAMPLES, make_pdf

PAGE_TEXT = (
    "Security forces detained {word} protesters in the capital and held them without charge "
    "for several weeks, according to credible reports received by monitors."
)


def test_pdf_passages_keep_their_page_numbers(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "r.pdf", [
        f"<h2>Section 1 Arrests</h2><p>{PAGE_TEXT.format(word='alpha')}</p>",
        f"<p>{PAGE_TEXT.format(word='bravo')}</p>",
        f"<h2>Section 2 Press</h2><p>{PAGE_TEXT.format(word='charlie')}</p>",
    ], title="Country Report 2023: Veldania", author="Ministry of Samples", created="2024-04-22")
    parsed = parse_file(pdf.name, pdf.read_bytes())
    assert parsed.kind == "pdf" and parsed.page_count == 3
    assert parsed.title == "Country Report 2023: Veldania"
    assert parsed.publisher == "Ministry of Samples"
    passages = to_passages(parsed.blocks)
    where = {w: (p.page, p.section) for p in passages for w in ("alpha", "bravo", "charlie")
             if w in p.text}
    assert where == {"alpha": (1, "Section 1 Arrests"), "bravo": (2, "Section 1 Arrests"),
                     "charlie": (3, "Section 2 Press")}


def test_pdf_without_text_or_damaged_is_refused(tmp_path: Path) -> None:
    blank = make_pdf(tmp_path / "blank.pdf", ["<div></div>"])
    with pytest.raises(InputRefused, match="no text layer"):
        parse_file("blank.pdf", blank.read_bytes())
    with pytest.raises(InputRefused, match="could not be read"):
        parse_file("broken.pdf", b"%PDF-1.7\n garbage \n%%EOF")
    with pytest.raises(InputRefused, match="not a PDF"):
        parse_file("fake.pdf", b"hello")


def test_html_headings_become_sections_and_meta_is_read() -> None:
    data = (SAMPLES / "veldania_students_briefing.html").read_bytes()
    parsed = parse_file("b.html", data)
    assert parsed.title == "FICTIONAL - Veldania: Students Under Pressure"
    assert parsed.publisher == "Sample Rights Monitor (fictional)"
    assert parsed.published == date(2024, 9, 2)
    assert parsed.country == "XV"
    assert parsed.url == "https://example.org/fictional/veldania-students"
    passages = to_passages(parsed.blocks)
    assert all("notText" not in p.text and "font-family" not in p.text for p in passages)
    sections = {p.section for p in passages}
    assert {"Detention of student activists", "Internal relocation"} <= sections
    relocation = next(p for p in passages if p.section == "Internal relocation")
    assert "residence register" in relocation.text and relocation.page is None


def test_markdown_and_text_sections_and_front_matter() -> None:
    md = parse_file("r.md", (SAMPLES / "veldania_human_rights_2023.md").read_bytes())
    assert md.published == date(2024, 3, 15) and md.country == "XV"
    passages = to_passages(md.blocks)
    arrests = [p for p in passages if p.section == "Section 1.d Arbitrary Arrest or Detention"]
    assert len(arrests) == 2 and "Green Lantern" in arrests[1].text
    txt = parse_file("r.txt", (SAMPLES / "veldania_human_rights_2021.txt").read_bytes())
    sections = [p.section for p in to_passages(txt.blocks)]
    assert "Section 5 Internal Relocation" in sections
    assert "Section 2.b Freedom of Peaceful Assembly" in sections


def test_long_paragraphs_are_split_and_scraps_merged() -> None:
    long_para = " ".join(f"Sentence number {i} describes an event in detail." for i in range(200))
    parsed = parse_file("x.txt", f"Short.\n\n{long_para}\n".encode())
    passages = to_passages(parsed.blocks)
    assert len(passages) > 3 and all(len(p.text) <= MAX_CHARS for p in passages)
    assert passages[0].text.startswith("Short. Sentence number 0")
    assert [p.ordinal for p in passages] == list(range(1, len(passages) + 1))


def test_metadata_options_win_and_are_validated() -> None:
    parsed = parse_file("x.md", b"Some paragraph of report text that is long enough to keep.")
    with pytest.raises(InputRefused, match="ISO 3166"):
        resolve_metadata(parsed, ImportOptions(country="Veldania", publisher="P"), "x.md")
    with pytest.raises(InputRefused, match="publisher"):
        resolve_metadata(parsed, ImportOptions(country="ir"), "x.md")
    with pytest.raises(InputRefused, match="http"):
        resolve_metadata(parsed, ImportOptions(country="IR", publisher="P", url="javascript:x"),
                         "x.md")
    meta = resolve_metadata(parsed, ImportOptions(country="ir", publisher="P",
                                                  published=date(2020, 1, 2)), "dir/x.md")
    assert (meta.country, meta.title, meta.published) == ("IR", "x", date(2020, 1, 2))
    assert valid_country("xv") == "XV" and valid_country(" sv ") == "SV"
    for bad in ("EU", "ZZ", "", "IRN", "1"):
        with pytest.raises(InputRefused):
            valid_country(bad)


def test_series_ignores_years() -> None:
    assert series_key("U.S. Dep't of State", "IR", "2022 Country Reports: Iran") == series_key(
        "U.S. Dep't of State", "IR", "2023 Country Reports: Iran")
    assert series_key("A", "IR", "Report 2023") != series_key("A", "SV", "Report 2023")


def test_unsupported_and_binary_files_are_refused() -> None:
    with pytest.raises(InputRefused, match="Only PDF"):
        parse_file("photo.jpg", b"\xff\xd8\xff")
    with pytest.raises(InputRefused, match="not a text file"):
        parse_file("x.txt", b"abc\x00\x00\x00def")
    with pytest.raises(InputRefused, match="No text"):
        parse_file("x.md", b"# Only a heading\n")
