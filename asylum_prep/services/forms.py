"""Official forms: the firm imports the current edition of a form once, and documents are
filled from the newest import.

Access: only an admin (or the command line's operator) imports; the legal team and the admin
list what was imported (which edition, which of the app's items the file has no field for)
and the newest edition's fields (`form_fields`, for mapping items to fields).
`prepared_form` serves the render service (`render.render_document`, `--doc i589`) inside
its own access check and audit. An import is audited with the kind, the edition and counts;
a refused file stores nothing.

A form is a public government document, not applicant data: it is stored in plain columns
(`storage.tables.OfficialForm`), like the country library's reports, and every import is
kept (the newest of a kind is the one filled).
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pikepdf
from sqlalchemy.orm import defer
from sqlmodel import col, select

from asylum_prep.documents import i589_values
from asylum_prep.documents.pdf_form_fields import FieldInfo, inventory
from asylum_prep.documents.pdf_form_import import prepare_form
from asylum_prep.errors import N_, InputRefused
from asylum_prep.services import audit
from asylum_prep.services.access import guarded
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import OfficialForm, User
from asylum_prep.text import clean_line


@dataclass(frozen=True)
class FormKind:
    key: str
    number: str  # as printed: "I-589"
    known_fields: Callable[[], tuple[str, ...]]  # the field names the app fills


KINDS: dict[str, FormKind] = {
    "i589": FormKind("i589", "I-589", lambda: i589_values.KNOWN_FIELDS),
}
UNKNOWN_KIND = N_("Unknown form: choose one of {choices}.")
NOT_IMPORTED = N_("No edition of Form {form} has been imported yet, so it cannot be filled. "
                  "An administrator imports it once, on the Official forms page; meanwhile "
                  "make the item-by-item sheet ({sheet}).")


class NotImported(InputRefused):
    """No edition of the form was imported: the form cannot be filled (nothing changed)."""


@dataclass(frozen=True)
class FormSummary:
    id: str
    kind: str
    edition: str
    file_name: str
    page_count: int
    field_count: int
    unplaced: list[str]  # the app's field names this file does not have
    imported_at: datetime
    imported_by: str


def _kind(kind: str) -> FormKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise InputRefused(UNKNOWN_KIND, choices=", ".join(KINDS)) from None


def _summary(row: OfficialForm, by: str) -> FormSummary:
    return FormSummary(row.id, row.kind, row.edition, row.file_name, row.page_count,
                       row.field_count, [n for n in row.unplaced.split("\n") if n],
                       row.imported_at, by)


@guarded
def import_form(store: Store, actor: Actor, *, kind: str, data: bytes,
                file_name: str = "") -> FormSummary:
    """Prepare and store an edition of the form (see `documents.pdf_form_import`); refused
    files store nothing."""
    spec = _kind(kind)
    prepared = prepare_form(data, form_number=spec.number, known_fields=spec.known_fields())
    row = OfficialForm(
        id=str(uuid.uuid4()), kind=spec.key, edition=prepared.edition,
        content_hash=hashlib.sha256(data).hexdigest(),
        file_name=clean_line(Path(file_name).name)[:255], page_count=prepared.page_count,
        field_count=len(prepared.fields), unplaced="\n".join(prepared.unplaced),
        data=prepared.pdf, imported_by=actor.id or None,
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        audit.log(session, actor, "form_import",
                  detail=f"kind={spec.key} edition={prepared.edition} "
                         f"fields={len(prepared.fields)} unplaced={len(prepared.unplaced)}")
        session.refresh(row)
        return _summary(row, actor.username)


@guarded
def list_forms(store: Store, actor: Actor, *, kind: str | None = None) -> list[FormSummary]:
    """Every import, newest first (of one kind when given)."""
    if kind is not None:
        _kind(kind)
    with store.session() as session:
        query = select(OfficialForm, User.username).join(
            User, col(OfficialForm.imported_by) == col(User.id), isouter=True,
        ).options(defer(OfficialForm.data))  # type: ignore[arg-type]
        if kind is not None:
            query = query.where(OfficialForm.kind == kind)
        rows = session.exec(query.order_by(col(OfficialForm.imported_at).desc()))
        return [_summary(row, name or "") for row, name in rows]


@guarded
def form_fields(store: Store, actor: Actor, *, kind: str = "i589") -> tuple[str, list[FieldInfo]]:
    """The edition and the fields of the newest import (for whoever maps items to fields)."""
    data, edition = _newest(store, kind)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return edition, inventory(pdf)


def _newest(store: Store, kind: str) -> tuple[bytes, str]:
    spec = _kind(kind)
    with store.session() as session:
        row = session.exec(
            select(OfficialForm).where(OfficialForm.kind == spec.key)
            .order_by(col(OfficialForm.imported_at).desc()).limit(1)).first()
        if row is None:
            raise NotImported(NOT_IMPORTED, form=spec.number, sheet=f"{spec.key}-sheet")
        return bytes(row.data), row.edition


@guarded
def prepared_form(store: Store, actor: Actor, *, kind: str = "i589") -> tuple[bytes, str]:
    """The newest imported edition of the form, prepared for filling, and its edition; when
    none was imported, InputRefused saying so and pointing to the item-by-item sheet."""
    return _newest(store, kind)
