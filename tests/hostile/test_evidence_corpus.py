"""Hostile evidence made harmless: active PDF content wherever it hides, Word documents that
reach outside, photos that give away where they were taken, and LibreOffice cut off the
network. Each file is built by tests/hostile/corpus.py; each check reads the real output."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator

import pikepdf
import pytest
from docx import Document
from PIL import Image

from asylum_prep.errors import InputRefused
from asylum_prep.evidence import docx_clean, intake, office, pdf_clean

from . import corpus
from .trap import trap_server

LIMIT = 25 * 1024 * 1024
FORBIDDEN = {"/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
             "/RichMedia", "/EmbeddedFile", "/EmbeddedFiles", "/AA", "/OpenAction", "/EF"}
GPS_IFD, MAKE, MODEL = 0x8825, 0x010F, 0x0110
needs_office = pytest.mark.skipif(office.soffice_path() is None,
                                  reason="LibreOffice is installed by `make test`")


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


# --- Word: outside links ------------------------------------------------------------------


def outside_relationships(data: bytes) -> list[str]:
    """Every relationship of every *.rels part that points outside the file."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith(".rels"):
                for rel in ET.fromstring(zf.read(name)):
                    target = rel.get("Target") or ""
                    if (rel.get("TargetMode") or "").lower() == "external" or "://" in target:
                        found.append(f"{name}: {target}")
    return found


def _part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


@pytest.mark.parametrize("form", ["single", "pair", "double"])
def test_docx_remote_picture_dropped_in_every_spelling(form: str) -> None:
    hostile = corpus.docx_remote_picture("http://127.0.0.1:9/pic.png", form=form)
    assert outside_relationships(hostile)
    cleaned = docx_clean.clean_docx(hostile)
    assert outside_relationships(cleaned.data) == []
    assert b"rTrap" not in _part(cleaned.data, "word/document.xml")
    assert any("outside the file" in n for n in cleaned.removed)
    assert Document(io.BytesIO(cleaned.data)).paragraphs[0].text.startswith("I saw the arrest")


def test_docx_remote_template_dropped() -> None:
    hostile = corpus.docx_remote_template("http://127.0.0.1:9/t.dotm")
    cleaned = docx_clean.clean_docx(hostile)
    assert outside_relationships(cleaned.data) == []
    assert b"attachedTemplate" not in _part(cleaned.data, "word/settings.xml")
    assert "Link to an outside template removed." in cleaned.removed


def test_docx_web_link_keeps_its_text_only() -> None:
    cleaned = docx_clean.clean_docx(corpus.docx_web_link("https://example.org/report"))
    assert outside_relationships(cleaned.data) == []
    document = _part(cleaned.data, "word/document.xml")
    assert b"example.org" not in cleaned.data and b'r:id="rW"' not in document
    texts = [p.text for p in Document(io.BytesIO(cleaned.data)).paragraphs]
    assert "Read the report" in " ".join(texts) or b"Read the report" in document
    assert "Web links removed; their text is kept." in cleaned.removed


def test_docx_relationships_with_a_doctype_are_refused_and_fetch_nothing() -> None:
    with trap_server() as trap:
        base = corpus.word()
        rels = _part(base, "word/_rels/document.xml.rels").replace(
            b"<Relationships", f'<!DOCTYPE r [<!ENTITY x SYSTEM "{trap.url("xxe")}">]>'
            f"<Relationships".encode(), 1).replace(b'Target="styles.xml"',
                                                   b'Target="&x;"', 1)
        hostile = corpus.rewrite(base, {"word/_rels/document.xml.rels": rels})
        with pytest.raises(InputRefused, match="damaged"):
            intake.process(hostile, max_bytes=LIMIT)
        assert trap.connections == []


# --- Word through LibreOffice: nothing reaches the trap -----------------------------------


def _all_outside(url: str) -> bytes:
    """One document with an outside picture, an outside template and a web link."""
    data = corpus.docx_remote_picture(url + "/pic.png", form="single")
    template = corpus.docx_remote_template(url + "/t.dotm")
    data = corpus.rewrite(data, {
        "word/_rels/settings.xml.rels": _part(template, "word/_rels/settings.xml.rels"),
        "word/settings.xml": _part(template, "word/settings.xml")})
    return data


@needs_office
def test_cleaned_docx_is_converted_without_contacting_anything() -> None:
    with trap_server() as trap:
        cleaned = intake.process(_all_outside(trap.base), max_bytes=LIMIT)
        assert cleaned.rendition is not None and cleaned.page_count == 1
        assert trap.connections == [] and trap.requests == []


@needs_office
def test_the_trap_catches_libreoffice_without_its_protections(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: with neither the profile settings nor the namespace, LibreOffice does
    fetch the outside picture of an uncleaned document, so the tests below can fail."""
    monkeypatch.setattr(office, "SETTINGS", ())
    monkeypatch.setattr(office, "sandbox_prefix", lambda: ())
    with trap_server() as trap:
        office.docx_to_pdf(_all_outside(trap.base))
        assert trap.requests


@needs_office
@pytest.mark.parametrize("layer", ["both", "profile settings only", "network namespace only"])
def test_each_libreoffice_protection_alone_keeps_an_uncleaned_document_offline(
        layer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if layer == "profile settings only":
        monkeypatch.setattr(office, "sandbox_prefix", lambda: ())
    elif layer == "network namespace only":
        if not office.sandbox_prefix():
            pytest.skip("user and network namespaces are not allowed here")
        monkeypatch.setattr(office, "SETTINGS", ())
    with trap_server() as trap:
        pdf = office.docx_to_pdf(_all_outside(trap.base))
        assert pdf is not None
        assert trap.connections == [] and trap.requests == []


# --- Word: photos inside ------------------------------------------------------------------


def test_docx_photos_lose_gps_and_camera() -> None:
    hostile = corpus.docx_with_photos()
    cleaned = docx_clean.clean_docx(hostile)
    assert "Location removed." in cleaned.removed
    assert any("Camera details" in n for n in cleaned.removed)
    with zipfile.ZipFile(io.BytesIO(hostile)) as before, \
            zipfile.ZipFile(io.BytesIO(cleaned.data)) as after:
        media = [n for n in before.namelist() if n.startswith("word/media/")]
        assert len(media) == 3 and set(media) <= set(after.namelist())
        for name in media:
            assert Image.open(io.BytesIO(before.read(name))).getexif().get_ifd(GPS_IFD), name
            data = after.read(name)
            img = Image.open(io.BytesIO(data))
            assert img.format == Image.open(io.BytesIO(before.read(name))).format
            exif = img.getexif()
            assert not exif.get_ifd(GPS_IFD) and MAKE not in exif and MODEL not in exif, name
            assert b"PhoneMaker" not in data and b"safe house" not in data, name
    assert Document(io.BytesIO(cleaned.data)).inline_shapes[0].width > 0
