"""An invisible text layer over a page picture, so a rendition can still be searched, selected
and read aloud: each word drawn in text render mode 3 (neither filled nor stroked) at the box
where the original page showed it, stretched (Tz) to the box's width.

The words are drawn in a glyph-less TrueType font (two empty glyphs, made here with fontTools
and embedded): nothing of it is ever visible, so only its metrics matter (every glyph 1/2 em
wide, ascent 0.8 em, descent 0.2 em). Characters are numbered in order of first use on the PDF
(Identity-H, two bytes each); the ToUnicode map gives each number its character, so text
extraction reads the words back, characters beyond the Basic Multilingual Plane included.
Words keep the order of their characters on the page (left to right as drawn; a right-to-left
word comes from pdftotext already in that visual order), so an extractor rebuilds the same
reading order from the layer as from the original page.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable
from functools import cache

import pikepdf
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from pikepdf import Array, Dictionary, Name

FONT_NAME = "APTEXT+GlyphLessFont"  # a six-letter tag: it is a complete two-glyph font
ADVANCE = 500  # 1/1000 em
ASCENT, DESCENT = 800, -200
MAX_CODES = 0xFFFF


@cache
def glyphless_ttf() -> bytes:
    """A TrueType font whose two glyphs (.notdef and one used for every character) are empty."""
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "blank"])
    fb.setupCharacterMap({0x20: "blank"})
    empty = TTGlyphPen(None).glyph()
    fb.setupGlyf({".notdef": empty, "blank": empty})
    fb.setupHorizontalMetrics({".notdef": (ADVANCE, 0), "blank": (ADVANCE, 0)})
    fb.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    fb.setupNameTable({"familyName": "GlyphLessFont", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=ASCENT, sTypoDescender=DESCENT, usWinAscent=ASCENT,
                usWinDescent=-DESCENT)
    fb.setupPost()
    out = io.BytesIO()
    fb.save(out)
    return out.getvalue()


class TextLayer:
    """The font of one PDF and the character numbers it has handed out."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.codes: dict[str, int] = {}
        self.font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0))

    def _encode(self, text: str) -> bytes:
        out = bytearray()
        for ch in text:
            code = self.codes.get(ch)
            if code is None:
                if len(self.codes) >= MAX_CODES - 1:
                    continue
                code = self.codes[ch] = len(self.codes) + 1
            out += code.to_bytes(2, "big")
        return bytes(out)

    def operators(self, font: Name, words: Iterable[tuple[float, float, float, float, str]],
                  page_height: float) -> bytes:
        """Content-stream operators drawing `words` (boxes in points from the top left)."""
        ops = [b"BT 3 Tr"]
        for x0, y0, x1, y1, text in words:
            codes = self._encode(text)
            space = self._encode(" ")
            if not codes:
                continue
            # A word much taller than wide, on a page turned a quarter, runs down the page.
            down = len(codes) > 2 and (y1 - y0) > 2 * (x1 - x0)
            size = max((x1 - x0) if down else (y1 - y0), 1.0)
            natural = len(codes) // 2 * size * ADVANCE / 1000
            stretch = max(min(100 * ((y1 - y0) if down else (x1 - x0)) / natural, 10_000), 1)
            if down:
                matrix = b"0 -1 1 0 %.2f %.2f" % (x0 - DESCENT * size / 1000, page_height - y0)
            else:
                matrix = b"1 0 0 1 %.2f %.2f" % (x0, page_height - y1 - DESCENT * size / 1000)
            ops.append(b"%s %.2f Tf %.2f Tz %s Tm <%s> Tj" % (
                str(font).encode(), size, stretch, matrix, (codes + space).hex().encode()))
        ops.append(b"ET")
        return b"\n".join(ops) + b"\n"

    def finish(self) -> None:
        """Fill in the font once every page is drawn (the maps depend on what was used)."""
        pdf = self.pdf
        n = len(self.codes) + 1
        gid_map = pikepdf.Stream(pdf, zlib.compress(b"\x00\x00" + b"\x00\x01" * (n - 1)))
        gid_map.Filter = Name.FlateDecode
        file2 = pikepdf.Stream(pdf, zlib.compress(glyphless_ttf()))
        file2.Filter, file2.Length1 = Name.FlateDecode, len(glyphless_ttf())
        descriptor = Dictionary(
            Type=Name.FontDescriptor, FontName=Name("/" + FONT_NAME), Flags=5,
            FontBBox=Array([0, DESCENT, ADVANCE, ASCENT]), ItalicAngle=0, Ascent=ASCENT,
            Descent=DESCENT, CapHeight=ASCENT, StemV=80, FontFile2=pdf.make_indirect(file2),
        )
        cid_font = Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/" + FONT_NAME),
            CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"),
                                     Ordering=pikepdf.String("Identity"), Supplement=0),
            FontDescriptor=pdf.make_indirect(descriptor), DW=ADVANCE,
            CIDToGIDMap=pdf.make_indirect(gid_map),
        )
        to_unicode = pikepdf.Stream(pdf, zlib.compress(_cmap(self.codes)))
        to_unicode.Filter = Name.FlateDecode
        self.font.BaseFont = Name("/" + FONT_NAME)
        self.font.Encoding = Name("/Identity-H")
        self.font.DescendantFonts = Array([pdf.make_indirect(cid_font)])
        self.font.ToUnicode = pdf.make_indirect(to_unicode)


def _cmap(codes: dict[str, int]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    items = sorted(codes.items(), key=lambda kv: kv[1])
    for start in range(0, len(items), 100):
        block = items[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{code:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, code in block]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode()
