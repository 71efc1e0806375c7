"""Saving the applicant's answers one at a time: set, "I don't know" / skip, list items.

Every change loads the record at the version the user's screen was based on, changes one
answer, and saves through `cases.save_record`: edits to different answers made meanwhile are
merged, an overlapping one raises StaleVersionError and nothing is written. Applicants may
change a section only while it is a draft or has changes requested; the team may always.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from asylum_prep.domain.base import Item, Model
from asylum_prep.domain.record import CaseRecord, SectionKey
from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import N_, InputRefused, NotFoundError, PermissionDenied
from asylum_prep.forms.validation import refusal, too_long
from asylum_prep.services import cases
from asylum_prep.services.access import (
    Permission,
    check_applicant_section,
    guarded,
    require,
)
from asylum_prep.services.access import section_status as section_status  # used by others
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store

SKIP_KINDS = ("unknown", "skip")
UNKNOWN_VALUES = frozenset({"unknown"})
EDITABLE_BY_APPLICANT = frozenset({SectionStatus.draft, SectionStatus.changes_requested})


class Loaded(NamedTuple):
    role: Role
    base: CaseRecord  # the record the user's screen was based on
    current: CaseRecord
    current_version: int


@guarded
def load(store: Store, actor: Actor, case_id: str, base_version: int,
         permission: Permission = Permission.read) -> Loaded:
    """The actor's role (refused without `permission`), the record at `base_version` and the
    current one (not audited: the save that follows is). Read in a snapshot: the save checks
    the version again as it writes."""
    with store.reading() as session:
        role = require(session, actor, case_id, permission)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        base = repo.open_record(cipher, repo.get_version_row(session, case_id, base_version))
        if base_version == case.current_version:
            return Loaded(role, base, base, base_version)
        current = repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version))
        return Loaded(role, base, current, case.current_version)


def check_editable(role: Role, record: CaseRecord, section: str) -> None:
    """Applicants edit a section only while it is a draft or has changes requested."""
    if role in (Role.translator, Role.admin):
        raise PermissionDenied(N_("Your role cannot change answers."))
    if role is Role.applicant:
        check_applicant_section(record, section)


def _section_of(path: str) -> str:
    head = path.split(".", 1)[0]
    try:
        return SectionKey(head).value
    except ValueError:
        raise InputRefused(N_("This is not an answer of the questionnaire.")) from None


def _locate(record: CaseRecord, path: str) -> tuple[Model, str]:
    """The model holding the answer at `path` and the field name; list items by id."""
    parts = path.split(".")
    node: Any = record
    for part in parts[:-1]:
        if isinstance(node, list):
            node = next((i for i in node if getattr(i, "id", None) == part), None)
            if node is None:
                raise NotFoundError(N_("This entry no longer exists. It may have been deleted."))
        elif isinstance(node, Model) and part in type(node).model_fields:
            node = getattr(node, part)
        else:
            raise InputRefused(N_("This is not an answer of the questionnaire."))
    name = parts[-1]
    if not isinstance(node, Model) or name not in type(node).model_fields or name == "id":
        raise InputRefused(N_("This is not an answer of the questionnaire."))
    return node, name


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _check_length(value: Any, limit: int) -> None:
    texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
        if isinstance(value, list) else []
    for text in texts:
        if len(text) > limit:
            raise too_long(len(text), limit)


def _set(owner: Model, name: str, value: Any) -> None:
    if name in _item_list_fields(owner):
        raise InputRefused(N_("This is not an answer of the questionnaire."))
    try:
        setattr(owner, name, _plain(value))
    except ValidationError as exc:
        raise refusal(exc) from None


def _default(owner: Model, name: str) -> Any:
    return type(owner).model_fields[name].get_default(call_default_factory=True)


def _save(store: Store, actor: Actor, case_id: str, record: CaseRecord, base_version: int) -> int:
    return cases.save_record(store, actor, case_id, record=record, base_version=base_version)


@guarded
def save_answer(
    store: Store, actor: Actor, case_id: str, *, path: str, value: Any, base_version: int
) -> int:
    """Set the answer at `path` (validated by the domain model); returns the new version."""
    section = _section_of(path)
    role, base, current, _ = load(store, actor, case_id, base_version)
    check_editable(role, current, section)
    _check_length(value, store.settings.max_answer_chars)
    record = base  # read for this save alone: changed in place, not copied
    owner, name = _locate(record, path)
    _set(owner, name, value)
    stored = getattr(owner, name)
    if isinstance(stored, StrEnum) and stored in UNKNOWN_VALUES:
        record.skipped[path] = "unknown"  # "I don't know" picked from the choices
    else:
        record.skipped.pop(path, None)
    return _save(store, actor, case_id, record, base_version)


@guarded
def mark_unknown(
    store: Store, actor: Actor, case_id: str, *, path: str, base_version: int,
    kind: str = "unknown",
) -> int:
    """Record "I don't know" (the answer is reset to empty) or "skip for now" (kept as is).
    `path` may name an answer or a whole list (no entries to give)."""
    if kind not in SKIP_KINDS:
        raise InputRefused(N_("Choose \"I don't know\" or \"Skip for now\"."))
    section = _section_of(path)
    role, base, current, _ = load(store, actor, case_id, base_version)
    check_editable(role, current, section)
    record = base.model_copy(deep=True)
    owner, name = _locate(record, path)
    is_list = isinstance(getattr(owner, name), list) and name in _item_list_fields(owner)
    if kind == "unknown" and not is_list:
        setattr(owner, name, _default(owner, name))
    record.skipped[path] = kind
    return _save(store, actor, case_id, record, base_version)


def _item_list_fields(owner: Model) -> set[str]:
    out = set()
    for name, info in type(owner).model_fields.items():
        args = getattr(info.annotation, "__args__", ())
        if args and isinstance(args[0], type) and issubclass(args[0], Item):
            out.add(name)
    return out


def _item_list(record: CaseRecord, list_path: str) -> list[Item]:
    owner, name = _locate(record, list_path)
    if name not in _item_list_fields(owner):
        raise InputRefused(N_("This is not a list of the questionnaire."))
    items: list[Item] = getattr(owner, name)
    return items


def _item_class(record: CaseRecord, list_path: str) -> type[Item]:
    owner, name = _locate(record, list_path)
    annotation = type(owner).model_fields[name].annotation
    cls: type[Item] = annotation.__args__[0]  # type: ignore[union-attr]
    return cls


@guarded
def add_item(
    store: Store, actor: Actor, case_id: str, *, list_path: str, base_version: int
) -> tuple[str, int]:
    """Append an empty entry to a list (an incident, a family member...): (its id, version)."""
    section = _section_of(list_path)
    role, base, current, _ = load(store, actor, case_id, base_version)
    check_editable(role, current, section)
    record = base.model_copy(deep=True)
    items = _item_list(record, list_path)
    if len(items) >= 200:
        raise InputRefused(N_("This list has reached its limit of {n} entries."), n=200)
    item = _item_class(record, list_path)()
    items.append(item)
    record.skipped.pop(list_path, None)
    return item.id, _save(store, actor, case_id, CaseRecord.model_validate(record.model_dump()),
                          base_version)


@guarded
def move_item(
    store: Store, actor: Actor, case_id: str, *, list_path: str, item_id: str, offset: int,
    base_version: int,
) -> int:
    """Move an entry up (offset -1) or down (+1); at either end nothing changes."""
    section = _section_of(list_path)
    role, base, current, _ = load(store, actor, case_id, base_version)
    check_editable(role, current, section)
    record = base.model_copy(deep=True)
    items = _item_list(record, list_path)
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        raise NotFoundError(N_("This entry no longer exists. It may have been deleted."))
    target = max(0, min(len(items) - 1, index + offset))
    if target == index:
        return base_version
    items.insert(target, items.pop(index))
    return _save(store, actor, case_id, CaseRecord.model_validate(record.model_dump()),
                 base_version)


@guarded
def delete_item(
    store: Store, actor: Actor, case_id: str, *, list_path: str, item_id: str, base_version: int
) -> int:
    """Delete an entry (the page asks for confirmation first). Earlier versions keep it."""
    section = _section_of(list_path)
    role, base, current, _ = load(store, actor, case_id, base_version)
    check_editable(role, current, section)
    record = base.model_copy(deep=True)
    items = _item_list(record, list_path)
    if not any(item.id == item_id for item in items):
        raise NotFoundError(N_("This entry no longer exists. It may have been deleted."))
    items[:] = [item for item in items if item.id != item_id]
    prefix = f"{list_path}.{item_id}."
    for path in [p for p in record.skipped if p.startswith(prefix)]:
        del record.skipped[path]
    return _save(store, actor, case_id, CaseRecord.model_validate(record.model_dump()),
                 base_version)

