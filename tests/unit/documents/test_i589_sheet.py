"""The I-589 item-by-item sheet, rendered for real (PDF read back with pdftotext, DOCX with
python-docx): items and answers, the continuation sheet, untranslated answers named, names in
another script listed for transliteration."""

from __future__ import annotations

import io
import subprocess

import docx as python_docx

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.domain.record import CaseRecord
from asylum_prep.samples import load_sample
from asylum_prep.services.render import DOCS, build


def _pdf_text(record: CaseRecord) -> str:
    document, _ = build(record, jurisdiction="us", version=1, doc="i589-sheet")
    content, _ = pdf_renderer.render(document)
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=content, capture_output=True,
                         check=True)
    return " ".join(out.stdout.decode().split())


def _docx_text(record: CaseRecord) -> str:
    document, _ = build(record, jurisdiction="us", version=1, doc="i589-sheet")
    content, _ = docx_renderer.render(document)
    d = python_docx.Document(io.BytesIO(content))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([*(p.text for p in d.paragraphs), *cells]).split())


def test_the_sheet_is_a_document_kind() -> None:
    assert "i589-sheet" in DOCS


def test_sample_sheet_lists_items_and_answers() -> None:
    text = _pdf_text(load_sample())
    for expected in ("Part A.I. Information About You", "Complete Last Name Kovelli",
                     "Date of Birth (mm/dd/yyyy) 04/06/1990", "Gender Male",
                     "Part A.II. Information About Your Spouse and Children", "Child 2",
                     "Part B. Information About Your Application", "Part C. Additional",
                     "Part D. Your Signature", "Write your name in your native alphabet"):
        assert expected in text, expected
    assert "Child 3" not in text  # an empty repeated row is left out
    # the incidents' own words are long: continued on the Supplement B style page
    assert "Continuation sheet (Supplement B)" in text
    assert "See the continuation sheet (Supplement B): Part B, item 1.A (explanation)" in text
    assert "Continues Part B, item 1.A (explanation)" in text
    assert "Incident 1" in text


def test_docx_has_the_same_items() -> None:
    text = _docx_text(load_sample())
    assert "Complete Last Name" in text and "Kovelli" in text
    assert "Continuation sheet (Supplement B)" in text


def test_untranslated_answer_is_named_not_printed() -> None:
    record = load_sample()
    record = record.model_copy(update={
        "filing": record.filing.model_copy(update={"answer_language": "fa"}),
        "about": record.about.model_copy(update={"family_name": "کوولی",
                                                 "religion": "بدون دین"}),
    })
    text = _pdf_text(record)
    assert "بدون دین" not in text and "کوولی" not in text
    assert "Religion [Not translated yet" in text
    assert "Complete Last Name [Written only in the applicant's own script" in text
    assert "For the team: not translated yet" in text
    assert "Part A.I, item 17" in text  # religion named in the team's list
    assert "For the team: names and places to write in Latin letters" in text
    assert "Part A.I, item 4" in text


def test_persian_case_prints_current_translations_and_names_the_rest() -> None:
    from .records import persian_record

    text = _docx_text(persian_record(translate=True, stale=("fear.why",)))
    assert "Complete Last Name Azmayeshi" in text and "First Name Nasrin" in text
    assert "Why I would be harmed: [Not translated yet" in text  # a stale translation
    assert "What harm I fear: Prison" in text and "Who would harm me: The security agents" in text
    assert "زندان" not in text and "مأموران" not in text
    untranslated = _docx_text(persian_record(translate=False))
    assert "Azmayeshi" not in untranslated and "آزمایشی" not in untranslated
    assert "Complete Last Name [Written only in the applicant's own script" in untranslated
