"""Versions of the stored case record, and upgrading an older one step by step on reading.

A record carries `schema_version`. Every way a record comes in (the store, an archive, an
answers file, the shipped sample) validates it with `CaseRecord.model_validate_json` or
`model_validate`, which first pass the raw data through `upgrade_json` / `upgrade`: a record
of version 1 (or without a version, which is version 1) is brought up to the current version
one step at a time, and a record newer than this code knows is refused with a clear message,
so that nothing is changed.

A step only restructures what is there. It never derives a new answer from an old one (for
example a structured "how badly were you hurt" from free text): that would put words in the
applicant's mouth. New questions keep their defaults and are asked again in the wizard.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from asylum_prep.errors import N_, InputRefused

FIRST_VERSION = 1


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added structured answers (injury level, detention length, threats, why
    targeted as choices, the social-group and work-opinion questions, armed-group help, the
    exception dates) and attorney judgments. All of them take their defaults."""
    return {**data, "schema_version": 2}


# The step that takes a record from version N to N + 1.
STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
}
LATEST = FIRST_VERSION + len(STEPS)  # domain.record.SCHEMA_VERSION (a test keeps them equal)

TOO_NEW = N_("This case record was saved by a newer version of asylum-prep (record version "
             "{version}; this version reads up to {latest}). Nothing was changed. Update "
             "asylum-prep to open it.")


def version_of(data: dict[str, Any]) -> Any:
    """The record's version as stored: missing means version 1. Anything not a whole number
    is returned as it is, for the model's own validation to refuse."""
    return data.get("schema_version", FIRST_VERSION)


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (a record as parsed from JSON) brought up to the current version, as a new dict
    when anything changes (the argument itself never is). InputRefused when it is newer than
    this code knows."""
    version = version_of(data)
    if not isinstance(version, int) or isinstance(version, bool) or (
            version == LATEST and "schema_version" in data):
        return data  # current, or a wrong type the model refuses with its usual message
    if version > LATEST:
        raise InputRefused(TOO_NEW, version=version, latest=LATEST)
    out = {**data, "schema_version": version}
    while version < LATEST:
        step = STEPS.get(version)
        if step is None:  # below the first version: nothing can read it
            raise InputRefused(N_("This case record has an unknown record version ({version}). "
                                  "Nothing was changed."), version=version)
        out = step(out)
        version = out["schema_version"]
    return out


# A record written by this code starts with its version (the model's first field): the
# common case is recognised without parsing the whole text twice.
_CURRENT_PREFIX = re.compile(rb'\A\s*\{\s*"schema_version"\s*:\s*(\d+)\s*[,}]')


def upgrade_json(text: str | bytes | bytearray) -> str | bytes | bytearray:
    """A record as JSON text, upgraded; the same text when it is current (or not a JSON
    object at all, for the model to refuse with its usual message)."""
    head = (text[:64].encode("utf-8", "replace") if isinstance(text, str) else bytes(text[:64]))
    found = _CURRENT_PREFIX.match(head)
    if found is not None and int(found.group(1)) == LATEST:
        return text
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return text
    if not isinstance(data, dict) or version_of(data) == LATEST:
        return text
    upgraded = upgrade(data)
    return text if upgraded is data else json.dumps(upgraded, ensure_ascii=False)
