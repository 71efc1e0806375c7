"""The session cookie's token (issue 14, "Sessions and language"): a sign-in makes a random
token stored only as its SHA-256; it resumes the account until the idle timeout without use;
a new sign-in on the browser rotates it; sign-out, quick exit, an admin switching the account
off or resetting its password, and a password change end it; an unknown or altered token is
refused. Real store (SQLite, and PostgreSQL when configured); the table is read directly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from asylum_prep.services import accounts, users, web_sessions
from asylum_prep.services.web_sessions import token_digest
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent, WebSession
from tests.support import PASSWORD, People


def _rows(store: Store) -> list[WebSession]:
    with store.session() as session:
        return list(session.exec(select(WebSession)))


def _row(store: Store, token: str) -> WebSession:
    with store.session() as session:
        row = session.get(WebSession, token_digest(token))
        assert row is not None
        return row


def _age(store: Store, token: str, minutes: int) -> None:
    """Move the session's last use `minutes` into the past, as if nobody used it since."""
    with store.session() as session:
        row = session.get(WebSession, token_digest(token))
        assert row is not None
        row.last_seen_at -= timedelta(minutes=minutes)
        row.expires_at -= timedelta(minutes=minutes)
        session.add(row)


def _actions(store: Store) -> list[tuple[int | None, str]]:
    with store.session() as session:
        return [(e.actor_id, e.action) for e in session.exec(select(AuditEvent))]


def test_a_token_resumes_its_account_and_only_its_hash_is_stored(store: Store, people: People):
    token = web_sessions.create_session(store, people.applicant)
    assert len(token) >= 43  # 32 random bytes, URL-safe
    [row] = _rows(store)
    assert row.token_hash == token_digest(token) != token
    assert row.user_id == people.applicant.id and not row.revoked
    # nowhere in the row (nor the audit log) is the token itself
    assert all(token not in str(value) for value in row.model_dump().values())
    resumed = web_sessions.resume_session(store, token=token)
    assert resumed is not None and resumed.id == people.applicant.id
    assert resumed.role is people.applicant.role
    with store.session() as session:
        details = [(e.action, e.detail) for e in session.exec(select(AuditEvent))]
    assert ("sign_in_resumed", "") in details
    assert all(token not in detail for _, detail in details)


def test_unknown_altered_empty_or_overlong_tokens_are_refused(store: Store, people: People):
    token = web_sessions.create_session(store, people.attorney)
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in ("", "x", altered, token + "x", token_digest(token), "a" * 5000):
        assert web_sessions.resume_session(store, token=bad) is None
    assert web_sessions.resume_session(store, token=token) is not None


def test_the_session_runs_out_after_the_idle_timeout_without_use(store: Store, people: People):
    idle = store.settings.idle_timeout_minutes
    token = web_sessions.create_session(store, people.applicant)
    row = _row(store, token)
    assert row.expires_at - row.last_seen_at == timedelta(minutes=idle)
    _age(store, token, idle - 1)
    assert web_sessions.resume_session(store, token=token) is not None  # used: a fresh timeout
    assert _row(store, token).expires_at - _row(store, token).last_seen_at \
        == timedelta(minutes=idle)
    _age(store, token, idle + 1)
    assert web_sessions.resume_session(store, token=token) is None
    assert _row(store, token).revoked  # and it stays ended
    _age(store, token, -idle - 5)
    assert web_sessions.resume_session(store, token=token) is None


def test_an_open_page_keeps_its_session_alive(store: Store, people: People):
    idle = store.settings.idle_timeout_minutes
    token = web_sessions.create_session(store, people.paralegal)
    _age(store, token, idle - 1)
    assert web_sessions.touch_session(store, people.paralegal, token=token)
    _age(store, token, idle - 1)
    assert web_sessions.resume_session(store, token=token) is not None
    # someone else's token is not touched
    assert not web_sessions.touch_session(store, people.attorney, token=token)


def test_a_new_sign_in_rotates_the_browsers_token(store: Store, people: People):
    first = web_sessions.create_session(store, people.applicant)
    second = web_sessions.create_session(store, people.applicant, replacing=first)
    assert first != second
    assert web_sessions.resume_session(store, token=first) is None
    assert _row(store, first).revoked_reason == "rotated"
    assert web_sessions.resume_session(store, token=second) is not None
    # another person signing in on the same browser ends the first one's session too
    third = web_sessions.create_session(store, people.attorney, replacing=second)
    assert web_sessions.resume_session(store, token=second) is None
    resumed = web_sessions.resume_session(store, token=third)
    assert resumed is not None and resumed.id == people.attorney.id


@pytest.mark.parametrize("reason", ["user", "quick_exit"])
def test_sign_out_and_quick_exit_end_the_session(store: Store, people: People, reason: str):
    token = web_sessions.create_session(store, people.applicant)
    other_device = web_sessions.create_session(store, people.applicant)
    web_sessions.revoke_session(store, people.applicant, token=token, reason=reason)
    assert web_sessions.resume_session(store, token=token) is None
    assert _row(store, token).revoked_reason == reason
    assert web_sessions.resume_session(store, token=other_device) is not None
    # nobody ends another person's session with its token
    mine = web_sessions.create_session(store, people.attorney)
    web_sessions.revoke_session(store, people.applicant, token=mine, reason="user")
    assert web_sessions.resume_session(store, token=mine) is not None


def test_switching_the_account_off_ends_every_session(store: Store, people: People):
    tokens = [web_sessions.create_session(store, people.translator) for _ in range(2)]
    kept = web_sessions.create_session(store, people.attorney)
    accounts.deactivate(store, people.admin, username=people.translator.username)
    assert all(web_sessions.resume_session(store, token=t) is None for t in tokens)
    assert {_row(store, t).revoked_reason for t in tokens} == {"deactivated"}
    assert web_sessions.resume_session(store, token=kept) is not None
    # switched on again, the old tokens stay ended: a new sign-in is needed
    accounts.reactivate(store, people.admin, username=people.translator.username)
    assert all(web_sessions.resume_session(store, token=t) is None for t in tokens)


def test_a_password_reset_or_change_ends_every_session(store: Store, people: People):
    token = web_sessions.create_session(store, people.paralegal)
    temporary = accounts.reset_password(store, people.admin, username=people.paralegal.username)
    assert web_sessions.resume_session(store, token=token) is None
    assert _row(store, token).revoked_reason == "password_reset"
    actor = users.sign_in(store, username=people.paralegal.username, password=temporary)
    token = web_sessions.create_session(store, actor)  # allowed before the new password
    users.change_password(store, actor, old_password=temporary, new_password="a brand new one")
    assert web_sessions.resume_session(store, token=token) is None
    assert _row(store, token).revoked_reason == "password_change"


def test_a_session_of_an_account_switched_off_directly_is_not_resumed(store: Store,
                                                                      people: People):
    token = web_sessions.create_session(store, people.applicant)
    from asylum_prep.storage.tables import User

    with store.session() as session:  # switched off without the service (an old release)
        user = session.get(User, people.applicant.id)
        assert user is not None
        user.is_active = False
        session.add(user)
    assert web_sessions.resume_session(store, token=token) is None
    assert _row(store, token).revoked_reason == "inactive"


def test_sign_in_then_session_start_is_audited_without_the_token(store: Store, people: People):
    actor = users.sign_in(store, username=people.attorney.username, password=PASSWORD)
    token = web_sessions.create_session(store, actor)
    assert (actor.id, "session_start") in _actions(store)
    with store.session() as session:
        assert all(token not in e.detail for e in session.exec(select(AuditEvent)))


def test_rows_long_past_their_expiry_are_removed_at_a_sign_in(store: Store, people: People):
    old = web_sessions.create_session(store, people.applicant)
    recent = web_sessions.create_session(store, people.attorney)
    _age(store, old, int(web_sessions.KEEP_ENDED.total_seconds() // 60) + 60)
    _age(store, recent, store.settings.idle_timeout_minutes + 1)  # ended, but not long ago
    web_sessions.create_session(store, people.paralegal)
    hashes = {row.token_hash for row in _rows(store)}
    assert token_digest(old) not in hashes and token_digest(recent) in hashes
