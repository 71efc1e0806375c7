"""Safe renditions: every page of an exhibit redrawn as a picture in a sandbox
(evidence.sandbox), put back together as a PDF that holds nothing else, so whatever a hostile
file hides in its structure (scripts, actions, fonts or images built to exploit a reader)
never reaches the exhibit packet. The structurally cleaned file stays for download.

Each page of a document becomes a page of the same size (the size as seen, rotation applied)
holding one image XObject over the whole page, and the page's words, as pdftotext found
them in the cleaned file, as an invisible text layer (evidence.text_layer) so the packet can
still be searched. A picture becomes one page of the packet's size with the picture fitted in
the margins, centred, where the packet has always placed pictures.

Pictures, and scans without a text layer of their own, get no text: there is no OCR here (a
later change), so such pages are images only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name

from asylum_prep.domain.evidence import Mime
from asylum_prep.domain.paper import A4, LETTER
from asylum_prep.evidence.sandbox import Limits, Page, Rendered, RenditionFailed, render
from asylum_prep.evidence.text_layer import TextLayer

PAGE_SIZES = {"letter": LETTER, "A4": A4}
MARGIN_BOX = (72.0, 72.0 + 48.0)  # around a picture: sides, and top + bottom (footer)


@dataclass(frozen=True)
class Rendition:
    pdf: bytes
    pages: int
    converted_pdf: bytes | None  # LibreOffice's PDF of a Word document (uncleaned)
    peak_kb: int


def _image(pdf: pikepdf.Pdf, page: Page) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, page.data)
    stream.Type, stream.Subtype, stream.Filter = Name.XObject, Name.Image, Name(page.encoding)
    stream.Width, stream.Height = page.pixels
    stream.BitsPerComponent = 8
    stream.ColorSpace = Name.DeviceGray if page.grey else Name.DeviceRGB
    if page.palette is not None:
        stream.ColorSpace = pikepdf.Array([Name.Indexed, Name.DeviceRGB, 255,
                                           pikepdf.String(page.palette)])
    return pdf.make_indirect(stream)


def picture_box(size: tuple[float, float], pixels: tuple[int, int]) -> tuple[float, ...]:
    """(x, y, width, height) of a picture on a page of `size`: fitted inside the margins and
    centred; a small picture (under 400 pixels) at one point per pixel."""
    page_w, page_h = size
    box_w, box_h = page_w - MARGIN_BOX[0], page_h - MARGIN_BOX[1]
    width, height = pixels
    scale = min(box_w / width, box_h / height, 1.0 if max(width, height) < 400 else 99.0)
    draw_w, draw_h = width * scale, height * scale
    return (page_w - draw_w) / 2, 48 + (box_h - draw_h) / 2 + 36, draw_w, draw_h


def to_pdf(rendered: Rendered, *, picture_page: tuple[float, float] | None = None) -> bytes:
    """The rendition PDF of `rendered`; `picture_page`: the page size a picture is fitted on."""
    pdf = pikepdf.new()
    layer = TextLayer(pdf)
    for page in rendered.pages:
        if picture_page is not None:
            size, (x, y, w, h) = picture_page, picture_box(picture_page, page.pixels)
        else:
            size, (x, y, w, h) = (page.width, page.height), (0, 0, page.width, page.height)
        pdf.add_blank_page(page_size=size)
        target = pdf.pages[-1]
        resources = Dictionary(XObject=Dictionary(Im0=_image(pdf, page)))
        ops = b"q %.4f 0 0 %.4f %.4f %.4f cm /Im0 Do Q\n" % (w, h, x, y)
        if page.words and picture_page is None:
            resources.Font = Dictionary(T0=layer.font)
            ops += layer.operators(Name.T0, ((w.x0, w.y0, w.x1, w.y1, w.text)
                                             for w in page.words), page.height)
        target.obj.Resources = resources
        target.obj.Contents = pdf.make_stream(ops)
    if layer.codes:
        layer.finish()
    out = io.BytesIO()
    pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def make(
    data: bytes,
    mime: Mime,
    *,
    page_size: str = "letter",
    pages: int | None = None,
    memory_mb: int = 1024,
    cpu_seconds: int = 60,
) -> Rendition:
    """The safe rendition of `data`: a cleaned PDF or picture, a cleaned Word document (the
    sandbox converts it first), or the PDF made of a text file. `pages`, when known, must
    match. RenditionFailed, or sandbox.NoConverter for a Word document LibreOffice cannot
    convert."""
    size = PAGE_SIZES.get(page_size, LETTER)
    kind = "image" if mime.is_image else "docx" if mime is Mime.docx else "pdf"
    limits = Limits.for_document(pages, word=kind == "docx", memory_mb=memory_mb,
                                 cpu_seconds=cpu_seconds)
    box = (size[0] - MARGIN_BOX[0], size[1] - MARGIN_BOX[1])
    rendered = render(data, kind, limits=limits, box=box,
                      max_pages=1 if kind == "image" else pages or 5000)
    if pages is not None and len(rendered.pages) != pages:
        raise RenditionFailed(f"{len(rendered.pages)} pages drawn, {pages} expected")
    pdf = to_pdf(rendered, picture_page=size if kind == "image" else None)
    return Rendition(pdf, len(rendered.pages), rendered.converted_pdf, rendered.peak_kb)


def source_kind(mime: Mime) -> Mime:
    """What a stored item's rendition is made from: the picture, or a PDF (the stored PDF,
    or the PDF rendition of a Word document or a text file)."""
    return mime if mime.is_image else Mime.pdf
