"""The packet's own pages in one WeasyPrint layout pass: index, tab sheets, footer; and the
cover page and certificate of service in another (`render_bookends`).

WeasyPrint's cost is mostly per page, so tab sheets and the footer are not laid out one page
each: they are fixed-size blocks with `overflow: hidden` stacked on a few tall "sheet" pages
(templates/packet/packet.html). WeasyPrint draws such a block as one balanced `q ... Q` group
opening with its clip rectangle; each group is cut out by that rectangle (matched against the
block's anchor box) and placed on its own page, or made the footer's Form XObject. Text stays
real text in the fonts WeasyPrint embedded, so any script the templates can lay out works.

If a block cannot be found (a WeasyPrint change in how it draws), the tab sheets and the
footer are rendered the slow way, one page each, so a packet is never wrong, only slower.

When every string is WinAnsi (Latin script), none of this runs: evidence.plain_sheets draws
the index, tab sheets and footer in Noto Sans directly, embedding one subset per face for all
of them (the cover and the certificate of service always go through WeasyPrint). Either way the page
numbers' font is an embedded Noto Sans subset too (`Furniture.numbers`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pikepdf
from pikepdf import Name, Operator

from asylum_prep.evidence import noto_sans, plain_sheets, stamp
from asylum_prep.evidence.html_pdf import html_to_document, html_to_pdf, render_template

CM = 72 / 2.54
PX = 0.75  # one CSS px in PDF points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2 * CM, 2.2 * CM, 2.6 * CM  # as in _style.html
TAB_TOP = MARGIN_TOP + 7 * CM  # where a tab sheet's text starts (as the old padding-top)
SHEET_HEIGHT = 14400.0  # the largest page size PDF readers accept; sheets are never shown
FOOTER_WIDTH, FOOTER_HEIGHT = 210.0, 30.0

_Q, _q, _re, _W, _n = (Operator(o) for o in ("Q", "q", "re", "W", "n"))


@dataclass(frozen=True)
class Geometry:
    page_width: float
    page_height: float
    tab_width: float
    tab_height: float
    footer_width: float = FOOTER_WIDTH
    footer_height: float = FOOTER_HEIGHT

    @property
    def sheet_page_width(self) -> float:
        return self.page_width

    @property
    def sheet_page_height(self) -> float:
        return SHEET_HEIGHT


def geometry(page_size: tuple[float, float]) -> Geometry:
    width, height = page_size
    return Geometry(width, height, width - 2 * MARGIN_X, height - TAB_TOP - MARGIN_BOTTOM)


@dataclass
class Furniture:
    """Pages and the footer stamp, all owned by `pdf` (keep it open while copying)."""

    pdf: pikepdf.Pdf
    index: list[pikepdf.Page]
    tabs: list[pikepdf.Page]
    footer: pikepdf.Object  # a Form XObject FOOTER_WIDTH x FOOTER_HEIGHT points
    numbers: pikepdf.Object  # the page labels' font (stamp.Stamper)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float, Decimal)) else float(str(value))


def _groups(ops: list[Any], boxes: dict[str, tuple[float, float, float, float]]
            ) -> dict[str, list[Any]]:
    """The `q ... Q` group of each block, found by its clip rectangle (CSS px)."""
    found: dict[str, list[Any]] = {}
    for i in range(1, len(ops) - 2):
        op = ops[i]
        if (getattr(op, "operator", None) != _re or ops[i - 1].operator != _q
                or ops[i + 1].operator != _W or ops[i + 2].operator != _n):
            continue
        x, y, w, h = (_number(v) for v in op.operands)
        key = next((k for k, (x0, y0, x1, y1) in boxes.items()
                    if abs(x - x0) < 0.05 and abs(y - y0) < 0.05
                    and abs(w - (x1 - x0)) < 0.05 and abs(h - (y1 - y0)) < 0.05), None)
        if key is None or key in found:
            continue
        depth = 0
        for j in range(i - 1, len(ops)):
            operator = getattr(ops[j], "operator", None)
            depth += 1 if operator == _q else -1 if operator == _Q else 0
            if depth == 0:
                found[key] = ops[i - 1:j + 1]
                break
    return found


def _placed(pdf: pikepdf.Pdf, group: list[Any], box: tuple[float, float, float, float],
            left: float, top: float) -> pikepdf.Stream:
    """Content drawing `group` with its block's top-left corner at (left, top) in points."""
    tx, ty = left - PX * box[0], top + PX * box[1]
    head = f"q {PX} 0 0 {-PX} {tx:.4f} {ty:.4f} cm\n".encode()
    return pikepdf.Stream(pdf, head + pikepdf.unparse_content_stream(group) + b"\nQ\n")


def _cut(pdf: pikepdf.Pdf, doc: Any, sheet_pages: range, n_tabs: int, geo: Geometry
         ) -> tuple[list[pikepdf.Page], pikepdf.Object] | None:
    wanted = [f"tab-{i}" for i in range(n_tabs)] + ["footer"]
    groups: dict[str, tuple[list[Any], tuple[float, float, float, float], pikepdf.Object]] = {}
    for p in sheet_pages:
        boxes = {k: v for k, v in doc.pages[p].anchors.items() if k in wanted}
        page = pdf.pages[p]
        resources = page.obj.get("/Resources")
        if resources is None:
            return None
        if not resources.is_indirect:
            resources = page.obj.Resources = pdf.make_indirect(resources)
        for key, group in _groups(pikepdf.parse_content_stream(page), boxes).items():
            groups[key] = (group, boxes[key], resources)
    if any(k not in groups for k in wanted):
        return None
    tabs: list[pikepdf.Page] = []
    for key in wanted[:-1]:
        group, box, resources = groups[key]
        pdf.add_blank_page(page_size=(geo.page_width, geo.page_height))
        page = pdf.pages[-1]
        page.obj.Resources = resources
        page.obj.Contents = pdf.make_indirect(
            _placed(pdf, group, box, MARGIN_X, geo.page_height - TAB_TOP))
        tabs.append(page)
    group, box, resources = groups["footer"]
    form = _placed(pdf, group, box, 0.0, geo.footer_height)
    form.Type, form.Subtype = Name.XObject, Name.Form
    form.BBox = [0, 0, geo.footer_width, geo.footer_height]
    form.Resources = resources
    return tabs, pdf.make_indirect(form)


def _slow_tabs_and_footer(pdf: pikepdf.Pdf, tabs: list[dict[str, str]], footer_text: str,
                          css_size: str) -> tuple[list[pikepdf.Page], pikepdf.Object]:
    """One page per tab sheet (kept to its first page) and a page for the footer."""
    pages: list[pikepdf.Page] = []
    for tab in tabs:
        one = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(
            render_template("tabs.html", tabs=[tab], page_size=css_size))))
        pdf.pages.append(one.pages[0])
        pages.append(pdf.pages[-1])
    footer = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(
        render_template("footer.html", text=footer_text, width=FOOTER_WIDTH))))
    form = pdf.copy_foreign(footer.pages[0].as_form_xobject())
    return pages, pdf.make_indirect(form)


def _numbers_font(pdf: pikepdf.Pdf, label_chars: str) -> pikepdf.Object:
    fonts = noto_sans.Fonts(pdf)
    fonts.use(label_chars)
    fonts.embed()
    return fonts.regular


def _plain_furniture(*, index: dict[str, Any], tabs: list[dict[str, str]], footer_text: str,
                     page_size: tuple[float, float], label_chars: str) -> Furniture:
    pdf = pikepdf.new()
    fonts = noto_sans.Fonts(pdf)
    index_pages = plain_sheets.index_pages(pdf, index, page_size, fonts)
    tab_pages = [plain_sheets.tab_page(pdf, tab, page_size, fonts) for tab in tabs]
    footer = plain_sheets.footer_form(pdf, footer_text, (FOOTER_WIDTH, FOOTER_HEIGHT), fonts)
    fonts.use(label_chars)  # the page numbers share the regular face's subset
    fonts.embed()
    return Furniture(pdf, index_pages, tab_pages, footer, fonts.regular)


def render_furniture(*, index: dict[str, Any], tabs: list[dict[str, str]], footer_text: str,
                     page_size: tuple[float, float], css_size: str,
                     cut: bool = True, plain: bool = True,
                     label_chars: str = stamp.DIGITS) -> Furniture:
    """Index (template context `index`), tab sheets and footer stamp in one pass,
    and a font holding `label_chars` for the page numbers.
    Latin-script text is drawn in Noto Sans (`plain`); otherwise WeasyPrint lays it out.
    `cut=False` takes the one-page-per-sheet path (used when cutting fails, and by tests)."""
    if plain and plain_sheets.plain_text_ok(index, tabs, footer_text):
        return _plain_furniture(index=index, tabs=tabs, footer_text=footer_text,
                                page_size=page_size, label_chars=label_chars)
    geo = geometry(page_size)
    sheet = {"page_width": geo.sheet_page_width, "page_height": geo.sheet_page_height,
             "tab_width": geo.tab_width, "tab_height": geo.tab_height,
             "footer_width": geo.footer_width, "footer_height": geo.footer_height}
    doc = html_to_document(render_template(
        "packet.html", **index, tabs=tabs if cut else [], footer_text=footer_text,
        sheet=sheet, page_size=css_size))
    pdf = pikepdf.Pdf.open(io.BytesIO(doc.write_pdf()))
    first_sheet = next(i for i, page in enumerate(doc.pages) if "sheets" in page.anchors)
    index_pages = [pdf.pages[i] for i in range(first_sheet)]
    made = _cut(pdf, doc, range(first_sheet, len(doc.pages)), len(tabs), geo) if cut else None
    if made is None:
        made = _slow_tabs_and_footer(pdf, tabs, footer_text, css_size)
    return Furniture(pdf, index_pages, made[0], made[1], _numbers_font(pdf, label_chars))


@dataclass
class Bookends:
    """The cover page(s) and the certificate of service, owned by `pdf`."""

    pdf: pikepdf.Pdf
    cover: list[pikepdf.Page]
    cert: list[pikepdf.Page]


def render_bookends(*, cover: dict[str, str], cert: dict[str, str], css_size: str) -> Bookends:
    """The cover (template context `cover`) and the certificate of service (`cert`), laid out
    by WeasyPrint in one pass (evidence.cover makes both contexts)."""
    doc = html_to_document(render_template(
        "bookends.html", cover=cover, cert=cert, page_size=css_size))
    pdf = pikepdf.Pdf.open(io.BytesIO(doc.write_pdf()))
    first_cert = next(i for i, page in enumerate(doc.pages) if "cert" in page.anchors)
    return Bookends(pdf, list(pdf.pages)[:first_cert], list(pdf.pages)[first_cert:])
