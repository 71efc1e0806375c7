"""Keeping accounts (issue 19, item 10): switch off and on, reset a password with a forced
change, lift a lockout. Real store; every action audited with the account's id only."""

from __future__ import annotations

import pytest
from sqlmodel import select

from asylum_prep.cli.common import cli_actor
from asylum_prep.errors import (
    AccountDisabled,
    AuthError,
    InputRefused,
    LockedOut,
    NotFoundError,
    PasswordChangeRequired,
    PermissionDenied,
)
from asylum_prep.services import accounts, answers, cases, users
from asylum_prep.services.accounts import AccountStatus
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import PASSWORD, People

NEW = "my own new passphrase"


def _events(store: Store, action: str) -> list[AuditEvent]:
    with store.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def _lock(store: Store, username: str) -> None:
    for _ in range(store.settings.max_failed_sign_ins):
        with pytest.raises(AuthError):
            users.sign_in(store, username=username, password="wrong password")


def test_a_switched_off_account_is_refused_at_its_next_action(store: Store, people: People):
    signed_in = users.sign_in(store, username=people.applicant.username, password=PASSWORD)
    version = cases.open_case(store, signed_in, people.case_id).version
    accounts.deactivate(store, people.admin, username=people.applicant.username)
    with pytest.raises(AccountDisabled):  # the session already open ends with its next call
        answers.save_answer(store, signed_in, people.case_id, path="about.family_name",
                            value="Ahmadi", base_version=version)
    with pytest.raises(AccountDisabled):
        cases.open_case(store, signed_in, people.case_id)
    assert accounts.account_status(store, signed_in) == AccountStatus(False, False)
    users.sign_out(store, signed_in, reason="deactivated")  # signing out is still recorded
    with pytest.raises(AuthError):
        users.sign_in(store, username=people.applicant.username, password=PASSWORD)
    [event] = _events(store, "user_deactivate")
    assert event.actor_id == people.admin.id and event.detail == f"user={people.applicant.id}"
    # her case and answers stay; switched on again, she signs in with the same password
    assert cases.open_case(store, people.attorney, people.case_id).version == version
    accounts.reactivate(store, people.admin, username=people.applicant.username)
    again = users.sign_in(store, username=people.applicant.username, password=PASSWORD)
    assert cases.open_case(store, again, people.case_id).version == version
    assert [e.detail for e in _events(store, "user_reactivate")] == [f"user={people.applicant.id}"]


def test_an_admin_cannot_switch_off_their_own_account(store: Store, people: People):
    with pytest.raises(InputRefused):
        accounts.deactivate(store, people.admin, username=people.admin.username)
    assert accounts.account_status(store, people.admin).active


@pytest.mark.parametrize("name", ["nobody", "cli", "", "x\x00y"])
def test_unknown_and_service_accounts_are_not_found(store: Store, people: People, name: str):
    cli_actor(store)
    for act in (accounts.deactivate, accounts.reactivate, accounts.reset_password,
                accounts.unlock):
        with pytest.raises(NotFoundError):
            act(store, people.admin, username=name)


@pytest.mark.parametrize("who", ["attorney", "paralegal", "translator", "applicant"])
def test_only_admins_and_the_operator_keep_accounts(store: Store, people: People, who: str):
    actor = getattr(people, who)
    for act in (accounts.deactivate, accounts.reactivate, accounts.reset_password,
                accounts.unlock):
        with pytest.raises(PermissionDenied):
            act(store, actor, username=people.paralegal.username)
    accounts.deactivate(store, cli_actor(store), username=people.paralegal.username)
    assert not accounts.account_status(store, people.paralegal).active
    [event] = _events(store, "user_deactivate")
    assert event.actor_name == "cli"


def test_a_reset_password_signs_in_once_and_must_be_replaced_first(store: Store, people: People):
    _lock(store, people.paralegal.username)
    temporary = accounts.reset_password(store, people.admin, username=people.paralegal.username)
    assert len(temporary) == 19 and temporary.count("-") == 3
    with pytest.raises(AuthError):  # the old password is gone
        users.sign_in(store, username=people.paralegal.username, password=PASSWORD)
    actor = users.sign_in(store, username=people.paralegal.username, password=temporary)
    assert accounts.account_status(store, actor) == AccountStatus(True, True)
    for call in (lambda: cases.list_cases(store, actor),
                 lambda: cases.open_case(store, actor, people.case_id)):
        with pytest.raises(PasswordChangeRequired):
            call()
    users.set_language(store, actor, "fa")  # the language picker still works
    with pytest.raises(InputRefused):  # the same temporary password again is not a new one
        users.change_password(store, actor, old_password=temporary, new_password=temporary)
    with pytest.raises(AuthError):
        users.change_password(store, actor, old_password=PASSWORD, new_password=NEW)
    users.change_password(store, actor, old_password=temporary, new_password=NEW)
    assert accounts.account_status(store, actor) == AccountStatus(True, False)
    assert cases.open_case(store, actor, people.case_id).id == people.case_id
    assert [e.detail for e in _events(store, "password_reset")] == [f"user={people.paralegal.id}"]
    assert temporary not in "".join(e.detail for e in _events(store, "password_reset"))


def test_unlock_lifts_a_lockout_at_once(store: Store, people: People):
    _lock(store, people.translator.username)
    with pytest.raises(LockedOut):
        users.sign_in(store, username=people.translator.username, password=PASSWORD)
    accounts.unlock(store, people.admin, username=people.translator.username)
    assert users.sign_in(store, username=people.translator.username,
                         password=PASSWORD).id == people.translator.id
    assert [e.detail for e in _events(store, "user_unlock")] == [f"user={people.translator.id}"]


def test_temporary_passwords_differ_and_pass_the_rules() -> None:
    made = {accounts.temporary_password() for _ in range(50)}
    assert len(made) == 50
