"""Accounts: argon2id hashes, first-admin set-up, lockout (alike for every name), invites."""

import hashlib
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlmodel import select

from asylum_prep.errors import AuthError, InputRefused, LockedOut, PermissionDenied
from asylum_prep.services import invites, lockout, users
from asylum_prep.storage.tables import SignInFailure, User, utcnow
from tests.support import PASSWORD


def test_first_admin_only_once_and_hash_is_argon2id(store):
    assert users.needs_first_admin(store)
    users.create_first_admin(store, username="boss", password=PASSWORD)
    assert not users.needs_first_admin(store)
    with pytest.raises(PermissionDenied):
        users.create_first_admin(store, username="boss2", password=PASSWORD)
    with store.session() as session:
        user = session.get(User, 1)
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_production_hashes_use_argon2id_at_full_cost(store, production_hasher):
    """The suite hashes cheaply; the app itself hashes at RFC 9106's second recommended
    profile (64 MiB, 3 passes, 4 lanes), and a cheap hash is upgraded at the next sign-in."""
    users.create_first_admin(store, username="boss", password=PASSWORD)
    with store.session() as session:
        stored = session.get(User, 1).password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    with store.session() as session:
        user = session.get(User, 1)
        user.password_hash = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(
            PASSWORD)
        session.add(user)
    users.sign_in(store, username="boss", password=PASSWORD)
    with store.session() as session:
        assert session.get(User, 1).password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_lockout_after_repeated_failures(store, people):
    for _ in range(store.settings.max_failed_sign_ins - 1):
        with pytest.raises(AuthError):
            users.sign_in(store, username=people.attorney.username, password="wrong password")
    with pytest.raises(LockedOut):
        users.sign_in(store, username=people.attorney.username, password="wrong password")
    with pytest.raises(LockedOut) as info:
        users.sign_in(
            store, username=people.attorney.username, password=PASSWORD
        )  # right, but locked
    assert "minutes" in info.value.message()


def test_success_resets_the_failure_count(store, people):
    for _ in range(store.settings.max_failed_sign_ins - 1):
        with pytest.raises(AuthError):
            users.sign_in(store, username=people.attorney.username, password="nope nope")
    users.sign_in(store, username=people.attorney.username, password=PASSWORD)
    with pytest.raises(AuthError):
        users.sign_in(store, username=people.attorney.username, password="nope nope")  # not locked


def test_unknown_user_and_bad_password_give_the_same_message(store, people):
    with pytest.raises(AuthError) as a:
        users.sign_in(store, username="nobody", password=PASSWORD)
    with pytest.raises(AuthError) as b:
        users.sign_in(store, username=people.attorney.username, password="wrong password")
    assert a.value.message() == b.value.message()


@pytest.mark.parametrize("password", ["short", "x" * 300])
def test_password_rules(store, people, password):
    with pytest.raises(InputRefused):
        users.create_user(
            store, people.admin, username="newbie", password=password, role="paralegal"
        )


def test_invite_is_single_use_and_its_code_is_the_sign_in_name(store, people):
    with pytest.raises(AuthError):
        invites.redeem_invite(store, code=people.invite_code, password=PASSWORD)
    assert (
        users.sign_in(store, username=people.invite_code, password=PASSWORD).id
        == people.applicant.id
    )
    with pytest.raises(AuthError):
        invites.redeem_invite(store, code="AAAA-BBBB-CCCC", password=PASSWORD)


def test_the_cli_service_account_does_not_hide_first_run_setup(store):
    from asylum_prep.cli.common import cli_actor

    cli_actor(store)
    assert users.needs_first_admin(store)
    users.create_first_admin(store, username="boss", password=PASSWORD)
    assert not users.needs_first_admin(store)


def test_the_service_account_name_is_reserved(store):
    users.create_first_admin(store, username="boss", password=PASSWORD)
    admin = users.sign_in(store, username="boss", password=PASSWORD)
    with pytest.raises(InputRefused):
        users.create_user(store, admin, username="cli", password=PASSWORD, role="attorney")


# --- lockout says nothing about which names exist (issue 19, item 14) ----------------------

def _attempts(store, username, n, password="wrong password"):
    """The answers to n sign-ins: (error class, message) each."""
    out = []
    for _ in range(n):
        with pytest.raises(AuthError) as refused:
            users.sign_in(store, username=username, password=password)
        out.append((type(refused.value), refused.value.message()))
    return out


def test_an_unknown_name_is_locked_out_exactly_like_an_account(store, people):
    n = store.settings.max_failed_sign_ins + 2
    known = _attempts(store, people.attorney.username, n)
    unknown = _attempts(store, "nobody-here", n)
    assert known == unknown
    assert [kind for kind, _ in known] == [AuthError] * (n - 3) + [LockedOut] * 3
    # locked names stay locked even with the right password (an unknown one has none)
    assert _attempts(store, people.attorney.username, 1, PASSWORD) == _attempts(
        store, "nobody-here", 1, PASSWORD)


def test_a_switched_off_account_answers_like_an_unknown_name(store, people):
    from asylum_prep.services import accounts

    accounts.deactivate(store, people.admin, username=people.paralegal.username)
    n = store.settings.max_failed_sign_ins + 1
    assert _attempts(store, people.paralegal.username, n, PASSWORD) == _attempts(
        store, "someone-else", n, PASSWORD)


class _CountingHasher(PasswordHasher):
    verified = 0

    def verify(self, hash, password):  # noqa: A002 - argon2's own parameter name
        type(self).verified += 1
        return super().verify(hash, password)


def test_every_attempt_checks_exactly_one_password_hash(store, people, monkeypatch):
    """The expensive step (argon2) runs once per attempt, name known or not, locked or not:
    the time taken does not tell the names apart."""
    counting = _CountingHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "_hasher", counting)
    monkeypatch.setattr(users, "_DUMMY_HASH", counting.hash("not a real password"))
    for name in (people.attorney.username, "nobody-here", "\x00bad name"):
        before = _CountingHasher.verified
        _attempts(store, name, store.settings.max_failed_sign_ins + 1)
        # locked attempts check no hash at all, for both kinds of name alike
        assert _CountingHasher.verified - before == store.settings.max_failed_sign_ins


def test_unknown_names_are_kept_only_as_keyed_hashes(store):
    _attempts(store, "my secret words", 2)
    with store.session() as session:
        rows = list(session.exec(select(SignInFailure)))
    assert len(rows) == 1 and rows[0].failed_sign_ins == 2
    assert "secret" not in rows[0].name_key and len(rows[0].name_key) == 64
    assert rows[0].name_key != hashlib.sha256(b"my secret words").hexdigest()


def test_failures_are_forgotten_after_a_day_for_every_name(store, people):
    limit = store.settings.max_failed_sign_ins
    for name in (people.attorney.username, "nobody-here"):
        _attempts(store, name, limit - 1)
    day_ago = utcnow() - lockout.FORGET_AFTER - timedelta(minutes=1)
    with store.session() as session:
        user = session.get(User, people.attorney.id)
        user.failed_at = day_ago
        session.add(user)
        for row in session.exec(select(SignInFailure)):
            row.failed_at = day_ago
            session.add(row)
    for name in (people.attorney.username, "nobody-here"):
        assert _attempts(store, name, 1) == [(AuthError, AuthError().message())]
    _attempts(store, "someone-new", 1)  # any failure prunes the rows nobody tried for a day
    with store.session() as session:
        assert [r.failed_sign_ins for r in session.exec(select(SignInFailure))] == [1, 1]


def test_the_failure_table_is_bounded(store, monkeypatch):
    monkeypatch.setattr(lockout, "MAX_TRACKED_NAMES", 3)
    for n in range(5):
        _attempts(store, f"invented-{n}", 1)
    with store.session() as session:
        assert len(list(session.exec(select(SignInFailure)))) == 3
