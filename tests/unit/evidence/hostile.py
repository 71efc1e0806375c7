"""A corpus of hostile and ordinary files, made by the tests themselves (nothing downloaded)."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image


def simple_pdf(pages: int = 2, text: str = "Page", size: tuple[float, float] = (612, 792)) -> bytes:
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for i in range(pages):
        pdf.add_blank_page(page_size=size)
        page = pdf.pages[-1]
        page.obj["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.contents_add(
            pdf.make_stream(f"BT /F1 14 Tf 72 700 Td ({text} {i + 1}) Tj ET".encode())
        )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def hostile_pdf() -> bytes:
    """OpenAction + /Names/JavaScript + an embedded file + a launch link + doc info + XMP."""
    pdf = pikepdf.Pdf.open(io.BytesIO(simple_pdf(2, "Hostile")))
    js = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('x')"))
    )
    pdf.Root.OpenAction = js
    pdf.Root.AA = pikepdf.Dictionary(WC=js)
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("x"), js]))
    )
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ evil bytes", mime_type="application/octet-stream"
    )
    page = pdf.pages[0]
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([0, 0, 100, 100]),
        A=launch,
    )
    web = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([100, 0, 200, 100]),
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/")),
    )
    attach = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.FileAttachment,
        Rect=pikepdf.Array([0, 100, 20, 120]),
        FS=pikepdf.Dictionary(
            Type=pikepdf.Name.Filespec,
            F=pikepdf.String("a.bin"),
            EF=pikepdf.Dictionary(F=pdf.make_stream(b"secret")),
        ),
    )
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array([pdf.make_indirect(link), pdf.make_indirect(web), pdf.make_indirect(attach)])
    )
    page.obj.AA = pikepdf.Dictionary(O=js)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Secret Author"]
    pdf.docinfo["/Author"] = "Secret Author"
    pdf.docinfo["/Producer"] = "Tracker 1.0"
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    pdf = pikepdf.Pdf.open(io.BytesIO(simple_pdf(1)))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="open sesame", owner="owner pw"))
    return out.getvalue()


def owner_only_pdf() -> bytes:
    pdf = pikepdf.Pdf.open(io.BytesIO(simple_pdf(1)))
    out = io.BytesIO()
    pdf.save(
        out,
        encryption=pikepdf.Encryption(
            user="", owner="owner pw", allow=pikepdf.Permissions(extract=False)
        ),
    )
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = simple_pdf(5)
    return data[: len(data) // 2]


def elf_as_pdf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200


def html_as_jpg() -> bytes:
    return b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n"


def huge_png() -> bytes:
    """20000 x 20000 pixels, a few dozen kilobytes on disk (1-bit, all white)."""
    img = Image.new("1", (20000, 20000), 1)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def jpeg_with_gps_and_comment(size: tuple[int, int] = (1200, 900), orientation: int = 6) -> bytes:
    img = Image.new("RGB", size, (200, 30, 30))
    for x in range(0, size[0] // 2):  # a marker in the top-left quadrant, to see rotation
        for y in range(0, 40):
            img.putpixel((x, y), (0, 0, 255))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = orientation  # Orientation
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber (in the EXIF IFD in practice; fine here)
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (35.0, 41.0, 22.0)
    gps[3] = "E"
    gps[4] = (51.0, 23.0, 18.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif, comment=b"Taken at the safe house on Street 5")
    return out.getvalue()


def small_png(size: tuple[int, int] = (300, 200)) -> bytes:
    img = Image.new("RGB", size, (10, 200, 10))
    out = io.BytesIO()
    img.save(out, "PNG", pnginfo=None)
    return out.getvalue()


def noisy_pdf(pages: int, text: str, noise_bytes: int = 12_000, seed: int = 1) -> bytes:
    """Pages carrying an incompressible picture, so sizes (and splitting) are predictable."""
    import random

    rng = random.Random(seed)
    pdf = pikepdf.Pdf.open(io.BytesIO(simple_pdf(pages, text)))
    side = int((noise_bytes / 3) ** 0.5)
    for page in pdf.pages:
        raw = bytes(rng.getrandbits(8) for _ in range(side * side * 3))
        img = pikepdf.Stream(pdf, raw)
        img.Type, img.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        img.Width, img.Height, img.BitsPerComponent = side, side, 8
        img.ColorSpace = pikepdf.Name.DeviceRGB
        name = page.add_resource(img, pikepdf.Name.XObject, prefix="N")
        page.contents_add(pdf.make_stream(f"q 100 0 0 100 72 500 cm {name} Do Q".encode()))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
