"""The packet's page stamps, with pikepdf.

Stamps are appended to each page's content stream (the page's own content wrapped in q/Q so
its graphics state cannot leak): a shared footer form XObject laid out once by WeasyPrint
(applicant name and reference, any script) at the bottom left, and the page number (or Bates
number) centred at the bottom in an embedded Noto Sans subset holding the label characters.
Rotated pages are flattened first, so "bottom" is the bottom the reader sees.
"""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Dictionary, Name

from asylum_prep.domain.paper import A4 as A4  # re-exported: the packet's paper sizes
from asylum_prep.domain.paper import LETTER as LETTER
from asylum_prep.evidence import noto_sans

NUMBER_SIZE = 9.0
NUMBER_Y = 18.0
FOOTER_X, FOOTER_Y = 36.0, 2.0
DIGITS = "0123456789"


def clean_bates_prefix(prefix: str | None) -> str:
    return re.sub(r"[^A-Z0-9_.-]", "", (prefix or "").upper())[:16]


def page_label(number: int, bates_prefix: str = "") -> str:
    return f"{bates_prefix}{number:06d}" if bates_prefix else str(number)


def label_chars(bates_prefix: str = "") -> str:
    """Every character a page label can hold with this (cleaned) Bates prefix."""
    return DIGITS + bates_prefix


def _resource(page: pikepdf.Page, kind: Name, prefix: str, obj: pikepdf.Object) -> Name:
    """The name of indirect object `obj` in the page's resources of `kind`, added under the
    first free name prefix0, prefix1, ... (pages sharing one resource dictionary share the
    entry). Cheaper than `Page.add_resource`, which draws a random name and scans every
    resource category: it was half of the packet's stamping time."""
    if Name.Resources not in page.obj:
        page.obj.Resources = Dictionary()
    resources = page.obj.Resources
    if not isinstance(resources.get(kind), Dictionary):
        resources[kind] = Dictionary()
    table = resources[kind]
    n = 0
    while True:
        name = Name(f"/{prefix}{n}")
        have = table.get(name)
        if have is None:
            table[name] = obj
            return name
        if have.is_indirect and have.objgen == obj.objgen:
            return name
        n += 1


class Stamper:
    """Stamps pages of one output PDF (one per packet part)."""

    def __init__(self, pdf: pikepdf.Pdf, footer: pikepdf.Object | None,
                 font: pikepdf.Object | None = None) -> None:
        """`footer` is a Form XObject and `font` a simple WinAnsi font (noto_sans) holding the
        glyphs of every label; from any PDF, each is copied into `pdf` once and shared by all
        its pages. Without `font`, one holding the digits is embedded here."""
        self.pdf = pdf
        if font is None:
            fonts = noto_sans.Fonts(pdf)
            fonts.use(DIGITS)
            fonts.embed()
            font = fonts.regular
        elif not font.is_owned_by(pdf):
            font = pdf.copy_foreign(font)
        self.font = font
        first = int(font.FirstChar)
        self.widths = {first + i: float(w) for i, w in enumerate(font.Widths)}
        self.save = pdf.make_indirect(pdf.make_stream(b"q\n"))  # shared by every page
        self.footer = None if footer is None else pdf.make_indirect(pdf.copy_foreign(footer))

    def stamp(self, page: pikepdf.Page, label: str) -> None:
        if int(page.obj.get("/Rotate", 0)) % 360:
            page.flatten_rotation()
        x0, y0, x1, _ = (float(v) for v in page.cropbox)
        codes = label.encode("cp1252")
        if not all(self.widths.get(c) for c in codes):
            raise ValueError(f"the page-number font has no glyph for a character of {label!r}")
        font = _resource(page, Name.Font, "APF", self.font)
        x = x0 + (x1 - x0 - sum(self.widths[c] for c in codes) * NUMBER_SIZE / 1000) / 2
        ops = b"Q\nq BT %s %.1f Tf 0 g %.2f %.2f Td %s Tj ET Q\n" % (
            str(font).encode(), NUMBER_SIZE, x, y0 + NUMBER_Y, noto_sans.literal(label))
        if self.footer is not None:
            form = _resource(page, Name.XObject, "APX", self.footer)
            ops += f"q 1 0 0 1 {x0 + FOOTER_X:.2f} {y0 + FOOTER_Y:.2f} cm {form} Do Q\n".encode()
        page.contents_add(self.save, prepend=True)
        page.contents_add(self.pdf.make_stream(ops))
