"""The audit log: who viewed, changed, exported, rendered or deleted what, and when.

Append-only (database triggers refuse UPDATE and DELETE) and sealed: each entry carries a
keyed MAC over all of its columns and the entry before it (`storage.audit_chain`), so an
entry changed, inserted or removed in the database is found by `verify_log`, and a log cut
short by a checkpoint exported with a backup. Details never carry applicant data.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from asylum_prep.services.access import Permission, guarded, require, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import audit_chain
from asylum_prep.storage.audit_chain import Checkpoint, Verification
from asylum_prep.storage.engine import AUDIT_KEY, Store
from asylum_prep.storage.tables import AuditEvent


def _key(session: Session) -> bytes:
    key = session.info.get(AUDIT_KEY)
    if not key:  # a programming error: sessions come from Store.session()
        raise RuntimeError("this session has no audit key; use Store.session()")
    return bytes(key)


def log(
    session: Session, actor: Actor | None, action: str, case_id: str | None = None, detail: str = ""
) -> None:
    audit_chain.append(session, _key(session), actor_id=actor.id if actor else None,
                       actor_name=actor.username if actor else "", action=action,
                       case_id=case_id, detail=detail)


@guarded
def list_events(
    store: Store, actor: Actor, *, case_id: str | None = None, limit: int = 500
) -> list[AuditEvent]:
    """Attorneys read their cases' events; admins read every event."""
    with store.session() as session:
        if case_id is not None and actor.role is not Role.admin:
            require(session, actor, case_id, Permission.manage)
        elif case_id is None:
            require_role(actor, Role.admin)
        query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
        if case_id is not None:
            query = query.where(AuditEvent.case_id == case_id)
        events = list(session.exec(query))
        log(session, actor, "audit_view", case_id)
        return events


@guarded
def verify_log(
    store: Store, actor: Actor, *, checkpoint: Checkpoint | None = None
) -> Verification:
    """Check every entry of the log (and, if given, that it still holds a checkpoint's entry
    unchanged). For admins and the command-line operator; the check itself is logged after
    it ran, with its outcome."""
    if not actor.operator:
        require_role(actor, Role.admin)
    with store.session() as session:
        result = audit_chain.verify(session, store.audit_key, checkpoint)
    with store.session() as session:
        outcome = "ok" if result.ok else f"failed entry={result.params.get('entry', '')}"
        log(session, actor, "audit_verify",
            detail=f"entries={result.entries} {outcome} checkpoint={checkpoint is not None}")
    return result


def checkpoint(store: Store) -> Checkpoint:
    """The log's last entry, sealed: keep it apart from the database (it goes with backups)."""
    with store.session() as session:
        return audit_chain.checkpoint(session, store.audit_key)


def verify_chain(store: Store) -> bool:
    """True when the whole log verifies (no access check: for internal checks and tests)."""
    with store.session() as session:
        return audit_chain.verify(session, store.audit_key).ok
