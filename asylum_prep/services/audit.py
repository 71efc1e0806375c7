"""The audit log: who viewed, changed, exported, rendered or deleted what, and when.

Append-only (database triggers refuse UPDATE and DELETE) and hash-chained: each event's hash
covers the previous one, with the chain head kept in `meta` and updated in the same
transaction, which also serialises writers. Details never carry applicant data.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Session, col, select

from asylum_prep.services.access import Permission, guarded, require, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent, Meta, utcnow

_HEAD = "audit_head"
_GENESIS = "0" * 64


def _digest(
    prev: str, at: datetime, actor_id: int | None, action: str, case_id: str | None, detail: str
) -> str:
    text = "\x1f".join([prev, at.isoformat(), str(actor_id), action, case_id or "", detail])
    return hashlib.sha256(text.encode()).hexdigest()


def log(
    session: Session, actor: Actor | None, action: str, case_id: str | None = None, detail: str = ""
) -> None:
    head = session.get(Meta, _HEAD, with_for_update=True)
    if head is None:
        head = Meta(key=_HEAD, value=_GENESIS.encode())
    prev = head.value.decode()
    at = utcnow()
    actor_id = actor.id if actor else None
    event_hash = _digest(prev, at, actor_id, action, case_id, detail[:500])
    session.add(
        AuditEvent(
            at=at,
            actor_id=actor_id,
            actor_name=(actor.username if actor else "")[:64],
            action=action,
            case_id=case_id,
            detail=detail[:500],
            prev_hash=prev,
            hash=event_hash,
        )
    )
    head.value = event_hash.encode()
    session.add(head)
    session.flush()


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


def verify_chain(store: Store) -> bool:
    """True when every event links to the one before and the head matches the last."""
    with store.session() as session:
        prev = _GENESIS
        for ev in session.exec(select(AuditEvent).order_by(col(AuditEvent.id))):
            if ev.prev_hash != prev or ev.hash != _digest(
                prev, ev.at, ev.actor_id, ev.action, ev.case_id, ev.detail
            ):
                return False
            prev = ev.hash
        head = session.get(Meta, _HEAD)
        return (head.value.decode() if head else _GENESIS) == prev
