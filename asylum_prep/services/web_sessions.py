"""Sessions that survive a reload: the token behind the session cookie.

A sign-in on a browser makes a session (`create_session`): a random token
(`secrets.token_urlsafe(32)`, 256 bits) handed to the browser once as an HttpOnly cookie
(ui/device_cookies.py) and stored here only as its SHA-256 digest, with the account, when it
was made, when it was last used and when it runs out: the last use plus the idle timeout
(`Settings.idle_timeout_minutes`), the same timeout an open page enforces. A page run with
nobody signed in presents the cookie's token to `resume_session`, which signs the account
back in (audited as `sign_in_resumed`) when the token is known, not revoked, not run out and
the account is still switched on; anything else (an unknown, altered or old token) is simply
refused. An open page keeps its session alive with `touch_session`.

A session ends by `revoke_session` (sign-out, quick exit) or with every other session of
its account (`revoke_all`, in the same transaction as the change that calls for it): an
admin switching the account off or resetting its password, and a password change. A new
sign-in on the same browser revokes the token that browser held (rotation). The token is
never logged, and the digest is never shown. Rows a week past their expiry are removed at the
next sign-in, so the table holds only recent browsers.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session, col, delete, update

from asylum_prep.services import audit
from asylum_prep.services.access import guarded
from asylum_prep.services.actor import Actor
from asylum_prep.services.users import to_actor
from asylum_prep.storage.tables import User, WebSession, utcnow

if TYPE_CHECKING:
    from asylum_prep.storage.engine import Store

TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 128  # a longer cookie value is not one of ours: refused unread
KEEP_ENDED = timedelta(days=7)  # rows past their expiry this long are removed at a sign-in


def token_digest(token: str) -> str:
    """What the table keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _aware(moment: datetime) -> datetime:
    """SQLite hands back times without their zone; every time here is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _idle(store: Store) -> timedelta:
    return timedelta(minutes=store.settings.idle_timeout_minutes)


def _find(session: Session, token: str | None) -> WebSession | None:
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return session.get(WebSession, token_digest(token))


def _revoke(row: WebSession, reason: str) -> None:
    if not row.revoked:
        row.revoked = True
        row.revoked_reason = reason[:32]


def revoke_all(session: Session, *, user_id: int, reason: str) -> int:
    """End every open session of an account, inside the caller's transaction (deactivation,
    password reset, password change). The number ended."""
    result = session.exec(
        update(WebSession)
        .where(col(WebSession.user_id) == user_id, col(WebSession.revoked).is_(False))
        .values(revoked=True, revoked_reason=reason[:32])
    )
    return int(result.rowcount or 0)


@guarded
def create_session(store: Store, actor: Actor, *, replacing: str | None = None) -> str:
    """A new session for the account just signed in on this browser; the token, to be set
    as the cookie. `replacing`: the token the browser held before, revoked (rotation)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = utcnow()
    with store.session() as session:
        old = _find(session, replacing)
        if old is not None:
            _revoke(old, "rotated")
            session.add(old)
        session.add(WebSession(token_hash=token_digest(token), user_id=actor.id,
                               created_at=now, last_seen_at=now,
                               expires_at=now + _idle(store)))
        session.exec(delete(WebSession).where(
            col(WebSession.expires_at) < now - KEEP_ENDED))
        audit.log(session, actor, "session_start")
    return token


def resume_session(store: Store, *, token: str) -> Actor | None:
    """The account whose session this token is, signed back in (audited as a sign-in
    resumed), or None: unknown, altered, revoked, run out, or the account switched off."""
    now = utcnow()
    with store.session() as session:
        row = _find(session, token)
        if row is None or row.revoked:
            return None
        if _aware(row.expires_at) <= now:
            _revoke(row, "expired")
            session.add(row)
            return None
        user = session.get(User, row.user_id)
        if user is None or not user.is_active:
            _revoke(row, "inactive")
            session.add(row)
            return None
        row.last_seen_at = now
        row.expires_at = now + _idle(store)
        session.add(row)
        actor = to_actor(user)
        audit.log(session, actor, "sign_in_resumed")
        return actor


@guarded
def touch_session(store: Store, actor: Actor, *, token: str) -> bool:
    """Count a use of this browser's session (an open page does, once a minute at most), so
    it runs out only after the idle timeout without use. False when it is no longer valid."""
    now = utcnow()
    with store.session() as session:
        row = _find(session, token)
        if (row is None or row.revoked or row.user_id != actor.id
                or _aware(row.expires_at) <= now):
            return False
        row.last_seen_at = now
        row.expires_at = now + _idle(store)
        session.add(row)
        return True


@guarded
def revoke_session(store: Store, actor: Actor, *, token: str, reason: str) -> None:
    """End this browser's session (sign-out, quick exit). Only the actor's own."""
    with store.session() as session:
        row = _find(session, token)
        if row is not None and row.user_id == actor.id:
            _revoke(row, reason)
            session.add(row)

