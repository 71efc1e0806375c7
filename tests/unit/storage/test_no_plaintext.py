"""Encryption at rest, checked the way an attacker would: plant a unique phrase in every text
field of a case, its title and a stored file, then scan every byte of the database, its WAL
and the whole data dir. Zero hits allowed.

The record is filled generically from the model's own fields, so fields added later are
covered without touching this test."""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from asylum_prep.domain.record import CaseRecord
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission
from asylum_prep.storage import repositories as repo

PHRASE = "Zanjirak7Qx"  # unique, unlikely anywhere else


def _fill(annotation: Any, counter: list[int]) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _fill(args[0], counter)
    if origin in (typing.Union, types.UnionType):
        return _fill(next(a for a in args if a is not type(None)), counter)
    if origin is list:
        return [_fill(args[0], counter)]
    if origin is dict:
        return {f"{PHRASE}key{counter[0]}": _fill(args[1], counter)}
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return list(annotation)[0].value
        if issubclass(annotation, BaseModel):
            return {name: _fill_field(f, counter) for name, f in annotation.model_fields.items()}
        if annotation is bool:
            return False
        if annotation is int:
            return 1
        if annotation is datetime:
            return "2024-01-01T00:00:00Z"
        if annotation is date:
            return "2001-02-03"
        if annotation is str:
            counter[0] += 1
            return f"{PHRASE} answer {counter[0]} ناصر"
    return f"{PHRASE} any"


_PATTERNED = ["a" * 64, "abc123", "A123456789", "us", "2024-01-01"]


def _fill_field(field: Any, counter: list[int]) -> Any:
    """Fields with a pattern (ids, hashes, codes) get a value that matches it."""
    pattern = next(
        (getattr(m, "pattern", None) for m in field.metadata if getattr(m, "pattern", None)), None
    )
    if pattern is None:
        args = typing.get_args(field.annotation)
        for meta in args[1:] if typing.get_origin(field.annotation) is typing.Annotated else ():
            pattern = getattr(meta, "pattern", None) or pattern
    if pattern:
        return next((c for c in _PATTERNED if re.fullmatch(pattern, c)), "")
    return _fill(field.annotation, counter)


def _drop(data: Any, loc: tuple) -> None:
    node = data
    for part in loc[:-1]:
        node = node[part]
    if isinstance(node, dict):
        node.pop(loc[-1], None)
    elif isinstance(node, list) and isinstance(loc[-1], int) and loc[-1] < len(node):
        node.pop(loc[-1])


def full_record() -> tuple[CaseRecord, int]:
    counter = [0]
    data = _fill(CaseRecord, counter)
    for _ in range(200):
        try:
            return CaseRecord.model_validate(data), counter[0]
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                # An unusable key or a value that cannot be made valid: drop its container.
                _drop(data, loc[:-1] if loc[-1] == "[key]" else loc)
    raise AssertionError("could not build a full record")


def _hits(root: Path) -> list[str]:
    needles = [PHRASE.encode(), PHRASE.encode("utf-16-le"), PHRASE.lower().encode()]
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}:{n!r}" for n in needles if n in data]
    return found


def test_planted_phrase_never_appears_in_plaintext(store, people):
    if not store.settings.is_sqlite:
        pytest.skip("scans the embedded store's files")
    record, planted = full_record()
    dumped = record.model_dump_json()
    assert dumped.count(PHRASE) >= 60, "the filler must reach most text fields"
    opened = cases.open_case(store, people.attorney, people.case_id)
    cases.save_as_team(
        store,
        people.attorney,
        people.case_id,
        record=record,
        base_version=opened.version,
        permission=Permission.manage,
        action="case_save",
    )
    cases.rename_case(store, people.attorney, people.case_id, title=f"{PHRASE} title")
    with store.session() as session:
        cipher = store.case_cipher(repo.get_case(session, people.case_id))
        repo.put_blob(
            session, cipher, f"%PDF-1.4 {PHRASE} summons".encode() * 50, actor_id=people.attorney.id
        )
    cases.open_case(store, people.applicant, people.case_id)
    audit.list_events(store, people.attorney, case_id=people.case_id)

    assert (store.settings.data_dir / "asylum-prep.sqlite3-wal").exists()
    assert _hits(store.settings.data_dir) == []  # while open, WAL not yet checkpointed
    store.close()
    assert _hits(store.settings.data_dir) == []  # after checkpoint into the main file

    # And the data really is there, behind the key.
    from asylum_prep.storage.engine import open_store

    again = open_store(store.settings)
    back = cases.open_case(again, people.attorney, people.case_id)
    assert back.record == record and back.title == f"{PHRASE} title"
    again.close()
