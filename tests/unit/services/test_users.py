"""Accounts: argon2id hashes, first-admin set-up, lockout, invites."""

import pytest
from argon2 import PasswordHasher

from asylum_prep.errors import AuthError, InputRefused, LockedOut, PermissionDenied
from asylum_prep.services import invites, users
from asylum_prep.storage.tables import User
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
