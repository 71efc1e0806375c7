"""Hypothesis strategies for case records, derived from the pydantic models themselves.

Every field is generated from its annotation: constrained strings within their limits (any
Unicode a user can type, so no lone surrogates), pattern-bound fields from their regex, item
lists with distinct ids (as `new_id` guarantees), enums, dates and FuzzyDates, and
JSON values for `extensions`. New fields are covered without touching this file."""

from __future__ import annotations

import re
import types
import typing
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from asylum_prep.domain.base import Item
from asylum_prep.domain.record import CaseRecord

TEXT = st.text(max_size=30)  # default alphabet: all of Unicode except surrogates
MAX_LIST = 3

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | TEXT,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(TEXT.filter(lambda k: k != "id"), inner, max_size=3),
    max_leaves=6,
)


def _limit_and_pattern(metas: list[Any]) -> tuple[int | None, str | None]:
    limit = next((m.max_length for m in metas if getattr(m, "max_length", None)), None)
    pattern = next((m.pattern for m in metas if getattr(m, "pattern", None)), None)
    return limit, pattern


def _text(limit: int | None, pattern: str | None) -> st.SearchStrategy[str]:
    if pattern:
        return st.from_regex(re.compile(pattern), fullmatch=True).filter(
            lambda s: limit is None or len(s) <= limit)
    return st.text(max_size=min(limit or 60, 60))


def for_annotation(annotation: Any, metas: list[Any] | None = None) -> st.SearchStrategy[Any]:
    metas = metas or []
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return for_annotation(args[0], [*metas, *args[1:]])
    if origin in (typing.Union, types.UnionType):
        options = [for_annotation(a, metas) for a in args if a is not type(None)]
        return st.one_of(st.none(), *options) if type(None) in args else st.one_of(*options)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        inner = args[0]
        if isinstance(inner, type) and issubclass(inner, Item):
            return st.lists(for_model(inner), max_size=MAX_LIST, unique_by=lambda i: i.id)
        return st.lists(for_annotation(inner), max_size=MAX_LIST)
    if origin is dict:
        return st.dictionaries(for_annotation(args[0]), for_annotation(args[1]), max_size=2)
    if annotation is Any:
        return JSON_VALUES
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return st.sampled_from(list(annotation))
        if issubclass(annotation, BaseModel):
            return for_model(annotation)
        if annotation is bool:
            return st.booleans()
        if annotation is int:
            low = max([-(2**31), *(m.ge for m in metas if getattr(m, "ge", None) is not None),
                       *(m.gt + 1 for m in metas if getattr(m, "gt", None) is not None)])
            high = min([2**31, *(m.le for m in metas if getattr(m, "le", None) is not None),
                        *(m.lt - 1 for m in metas if getattr(m, "lt", None) is not None)])
            return st.integers(low, high)
        if annotation is datetime:
            return st.datetimes(min_value=datetime(1900, 1, 1), timezones=st.just(UTC))
        if annotation is date:
            return st.dates()
        if annotation is str:
            return _text(*_limit_and_pattern(metas))
    raise NotImplementedError(f"no strategy for {annotation!r}: extend tests/property")


@cache
def for_model(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    fields = {}
    for name, info in model.model_fields.items():
        strategy = for_annotation(info.annotation, list(info.metadata))
        if info.is_required():
            fields[name] = strategy
        else:  # sometimes left at its default, as most answers are
            fields[name] = st.one_of(st.just(info.get_default(call_default_factory=True)), strategy)
    return st.fixed_dictionaries(fields).map(lambda data: model.model_validate(data))


def records() -> st.SearchStrategy[CaseRecord]:
    return for_model(CaseRecord)
