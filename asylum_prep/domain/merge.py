"""Answer-level three-way merge of case records, so saves never overwrite silently.

A record is flattened to leaf values keyed by path tuples; lists of items (anything with an
`id`) become one entry per item plus an order entry. A save based on an older version is
applied on top of the newest one when the two touched different answers, and refused,
naming the answers both touched, when they overlap.

Some lists are logs that are only ever appended to (`APPEND_ONLY`: the attorney's element
judgments, where the latest entry per element counts): when both sides appended, theirs come
first and mine after, so both land and the later save counts.
"""

from __future__ import annotations

import json
from typing import Any

from asylum_prep.domain.record import CaseRecord

Path = tuple[str, ...]
ORDER = "#order"
APPEND_ONLY: frozenset[Path] = frozenset({("element_judgments",)})
_MISSING = object()


def _is_item_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) > 0
        and all(isinstance(v, dict) and "id" in v for v in value)
    )


def flatten(record: CaseRecord) -> dict[Path, Any]:
    out: dict[Path, Any] = {}

    def walk(node: Any, path: Path) -> None:
        if isinstance(node, dict):
            if not node:
                out[path] = {}
            for key, value in node.items():
                walk(value, (*path, str(key)))
        elif _is_item_list(node):
            out[(*path, ORDER)] = [item["id"] for item in node]
            for item in node:
                walk(item, (*path, str(item["id"])))
        else:
            out[path] = node

    walk(record.model_dump(mode="json"), ())
    return out


def unflatten(flat: dict[Path, Any]) -> CaseRecord:
    tree: dict[str, Any] = {}
    for path, value in flat.items():
        node = tree
        for part in path[:-1]:
            node = node.setdefault(part, {})
        if isinstance(value, dict) and not value:
            node.setdefault(path[-1], {})
        else:
            node[path[-1]] = value

    def build(node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if ORDER in node:
            return [build(node[item_id]) for item_id in node[ORDER] if item_id in node]
        return {k: build(v) for k, v in node.items()}

    return CaseRecord.model_validate(build(tree))


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _same(a: Any, b: Any) -> bool:
    """Equal as stored JSON. Text and numbers are compared as they are (of the same type, so
    True is not 1): the canonical JSON of every leaf on every save was a fifth of its time."""
    if type(a) is not type(b):
        return False
    if a is None or isinstance(a, (str, bool, int)):
        return bool(a == b)
    return _canon(a) == _canon(b)


def changed_paths(before: dict[Path, Any], after: dict[Path, Any]) -> set[Path]:
    return {
        k
        for k in before.keys() | after.keys()
        if (k in before) != (k in after) or not _same(before[k], after[k])
    }


def _appended_both(base: Any, mine: Any, theirs: Any) -> list[Any] | None:
    """Both sides only appended items to the same list: keep theirs, then my new ones."""
    if not all(isinstance(v, list) for v in (base, mine, theirs)):
        return None
    if mine[: len(base)] != base or theirs[: len(base)] != base:
        return None
    return [*theirs, *(i for i in mine if i not in theirs)]


def describe(paths: set[Path]) -> list[str]:
    """Readable names of changed answers: item-order entries fold into their list."""
    names = set()
    for path in paths:
        parts = [p for p in path if p != ORDER]
        names.add(".".join(parts))
    return sorted(names)


def three_way(
    base: CaseRecord, mine: CaseRecord, theirs: CaseRecord
) -> tuple[CaseRecord, set[Path]]:
    """Apply my changes (base -> mine) onto theirs. Returns the merged record and conflicts."""
    fb, fm, ft = flatten(base), flatten(mine), flatten(theirs)
    my_changes = changed_paths(fb, fm)
    their_changes = changed_paths(fb, ft)
    merged = dict(ft)
    conflicts: set[Path] = set()
    for path in my_changes & their_changes:
        if _canon(fm.get(path)) == _canon(ft.get(path)):
            continue
        appended = _appended_both(fb.get(path, []), fm.get(path), ft.get(path))
        if (path[-1] == ORDER or path in APPEND_ONLY) and appended is not None:
            merged[path] = appended
        else:
            conflicts.add(path)
    if conflicts:
        return theirs, conflicts
    for path in my_changes - their_changes:
        if path in fm:
            merged[path] = fm[path]
        else:
            merged.pop(path, None)
    return unflatten(merged), set()
