"""Each hostile file is refused or cleaned, and the cleaned copy is read back to prove it."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest
from docx import Document
from PIL import Image

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import InputRefused
from asylum_prep.evidence import detect, docx_clean, intake
from asylum_prep.evidence.pdf_clean import findings

from . import hostile as h

LIMIT = 25 * 1024 * 1024


def refused(data: bytes) -> str:
    with pytest.raises(InputRefused) as info:
        intake.process(data, max_bytes=LIMIT)
    return info.value.message()


def test_executable_renamed_pdf_is_refused_as_a_program() -> None:
    assert "program" in refused(h.elf_as_pdf())


def test_html_renamed_jpg_is_refused_as_a_web_page() -> None:
    assert "web page" in refused(h.html_as_jpg())


def test_zero_bytes_refused() -> None:
    assert "empty" in refused(b"")


def test_truncated_pdf_refused() -> None:
    assert "damaged or incomplete" in refused(h.truncated_pdf())


def test_password_pdf_refused_with_what_to_do() -> None:
    message = refused(h.encrypted_pdf())
    assert "password" in message and "Print to PDF" in message


def test_owner_password_pdf_refused_too() -> None:
    assert "encrypted" in refused(h.owner_only_pdf())


def test_oversized_file_refused_before_parsing() -> None:
    with pytest.raises(InputRefused) as info:
        intake.process(h.simple_pdf(1), max_bytes=100)
    assert "limit" in info.value.message()


def test_decompression_bomb_png_refused() -> None:
    data = h.huge_png()
    assert len(data) < 1_000_000  # small on disk, 400 megapixels when decoded
    assert "too large" in refused(data)


def test_truncated_jpeg_refused() -> None:
    assert "damaged" in refused(h.jpeg_with_gps_and_comment()[:3000])


@pytest.mark.parametrize("head", [b"ID3\x03\x00", b"OggS\x00\x02", b"\x00\x00\x00\x18ftypheic"])
def test_audio_and_heic_refused_with_reason(head: bytes) -> None:
    message = refused(head + b"\x00" * 64)
    assert "JPEG" in message or "Audio" in message


def test_hostile_pdf_is_cleaned_and_read_back() -> None:
    cleaned = intake.process(h.hostile_pdf(), max_bytes=LIMIT)
    assert cleaned.mime is Mime.pdf and cleaned.page_count == 2
    assert "Scripts removed." in cleaned.removed and "Attached files removed." in cleaned.removed
    with pikepdf.Pdf.open(io.BytesIO(cleaned.data)) as pdf:
        assert findings(pdf) == set()
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        assert "/JavaScript" not in names and "/EmbeddedFiles" not in names
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert len(pdf.attachments) == 0
        annots = pdf.pages[0].Annots
        assert [str(a.Subtype) for a in annots] == ["/Link", "/Link"]
        kept = [a for a in annots if "/A" in a]
        assert len(kept) == 1 and str(kept[0].A.URI) == "https://example.org/"  # web link kept
        assert "/AA" not in pdf.pages[0].obj
        text = b"".join(
            pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p)) for p in pdf.pages
        )
        assert b"Hostile 1" in text  # page content kept
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert "/JS" not in obj and "/EF" not in obj
    raw = cleaned.data
    assert b"app.alert" not in raw and b"MZ evil" not in raw and b"Secret Author" not in raw


def test_jpeg_loses_gps_serial_and_comment_and_is_turned_upright() -> None:
    data = h.jpeg_with_gps_and_comment()
    cleaned = intake.process(data, max_bytes=LIMIT)
    assert cleaned.mime is Mime.jpeg
    assert {"Location removed.", "Comment removed."} <= set(cleaned.removed)
    assert any("Camera details" in n for n in cleaned.removed)
    img = Image.open(io.BytesIO(cleaned.data))
    exif = img.getexif()
    assert len(exif) == 0 and not exif.get_ifd(0x8825)
    assert "comment" not in img.info and "exif" not in img.info and "icc_profile" not in img.info
    assert b"safe house" not in cleaned.data and b"SERIAL" not in cleaned.data
    assert img.size == (900, 1200)  # orientation 6 applied
    assert img.getpixel((img.width - 10, 10))[2] > 200  # marker moved to the top right


def test_png_text_chunks_removed() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 35.7 51.4")
    buf = io.BytesIO()
    Image.new("RGB", (900, 600), "white").save(buf, "PNG", pnginfo=info)
    cleaned = intake.process(buf.getvalue(), max_bytes=LIMIT)
    assert cleaned.mime is Mime.png and "Comment removed." in cleaned.removed
    assert "Comment" not in Image.open(io.BytesIO(cleaned.data)).info


def test_webp_becomes_png() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (50, 40), "blue").save(buf, "WEBP")
    cleaned = intake.process(buf.getvalue(), max_bytes=LIMIT)
    assert cleaned.mime is Mime.png and Image.open(io.BytesIO(cleaned.data)).format == "PNG"


def _docx(**parts: bytes) -> bytes:
    doc = Document()
    doc.add_paragraph("I saw the arrest on the market square.")
    doc.core_properties.author = "Jane Secret"
    doc.core_properties.last_modified_by = "Office PC 7"
    buf = io.BytesIO()
    doc.save(buf)
    if not parts:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in src.infolist():
            zout.writestr(info, parts.pop(info.filename, src.read(info)))
        for name, body in parts.items():
            zout.writestr(name, body)
    return out.getvalue()


def test_docx_properties_stripped_and_text_kept() -> None:
    cleaned = docx_clean.clean_docx(_docx())
    core = zipfile.ZipFile(io.BytesIO(cleaned.data)).read("docProps/core.xml")
    assert b"Jane" not in core and b"Office PC" not in core
    assert Document(io.BytesIO(cleaned.data)).paragraphs[0].text.startswith("I saw the arrest")


def test_docx_with_macros_refused() -> None:
    with pytest.raises(InputRefused, match="macros"):
        docx_clean.clean_docx(_docx(**{"word/vbaProject.bin": b"\x00" * 20}))


def test_docx_remote_image_and_template_links_stripped() -> None:
    rels_name = "word/_rels/document.xml.rels"
    base = zipfile.ZipFile(io.BytesIO(_docx())).read(rels_name)
    remote = base.replace(
        b"</Relationships>",
        b'<Relationship Id="rX" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="http://tracker.example/p.png" TargetMode="External"/>'
        b"</Relationships>",
    )
    cleaned = docx_clean.clean_docx(_docx(**{rels_name: remote}))
    assert b"tracker" not in zipfile.ZipFile(io.BytesIO(cleaned.data)).read(rels_name)
    assert any("outside the file" in n for n in cleaned.removed)
    settings = "word/_rels/settings.xml.rels"
    template = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rT" Type="'
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        b'attachedTemplate" Target="file://evil/share/t.dotm" TargetMode="External"/>'
        b"</Relationships>"
    )
    cleaned = docx_clean.clean_docx(_docx(**{settings: template}))
    assert b"evil" not in zipfile.ZipFile(io.BytesIO(cleaned.data)).read(settings)


def test_text_utf16_is_normalised_to_utf8_and_rendered() -> None:
    data = "Letter from my uncle\r\nسلام".encode("utf-16")
    assert detect.detect(data) is Mime.text
    cleaned = intake.process(data, max_bytes=LIMIT)
    assert cleaned.data == "Letter from my uncle\nسلام".encode()
    assert cleaned.rendition is not None and cleaned.page_count == 1


def test_file_name_plays_no_part() -> None:
    # Detection takes bytes only; a PDF is a PDF whatever it was called.
    assert detect.detect(h.simple_pdf(1)) is Mime.pdf
    assert detect.detect(h.small_png()) is Mime.png
