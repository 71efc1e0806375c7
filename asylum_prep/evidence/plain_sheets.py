"""The packet's index, tab sheets and footer drawn directly as PDF operators in Noto Sans,
when all their text is WinAnsi (Latin script): no layout engine, only the glyphs used embedded.

WeasyPrint's start-up and text layout were most of a packet's time although these pages hold
a few hundred short lines. The layout here follows templates/packet/_style.html (margins,
sizes, line heights, column widths, the table header repeated on each index page, a row never
split across pages), so the pages read the same; the face is Noto Sans (the template's footer
face; its body face is Noto Serif). The caller calls `Fonts.embed` once everything is drawn.
Any text outside WinAnsi (Persian names, CJK titles...) makes `plain_text_ok` false and the
caller uses WeasyPrint (evidence.sheets), which shapes and embeds any script.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf
from pikepdf import Name

from asylum_prep.evidence import noto_sans as noto
from asylum_prep.text import collapse_spaces

CM = 72 / 2.54
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2 * CM, 2.2 * CM, 2.6 * CM  # as in _style.html
TAB_TOP = MARGIN_TOP + 7 * CM
BODY, LEADING = 11.0, 1.35  # body font size and line-height
PAD_X, PAD_Y, RULE = 5.0, 4.0, 0.5  # table cell padding and bottom border
TAB_COL, PAGES_MIN = 3.2 * BODY + 2 * PAD_X, 9 * BODY
HEADERS = ("Tab", "Description", "Pages")


def plain_text_ok(index: Mapping[str, Any] | None, tabs: Sequence[Mapping[str, str]],
                  footer_text: str) -> bool:
    """Whether every string these pages print can be set in Noto Sans as WinAnsi."""
    texts: list[str] = [footer_text]
    if index is not None:
        texts += [str(index.get("applicant", "")), str(index.get("reference", ""))]
        for row in index.get("rows") or ():
            texts += [str(row["tab"]), str(row["description"]), str(row["pages"])]
    for tab in tabs:
        texts += [tab["label"], tab["title"], tab.get("note", "")]
    return all(noto.encodable(t) for t in texts)


def pages_width(widest: str) -> float:
    """The width (points, padding excluded) of the index's pages column: room for `widest`,
    the longest range the packet can print, so the column never depends on the numbers (the
    index's length must not change when they do); at least 9 em as in _style.html."""
    return max(PAGES_MIN, noto.width(widest, BODY, False) + 1.0)


def _baseline(top: float, size: float, line: float) -> float:
    """Baseline of a line box of height `line` whose top is at `top` (PDF y, upwards)."""
    ascent = noto.ascent()
    return top - (line - size * (ascent + noto.descent())) / 2 - size * ascent


def _page(pdf: pikepdf.Pdf, size: tuple[float, float], fonts: noto.Fonts,
          content: bytes) -> pikepdf.Page:
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=fonts.resources)
    page.obj.Contents = pdf.make_stream(content)
    return page


@dataclass
class _Cursor:
    """Builds content for one page after another, top to bottom."""

    width: float
    height: float
    fonts: noto.Fonts
    ops: bytearray
    y: float

    def centered(self, text: str, size: float, bold: bool, left: float, box: float) -> None:
        line = size * LEADING
        for piece in noto.wrap(text, size, box, bold) or [""]:
            x = left + (box - noto.width(piece, size, bold)) / 2
            self.ops += self.fonts.show(size, x, _baseline(self.y, size, line), piece, bold)
            self.y -= line


def _row_lines(cells: Sequence[str], widths: Sequence[float], bold: Sequence[bool]
               ) -> list[list[str]]:
    out = []
    for i, (text, w) in enumerate(zip(cells, widths, strict=True)):
        if i == 2:  # the pages column does not wrap (white-space: nowrap)
            out.append([collapse_spaces(text)])
        else:
            out.append(noto.wrap(text, BODY, w - 2 * PAD_X, bold[i]) or [""])
    return out


def _draw_row(cur: _Cursor, lines: list[list[str]], widths: Sequence[float],
              bold: Sequence[bool]) -> None:
    line = BODY * LEADING
    row_height = _height(lines)
    x = MARGIN_X
    for col, w, b in zip(lines, widths, bold, strict=True):
        for k, text in enumerate(col):
            base = _baseline(cur.y - PAD_Y - k * line, BODY, line)
            cur.ops += cur.fonts.show(BODY, x + PAD_X, base, text, b)
        x += w
    rule_y = cur.y - row_height + RULE / 2
    cur.ops += b"q 0.533 G %.2f w %.2f %.2f m %.2f %.2f l S Q\n" % (
        RULE, MARGIN_X, rule_y, MARGIN_X + sum(widths), rule_y)
    cur.y -= row_height


def _height(lines: list[list[str]]) -> float:
    return max(len(c) for c in lines) * BODY * LEADING + 2 * PAD_Y + RULE


def index_pages(pdf: pikepdf.Pdf, index: Mapping[str, Any], page_size: tuple[float, float],
                fonts: noto.Fonts) -> list[pikepdf.Page]:
    """The index of supporting documents as pages appended to `pdf`."""
    width, height = page_size
    table = width - 2 * MARGIN_X
    pages_col = float(index.get("pages_width", PAGES_MIN)) + 2 * PAD_X
    widths = (TAB_COL, table - TAB_COL - pages_col, pages_col)
    line = BODY * LEADING
    pages: list[pikepdf.Page] = []
    cur = _Cursor(width, height, fonts, bytearray(), height - MARGIN_TOP)
    cur.centered("Index of Supporting Documents", 15.0, True, MARGIN_X, table)
    cur.y -= 0.8 * 15.0
    meta = str(index.get("applicant", ""))
    if index.get("reference"):
        meta += f" \u00b7 {index['reference']}"
    cur.centered(meta, BODY, False, MARGIN_X, table)
    cur.y -= 1.2 * BODY
    head_bold, row_bold = (True, True, True), (True, False, False)
    head = _row_lines(HEADERS, widths, head_bold)
    _draw_row(cur, head, widths, head_bold)
    # a row taller than a page is cut to what fits, its last line ending in an ellipsis
    room = height - MARGIN_TOP - MARGIN_BOTTOM - _height(head) - 2 * PAD_Y - RULE
    most = max(1, int(room // line))
    on_page = 0
    for row in index.get("rows") or ():
        lines = _row_lines((str(row["tab"]), str(row["description"]), str(row["pages"])),
                           widths, row_bold)
        for k, col in enumerate(lines):
            if len(col) > most:
                lines[k] = col[: most - 1] + [noto.ellipsize(" ".join(col[most - 1:]), BODY,
                                                           widths[k] - 2 * PAD_X, row_bold[k])]
        if on_page and cur.y - _height(lines) < MARGIN_BOTTOM:  # rows are never split
            pages.append(_page(pdf, page_size, fonts, bytes(cur.ops)))
            cur.ops, cur.y, on_page = bytearray(), height - MARGIN_TOP, 0
            _draw_row(cur, head, widths, head_bold)  # the header again on every page
        _draw_row(cur, lines, widths, row_bold)
        on_page += 1
    total = f"Total pages: {index.get('total_pages', '')}"
    if int(index.get("parts", 1) or 1) > 1:
        total += f", in {index['parts']} files"
    total += "."
    if cur.y - BODY - line < MARGIN_BOTTOM:
        pages.append(_page(pdf, page_size, fonts, bytes(cur.ops)))
        cur.ops, cur.y = bytearray(), height - MARGIN_TOP
    else:
        cur.y -= BODY
    for piece in noto.wrap(total, BODY, table):
        cur.ops += fonts.show(BODY, MARGIN_X, _baseline(cur.y, BODY, line), piece)
        cur.y -= line
    pages.append(_page(pdf, page_size, fonts, bytes(cur.ops)))
    return pages


def tab_page(pdf: pikepdf.Pdf, tab: Mapping[str, str], page_size: tuple[float, float],
             fonts: noto.Fonts) -> pikepdf.Page:
    """One tab sheet: the label, the title (at most 9 cm) and any note (at most 5 cm)."""
    width, height = page_size
    box = width - 2 * MARGIN_X
    cur = _Cursor(width, height, fonts, bytearray(), height - TAB_TOP)
    cur.centered(tab["label"], 40.0, True, MARGIN_X, box)
    cur.y -= 0.5 * 40.0
    for text, size, limit, gap in ((tab["title"], 14.0, 9 * CM, 0.0),
                                   (tab.get("note", ""), 10.0, 5 * CM, 1.5 * 10.0)):
        if not text.strip():
            continue
        cur.y -= gap
        keep = max(1, int(limit // (size * LEADING)))
        cut = " ".join(noto.wrap(text, size, box)[:keep])
        cur.centered(cut, size, False, MARGIN_X, box)
    return _page(pdf, page_size, fonts, bytes(cur.ops))


def footer_form(pdf: pikepdf.Pdf, text: str, size: tuple[float, float],
                fonts: noto.Fonts) -> pikepdf.Object:
    """The footer stamp: applicant and reference at 7.5 pt, one line, cut with an ellipsis;
    its line box starts 10 pt below the top (footer.html)."""
    width, height = size
    line = noto.ellipsize(text, 7.5, width)
    form = pdf.make_stream(fonts.show(7.5, 0, height - 10.0 - 7.5 * noto.ascent(), line))
    form.Type, form.Subtype = Name.XObject, Name.Form
    form.BBox = [0, 0, width, height]
    form.Resources = pikepdf.Dictionary(Font=fonts.resources)
    return pdf.make_indirect(form)
