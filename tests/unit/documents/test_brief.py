"""The brief, read back from real PDF and DOCX output: a caption for each forum, facts cited to
the declaration's own paragraph numbers, only the elements the attorney confirmed argued,
nothing of the tool's notes, translations required for a final brief, relief for a time bar."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime

import pytest

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_brief import Brief, build_brief, exhibit_refs
from asylum_prep.documents.build_declaration import Declaration, build_declaration
from asylum_prep.documents.model import Gap, Heading, NumberedParagraph, Quotation, block_texts
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import ElementJudgment
from asylum_prep.errors import InputRefused
from asylum_prep.i18n import Translator
from asylum_prep.legal.assessment import Fact, localize
from asylum_prep.legal.elements import assess
from asylum_prep.services.render import build

from .helpers import docx_paragraphs, pdf_text
from .records import english_record, fd, persian_record

TODAY = date(2024, 6, 1)
BLANK = "________________"


def judge(record: CaseRecord, element: str, verdict: str = "agree", *, argue: bool = True,
          strength: str = "") -> None:
    record.element_judgments.append(ElementJudgment(
        element=element, verdict=verdict, strength=strength, argue=argue, by=1,
        at=datetime(2024, 6, 1, 12, len(record.element_judgments), tzinfo=UTC)))


def make(record: CaseRecord, jurisdiction: str = "us", **kw: object) -> tuple[Brief, Declaration]:
    decl = build_declaration(record, jurisdiction=jurisdiction, lang="en")
    brief = build_brief(record, jurisdiction=jurisdiction, declaration=decl,
                        assessments=assess(record, jurisdiction, today=TODAY),
                        exhibits=exhibit_refs(record), today=TODAY, **kw)  # type: ignore[arg-type]
    return brief, decl


def flat(text: str) -> str:
    return " ".join(text.split())


def filed(record: CaseRecord, **filing: object) -> CaseRecord:
    for k, v in filing.items():
        setattr(record.filing, k, v)
    return record


CAPTIONS = {
    "us_immigration_court": (
        "us", {"court": "Chicago, Illinois", "judge": "Hon. A. Example",
               "next_hearing": date(2025, 6, 3), "hearing_kind": "individual hearing"},
        ["Executive Office for Immigration Review", "Court: Chicago, Illinois",
         "In the Matter of: Leyla Testova", "A-number: A123-456-789", "In removal proceedings",
         "Immigration Judge: Hon. A. Example", "Next hearing: June 3, 2025 (individual hearing)"]),
    "us_asylum_office": (
        "us", {"court": "Newark Asylum Office"},
        ["Citizenship and Immigration Services, Asylum Office", "Applicant: Leyla Testova",
         "A-number: A123-456-789", "Affirmative asylum application",
         "Asylum office: Newark Asylum Office", f"Interview: {BLANK}"]),
    "uk_home_office": (
        "uk", {"file_number": "HO-1234567"},
        ["Home Office", "Home Office reference: HO-1234567", "Claimant: Leyla Testova"]),
    "uk_tribunal": (
        "uk", {"file_number": "PA/12345/2024", "judge": "Judge Example", "court": "Taylor House",
               "next_hearing": date(2025, 2, 4)},
        ["First-tier Tribunal (Immigration and Asylum Chamber)",
         "Appeal number: PA/12345/2024", "Judge: Judge Example", "Hearing: 4 February 2025",
         "Secretary of State for the Home Department"]),
    "ca_rpd": (
        "ca", {"file_number": "TB4-12345", "judge": "Member Example"},
        ["Immigration and Refugee Board of Canada, Refugee Protection Division",
         "RPD file number: TB4-12345", "Member: Member Example", "Claimant: Leyla Testova"]),
    "eu_authority": (
        "eu", {"file_number": "EU-77"},
        ["National determining authority", "File number: EU-77", f"Case officer: {BLANK}"]),
}


@pytest.mark.parametrize("forum", list(CAPTIONS))
def test_caption_for_each_forum_in_the_pdf(forum: str) -> None:
    jurisdiction, facts, expected = CAPTIONS[forum]
    record = filed(english_record(n_incidents=1), forum=forum, **facts)
    brief, _ = make(record, jurisdiction)
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    for words in expected:
        assert words in text, (forum, words)
    if jurisdiction != "us":
        assert "A-number" not in text and "removal proceedings" not in text


def test_caption_and_signature_in_the_docx_with_blanks_for_what_nobody_entered() -> None:
    record = filed(english_record(n_incidents=1), forum="us_immigration_court",
                   counsel_name="Jane Counsel", counsel_eoir_id="EO123456",
                   served_on="DHS/ICE Office of the Principal Legal Advisor")
    brief, _ = make(record)
    paras = docx_paragraphs(docx_renderer.render(brief.document)[0])
    text = "\n".join(paras)
    assert f"Immigration Judge: {BLANK}" in text and f"Next hearing: {BLANK}" in text
    assert "Counsel: Jane Counsel" in text and "EOIR ID: EO123456" in text
    assert f"Bar number: {BLANK}" in text
    assert ("I certify that on ________________ I served a copy of this brief and its "
            "attachments on DHS/ICE Office of the Principal Legal Advisor by "
            "________________.") in text
    headings = [b.text.text for b in brief.document.blocks
                if isinstance(b, Heading) and b.level == 1 and b.anchor]
    assert headings[0] == "Statement of facts" and "Issues presented" not in headings
    assert headings[-1] == "Certificate of service"
    contents = paras.index("Table of contents")
    assert paras[contents + 1:contents + 1 + len(headings)] == [
        f"{n}. {h}" for n, h in enumerate(headings, start=1)]


def test_pdf_contents_print_the_page_each_section_starts_on() -> None:
    record = english_record()
    judge(record, "harm")
    brief, _ = make(record)
    pages = pdf_text(pdf_renderer.render(brief.document)[0]).split("\f")
    toc = pages[0].split("Table of contents", 1)[1].split("Statement of facts\n", 1)[0]
    listed = dict(re.findall(r"^\d+\.\s+(\S.*?)[ .]*\s(\d+)$", toc, flags=re.M))
    assert {"Statement of facts", "Argument", "Conclusion", "Certificate of service"} <= set(listed)
    for title, page in listed.items():
        body = pages[int(page) - 1] if int(page) > 1 else pages[0].split(toc, 1)[1]
        assert re.search(rf"^{re.escape(title)}$", body, flags=re.M), (title, page)


def _decl_paragraphs(decl: Declaration) -> dict[int, str]:
    out: dict[int, str] = {}
    current = 0
    for b in decl.document.blocks:
        if isinstance(b, NumberedParagraph):
            current = b.number
            out[current] = " ".join(p.text for p in b.parts)
        elif isinstance(b, Quotation):
            out[current] += " " + b.text.text
    return out


def test_every_decl_cite_points_at_the_paragraph_holding_the_quoted_words() -> None:
    record = english_record()
    for key in ("protected_ground", "nexus", "harm"):
        judge(record, key)
    brief, decl = make(record)
    paras = _decl_paragraphs(decl)
    blocks = list(brief.document.blocks)
    facts = argued = 0
    for i, b in enumerate(blocks):
        text = " ".join(block_texts(brief.document.model_copy(update={"blocks": (b,)})))
        m = re.match(r"^\u201c(.*)\u201d \(Decl\. \u00b6 (\d+)[.;]", text)
        if m:  # statement of facts: the paragraph's own words
            assert paras[int(m.group(2))] == m.group(1)
            facts += 1
        m = re.search(r"\(Decl\. \u00b6 (\d+)[.;]", text)
        if m and i + 1 < len(blocks) and isinstance(blocks[i + 1], Quotation):
            quote = blocks[i + 1]
            assert isinstance(quote, Quotation)
            assert quote.text.text in paras[int(m.group(1))]
            argued += 1
    assert facts == len(paras) and argued >= 5
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    assert f"(Decl. \u00b6 {len(paras)}.)" in text


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 2)[-1].split(end, 1)[0]


def test_only_what_the_attorney_confirmed_is_argued() -> None:
    record = english_record()
    judge(record, "protected_ground")  # agree
    judge(record, "nexus", "disagree", argue=False, strength="supported")
    judge(record, "harm", "disagree", strength="supported")
    judge(record, "subjective_fear", "disagree", strength="against")
    judge(record, "bars")  # never argued
    judge(record, "nexus", "agree", argue=False)  # the latest entry wins
    brief, _ = make(record)
    pdf = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    argument = _section(pdf, "Argument", "Non-refoulement")
    assert "Protected ground" in argument and "Harm amounting to persecution" in argument
    for title in ("Nexus", "Subjective fear", "Bars", "Past persecution", "Internal relocation",
                  "Argued in the alternative"):
        assert title not in argument, title
    issues = _section(pdf, "Issues presented", "Legal standard")
    assert "Whether Respondent has established the element of Protected ground." in issues
    assert "nexus" not in issues.lower()
    assert any("Past persecution" in n.message() for n in brief.notices)

    alt, _ = make(record, unjudged="alternative")
    text = flat(pdf_text(pdf_renderer.render(alt.document)[0]))
    later = text.split("Argued in the alternative", 2)[-1]
    assert "In the alternative, Respondent submits" in later
    assert "Past persecution" in later and "Internal relocation" in later
    assert "Nexus" not in _section(text, "Argument", "Argued in the alternative")
    assert "Bars" not in later and "Subjective fear" not in _section(
        later, "In the alternative", "Alternative relief")


def test_the_brief_never_prints_the_tools_notes_ids_or_facts_against() -> None:
    record = english_record()
    record.incidents.items[1].injuries = "No injuries, they only shouted at me."
    record.incidents.items[1].injury_level = "none"
    for key in ("protected_ground", "nexus", "harm", "agent_state_protection",
                "past_persecution", "subjective_fear", "internal_relocation"):
        judge(record, key)
    decl = build_declaration(record, jurisdiction="us", lang="en")
    assessments = assess(record, "us", today=TODAY)
    # whatever the rules say, an answer listed against an element is never argued for it
    no_injury = Fact(path="incidents.items.inc1.injuries", label="Injuries",
                     text="No injuries, they only shouted at me.")
    assessments = [dataclasses.replace(el, facts=(*el.facts, no_injury), against=(no_injury,))
                   if el.key == "harm" else el for el in assessments]
    brief = build_brief(record, jurisdiction="us", declaration=decl, assessments=assessments,
                        today=TODAY, draft=True)
    argument = flat(_section("\n".join(block_texts(brief.document)), "Argument",
                             "Non-refoulement"))
    assert "No injuries" not in argument
    for doc in (pdf_text(pdf_renderer.render(brief.document)[0]),
                "\n".join(docx_paragraphs(docx_renderer.render(brief.document)[0]))):
        text = flat(doc)
        for word in ("Next step", "Thin support", "Thin", "No support yet", "inc0", "inc1",
                     "incidents.items", "mom", "m1", "tr1", "fear.who", "Strength"):
            assert not re.search(rf"\b{re.escape(word)}\b", text), word
        en = Translator("en")
        for el in assessments:
            for template, params in ((el.reason_template, el.reason_params),
                                     (el.next_step_template, el.next_step_params)):
                tool_words = flat(localize(template, params, en))
                assert not tool_words or tool_words not in text, tool_words


def test_authorities_are_cited_through_the_library_and_unknown_ids_left_out() -> None:
    record = english_record(n_incidents=1)
    judge(record, "harm")
    decl = build_declaration(record, jurisdiction="us", lang="en")
    assessments = [dataclasses.replace(el, authorities=("matter_of_acosta", "unknown_id"))
                   if el.key == "harm" else el for el in assess(record, "us", today=TODAY)]
    library = {"matter_of_acosta": "Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)"}
    brief = build_brief(record, jurisdiction="us", declaration=decl, assessments=assessments,
                        cite=library.get, today=TODAY)
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    assert "See Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)." in text
    assert "unknown_id" not in text
    left_out = [n.params["id"] for n in brief.notices if "id" in n.params]
    assert "unknown_id" in left_out and "matter_of_acosta" not in left_out
    assert len(left_out) == len(set(left_out))  # each id reported once
    assert not any(aid in text for aid in left_out)


def test_a_persian_case_without_translations_refuses_a_final_brief_naming_the_questions() -> None:
    record = persian_record(translate=False)
    judge(record, "harm")
    with pytest.raises(InputRefused) as err:
        build(record, jurisdiction="us", version=1, doc="brief", draft=False)
    message = err.value.message()
    assert "current English translation" in message
    assert "fear" in message.lower() and "fear.who" not in message
    assert "incidents.items" not in message and "fa1" not in message
    doc, _ = build(record, jurisdiction="us", version=1, doc="brief", draft=True)
    assert doc.watermark == "DRAFT"
    gaps = [b for b in doc.blocks if isinstance(b, Gap)]
    assert gaps
    text = pdf_text(pdf_renderer.render(doc)[0])
    assert "has no current English translation" in text and "DRAFT" in text
    assert not re.search("[\u0600-\u06ff]", text.replace("\u200c", ""))  # no Persian words
    # translated, the final brief is made, without a watermark
    good = persian_record()
    judge(good, "harm")
    doc, _ = build(good, jurisdiction="us", version=1, doc="brief", draft=False)
    assert doc.watermark == "" and not any(isinstance(b, Gap) for b in doc.blocks)
    assert "Officers took me out of class and interrogated me." in "\n".join(block_texts(doc))


def test_a_time_barred_us_case_argues_withholding_and_cat_as_the_main_relief() -> None:
    record = filed(english_record(n_incidents=1), forum="us_immigration_court")
    record.leaving.entries = [CaseRecord.model_validate({"leaving": {"entries": [
        {"id": "en1", "kind": "arrival", "date": fd(2020, 1, 5), "place": "New York"}]}}
    ).leaving.entries[0]]
    record.timing.why_now = ""
    judge(record, "harm")
    brief, _ = make(record)
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    assert "Relief sought" in text and "Alternative relief" not in text
    assert "barred by the one-year deadline" in text
    assert "Withholding of removal is mandatory" in text
    assert "Protection under the Convention against Torture is mandatory" in text
    conclusion = _section(text, "Conclusion For these reasons", "Respectfully submitted")
    assert "withholding of removal" in conclusion and "Convention against Torture" in conclusion
    assert "asylum," not in conclusion and "asylum be granted" not in conclusion
    # the same case in time argues them in the alternative and asks for asylum too
    timely, _ = make(filed(english_record(n_incidents=1), forum="us_immigration_court"))
    text = flat(pdf_text(pdf_renderer.render(timely.document)[0]))
    assert "Alternative relief" in text and "Relief sought" not in text
    assert "asks that asylum, withholding of removal" in text


def test_affirmative_case_asks_for_asylum_only() -> None:
    record = filed(english_record(n_incidents=1), forum="us_asylum_office")
    brief, _ = make(record)
    text = flat("\n".join(block_texts(brief.document)))
    assert "respectfully asks that asylum be granted" in text
    assert "Alternative relief" not in text


def test_worksheet_holds_the_teams_notes_and_is_never_filed() -> None:
    record = english_record()
    record.screening.serious_crimes = "yes"  # touches a bar
    record.screening.serious_crimes_detail = "I was fined for a protest banner."
    judge(record, "nexus", "disagree", argue=False, strength="thin")
    record.element_judgments[-1].reason = "Ask about the articles first."
    assessments = assess(record, "us", today=TODAY)
    doc, _ = build(record, jurisdiction="us", version=3, doc="worksheet")
    assert doc.watermark == "NOT FOR FILING" and doc.file_title == "Worksheet"
    pdf = pdf_text(pdf_renderer.render(doc)[0])
    pages = [p for p in pdf.split("\f") if p.strip()]
    assert all("NOT FOR FILING" in flat(p) for p in pages)
    text = flat(pdf)
    assert text.startswith("Leyla Testova") and "Attorney work product: not for filing" in text
    en = Translator("en")
    steps = [flat(localize(el.next_step_template, el.next_step_params, en))
             for el in assessments if el.next_step]
    assert steps and all(step in text for step in steps)
    assert "Bars to protection" in text
    bars = next(el for el in assessments if el.key == "bars")
    risks = text.split("Bars to protection", 1)[1]
    assert flat(localize(bars.reason_template, bars.reason_params, en)) in risks
    assert "I was fined for a protest banner." in risks
    assert "The attorney disagrees and rates it: Thin." in text
    assert "The attorney says not to argue it in the brief." in text
    assert "Ask about the articles first." in text
    assert "No attorney has judged this element yet." in text
    word = "\n".join(docx_paragraphs(docx_renderer.render(doc)[0]))
    assert "Next step:" in word and "Facts for" in word


def test_one_year_exception_and_humanitarian_asylum_argued_where_the_record_shows_them() -> None:
    from asylum_prep.legal.assessment import TestPart

    record = filed(english_record(n_incidents=1), forum="us_immigration_court")
    record.leaving.entries = [CaseRecord.model_validate({"leaving": {"entries": [
        {"id": "en1", "kind": "arrival", "date": fd(2020, 1, 5), "place": "New York"}]}}
    ).leaving.entries[0]]
    record.timing.changed_circumstances = "The government arrested my editor in 2023."
    judge(record, "harm")
    decl = build_declaration(record, jurisdiction="us", lang="en")
    assessments = assess(record, "us", today=TODAY)
    severe = TestPart("humanitarian_severity", "Severity of past persecution", "met")
    assessments = [dataclasses.replace(el, parts=(*el.parts, severe))
                   if el.key == "past_persecution" else el for el in assessments]
    brief = build_brief(record, jurisdiction="us", declaration=decl, assessments=assessments,
                        today=TODAY)
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    assert "an exception applies" in text and "humanitarian asylum" in text
    assert "Alternative relief" in text and "barred by the one-year deadline" not in text
    plain = build_brief(record, jurisdiction="us", declaration=decl,
                        assessments=assess(record, "us", today=TODAY), today=TODAY)
    assert "humanitarian asylum" not in flat("\n".join(block_texts(plain.document)))


def test_exhibits_are_cited_beside_the_facts_they_corroborate() -> None:
    from asylum_prep.domain.evidence import EvidenceItem

    record = english_record(n_incidents=2)
    judge(record, "harm")
    record.evidence.append(EvidenceItem(
        id="ev1", title="Medical report", mime="application/pdf", stored_blob="b",
        original_sha256="0" * 64, stored_sha256="0" * 64, original_size=1, stored_size=1,
        page_count=3, incidents=["inc1"], added_by=1,
        added_at=datetime(2024, 6, 1, tzinfo=UTC)))
    brief, decl = make(record)
    text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
    injury = decl.paragraph_for("incidents.items.inc1.injuries")
    other = decl.paragraph_for("incidents.items.inc0.injuries")
    assert f"(Decl. \u00b6 {injury}; Ex. A at 1\u20133.)" in text
    assert f"(Decl. \u00b6 {other}.)" in text  # the other incident has no exhibit
    assert f"Injuries (February 3, 2020): (Decl. \u00b6 {injury}; Ex. A at 1\u20133.)" in text


def test_agreeing_that_an_element_is_missing_never_argues_it() -> None:
    record = english_record(n_incidents=1)
    judge(record, "timeliness")  # the tool: missing (no arrival recorded); argue left ticked
    judge(record, "harm")
    brief, _ = make(record, unjudged="alternative")
    argued = [b.text.text for b in brief.document.blocks
              if isinstance(b, Heading) and b.level == 2]
    assert "Harm amounting to persecution" in argued
    assert "One-year filing deadline" not in argued


def test_met_parts_are_argued_and_parts_not_shown_are_draft_gaps_only() -> None:
    from asylum_prep.legal.assessment import TestPart

    record = english_record(n_incidents=1)
    judge(record, "nexus")
    decl = build_declaration(record, jurisdiction="us", lang="en")
    parts = (TestPart("motive", "A ground as the persecutor's motive", "met"),
             TestPart("central", "At least one central reason", "not_shown"))
    assessments = [dataclasses.replace(el, parts=parts) if el.key == "nexus" else el
                   for el in assess(record, "us", today=TODAY)]
    for draft in (True, False):
        brief = build_brief(record, jurisdiction="us", declaration=decl,
                            assessments=assessments, today=TODAY, draft=draft)
        text = flat(pdf_text(pdf_renderer.render(brief.document)[0]))
        assert ("Respondent meets these parts of the test: (a) A ground as the persecutor's "
                "motive") in text
        gap = "Part of the test not shown on this record: At least one central reason."
        assert (gap in text) is draft
        assert "(b) At least one central reason" not in text
