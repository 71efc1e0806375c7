"""Fill a prepared PDF form (`pdf_form_import`): generic, faithful, and still fillable.

`fill(form, values)` sets exactly the fields named in `values` and nothing else:

- a text (or choice) field gets its value in `/V` and, on every widget, an appearance stream
  drawn here (`pdf_form_text`), so the value shows in viewers that never generate one
  (poppler's pdftotext and pdftoppm, Chromium's viewer), not only in Acrobat. The form does
  not say `/NeedAppearances true`: with it, poppler redraws every field itself and draws a
  checked box of this form empty (its ZapfDingbats mark), so the streams drawn here are
  what every viewer shows;
- text that does not fit its field (its width, its lines, its `/MaxLen`) is not cut: the field
  says `overflow_text` ("See Supplement B") and the whole text is returned in `overflow`, in
  the order of `values`, for the continuation pages (`form_supplement`);
- a checkbox or radio button is set with its own on-value, read from its widgets' `/AP /N`
  (True: its only on-value; a string: that on-value, e.g. "M" of a sex choice; False: /Off),
  with `/AS` of each widget set to the state it has, or /Off;
- Latin text the form's font cannot write (Ş, Đ, ễ) is drawn in an embedded font made for
  it (`pdf_form_font`);
- names the form does not have are returned in `unknown_fields`; values that cannot be
  written (text not in Latin script, an on-value the box does not have, a
  push button or a signature) leave their field as it was and are returned in `not_filled`
  with a reason: "not_latin", "no_such_state", "ambiguous_state" or "not_fillable".

The form is not flattened: the result can still be corrected in any PDF editor.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Dictionary, Name

from asylum_prep.documents.pdf_form_fields import FieldRef, terminal_fields, widget_states
from asylum_prep.documents.pdf_form_font import latin_font
from asylum_prep.documents.pdf_form_text import Font, courier, field_font, layout
from asylum_prep.documents.pdf_form_text import appearance as text_appearance

OVERFLOW_TEXT = "See Supplement B"
_CONTROL = {i: " " for i in range(32) if i != 10}


@dataclass(frozen=True)
class FillResult:
    pdf_bytes: bytes
    overflow: list[tuple[str, str]] = field(default_factory=list)  # (field name, whole text)
    unknown_fields: list[str] = field(default_factory=list)
    not_filled: list[tuple[str, str]] = field(default_factory=list)  # (field name, reason)


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL).strip()


class _Filler:
    def __init__(self, pdf: pikepdf.Pdf, overflow_text: str) -> None:
        self.pdf = pdf
        self.overflow_text = overflow_text
        self.fallback: Font | None = None
        self.overflow: list[tuple[str, str]] = []
        self.not_filled: list[tuple[str, str]] = []

    def _fallback(self) -> Font:
        if self.fallback is None:
            self.fallback = courier(self.pdf)
        return self.fallback

    def text(self, ref: FieldRef, value: str) -> None:
        name = ref.info.name
        value = _clean(value)
        if not ref.info.multiline:
            value = " ".join(value.split())
        font, size = field_font(self.pdf, ref, self._fallback())
        data = font.encode(value)
        if data is None and font is not self._fallback():
            font = self._fallback()
            data = font.encode(value)
        if data is None:  # Latin letters beyond WinAnsi (Ş, Đ, ễ): a font made for the text
            extended = latin_font(self.pdf, value)
            if extended is not None:
                font, data = extended, extended.encode(value)
        if data is None:
            self.not_filled.append((name, "not_latin"))
            return
        placed = layout(font, ref, data, size)
        shown = value
        if placed is None:
            self.overflow.append((name, value))
            shown = self.overflow_text
            encoded = font.encode(shown) or b""
            placed = layout(font, ref, encoded, size)
            if placed is None:  # the field is too small even for the note: left empty
                shown, placed = "", layout(font, ref, b"", size)
        ref.obj[Name.V] = pikepdf.String(shown)
        for widget in ref.widgets:
            if placed is not None:
                stream = text_appearance(self.pdf, ref, widget, font, placed)
                widget[Name.AP] = Dictionary(N=stream)

    def button(self, ref: FieldRef, value: str | bool) -> None:
        name, states = ref.info.name, ref.info.on_values
        if value is False:
            state = "Off"
        elif value is True:
            if len(states) != 1:
                self.not_filled.append((name, "ambiguous_state"))
                return
            state = states[0]
        else:
            state = str(value).lstrip("/")
            if state not in states:
                self.not_filled.append((name, "no_such_state"))
                return
        ref.obj[Name.V] = Name("/" + state)
        for widget in ref.widgets:
            widget[Name.AS] = Name("/" + state) if state in widget_states(widget) else Name.Off


def fill(form_bytes: bytes, values: Mapping[str, str | bool], *,
         overflow_text: str = OVERFLOW_TEXT) -> FillResult:
    """The form with `values` filled (see the module docstring)."""
    with pikepdf.open(io.BytesIO(form_bytes)) as pdf:
        refs = {ref.info.name: ref for ref in terminal_fields(pdf)}
        filler = _Filler(pdf, overflow_text)
        unknown: list[str] = []
        for name, value in values.items():
            ref = refs.get(name)
            if ref is None:
                unknown.append(name)
            elif ref.info.kind in ("checkbox", "radio"):
                filler.button(ref, value)
            elif ref.info.kind in ("text", "choice") and not isinstance(value, bool):
                filler.text(ref, value)
            else:
                filler.not_filled.append((name, "not_fillable"))
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return FillResult(out.getvalue(), filler.overflow, unknown, filler.not_filled)
