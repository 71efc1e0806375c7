"""Evidence use cases: add (check, clean, seal), list, read, edit metadata, exhibits (the
packet is services.packet).

Access: adding and editing need `write` (applicant, paralegal, attorney; an applicant lists,
reads and edits only the items she added, without the team's notes on them); exhibit order,
inclusion and settings need `export` (paralegal, attorney); the sealed original needs
`review` (attorney); reading needs `read`; removing needs `delete`. Saves are versioned and
merged like every record save (`cases.commit_version`), in the same transaction as the blobs,
so a refused or failed add leaves nothing behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from asylum_prep.domain.evidence import EvidenceItem, EvidenceKind, ExhibitSettings, clean_filename
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused, NotFoundError, PermissionDenied
from asylum_prep.evidence import exhibits, intake
from asylum_prep.evidence.checks import EvidenceWarning, evidence_warnings
from asylum_prep.services import audit, ocr, renditions
from asylum_prep.services.access import Permission, guarded, require, visible_record
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.cases import commit_version
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, EvidenceBlob
from asylum_prep.text import clean_line

EDITABLE = frozenset(
    {
        "title",
        "kind",
        "document_date",
        "issuer",
        "language",
        "translation",
        "translation_certificate",
        "translation_of",
        "description",
        "incidents",
        "elements",
        "report_id",
    }
)


def _page_size(case: Case) -> str:
    return paper_name(case.jurisdiction)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _case_total(session: Session, case_id: str) -> int:
    total = session.exec(
        select(func.coalesce(func.sum(EvidenceBlob.size), 0)).where(EvidenceBlob.case_id == case_id)
    ).one()
    return int(total or 0)


def _record_at(store: Store, session: Session, case: Case, version: int) -> CaseRecord:
    return repo.open_record(
        store.case_cipher(case), repo.get_version_row(session, case.id, version)
    )


def _find(record: CaseRecord, evidence_id: str) -> EvidenceItem:
    for item in record.evidence:
        if item.id == evidence_id:
            return item
    raise NotFoundError(
        N_("No evidence item with id {evidence_id} in this case."),
        evidence_id=str(evidence_id)[:40],
    )


@guarded
def add_evidence(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    data: bytes,
    filename: str,
    title: str | None = None,
    kind: str | EvidenceKind | None = None,
    base_version: int,
    keep_original: bool | None = None,
    language: str = "",
    replaces: str = "",
) -> tuple[str, int, list[str]]:
    """Check, clean and store one file. Returns (evidence id, new version, notices).
    `replaces` (attorney): put the file in place of that item's, which keeps its id, details,
    links and exhibit place; its old files are removed (earlier versions keep its metadata),
    and a translation made of the old file goes stale (evidence.translated).

    Notices are N_ templates (what was removed, what to check), translated at the edge."""
    with store.session() as session:
        role = require(session, actor, case_id,
                       Permission.delete if replaces else Permission.write)
        case = repo.get_case(session, case_id)
        settings_rec = _record_at(store, session, case, case.current_version).exhibit_settings
        page_size = _page_size(case)
    if keep_original and role is not Role.attorney:
        raise PermissionDenied(N_("Only the attorney can keep sealed originals."))
    try:
        kind_value = EvidenceKind(kind) if kind else EvidenceKind.other
    except ValueError:
        raise InputRefused(N_("Unknown kind of document: {kind}."), kind=str(kind)[:40]) from None
    limits = store.settings
    try:
        cleaned = intake.process(
            data,
            max_bytes=limits.max_evidence_bytes,
            language=language,
            page_size=page_size,
            memory_mb=limits.rendition_memory_mb,
            cpu_seconds=limits.rendition_cpu_seconds,
        )
    except InputRefused:
        with store.session() as session:
            audit.log(session, actor, "evidence_refused", case_id, f"size={len(data)}")
        raise
    keep = settings_rec.keep_originals if keep_original is None else keep_original
    removed = [*cleaned.removed, *(intake.kept_original_notices(cleaned.removed) if keep else [])]
    now = datetime.now(UTC)
    with store.session() as session:
        role = require(session, actor, case_id, Permission.write)
        case = repo.lock_case(session, case_id)
        extra = (
            len(cleaned.data)
            + len(cleaned.rendition or b"")
            + len(cleaned.safe_rendition or b"")
            + (len(data) if keep else 0)
        )
        if _case_total(session, case_id) + extra > limits.max_case_evidence_bytes:
            raise InputRefused(
                N_(
                    "This case has reached its storage limit for evidence "
                    "({max_mb} MB). Remove files that are not needed, or ask "
                    "the administrator to raise the limit."
                ),
                max_mb=f"{limits.max_case_evidence_bytes / 1048576:.0f}",
            )
        cipher = store.case_cipher(case)
        stored = repo.put_blob(session, cipher, cleaned.data, actor_id=actor.id, purpose="stored")
        original = (
            repo.put_blob(session, cipher, data, actor_id=actor.id, purpose="original")
            if keep
            else None
        )
        rendition = (
            repo.put_blob(
                session, cipher, cleaned.rendition, actor_id=actor.id, purpose="rendition"
            )
            if cleaned.rendition
            else None
        )
        safe = (
            repo.put_blob(
                session,
                cipher,
                cleaned.safe_rendition,
                actor_id=actor.id,
                purpose=renditions.PURPOSE,
            )
            if cleaned.safe_rendition
            else None
        )
        record = _record_at(store, session, case, base_version)
        item = EvidenceItem(
            title=clean_line(title or "")[:200],
            kind=kind_value,
            language=language[:20],
            filename=clean_filename(filename),
            mime=cleaned.mime,
            stored_blob=stored.id,
            original_blob=original.id if original else "",
            rendition_blob=rendition.id if rendition else "",
            safe_rendition_blob=safe.id if safe else "",
            original_sha256=_sha(data),
            stored_sha256=_sha(cleaned.data),
            original_size=len(data),
            stored_size=len(cleaned.data),
            page_count=cleaned.page_count,
            width=cleaned.width,
            height=cleaned.height,
            removed=removed,
            added_by=actor.id,
            added_at=now,
        )
        item.exhibit.order = max((it.exhibit.order for it in record.evidence), default=0) + 10
        old = _replace(record, item, replaces) if replaces else None
        if old is None:
            record.evidence.append(item)
        else:
            item = next(it for it in record.evidence if it.id == replaces)
        version = commit_version(
            session,
            store,
            actor,
            role,
            case,
            base_version=base_version,
            record=record,
            action="evidence_replace" if old else "evidence_add",
            check_paths=False,
        )
        if old is not None:
            _delete_blobs(session, case_id, old)
        ocr.enqueue(session, case_id, item, actor.id)  # read in the background (services.ocr)
        audit.log(
            session,
            actor,
            "evidence_stored",
            case_id,
            f"evidence={item.id} mime={cleaned.mime.name} pages={cleaned.page_count} "
            f"original={'kept' if keep else 'no'}",
        )
    return item.id, version, [*removed, *cleaned.warnings]


@guarded
def list_evidence(store: Store, actor: Actor, case_id: str) -> tuple[int, list[EvidenceItem]]:
    """(current version, items)."""
    with store.session() as session:
        role = require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        record = visible_record(role, actor.id, _record_at(store, session, case,
                                                          case.current_version))
        audit.log(session, actor, "evidence_list", case_id, f"count={len(record.evidence)}")
        return case.current_version, list(record.evidence)


@guarded
def get_evidence_file(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, which: str = "stored"
) -> tuple[bytes, EvidenceItem]:
    """The cleaned stored copy, its PDF rendition, its safe rendition (page pictures), or
    (attorney only) the sealed original. An applicant reads only the documents she added
    herself."""
    permission = Permission.review if which == "original" else Permission.read
    with store.session() as session:
        role = require(session, actor, case_id, permission)
        case = repo.get_case(session, case_id)
        record = _record_at(store, session, case, case.current_version)
        item = _find(visible_record(role, actor.id, record), evidence_id)
        blob_id = {
            "stored": item.stored_blob,
            "original": item.original_blob,
            "rendition": item.rendition_blob,
            "safe_rendition": item.safe_rendition_blob,
        }.get(which, "")
        if not blob_id:
            raise NotFoundError(N_("This evidence item has no {which} copy."), which=which)
        data = repo.get_blob(session, store.case_cipher(case), blob_id)
        audit.log(session, actor, "evidence_get", case_id, f"evidence={item.id} copy={which}")
        return data, item


def _save(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    base_version: int,
    permission: Permission,
    action: str,
    change: Any,
) -> int:
    with store.session() as session:
        role = require(session, actor, case_id, permission)
        case = repo.lock_case(session, case_id)
        record = _record_at(store, session, case, base_version)
        record = change(record, role)
        return commit_version(
            session,
            store,
            actor,
            role,
            case,
            base_version=base_version,
            record=CaseRecord.model_validate(record.model_dump()),
            action=action,
            check_paths=False,
        )


@guarded
def update_evidence(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, base_version: int, **changes: Any
) -> int:
    unknown = set(changes) - EDITABLE
    if unknown:
        raise InputRefused(
            N_("These details cannot be changed here: {names}."),
            names=", ".join(sorted(unknown))[:200],
        )

    def change(record: CaseRecord, role: Role) -> CaseRecord:
        item = _find(record, evidence_id)
        if role is Role.applicant and item.added_by != actor.id:
            raise PermissionDenied(N_("You can change only the documents you added."))
        data = item.model_dump()
        data.update(changes)
        if isinstance(data.get("title"), str):
            data["title"] = clean_line(data["title"])[:200]
        index = record.evidence.index(item)
        record.evidence[index] = EvidenceItem.model_validate(data)
        return record

    return _save(
        store,
        actor,
        case_id,
        base_version=base_version,
        permission=Permission.write,
        action="evidence_edit",
        change=change,
    )


@guarded
def set_exhibit_order(
    store: Store, actor: Actor, case_id: str, *, evidence_ids: list[str], base_version: int
) -> int:
    return _save(
        store,
        actor,
        case_id,
        base_version=base_version,
        permission=Permission.export,
        action="exhibits_order",
        change=lambda record, role: exhibits.reorder(record, evidence_ids),
    )


@guarded
def set_exhibit_included(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, included: bool, base_version: int
) -> int:
    def change(record: CaseRecord, role: Role) -> CaseRecord:
        _find(record, evidence_id)
        return exhibits.set_included(record, evidence_id, included)

    return _save(
        store,
        actor,
        case_id,
        base_version=base_version,
        permission=Permission.export,
        action="exhibits_include",
        change=change,
    )


@guarded
def set_exhibit_tab(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, tab: str, base_version: int
) -> int:
    def change(record: CaseRecord, role: Role) -> CaseRecord:
        _find(record, evidence_id).exhibit.tab = tab.strip()[:8]
        return record

    return _save(
        store,
        actor,
        case_id,
        base_version=base_version,
        permission=Permission.export,
        action="exhibits_tab",
        change=change,
    )


@guarded
def update_exhibit_settings(
    store: Store, actor: Actor, case_id: str, *, settings: ExhibitSettings, base_version: int
) -> int:
    def change(record: CaseRecord, role: Role) -> CaseRecord:
        if (
            settings.keep_originals != record.exhibit_settings.keep_originals
            and role is not Role.attorney
        ):
            raise PermissionDenied(N_("Only the attorney can keep sealed originals."))
        record.exhibit_settings = ExhibitSettings.model_validate(settings.model_dump())
        return record

    return _save(
        store,
        actor,
        case_id,
        base_version=base_version,
        permission=Permission.export,
        action="exhibits_settings",
        change=change,
    )


@guarded
def remove_evidence(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, base_version: int
) -> int:
    """Remove an item and its files (attorney). Earlier versions keep its metadata only."""
    with store.session() as session:
        role = require(session, actor, case_id, Permission.delete)
        case = repo.lock_case(session, case_id)
        record = _record_at(store, session, case, base_version)
        item = _find(record, evidence_id)
        record.evidence = [it for it in record.evidence if it.id != evidence_id]
        record.exhibit_translations.pop(evidence_id, None)  # its translation goes with it
        version = commit_version(
            session,
            store,
            actor,
            role,
            case,
            base_version=base_version,
            record=record,
            action="evidence_remove",
            check_paths=False,
        )
        _delete_blobs(session, case_id, item)
        return version


FILE_FIELDS = ("filename", "mime", "stored_blob", "original_blob", "rendition_blob",
               "safe_rendition_blob", "original_sha256", "stored_sha256", "original_size",
               "stored_size", "page_count", "width", "height", "removed")


def _replace(record: CaseRecord, new: EvidenceItem, evidence_id: str) -> EvidenceItem:
    """Put `new`'s file in place of item `evidence_id`'s in `record`; the old item."""
    old = _find(record, evidence_id)
    record.evidence = [
        it.model_copy(update={f: getattr(new, f) for f in FILE_FIELDS})
        if it.id == evidence_id else it
        for it in record.evidence
    ]
    return old


def _delete_blobs(session: Session, case_id: str, item: EvidenceItem) -> None:
    for blob_id in (item.stored_blob, item.original_blob, item.rendition_blob,
                    item.safe_rendition_blob):
        row = session.get(EvidenceBlob, blob_id) if blob_id else None
        if row is not None and row.case_id == case_id:
            session.delete(row)


@guarded
def warnings_for(
    store: Store, actor: Actor, case_id: str, elements: Iterable[str] | None = None
) -> list[EvidenceWarning]:
    """Evidence warnings; `elements` defaults to the case jurisdiction's element keys."""
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        record = _record_at(store, session, case, case.current_version)
        jurisdiction = case.jurisdiction
    from asylum_prep.legal import jurisdictions

    titles = jurisdictions.element_titles(jurisdiction)
    return evidence_warnings(record, list(titles) if elements is None else elements, titles)


@guarded
def thumbnail(
    store: Store, actor: Actor, case_id: str, evidence_id: str, *, width: int = 240
) -> bytes:
    """A PNG of the first page (or the picture), made in memory or through pipes; from the
    safe rendition when there is one, so poppler reads only a PDF this app wrote."""
    from asylum_prep.evidence.pages import first_page_png

    data, item = get_evidence_file(store, actor, case_id, evidence_id)
    if item.safe_rendition_blob and not item.mime.is_image:
        data, _ = get_evidence_file(store, actor, case_id, evidence_id, which="safe_rendition")
        return first_page_png(data, "application/pdf", width=width)
    if item.rendition_blob:
        data, _ = get_evidence_file(store, actor, case_id, evidence_id, which="rendition")
        return first_page_png(data, "application/pdf", width=width)
    return first_page_png(data, item.mime.value, width=width)
