"""Evidence pages on the packet's paper: every page the jurisdiction's size, nothing cropped.

A page of another size (an A4 scan in a US packet, a Letter page in a UK one, a receipt, a
wide table) is drawn as a Form XObject on a new page of the packet's paper, scaled to fit
inside small side margins and above the band the page stamps use, and centred. A landscape
page (as seen: its /Rotate is applied first) goes on landscape paper of the same size, so it
is not shrunk to a third of the page; a small page is enlarged at most MAX_ENLARGE times (its
pixels would show). A page already the paper's size, either way round, is left as it is.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

MAX_ENLARGE = 1.5
TOLERANCE = 2.0  # points: WeasyPrint's A4 is 595.276 pt wide, ours 595.28
SIDE_MARGIN = 18.0
STAMP_BAND = 36.0  # the page number and footer sit in the bottom 36 points
_BOXES = (Name.CropBox, Name.BleedBox, Name.TrimBox, Name.ArtBox)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def target_size(width: float, height: float, paper: tuple[float, float]) -> tuple[float, float]:
    """The paper a page of `width` x `height` (as seen) goes on: portrait or landscape."""
    short, long = sorted(paper)
    return (long, short) if width > height else (short, long)


def placement(width: float, height: float, paper: tuple[float, float]
              ) -> tuple[float, float, float]:
    """(scale, x, y) drawing a `width` x `height` page inside `paper`'s printable box."""
    page_w, page_h = paper
    box_w, box_h = page_w - 2 * SIDE_MARGIN, page_h - SIDE_MARGIN - STAMP_BAND
    scale = min(box_w / width, box_h / height, MAX_ENLARGE)
    return scale, (page_w - width * scale) / 2, STAMP_BAND + (box_h - height * scale) / 2


def fit_page(pdf: pikepdf.Pdf, page: pikepdf.Page, paper: tuple[float, float]) -> bool:
    """Put `page` (of `pdf`) on `paper` (portrait width, height); True when it was changed."""
    if int(page.obj.get("/Rotate", 0)) % 360:
        page.flatten_rotation()
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    width, height = x1 - x0, y1 - y0
    if width <= 0 or height <= 0:
        return False
    size = target_size(width, height, paper)
    if _same(width, size[0]) and _same(height, size[1]):
        return False
    scale, x, y = placement(width, height, size)
    page.contents_coalesce()
    contents = page.obj.get(Name.Contents)
    form = pikepdf.Stream(pdf, b"" if contents is None else contents.read_bytes())
    form.Type, form.Subtype = Name.XObject, Name.Form
    form.BBox = Array([x0, y0, x1, y1])  # only what the page showed (its crop box)
    form.Resources = page.obj.get(Name.Resources, Dictionary())
    ref = pdf.make_indirect(form)
    page.obj.Resources = Dictionary(XObject=Dictionary(Fit0=ref))
    page.obj.Contents = pdf.make_stream(b"q %.5f 0 0 %.5f %.4f %.4f cm /Fit0 Do Q\n" % (
        scale, scale, x - x0 * scale, y - y0 * scale))
    page.obj.MediaBox = Array([0, 0, size[0], size[1]])
    for box in _BOXES:
        if box in page.obj:
            del page.obj[box]
    return True


def fit_pages(pdf: pikepdf.Pdf, paper: tuple[float, float]) -> int:
    """Every page of `pdf` on `paper`; how many had to be changed."""
    return sum(fit_page(pdf, page, paper) for page in pdf.pages)
