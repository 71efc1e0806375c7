"""The fields of a PDF form (AcroForm): walked from `/AcroForm /Fields`, never guessed.

A terminal field is a field dictionary without field children (its `/Kids`, if any, are only
its widget annotations); its name is the dotted chain of `/T` from the root, as in
"form1[0].#subform[1].CheckBox16[0]". Entries that fields inherit (`/FT`, `/Ff`, `/DA`,
`/MaxLen`, `/Q`) are read up the parent chain. A checkbox's or radio button's on-values are
the keys of its widgets' `/AP /N` other than `/Off`: forms use "/1", "/Y", "/M"..., never
assume "/Yes". Cycles, absurdly deep trees and absurdly many fields are refused as unreadable.

`inventory` lists what a caller can fill; `terminal_fields` gives the objects themselves to
the filler (`pdf_form_fill`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from asylum_prep.errors import N_, InputRefused

MAX_DEPTH = 32
MAX_FIELDS = 5000
# Field flags (PDF 32000-1, 12.7.3.1, 12.7.4.2.1, 12.7.4.3).
FF_READ_ONLY = 1
FF_MULTILINE = 1 << 12
FF_RADIO = 1 << 15
FF_PUSHBUTTON = 1 << 16
FF_COMB = 1 << 24
_TF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+(-?[\d.]+)\s+Tf")

NOT_PDF = N_("This file is not a PDF form that can be read.")


@dataclass(frozen=True)
class FieldInfo:
    """One fillable field as the file describes it (`page` counts from 1; `rect` is the first
    widget's [x1 y1 x2 y2] in points)."""

    name: str
    kind: str  # "text", "checkbox", "radio", "choice", "button" or "signature"
    page: int | None
    rect: tuple[float, float, float, float]
    on_values: tuple[str, ...] = ()
    max_length: int | None = None
    multiline: bool = False
    comb: bool = False
    font_size: float | None = None
    read_only: bool = False
    label: str = ""  # the field's tooltip (/TU): what the form says the field is for


@dataclass
class FieldRef:
    """A terminal field's dictionary, its widgets and what was read from them."""

    obj: Dictionary
    widgets: list[Dictionary]
    info: FieldInfo
    da: bytes = b""
    quadding: int = 0
    fonts: Dictionary | None = field(default=None, repr=False)


def inherited(obj: Dictionary, key: str) -> object | None:
    """`key` of the field or the nearest ancestor that has it."""
    node: object = obj
    for _ in range(MAX_DEPTH):
        if not isinstance(node, Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _is_widget(obj: object) -> bool:
    return isinstance(obj, Dictionary) and obj.get("/Subtype") == Name.Widget and "/T" not in obj


def _kind(ft: object, flags: int) -> str:
    if ft == Name.Tx:
        return "text"
    if ft == Name.Ch:
        return "choice"
    if ft == Name.Sig:
        return "signature"
    if ft == Name.Btn:
        if flags & FF_PUSHBUTTON:
            return "button"
        return "radio" if flags & FF_RADIO else "checkbox"
    return "unknown"


def on_values(widgets: list[Dictionary]) -> tuple[str, ...]:
    """The widgets' on-states (without the slash), in widget order, each once."""
    found: list[str] = []
    for widget in widgets:
        ap = widget.get("/AP")
        normal = ap.get("/N") if isinstance(ap, Dictionary) else None
        if isinstance(normal, Dictionary) and not isinstance(normal, pikepdf.Stream):
            for key in normal.keys():
                state = str(key)[1:]
                if state != "Off" and state not in found:
                    found.append(state)
    return tuple(found)


def widget_states(widget: Dictionary) -> set[str]:
    ap = widget.get("/AP")
    normal = ap.get("/N") if isinstance(ap, Dictionary) else None
    if isinstance(normal, Dictionary) and not isinstance(normal, pikepdf.Stream):
        return {str(key)[1:] for key in normal.keys()}
    return set()


def font_of(da: bytes) -> tuple[str, float] | None:
    """The (font resource name, size) of a default appearance string's last `Tf`."""
    found = _TF.findall(da)
    if not found:
        return None
    name, size = found[-1]
    try:
        return name.decode("latin-1"), float(size)
    except ValueError:
        return None


def _text(value: object) -> str:
    return str(value) if isinstance(value, pikepdf.String) else ""


def _page_map(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    pages: dict[tuple[int, int], int] = {}
    for number, page in enumerate(pdf.pages, start=1):
        annots = page.obj.get("/Annots")
        if isinstance(annots, Array):
            for annot in annots:
                if isinstance(annot, Dictionary) and annot.is_indirect:
                    pages.setdefault(annot.objgen, number)
    return pages


def _rect(widget: Dictionary) -> tuple[float, float, float, float]:
    rect = widget.get("/Rect")
    if isinstance(rect, Array) and len(rect) == 4:
        x1, y1, x2, y2 = (float(v) for v in rect)
        return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
    return 0.0, 0.0, 0.0, 0.0


def _walk(node: Dictionary, prefix: str, depth: int,
          seen: set[tuple[int, int]]) -> Iterator[tuple[str, Dictionary, list[Dictionary]]]:
    if depth > MAX_DEPTH:
        raise InputRefused(NOT_PDF)
    if node.is_indirect:
        if node.objgen in seen:
            raise InputRefused(NOT_PDF)
        seen.add(node.objgen)
    part = _text(node.get("/T"))
    name = f"{prefix}.{part}" if prefix and part else (part or prefix)
    kids = node.get("/Kids")
    children = [k for k in kids if isinstance(k, Dictionary)] if isinstance(kids, Array) else []
    fields = [k for k in children if not _is_widget(k)]
    if fields:
        for child in fields:
            yield from _walk(child, name, depth + 1, seen)
        return
    widgets = children if children else ([node] if node.get("/Subtype") == Name.Widget else [])
    yield name, node, widgets


def terminal_fields(pdf: pikepdf.Pdf) -> list[FieldRef]:
    """Every terminal field of the document's AcroForm, in the order of `/Fields`."""
    acroform = pdf.Root.get("/AcroForm")
    if not isinstance(acroform, Dictionary):
        return []
    roots = acroform.get("/Fields")
    if not isinstance(roots, Array):
        return []
    form_da = acroform.get("/DA")
    form_dr = acroform.get("/DR")
    pages = _page_map(pdf)
    seen: set[tuple[int, int]] = set()
    out: list[FieldRef] = []
    for root in roots:
        if not isinstance(root, Dictionary):
            continue
        for name, obj, widgets in _walk(root, "", 0, seen):
            if len(out) >= MAX_FIELDS:
                raise InputRefused(NOT_PDF)
            out.append(_ref(name, obj, widgets, pages, form_da, form_dr))
    return out


def _ref(name: str, obj: Dictionary, widgets: list[Dictionary],
         pages: dict[tuple[int, int], int], form_da: object, form_dr: object) -> FieldRef:
    flags = int(inherited(obj, "/Ff") or 0)  # type: ignore[call-overload]
    kind = _kind(inherited(obj, "/FT"), flags)
    da_obj = inherited(obj, "/DA") or form_da
    da = bytes(da_obj) if isinstance(da_obj, pikepdf.String) else b""
    font = font_of(da)
    max_len = inherited(obj, "/MaxLen")
    first = widgets[0] if widgets else obj
    page = pages.get(first.objgen) if first.is_indirect else None
    dr = obj.get("/DR") or form_dr
    fonts = dr.get("/Font") if isinstance(dr, Dictionary) else None
    info = FieldInfo(
        name=name,
        kind=kind,
        page=page,
        rect=_rect(first),
        on_values=on_values(widgets) if kind in ("checkbox", "radio") else (),
        max_length=int(max_len) if _is_int(max_len) else None,  # type: ignore[call-overload]
        multiline=bool(flags & FF_MULTILINE) and kind == "text",
        comb=bool(flags & FF_COMB) and kind == "text",
        font_size=font[1] if font else None,
        read_only=bool(flags & FF_READ_ONLY),
        label=_text(obj.get("/TU")),
    )
    quadding = inherited(obj, "/Q")
    return FieldRef(obj=obj, widgets=widgets, info=info, da=da,
                    quadding=int(quadding) if _is_int(quadding) else 0,  # type: ignore[call-overload]
                    fonts=fonts if isinstance(fonts, Dictionary) else None)


def _is_int(value: object) -> bool:
    try:
        int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False
    return True


def inventory(pdf: pikepdf.Pdf) -> list[FieldInfo]:
    """What can be filled in `pdf`, field by field."""
    return [ref.info for ref in terminal_fields(pdf)]
