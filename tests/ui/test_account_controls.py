"""Keeping accounts in the app (issue 19, item 10), through the real widgets on a real store:
the admin deactivates, reactivates, unlocks and resets; a deactivated person's open session
ends at their next page run (or the minute timer's); after a reset the only thing on screen
is the new-password form."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.errors import AccountDisabled, AuthError, LockedOut, PasswordChangeRequired
from asylum_prep.services import accounts, users
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from tests.support import PASSWORD, People
from tests.ui.conftest import texts

App = Callable[..., AppTest]
NEW = "a passphrase of my own"


def _manage(at: AppTest, username: str, button: str) -> AppTest:
    at.selectbox(key=state.W_ADMIN_MANAGE_USER).select(username)
    return at.button(key=button).click().run()


def test_a_deactivated_person_is_signed_out_at_their_next_page_run(
        people: People, make_app: App, seed_store: Store) -> None:
    at = make_app(people.attorney).run()
    assert at.title[0].value == "Cases"
    accounts.deactivate(seed_store, people.admin, username=people.attorney.username)
    at.run()  # any click reruns the page
    assert not at.exception
    assert state.ACTOR not in at.session_state
    assert any(AccountDisabled.template in i.value for i in at.info)
    assert at.title[0].value == "Sign in"


def test_the_minute_timer_signs_out_a_deactivated_person_without_a_click(
        app_settings: object, people: People, seed_store: Store) -> None:
    from tests.ui.test_idle_timer import _run

    accounts.deactivate(seed_store, people.admin, username=people.attorney.username)
    at = _run(people, time.time())
    assert not at.exception
    assert at.markdown[-1].value == "signed out"


def test_the_admin_deactivates_and_reactivates(
        people: People, make_app: App, seed_store: Store) -> None:
    at = _manage(make_app(people.admin).run(), people.paralegal.username,
                 state.W_ADMIN_DEACTIVATE)
    assert not at.exception and not at.error
    assert any("was deactivated" in i.value for i in at.info)
    with pytest.raises(AuthError):
        users.sign_in(seed_store, username=people.paralegal.username, password=PASSWORD)
    at = _manage(at, people.paralegal.username, state.W_ADMIN_REACTIVATE)
    assert not at.error and any("was reactivated" in i.value for i in at.info)
    assert users.sign_in(seed_store, username=people.paralegal.username, password=PASSWORD)
    at = _manage(at, people.admin.username, state.W_ADMIN_DEACTIVATE)  # not oneself
    assert any("your own account" in e.value for e in at.error)


def test_the_admin_unlocks(people: People, make_app: App, seed_store: Store) -> None:
    for _ in range(seed_store.settings.max_failed_sign_ins):
        with pytest.raises(AuthError):
            users.sign_in(seed_store, username=people.translator.username, password="not it!!")
    with pytest.raises(LockedOut):
        users.sign_in(seed_store, username=people.translator.username, password=PASSWORD)
    at = _manage(make_app(people.admin).run(), people.translator.username, state.W_ADMIN_UNLOCK)
    assert not at.error and any("was unlocked" in i.value for i in at.info)
    assert users.sign_in(seed_store, username=people.translator.username, password=PASSWORD)


def test_a_reset_shows_the_temporary_password_once_and_forces_a_new_one(
        people: People, make_app: App, seed_store: Store) -> None:
    at = _manage(make_app(people.admin).run(), people.applicant.username, state.W_ADMIN_RESET)
    assert not at.exception and not at.error
    temporary = at.session_state[state.ADMIN_RESET_SHOWN][1]
    assert temporary in texts(at)
    at.button(key=state.W_ADMIN_RESET_DISMISS).click().run()
    assert temporary not in texts(at) and state.ADMIN_RESET_SHOWN not in at.session_state

    applicant = users.sign_in(seed_store, username=people.applicant.username, password=temporary)
    app = make_app(applicant).run()
    assert not app.exception
    assert app.title[0].value == "Change your password"
    assert any(PasswordChangeRequired.template in i.value for i in app.info)
    assert "Your story" not in [b.label for b in app.button]  # nothing else on screen
    app.text_input(key=state.W_PW_OLD).input(temporary)
    app.text_input(key=state.W_PW_NEW).input(NEW)
    app.text_input(key=state.W_PW_NEW2).input(NEW)
    app.button(key=state.W_PW_SUBMIT).click().run()
    assert not app.exception and not app.error
    assert app.title[0].value == "Welcome back"  # her home page, at last
    assert users.sign_in(seed_store, username=people.applicant.username, password=NEW)
