"""Stamping names its font and footer without clobbering a page's own resources, also when
pages share one resource dictionary."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Dictionary, Name
from pypdf import PdfReader

from asylum_prep.evidence import stamp


def test_stamp_keeps_existing_names_and_shares_entries() -> None:
    pdf = pikepdf.new()
    own = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                       BaseFont=Name("/Courier")))
    shared = pdf.make_indirect(Dictionary(Font=Dictionary(APF0=own)))
    for text in ("first", "second"):
        pdf.add_blank_page(page_size=stamp.LETTER)
        page = pdf.pages[-1]
        page.obj.Resources = shared
        page.contents_add(pdf.make_stream(f"BT /APF0 12 Tf 72 700 Td (own {text}) Tj ET".encode()))
    footer_pdf = pikepdf.new()
    form = footer_pdf.make_stream(b"")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, [0, 0, 10, 10]
    stamper = stamp.Stamper(pdf, footer_pdf.make_indirect(form))
    for n, page in enumerate(pdf.pages, start=1):
        stamper.stamp(page, str(n))
    fonts = shared.Font
    assert fonts.APF0.objgen == own.objgen  # the page's own font is untouched
    assert fonts.APF1.objgen == stamper.font.objgen and len(fonts.keys()) == 2  # added once
    assert shared.XObject.APX0.objgen == stamper.footer.objgen
    buf = io.BytesIO()
    pdf.save(buf)
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages]
    assert "own first" in texts[0] and texts[0].split()[-1] == "1"
    assert "own second" in texts[1] and texts[1].split()[-1] == "2"
