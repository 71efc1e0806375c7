"""Helvetica and Helvetica-Bold (standard-14 PDF fonts, WinAnsiEncoding): metrics, wrapping
and text operators, for packet pages whose text is all WinAnsi (cp1252) and so needs no
embedded font and no layout engine. Text outside WinAnsi is refused (`encodable` is False)
and the caller lays it out with WeasyPrint instead.

Advance widths (1/1000 em) for codes 32-255 come from Adobe's Core 14 AFM files
(Helvetica.afm, Helvetica-Bold.afm; Copyright (c) 1985, 1987, 1989, 1990, 1997 Adobe Systems
Incorporated. All Rights Reserved. Helvetica is a trademark of Linotype-Hell AG and/or its
subsidiaries), as redistributed in pypdf's core_font_metrics.py; modified here only by
arranging the widths by WinAnsi code. 0 marks a code that WinAnsi leaves undefined.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
from pikepdf import Dictionary, Name

ASCENT, DESCENT = 0.718, 0.207  # per em, from the AFM files

_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 0, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 0, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
)


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def encodable(text: str) -> bool:
    """Whether every character (after whitespace is collapsed) has a WinAnsi glyph."""
    try:
        data = _clean(text).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return all(_REGULAR[b - 32] for b in data)


def width(text: str, size: float, bold: bool = False) -> float:
    table = _BOLD if bold else _REGULAR
    return sum(table[b - 32] for b in text.encode("cp1252")) * size / 1000


def _break_word(word: str, size: float, max_width: float, bold: bool) -> Iterator[str]:
    piece = ""
    for ch in word:
        if piece and width(piece + ch, size, bold) > max_width:
            yield piece
            piece = ""
        piece += ch
    if piece:
        yield piece


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in _clean(text).split(" "):
        if not word:
            continue
        trial = f"{line} {word}" if line else word
        if width(trial, size, bold) <= max_width:
            line = trial
            continue
        if line:
            lines.append(line)
        pieces = list(_break_word(word, size, max_width, bold))
        lines.extend(pieces[:-1])
        line = pieces[-1]
    if line:
        lines.append(line)
    return lines


def ellipsize(text: str, size: float, max_width: float, bold: bool = False) -> str:
    """The text on one line, cut with an ellipsis when it is wider than `max_width`."""
    text = _clean(text)
    if width(text, size, bold) <= max_width:
        return text
    while text and width(text + "\u2026", size, bold) > max_width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def literal(text: str) -> bytes:
    """A PDF literal string of the text in WinAnsi bytes."""
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def show(font: str, size: float, x: float, y: float, text: str) -> bytes:
    """Operators drawing `text` with its baseline starting at (x, y) in points."""
    return b"BT /%s %.2f Tf %.2f %.2f Td %s Tj ET\n" % (
        font.encode(), size, x, y, literal(text))


def fonts(pdf: pikepdf.Pdf) -> Dictionary:
    """A /Font resource dictionary with /F1 Helvetica and /F2 Helvetica-Bold."""
    def font(base: str) -> pikepdf.Object:
        return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                            BaseFont=Name(base), Encoding=Name.WinAnsiEncoding))
    return Dictionary(F1=font("/Helvetica"), F2=font("/Helvetica-Bold"))
