"""The PDF's own title (info dictionary and XMP) says what the paper is, never whose."""

from __future__ import annotations

import io

import pikepdf
import pytest

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.services.render import build

from .records import persian_record


@pytest.mark.parametrize(("doc", "title"), [
    ("declaration", "Declaration"), ("brief", "Brief"),
    ("translation-certificate", "Certificate of translation")])
@pytest.mark.parametrize("pdf_a", [False, True])
def test_pdf_metadata_is_neutral(doc: str, title: str, pdf_a: bool) -> None:
    record = persian_record()
    document, _ = build(record, jurisdiction="us", version=1, doc=doc, lang="en")
    assert "Nasrin" in document.title or doc != "declaration"  # the page's title names her
    data, _ = pdf_renderer.render(document, pdf_a=pdf_a)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        xmp = pdf.Root.Metadata.read_bytes().decode() if "/Metadata" in pdf.Root else ""
    assert info["/Title"] == title
    for text in (" ".join(info.values()), xmp):
        assert "Nasrin" not in text and "Azmayeshi" not in text and "نسرین" not in text
        assert "asylum" not in text.lower()


@pytest.mark.parametrize(("lang", "italic"), [("fa", False), ("en", True)])
def test_quotations_are_upright_in_scripts_without_an_italic_face(lang: str, italic: bool) -> None:
    """Persian and Arabic quotations: no synthetic slant (PDF) and no w:i/w:iCs (DOCX)."""
    import docx
    from docx.oxml.ns import qn

    from asylum_prep.documents import docx as docx_renderer

    from .helpers import pdf_fonts

    document, _ = build(persian_record(), jurisdiction="us", version=1, doc="declaration",
                        lang=lang)
    fonts = [name for name, _ in pdf_fonts(pdf_renderer.render(document)[0])]
    assert any("Italic" in f or "Oblique" in f for f in fonts) is italic  # Oblique: synthetic
    word = docx.Document(io.BytesIO(docx_renderer.render(document)[0]))
    quoted = [p for p in word.paragraphs if "درس" in p.text or "right to study" in p.text]
    assert quoted
    slanted = [r for p in quoted for r in p.runs
               if r._r.rPr is not None and (r._r.rPr.find(qn("w:i")) is not None
                                            or r._r.rPr.find(qn("w:iCs")) is not None)]
    assert bool(slanted) is italic


def test_the_firm_may_put_the_full_title_in_the_metadata(store, people, monkeypatch) -> None:
    """ASYLUM_PREP_NAMED_DOCUMENT_METADATA=true: the file's title is the page's, name included."""
    import docx

    from asylum_prep.services import cases
    from asylum_prep.services.render import render_document

    case = cases.open_case(store, people.attorney, people.case_id)
    cases.save_record(store, people.attorney, people.case_id, record=persian_record(),
                      base_version=case.version)

    def titles() -> tuple[str, str]:
        pdf = render_document(store, people.paralegal, people.case_id, doc="declaration",
                              fmt="pdf", lang="en")
        word = render_document(store, people.paralegal, people.case_id, doc="declaration",
                               fmt="docx", lang="en")
        with pikepdf.open(io.BytesIO(pdf.content)) as p:
            pdf_title = str(p.docinfo["/Title"])
        return pdf_title, docx.Document(io.BytesIO(word.content)).core_properties.title

    assert titles() == ("Declaration", "Declaration")
    monkeypatch.setattr(store.settings, "named_document_metadata", True)
    assert titles() == ("Declaration of Nasrin Azmayeshi",) * 2
