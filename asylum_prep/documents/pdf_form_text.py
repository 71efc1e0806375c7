"""Text in a form field: the field's font, measuring, wrapping, and the appearance stream.

The font is the one the field's default appearance (`/DA`) names, from the form's resources,
when it is a simple font with a known single-byte encoding (WinAnsi, MacRoman, Standard) and
its own `/Widths`; text is measured with those widths, exactly as a viewer lays it out. Any
other font (a composite font, one without widths) is replaced by the standard Courier, whose
every glyph is 600/1000 em wide: measured exactly too, and shown by every viewer. The form
requires Latin script: text the font's encoding cannot write is reported, never drawn as "?".

A single-line field fits when its text is no wider than the field (less 2 pt padding a side)
and, when the field has `/MaxLen`, no longer than that; a comb field draws one character per
cell; a multiline field wraps at spaces (a word wider than the field is broken) and fits when
all its lines fit the field's height. Auto-sized fields (`0 Tf`) take the largest size from
12 pt down to 6 pt at which the text fits. Widgets are drawn unrotated (`/MK /R` is not
read: the official forms the app fills have no rotated fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

from asylum_prep.documents.pdf_form_fields import FieldRef, font_of

PADDING = 2.0
AUTO_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.0)
COURIER_WIDTH = 600.0
LEADING = 1.15  # line height over font size in multiline fields
_CODECS = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman",
           "/StandardEncoding": "cp1252"}
_TF = re.compile(rb"/[^\s/\[\]()<>{}%]+\s+-?[\d.]+\s+Tf")
_FALLBACK = "AsyCour"


@dataclass(frozen=True)
class Font:
    resource: str  # the name in the appearance's /Resources /Font
    obj: Dictionary  # the font dictionary
    codec: str
    widths: dict[int, float]
    default_width: float
    ascent: float  # per 1000 em
    descent: float  # negative
    codes: dict[str, int] | None = None  # a font made for one text: its characters' codes

    def encode(self, text: str) -> bytes | None:
        if self.codes is not None:
            try:
                return bytes(self.codes[c] for c in text)
            except KeyError:
                return None
        try:
            return text.encode(self.codec)
        except UnicodeEncodeError:
            return None

    def width(self, data: bytes, size: float) -> float:
        return sum(self.widths.get(b, self.default_width) for b in data) * size / 1000.0


def courier(pdf: pikepdf.Pdf) -> Font:
    obj = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Courier,
                                       Encoding=Name.WinAnsiEncoding))
    return Font(_FALLBACK, obj, "cp1252", {}, COURIER_WIDTH, 629.0, -157.0)


def _font_from(name: str, obj: object) -> Font | None:
    if not isinstance(obj, Dictionary) or obj.get("/Subtype") not in (Name.TrueType, Name.Type1):
        return None
    encoding = obj.get("/Encoding")
    codec = "cp1252" if encoding is None else _CODECS.get(str(encoding))
    widths = obj.get("/Widths")
    if codec is None or not isinstance(widths, Array):
        return None
    first = int(obj.get("/FirstChar", 0))
    table = {first + i: float(w) for i, w in enumerate(widths)}
    descriptor = obj.get("/FontDescriptor")
    ascent, descent, missing = 800.0, -200.0, 500.0
    if isinstance(descriptor, Dictionary):
        ascent = float(descriptor.get("/Ascent", ascent)) or ascent
        descent = float(descriptor.get("/Descent", descent)) or descent
        missing = float(descriptor.get("/MissingWidth", missing)) or missing
    return Font(name, obj, codec, table, missing, ascent, min(descent, 0.0))


def field_font(pdf: pikepdf.Pdf, ref: FieldRef, fallback: Font) -> tuple[Font, float]:
    """The field's font and size (0: auto-sized)."""
    named = font_of(ref.da)
    if named is None:
        return fallback, 0.0
    name, size = named
    fonts = ref.fonts
    obj = fonts.get("/" + name) if fonts is not None else None
    return _font_from(name, obj) or fallback, max(size, 0.0)


def _break_word(font: Font, word: bytes, size: float, width: float) -> list[bytes]:
    pieces, current = [], b""
    for i in range(len(word)):
        char = word[i:i + 1]
        if current and font.width(current + char, size) > width:
            pieces.append(current)
            current = b""
        current += char
    return [*pieces, current] if current else pieces


def wrap(font: Font, data: bytes, size: float, width: float) -> list[bytes]:
    """`data` in lines no wider than `width` (breaking at spaces, and inside a word wider than
    a line), keeping the text's own line breaks."""
    lines: list[bytes] = []
    for paragraph in data.split(b"\n"):
        current = b""
        for word in paragraph.split(b" "):
            if not word:
                continue
            candidate = current + b" " + word if current else word
            if font.width(candidate, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = _break_word(font, word, size, width)
            lines.extend(pieces[:-1])
            current = pieces[-1] if pieces else b""
        lines.append(current)
    return lines


@dataclass(frozen=True)
class Layout:
    size: float
    lines: list[bytes]


def layout(font: Font, ref: FieldRef, data: bytes, size: float) -> Layout | None:
    """How `data` is laid out in the field's first widget, or None when it does not fit."""
    x1, y1, x2, y2 = ref.info.rect
    width, height = x2 - x1 - 2 * PADDING, y2 - y1
    max_len = ref.info.max_length
    if max_len is not None and len(data) > max_len:
        return None
    for candidate in ([size] if size > 0 else list(AUTO_SIZES)):
        if ref.info.comb and max_len:
            cell = (x2 - x1) / max_len
            if all(font.width(data[i:i + 1], candidate) <= cell for i in range(len(data))):
                return Layout(candidate, [data])
            continue
        if ref.info.multiline:
            lines = wrap(font, data, candidate, width)
            if len(lines) * candidate * LEADING <= height - 2 * PADDING + 0.01:
                return Layout(candidate, lines)
            continue
        if b"\n" not in data and font.width(data, candidate) <= width + 0.01:
            return Layout(candidate, [data])
    return None


def _literal(data: bytes) -> bytes:
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _num(value: float) -> bytes:
    return f"{value:.2f}".rstrip("0").rstrip(".").encode()


def appearance(pdf: pikepdf.Pdf, ref: FieldRef, widget: Dictionary, font: Font,
               placed: Layout) -> pikepdf.Stream:
    """The normal appearance of a text field's widget showing `placed`."""
    rect = [float(v) for v in widget.get("/Rect", Array([0, 0, 0, 0]))]
    width, height = abs(rect[2] - rect[0]), abs(rect[3] - rect[1])
    size = placed.size
    ascent, descent = font.ascent * size / 1000.0, font.descent * size / 1000.0
    tf = b"/" + font.resource.encode() + b" " + _num(size) + b" Tf"
    da = _TF.sub(tf, ref.da) if font_of(ref.da) else tf + b" 0 g"
    ops = [b"/Tx BMC", b"q", b"1 1 " + _num(width - 2) + b" " + _num(height - 2) + b" re W n",
           b"BT", da]
    max_len = ref.info.max_length
    if ref.info.comb and max_len:
        cell = width / max_len
        y = (height - (ascent - descent)) / 2 - descent
        x_prev, y_prev = 0.0, 0.0
        for i in range(len(placed.lines[0])):
            char = placed.lines[0][i:i + 1]
            x = i * cell + (cell - font.width(char, size)) / 2
            ops.append(_num(x - x_prev) + b" " + _num(y - y_prev) + b" Td " + _literal(char)
                       + b" Tj")
            x_prev, y_prev = x, y
    else:
        if ref.info.multiline:
            y = height - PADDING - ascent
        else:
            y = (height - (ascent - descent)) / 2 - descent
        x_prev, y_prev = 0.0, 0.0
        for line in placed.lines:
            line_width = font.width(line, size)
            x = {1: (width - line_width) / 2, 2: width - PADDING - line_width}.get(
                ref.quadding, PADDING)
            ops.append(_num(x - x_prev) + b" " + _num(y - y_prev) + b" Td " + _literal(line)
                       + b" Tj")
            x_prev, y_prev = x, y
            y -= size * LEADING
    ops += [b"ET", b"Q", b"EMC"]
    return pdf.make_stream(
        b"\n".join(ops),
        Type=Name.XObject, Subtype=Name.Form, FormType=1,
        BBox=Array([0, 0, width, height]),
        Resources=Dictionary(Font=Dictionary({"/" + font.resource: font.obj})),
    )
