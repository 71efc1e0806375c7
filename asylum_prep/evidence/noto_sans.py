"""Noto Sans Regular and Bold (Debian fonts-noto-core) embedded as simple TrueType fonts in
WinAnsiEncoding: metrics, wrapping and text operators for packet pages whose text is all
WinAnsi (cp1252), so they need no layout engine. Text outside WinAnsi is refused (`encodable`
is False) and the caller lays it out with WeasyPrint instead.

Every font in a packet is embedded (courts' e-filing checks and PDF/A want it): each PDF's
`Fonts` records the characters drawn through it and `embed` then writes, per face, a subset
holding only those glyphs (fontTools subsetter) as /FontFile2, with /Widths taken from the
font's own advances. Text is shown as WinAnsi bytes, so extraction reads it without a
ToUnicode map, and viewers find each glyph through the subset's (3,1) cmap.
"""

from __future__ import annotations

import gc
import hashlib
import io
import shutil
import subprocess
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTFont
from pikepdf import Dictionary, Name

from asylum_prep.errors import ConfigError
from asylum_prep.text import collapse_spaces

FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto",
        "/usr/share/fonts/google-noto", "/usr/local/share/fonts")
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "DSIG")  # no shaping here; skipping them is faster


@dataclass(frozen=True)
class Face:
    """One font file and what a PDF font dictionary needs of it (units of 1/1000 em)."""

    path: Path
    ps_name: str
    widths: tuple[int, ...]  # per WinAnsi code 0-255; 0 where the code has no glyph
    ascent: int
    descent: int  # negative
    cap_height: int
    bbox: tuple[int, int, int, int]
    stem_v: int


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while fontTools reads a font. It allocates thousands
    of small objects (one per glyph and glyph name), and the collections they set off scan the
    whole heap of an app process: that tripled the subsetting time in the packet benchmark
    (both faces 80 -> 26 ms). What fontTools leaves is freed by reference counting anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find(bold: bool) -> Path:
    """The face's file: a fixed list of font directories, then fontconfig."""
    name = FILES[bold]
    for folder in DIRS:
        path = Path(folder) / name
        if path.is_file():
            return path
    if shutil.which("fc-match"):
        pattern = "Noto Sans:style=" + ("Bold" if bold else "Regular")
        done = subprocess.run(["fc-match", "-f", "%{file}", pattern],  # noqa: S607
                              capture_output=True, text=True, check=False)
        path = Path(done.stdout.strip())
        if path.name == name and path.is_file():  # fc-match falls back to any font
            return path
    raise ConfigError() from FileNotFoundError(
        f"{name} not found (install Debian's fonts-noto-core)")


@cache
def face(bold: bool = False) -> Face:
    """The face's metrics, read once per process (raises ConfigError when it is missing)."""
    path = _find(bold)
    with _collector_paused():
        return _read_face(path, TTFont(path, lazy=True))


def _read_face(path: Path, font: TTFont) -> Face:
    scale = 1000 / font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    widths = [0] * 256
    for code in range(32, 256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        glyph = cmap.get(ord(char))
        if glyph is not None:
            widths[code] = round(hmtx[glyph][0] * scale)
    head, os2 = font["head"], font["OS/2"]
    return Face(path, font["name"].getDebugName(6) or path.stem, tuple(widths),
                round(font["hhea"].ascent * scale), round(font["hhea"].descent * scale),
                round(getattr(os2, "sCapHeight", 0) * scale or 700),
                tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
                80 if os2.usWeightClass < 600 else 140)


def ascent() -> float:
    """Ascent per em (both faces share it)."""
    return face().ascent / 1000


def descent() -> float:
    """Descent per em, as a positive number."""
    return -face().descent / 1000


def _clean(text: str) -> str:
    return collapse_spaces(text.replace("\u00ad", ""))


def encodable(text: str) -> bool:
    """Whether every character (after whitespace is collapsed) is WinAnsi and has a glyph."""
    try:
        data = _clean(text).encode("cp1252")
    except UnicodeEncodeError:
        return False
    regular, bold = face(False).widths, face(True).widths
    return all(regular[b] and bold[b] for b in data)


def width(text: str, size: float, bold: bool = False) -> float:
    table = face(bold).widths
    return sum(table[b] for b in text.encode("cp1252")) * size / 1000


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


@lru_cache(maxsize=64)
def subset_program(bold: bool, chars: str) -> bytes:
    """The face cut down to the glyphs of `chars` (and .notdef), unhinted, no layout tables."""
    with _collector_paused():
        font = TTFont(face(bold).path, lazy=True)
        for tag in _UNUSED_TABLES:
            if tag in font:
                del font[tag]
        options = subset.Options()
        options.hinting = False
        options.layout_features = []
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted({ord(c) for c in chars}))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        font.close()
        return out.getvalue()


def subset_tag(program: bytes) -> str:
    """Six capital letters naming the subset (PDF 32000-1, 9.6.4), the same for the same one."""
    digest = hashlib.sha256(program).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def fill_font(pdf: pikepdf.Pdf, target: pikepdf.Object, bold: bool, chars: Iterable[str]) -> None:
    """Make the (empty, indirect) dictionary `target` a TrueType font embedding the face's
    glyphs of `chars`, WinAnsi codes FirstChar..LastChar."""
    used = sorted(set("".join(chars).encode("cp1252")))
    f = face(bold)
    missing = [b for b in used if not f.widths[b]]
    if not used or missing:
        raise ValueError(f"no glyph for WinAnsi codes {missing} in {f.ps_name}")
    program = subset_program(bold, bytes(used).decode("cp1252"))  # sorted: a stable cache key
    name = Name(f"/{subset_tag(program)}+{f.ps_name}")
    stream = pdf.make_stream(zlib.compress(program, 6))
    stream.Filter, stream.Length1 = Name.FlateDecode, len(program)
    descriptor = pdf.make_indirect(Dictionary(
        Type=Name.FontDescriptor, FontName=name, Flags=32, FontBBox=list(f.bbox),
        ItalicAngle=0, Ascent=f.ascent, Descent=f.descent, CapHeight=f.cap_height,
        StemV=f.stem_v, FontFile2=stream))
    first, last = used[0], used[-1]
    want = set(used)
    target.Type, target.Subtype, target.BaseFont = Name.Font, Name.TrueType, name
    target.FirstChar, target.LastChar = first, last
    target.Widths = [f.widths[c] if c in want else 0 for c in range(first, last + 1)]
    target.Encoding, target.FontDescriptor = Name.WinAnsiEncoding, descriptor


class Fonts:
    """The drawn pages' /Font resources in one PDF: /F1 Noto Sans, /F2 Noto Sans Bold.

    Text drawn through `show` (or announced with `use`) is recorded; `embed`, called once
    everything is drawn, writes each face's subset into its font dictionary. The dictionaries
    are indirect objects made up front, so pages can share `resources` before that."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self._chars: tuple[set[str], set[str]] = (set(), set())
        self.regular = pdf.make_indirect(Dictionary())
        self.bold = pdf.make_indirect(Dictionary())
        self.resources = pdf.make_indirect(Dictionary(F1=self.regular, F2=self.bold))

    def use(self, text: str, bold: bool = False) -> None:
        self._chars[bold].update(text)

    def show(self, size: float, x: float, y: float, text: str, bold: bool = False) -> bytes:
        """Operators drawing `text` with its baseline starting at (x, y) in points."""
        self._chars[bold].update(text)
        return b"BT /%s %.2f Tf %.2f %.2f Td %s Tj ET\n" % (
            b"F2" if bold else b"F1", size, x, y, literal(text))

    def embed(self) -> None:
        for bold, target, key in ((False, self.regular, Name.F1), (True, self.bold, Name.F2)):
            chars = self._chars[bold]
            if chars:
                fill_font(self.pdf, target, bold, chars)
            elif key in self.resources:
                del self.resources[key]  # nothing drawn in this face: no empty font
