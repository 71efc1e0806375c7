"""A font for Latin text that the form's own font cannot write: Şahin, Đorđević, Nguyễn.

The official forms name simple fonts in WinAnsi (Western European Latin). Names from Turkey,
the Balkans or Vietnam are Latin too, but their letters are not in WinAnsi. For a field whose
text has such letters, the appearance is drawn in Noto Sans (`evidence.noto_sans`: the
subset of the glyphs used, embedded) as a simple TrueType font whose encoding gives each
character of the text its own code (`/Differences` with the Adobe glyph names, and a
`/ToUnicode` map, so text extraction reads the letters back). Only Latin letters qualify,
with digits, punctuation, symbols and spaces: Cyrillic, Arabic or Chinese text stays
refused, as the form requires Latin script (the caller reports it for transliteration).
"""

from __future__ import annotations

import unicodedata
import zlib
from functools import cache

import pikepdf
from fontTools import agl
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

from asylum_prep.documents.pdf_form_text import Font
from asylum_prep.errors import ConfigError
from asylum_prep.evidence import noto_sans

FIRST_CODE = 33  # codes 33.. for the text's characters; 32 stays the space
MAX_CHARS = 255 - FIRST_CODE + 1
RESOURCE = "AsyNotoLatin"


@cache
def _metrics() -> tuple[dict[int, float], float]:
    """Noto Sans Regular's advance per code point (1/1000 em), and its space."""
    font = TTFont(noto_sans.face(False).path, lazy=True)
    try:
        scale = 1000 / font["head"].unitsPerEm
        hmtx = font["hmtx"]
        advances = {cp: hmtx[glyph][0] * scale for cp, glyph in font.getBestCmap().items()}
    finally:
        font.close()
    return advances, advances.get(32, 260.0)


def latin(char: str) -> bool:
    """A Latin letter, or anything that is not a letter (digits, punctuation, spaces)."""
    if not unicodedata.category(char).startswith("L"):
        return not unicodedata.category(char).startswith("M") and char.isprintable()
    return "LATIN" in unicodedata.name(char, "")


def glyph_name(char: str) -> str:
    code = ord(char)
    return agl.UV2AGL.get(code) or (f"uni{code:04X}" if code <= 0xFFFF else f"u{code:05X}")


def _to_unicode(pdf: pikepdf.Pdf, chars: list[str]) -> pikepdf.Stream:
    pairs = [(32, " "), *((FIRST_CODE + i, c) for i, c in enumerate(chars))]
    blocks = []
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        lines = "\n".join(f"<{code:02X}> <{c.encode('utf-16-be').hex().upper()}>"
                          for code, c in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            + "\n".join(blocks)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return pdf.make_stream(cmap.encode("ascii"))


def latin_font(pdf: pikepdf.Pdf, text: str) -> Font | None:
    """A font that writes `text`, embedded in `pdf`; None when the text is not all Latin,
    has too many different characters, or Noto Sans lacks one of them (or is missing)."""
    chars = sorted(set(text) - {" ", "\n"})
    if len(chars) > MAX_CHARS or not all(latin(c) for c in chars):
        return None
    try:
        advances, space = _metrics()
        face = noto_sans.face(False)
    except ConfigError:
        return None
    if any(ord(c) not in advances for c in chars):
        return None
    program = noto_sans.subset_program(False, "".join([" ", *chars]))
    stream = pdf.make_stream(zlib.compress(program, 6))
    stream.Filter, stream.Length1 = Name.FlateDecode, len(program)
    name = Name(f"/{noto_sans.subset_tag(program)}+{face.ps_name}")
    descriptor = pdf.make_indirect(Dictionary(
        Type=Name.FontDescriptor, FontName=name, Flags=32,
        FontBBox=Array(list(face.bbox)), ItalicAngle=0, Ascent=face.ascent,
        Descent=face.descent, CapHeight=face.cap_height, StemV=face.stem_v, FontFile2=stream))
    widths = [round(space), *(round(advances[ord(c)]) for c in chars)]
    obj = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.TrueType, BaseFont=name,
        FirstChar=32, LastChar=32 + len(chars), Widths=Array(widths),
        Encoding=Dictionary(Type=Name.Encoding, BaseEncoding=Name.WinAnsiEncoding,
                            Differences=Array([FIRST_CODE, *(Name("/" + glyph_name(c))
                                                             for c in chars)])),
        FontDescriptor=descriptor, ToUnicode=_to_unicode(pdf, chars)))
    codes = {" ": 32, "\n": 10} | {c: FIRST_CODE + i for i, c in enumerate(chars)}
    return Font(RESOURCE, obj, "", {code: float(w) for code, w in
                                    zip(range(32, 33 + len(chars)), widths, strict=True)},
                float(round(space)), float(face.ascent), float(face.descent), codes=codes)
