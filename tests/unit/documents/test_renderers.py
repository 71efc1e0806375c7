"""PDF and DOCX read back: numbering, incidents, closing, page X of Y, fonts, same text in order."""

from __future__ import annotations

import re

import pikepdf
import pytest

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.model import Document, NumberedParagraph, Text

from .helpers import docx_footer_xml, docx_paragraphs, pdf_fonts, pdf_text, words
from .records import english_record


@pytest.fixture(scope="module")
def decl():
    return build_declaration(
        english_record(n_incidents=4, words=400), jurisdiction="us", draft=True
    )


@pytest.fixture(scope="module")
def pdf_bytes(decl):
    data, notices = pdf_renderer.render(decl.document)
    assert notices == []
    return data


@pytest.fixture(scope="module")
def docx_bytes(decl):
    data, notices = docx_renderer.render(decl.document)
    assert notices == []
    return data


def test_pdf_reads_back(decl, pdf_bytes):
    text = pdf_text(pdf_bytes)
    pages = len(pikepdf.open(__import__("io").BytesIO(pdf_bytes)).pages)
    assert pages >= 2
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    assert text.count("Leyla Testova") >= pages  # running header on every page
    last = max(b.number for b in decl.document.blocks if isinstance(b, NumberedParagraph))
    found = [int(m) for m in re.findall(r"^(\d+)\. ", text, flags=re.M)]
    assert found == list(range(1, last + 1))
    flat = " ".join(text.split())
    for i in range(4):
        assert f"Incident number {i}:" in flat
    assert "I declare under penalty of perjury that the foregoing is true and correct." in flat


def test_docx_reads_back(decl, docx_bytes):
    paras = docx_paragraphs(docx_bytes)
    nums = [int(m.group(1)) for p in paras if (m := re.match(r"(\d+)\. ", p))]
    last = max(b.number for b in decl.document.blocks if isinstance(b, NumberedParagraph))
    assert nums == list(range(1, last + 1))
    body = "\n".join(paras)
    for i in range(4):
        assert f"Incident number {i}:" in body
    assert "I declare under penalty of perjury that the foregoing is true and correct." in body
    footer = docx_footer_xml(docx_bytes)
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in footer and " of " in footer


def test_both_formats_carry_the_same_text_in_the_same_order(pdf_bytes, docx_bytes):
    pdf_words = words(pdf_text(pdf_bytes))
    # drop running header/footer words from the PDF stream (they repeat on every page)
    stripped = " ".join(pdf_words)
    stripped = re.sub(r"Leyla Testova A123 456 789 ", "", stripped)
    stripped = re.sub(r"Page \d+ of \d+ v\d+ SHA 256 \w+ ?|Page \d+ of \d+ ?", "", stripped)
    docx_words = " ".join(words("\n".join(docx_paragraphs(docx_bytes))))
    assert stripped.split() == docx_words.split()


def test_every_pdf_font_is_embedded(pdf_bytes):
    fonts = pdf_fonts(pdf_bytes)
    assert fonts and all(emb == "yes" for _, emb in fonts)


def test_pdf_a_variant(decl):
    data, _ = pdf_renderer.render(decl.document, pdf_a=True)
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2B"


def test_single_run_paragraph_shows_spaces_as_white_space_normal_would():
    """Paragraphs in one language and direction are set `white-space: pre-wrap` for speed, with
    their spaces collapsed beforehand (pdf.one_run), so line breaks, tabs and runs of spaces in
    an answer still read as single spaces; a part in another language keeps its own span."""
    messy = Text(text="  Line one\n\tline   two\r\n", lang="en")
    assert pdf_renderer.one_run((messy, Text(text="and\xa0three", lang="en"))) == (
        "Line one line two and\xa0three"
    )
    assert pdf_renderer.one_run((messy, Text(text="چون", lang="fa"))) is None
    doc = Document(
        title="t",
        blocks=(NumberedParagraph(number=1, parts=(messy, Text(text="end.", lang="en"))),),
    )
    assert 'class="numbered run"' in pdf_renderer.render_html(doc)
    data, notices = pdf_renderer.render(doc)
    assert notices == []
    assert "1. Line one line two end." in pdf_text(data)
