"""Failed sign-ins, counted and locked out the same way for every name typed.

An account's failures are counted on its row (`users.failed_sign_ins`, `locked_until`,
`failed_at`); a name no active account has gets a row of its own in `sign_in_failures`, keyed
by an HMAC of the name under the master key (the name itself is never stored: it may be a
password typed in the wrong box). Both kinds go through the same functions below, so the
answers ("not right", then "locked for N minutes") and the work done are the same whether or
not the name exists. Failures are forgotten a day after the last one; the table keeps at most
MAX_TRACKED_NAMES rows (the oldest go first), so a flood of invented names cannot fill the
disk.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from asylum_prep.config import Settings
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import SignInFailure

FORGET_AFTER = timedelta(hours=24)
MAX_TRACKED_NAMES = 50_000


class Counter(Protocol):
    """A user row or a SignInFailure row: the three fields the lockout reads and writes."""

    failed_sign_ins: int
    locked_until: datetime | None
    failed_at: datetime | None


def name_key(store: Store, name: str) -> str:
    """The HMAC-SHA256 of a typed name under the primary master key (hex)."""
    ring = store.keyring
    secret = hmac.new(ring.keys[ring.primary], b"asylum-prep sign-in name", hashlib.sha256)
    return hmac.new(secret.digest(), name.encode("utf-8", "surrogatepass"),
                    hashlib.sha256).hexdigest()


def unknown_counter(session: Session, store: Store, name: str) -> SignInFailure:
    """The counter of a name no active account has (a new, unsaved row when none yet)."""
    key = name_key(store, name)
    row = session.get(SignInFailure, key, with_for_update=True)
    return row if row is not None else SignInFailure(name_key=key)


def forget_stale(counter: Counter, now: datetime) -> None:
    """Failures older than FORGET_AFTER no longer count (a lock still running stays)."""
    if counter.failed_at is not None and now - counter.failed_at > FORGET_AFTER:
        counter.failed_sign_ins = 0
        counter.failed_at = None
    if counter.locked_until is not None and counter.locked_until <= now:
        counter.locked_until = None


def locked_minutes(counter: Counter, now: datetime) -> int:
    """Minutes left of a running lock (rounded up), or 0."""
    if counter.locked_until is None or counter.locked_until <= now:
        return 0
    return max(1, int((counter.locked_until - now).total_seconds() // 60) + 1)


def count_failure(counter: Counter, now: datetime, settings: Settings) -> bool:
    """Count one failure; True when it locks the name (the count starts again)."""
    counter.failed_sign_ins += 1
    counter.failed_at = now
    if counter.failed_sign_ins >= settings.max_failed_sign_ins:
        counter.locked_until = now + timedelta(minutes=settings.lockout_minutes)
        counter.failed_sign_ins = 0
        return True
    return False


def clear(counter: Counter) -> None:
    counter.failed_sign_ins = 0
    counter.failed_at = None
    counter.locked_until = None


def prune(session: Session, now: datetime) -> None:
    """Drop rows of unknown names nobody tried for a day (and not locked), then the oldest
    beyond MAX_TRACKED_NAMES. Run on every failure, known name or not."""
    session.exec(
        delete(SignInFailure).where(
            col(SignInFailure.failed_at).is_(None)
            | (col(SignInFailure.failed_at) < now - FORGET_AFTER),
            (col(SignInFailure.locked_until).is_(None))
            | (col(SignInFailure.locked_until) <= now),
        )
    )
    total = int(session.exec(select(func.count()).select_from(SignInFailure)).one() or 0)
    if total > MAX_TRACKED_NAMES:
        oldest = select(SignInFailure.name_key).order_by(
            col(SignInFailure.failed_at)).limit(total - MAX_TRACKED_NAMES)
        session.exec(
            delete(SignInFailure).where(col(SignInFailure.name_key).in_(oldest)))
