"""Hostile evidence made harmless: active PDF content wherever it hides, Word documents that
reach outside, photos that give away where they were taken, and LibreOffice cut off the
network. Each file is built by tests/hostile/corpus.py; each check reads the real output."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pikepdf
import pytest
from PIL import Image

from asylum_prep.evidence import intake, pdf_clean

from . import corpus

LIMIT = 25 * 1024 * 1024
FORBIDDEN = {"/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
             "/RichMedia", "/EmbeddedFile", "/EmbeddedFiles", "/AA", "/OpenAction", "/EF"}
GPS_IFD, MAKE, MODEL = 0x8825, 0x010F, 0x0110


# --- an independent look at every object of a PDF ---------------------------------------


def _every_object(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every dictionary, stream and array: from the trailer down, direct objects included,
    plus every object in the object table."""
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        yield obj
        stack.extend(obj if isinstance(obj, pikepdf.Array) else obj.values())


def names_in(data: bytes) -> set[str]:
    """Every key and every name value anywhere in the PDF."""
    found: set[str] = set()
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        for obj in _every_object(pdf):
            values = list(obj) if isinstance(obj, pikepdf.Array) else [*obj.values()]
            if not isinstance(obj, pikepdf.Array):
                found |= set(obj.keys())
            found |= {str(v) for v in values if isinstance(v, pikepdf.Name)}
    return found


def page_text(data: bytes) -> bytes:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        return b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p))
                        for p in pdf.pages)


HOSTILE_PDFS: dict[str, Callable[[], bytes]] = {
    "direct annotations": corpus.pdf_direct_annotations,
    "actions everywhere": corpus.pdf_actions_everywhere,
}


@pytest.mark.parametrize("build", HOSTILE_PDFS.values(), ids=HOSTILE_PDFS.keys())
def test_pdf_active_content_is_gone_from_every_object(build: Callable[[], bytes]) -> None:
    hostile = build()
    assert names_in(hostile) & FORBIDDEN  # the file really is hostile
    cleaned = intake.process(hostile, max_bytes=LIMIT)
    assert names_in(cleaned.data) & FORBIDDEN == set()
    assert b"Hostile page 1" in page_text(cleaned.data)  # the content stays
    for text in (b"app.alert", b"cmd.exe", b"/bin/sh", b"MZ evil", b"submitForm", b"tracker"):
        assert text not in cleaned.data
    assert "Scripts removed." in cleaned.removed


def test_pdf_direct_annotations_web_link_kept_without_its_chain() -> None:
    cleaned = intake.process(corpus.pdf_direct_annotations(), max_bytes=LIMIT)
    assert {"Scripts removed.", "Automatic actions removed.", "Attached files removed.",
            "Links that open programs or files removed."} <= set(cleaned.removed)
    with pikepdf.Pdf.open(io.BytesIO(cleaned.data)) as pdf:
        annots = pdf.pages[0].Annots
        assert [str(a.Subtype) for a in annots] == ["/Link", "/Link", "/Link"]  # media gone
        web = [a.A for a in annots if "/A" in a]
        assert len(web) == 1 and str(web[0].URI) == "https://example.org/"
        assert "/Next" not in web[0]
        assert "/AA" not in pdf.pages[0].obj


def test_pdf_form_outline_and_names_cleaned_and_still_valid() -> None:
    cleaned = intake.process(corpus.pdf_actions_everywhere(), max_bytes=LIMIT)
    assert cleaned.page_count == 2
    with pikepdf.Pdf.open(io.BytesIO(cleaned.data)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert "/OpenAction" not in pdf.Root
        widget = pdf.Root.AcroForm.Fields[0]
        assert "/AA" not in widget and "/A" not in widget and str(widget.T) == "name"
        assert str(pdf.Root.Outlines.First.Title) == "Chapter"  # the outline item stays
        assert "/A" not in pdf.Root.Outlines.First
        assert len(pdf.attachments) == 0
        link = pdf.pages[1].Annots[0]
        assert str(link.A.S) == "/GoTo" and "/Next" not in link.A  # internal link kept


def _jpegs_in_pdf(data: bytes) -> list[bytes]:
    out = []
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for xobj in page.get_images().values():
                image = pikepdf.PdfImage(xobj)
                buf = io.BytesIO()
                assert image.extract_to(stream=buf) == ".jpg"
                out.append(buf.getvalue())
    return out


def test_pdf_photos_lose_gps_and_camera_but_keep_every_pixel() -> None:
    hostile = corpus.pdf_with_photos()
    before = _jpegs_in_pdf(hostile)
    assert all(Image.open(io.BytesIO(j)).getexif().get_ifd(GPS_IFD) for j in before)
    cleaned = intake.process(hostile, max_bytes=LIMIT)
    assert "Location removed." in cleaned.removed
    assert any("Camera details" in n for n in cleaned.removed)
    after = _jpegs_in_pdf(cleaned.data)
    assert len(after) == 2
    for old, new in zip(before, after, strict=True):
        img = Image.open(io.BytesIO(new))
        exif = img.getexif()
        assert not exif.get_ifd(GPS_IFD) and MAKE not in exif and MODEL not in exif
        assert "comment" not in img.info and b"PhoneMaker" not in new and b"safe house" not in new
        assert img.tobytes() == Image.open(io.BytesIO(old)).tobytes()  # lossless
    assert pdf_clean.findings(pikepdf.Pdf.open(io.BytesIO(cleaned.data))) == set()
