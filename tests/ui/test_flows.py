"""The shell's flows, driven through the real widgets on a real store."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from asylum_prep.domain.record import CaseRecord
from asylum_prep.i18n import translator
from asylum_prep.services import cases, invites, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import state
from asylum_prep.ui.audit_labels import ACTION_LABELS
from asylum_prep.ui.html import md_escape
from tests.support import PASSWORD, People, make_people
from tests.ui.conftest import html_bodies, texts

App = Callable[..., AppTest]


def _actions(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(e.action, e.detail) for e in s.exec(select(AuditEvent))]


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key=state.W_SIGNIN_USER).input(username)
    at.text_input(key=state.W_SIGNIN_PASSWORD).input(password)
    return at.button(key=state.W_SIGNIN_SUBMIT).click().run()


def test_first_run_setup_creates_the_admin(seed_store: Store, make_app: App) -> None:
    at = make_app().run()
    assert users.needs_first_admin(seed_store)
    assert at.text_input(key=state.W_SETUP_USER)  # the setup page is the landing page
    at.text_input(key=state.W_SETUP_USER).input("boss")
    at.text_input(key=state.W_SETUP_PASSWORD).input(PASSWORD)
    at.text_input(key=state.W_SETUP_PASSWORD2).input(PASSWORD)
    at.button(key=state.W_SETUP_SUBMIT).click().run()
    assert not at.exception
    actor = at.session_state[state.ACTOR]
    assert actor.username == "boss" and actor.role is Role.admin
    assert not users.needs_first_admin(seed_store)
    assert at.title[0].value == "Administration"
    # Once an account exists, setup is no longer reachable.
    fresh = make_app().run()
    try:
        fresh.switch_page("ui/views/setup.py")
    except ValueError:
        pass
    else:
        raise AssertionError("setup page still registered after the first admin exists")


def test_setup_refuses_different_passwords(seed_store: Store, make_app: App) -> None:
    at = make_app().run()
    at.text_input(key=state.W_SETUP_USER).input("boss")
    at.text_input(key=state.W_SETUP_PASSWORD).input(PASSWORD)
    at.text_input(key=state.W_SETUP_PASSWORD2).input(PASSWORD + "x")
    at.button(key=state.W_SETUP_SUBMIT).click().run()
    assert "not the same" in at.error[0].value
    assert users.needs_first_admin(seed_store)


def test_sign_in_success_lands_on_the_case_list(people: People, make_app: App) -> None:
    at = _sign_in(make_app().run(), "attorney", PASSWORD)
    assert not at.exception
    assert at.session_state[state.ACTOR].username == "attorney"
    assert at.title[0].value == "Cases"
    assert "Test case A" in texts(at)


def test_sign_in_failure_shows_a_message_and_signs_nobody_in(people: People, make_app: App) -> None:
    at = _sign_in(make_app().run(), "attorney", "wrong password!")
    assert at.error[0].value == "The user name or password is not right."
    assert state.ACTOR not in at.session_state


def test_lockout_after_repeated_failures(people: People, make_app: App, seed_store: Store) -> None:
    at = make_app().run()
    for _ in range(seed_store.settings.max_failed_sign_ins):
        _sign_in(at, "paralegal", "wrong password!")
    assert "Too many failed sign-ins" in at.error[0].value
    _sign_in(at, "paralegal", PASSWORD)  # even the right password is refused while locked
    assert "Too many failed sign-ins" in at.error[0].value
    assert state.ACTOR not in at.session_state


def test_applicant_signs_in_with_the_code_as_typed_from_paper(
    people: People, make_app: App
) -> None:
    typed = people.invite_code.replace("-", " ")  # upper case, spaces instead of dashes
    at = _sign_in(make_app().run(), typed, PASSWORD)
    assert at.session_state[state.ACTOR].role is Role.applicant


def test_sign_out_clears_session_state(people: People, make_app: App, seed_store: Store) -> None:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, "something_else": 1}).run()
    at.switch_page("ui/views/account.py").run()
    at.button(key=state.W_SIGN_OUT).click().run()
    assert not at.exception
    for key in (state.ACTOR, state.CASE_ID, "something_else", state.LAST_ACTIVITY):
        assert key not in at.session_state
    assert "You are signed out." in [i.value for i in at.info]
    assert ("sign_out", "user") in _actions(seed_store)


def test_language_switch_to_persian_turns_the_page_right_to_left(
    people: People, make_app: App
) -> None:
    at = make_app().run()
    assert not any("direction: rtl" in b for b in html_bodies(at))
    at.selectbox(key=state.W_LANG).select("fa").run()
    assert not at.exception
    assert any("direction: rtl" in b for b in html_bodies(at))
    assert at.title[0].value == "ورود"
    assert at.button(key=state.W_SIGNIN_SUBMIT).label == "ورود"
    # Options are shown by their own names, in their own scripts.
    assert at.selectbox(key=state.W_LANG).format_func("fa") == "فارسی"
    assert at.selectbox(key=state.W_LANG).format_func("es") == "Español"
    # An error of ours reaches a Persian reader in Persian.
    _sign_in(at, "attorney", "wrong password!")
    assert "نام کاربری" in at.error[0].value


def test_spanish_user_profile_language_applies_on_sign_in(
    people: People, make_app: App, seed_store: Store
) -> None:
    users.set_language(seed_store, people.attorney, "es")
    at = _sign_in(make_app().run(), "attorney", PASSWORD)
    assert at.title[0].value == "Casos"


def test_invite_redemption_then_welcome(people: People, make_app: App, seed_store: Store) -> None:
    code = invites.create_invite(seed_store, people.attorney, people.case_id)
    at = make_app().run()
    at.selectbox(key=state.W_LANG).select("fa").run()
    at.switch_page("ui/views/join.py").run()
    assert at.button(key=state.W_QUICK_EXIT)  # quick exit even before an account exists
    at.text_input(key=state.W_JOIN_CODE).input(code.lower())
    at.text_input(key=state.W_JOIN_PASSWORD).input(PASSWORD)
    at.text_input(key=state.W_JOIN_PASSWORD2).input(PASSWORD)
    at.button(key=state.W_JOIN_SUBMIT).click().run()
    assert not at.exception
    actor = at.session_state[state.ACTOR]
    assert actor.role is Role.applicant and actor.username == code.lower()
    assert at.title[0].value == "خوش آمدید"  # the welcome page, in Persian
    assert at.button(key=state.W_QUICK_EXIT)
    assert any("direction: rtl" in b for b in html_bodies(at))
    # The language she picked is kept for her account.
    assert users.sign_in(seed_store, username=code, password=PASSWORD)
    at.button(key=state.W_WELCOME_START).click().run()
    assert not at.exception
    assert at.session_state[state.CASE_ID] == people.case_id


def test_invite_code_used_twice_is_refused(people: People, make_app: App) -> None:
    at = make_app().run()
    at.switch_page("ui/views/join.py").run()
    at.text_input(key=state.W_JOIN_CODE).input(people.invite_code)
    at.text_input(key=state.W_JOIN_PASSWORD).input(PASSWORD)
    at.text_input(key=state.W_JOIN_PASSWORD2).input(PASSWORD)
    at.button(key=state.W_JOIN_SUBMIT).click().run()
    assert "not valid" in at.error[0].value
    assert state.ACTOR not in at.session_state


def test_attorney_creates_a_case_and_sees_it(
    people: People, make_app: App, seed_store: Store
) -> None:
    at = make_app(people.attorney).run()
    at.text_input(key=state.W_CASE_NEW_TITLE).input("Fictional client R. (UK)")
    at.selectbox(key=state.W_CASE_NEW_JURIS).select("uk")
    at.button(key=state.W_CASE_NEW_SUBMIT).click().run()
    assert not at.exception
    assert f"**{md_escape('Fictional client R. (UK)')}**" in [m.value for m in at.markdown]
    made = [
        c
        for c in cases.list_cases(seed_store, people.attorney)
        if c.title == "Fictional client R. (UK)"
    ]
    assert made and made[0].jurisdiction.value == "uk"
    # search narrows the list
    at.text_input(key=state.W_CASES_SEARCH).input("fictional").run()
    titles = [m.value for m in at.main.markdown if m.value.startswith("**")]
    assert len(titles) == 1


def test_applicant_sees_only_their_case(people: People, make_app: App, seed_store: Store) -> None:
    other = make_people(seed_store, suffix="b")
    at = make_app(people.applicant).run()
    assert not at.exception
    assert at.session_state[state.CASE_ID] == people.case_id
    # Pointing the session at someone else's case is refused by the service layer.
    at = make_app(people.applicant, **{state.CASE_ID: other.case_id}).run()
    assert at.error[0].value == "You do not have permission to do that."
    assert "Test case b" not in texts(at)


def test_idle_timeout_signs_out(people: People, make_app: App, seed_store: Store) -> None:
    minutes = seed_store.settings.idle_timeout_minutes
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id})
    at.session_state[state.LAST_ACTIVITY] = time.time() - minutes * 60 - 5
    at.run()
    assert not at.exception
    assert state.ACTOR not in at.session_state
    assert state.CASE_ID not in at.session_state
    assert any("without activity" in i.value for i in at.info)
    assert at.button(key=state.W_SIGNIN_SUBMIT)
    assert ("sign_out", "idle") in _actions(seed_store)


def test_activity_within_the_timeout_keeps_the_session(people: People, make_app: App) -> None:
    at = make_app(people.attorney)
    at.session_state[state.LAST_ACTIVITY] = time.time() - 60
    at.run()
    assert at.session_state[state.ACTOR].username == "attorney"


def test_discreet_mode_hides_the_word(people: People, make_app: App) -> None:
    for actor in (people.applicant, people.attorney, people.admin):
        at = make_app(actor, **{state.DISCREET: True, state.CASE_ID: people.case_id}).run()
        pages = (
            ["ui/views/welcome.py", "ui/views/account.py"]
            if actor.role is Role.applicant
            else ["ui/views/account.py"]
        )
        for page in [None, *pages]:
            if page:
                at.switch_page(page).run()
            assert not at.exception
            assert "asylum" not in texts(at).lower(), page
    # ... and without discreet mode the app does say what it is.
    at = make_app(people.applicant).run()
    at.switch_page("ui/views/welcome.py").run()
    assert "asylum" in texts(at).lower()


def test_discreet_toggle(people: People, make_app: App) -> None:
    at = make_app().run()
    assert "asylum-prep" in texts(at)
    at.toggle(key=state.W_DISCREET).set_value(True).run()
    assert at.session_state[state.DISCREET] is True
    assert "asylum" not in texts(at).lower()


def test_quick_exit_clears_everything(people: People, make_app: App, seed_store: Store) -> None:
    at = make_app(people.applicant, **{state.LANG: "fa"}).run()
    at.button(key=state.W_QUICK_EXIT).click().run()
    assert not at.exception
    assert list(at.session_state.keys()) == [state.QUICK_EXIT]
    assert any("about:blank" in b for b in html_bodies(at))
    assert not at.title and not at.markdown
    assert ("sign_out", "quick_exit") in _actions(seed_store)


def test_dashboard_invite_code_shown_once_and_redeemable(
    people: People, make_app: App, seed_store: Store
) -> None:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    at.button(key=state.W_INVITE_CREATE).click().run()
    code = at.session_state[state.INVITE_SHOWN][1]
    assert any(code in b for b in html_bodies(at))
    at.button(key=state.W_INVITE_DISMISS).click().run()
    assert not any(code in b for b in html_bodies(at))
    applicant = invites.redeem_invite(seed_store, code=code, password=PASSWORD)
    assert [c.id for c in cases.list_cases(seed_store, applicant)] == [people.case_id]


def test_dashboard_add_member(people: People, make_app: App, seed_store: Store) -> None:
    users.create_user(
        seed_store, people.admin, username="second", password=PASSWORD, role=Role.paralegal
    )
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    at.text_input(key=state.W_MEMBER_USER).input("second")
    at.selectbox(key=state.W_MEMBER_ROLE).select("paralegal")
    at.button(key=state.W_MEMBER_SUBMIT).click().run()
    assert not at.exception and not at.error
    names = [n for _i, n, _r in cases.list_members(seed_store, people.attorney, people.case_id)]
    assert "second" in names


def _applicant_saves(store: Store, people: People, given_names: str) -> int:
    case = cases.open_case(store, people.applicant, people.case_id)
    record = CaseRecord.model_validate(case.record.model_dump())
    record.about.given_names = given_names
    return cases.save_record(
        store, people.applicant, people.case_id, record=record, base_version=case.version
    )


def test_dashboard_restore_and_stale_restore(
    people: People, make_app: App, seed_store: Store
) -> None:
    assert _applicant_saves(seed_store, people, "Mina") == 2
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    at.toggle(key=state.W_SHOW_HISTORY).set_value(True).run()
    at.selectbox(key=state.W_VERSION_PICK).select(1).run()
    at.button(key=state.W_VERSION_VIEW).click().run()
    assert not at.exception
    # someone saves meanwhile: the restore based on version 2 is refused with the message
    assert _applicant_saves(seed_store, people, "Mina T.") == 3
    at.button(key=state.W_VERSION_RESTORE).click().run()
    assert any("Someone else saved" in e.value for e in at.error)
    assert cases.open_case(seed_store, people.attorney, people.case_id).version == 3
    # now based on the current version it works
    at.button(key=state.W_VERSION_RESTORE).click().run()
    assert any("restored as version 4" in s.value for s in at.success)
    assert cases.open_case(seed_store, people.attorney, people.case_id).version == 4


def test_dashboard_delete_needs_the_typed_title(
    people: People, make_app: App, seed_store: Store
) -> None:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    at.text_input(key=state.W_DELETE_CONFIRM).input("Test case")
    at.button(key=state.W_DELETE_SUBMIT).click().run()
    assert any("does not match" in e.value for e in at.error)
    assert cases.list_cases(seed_store, people.attorney)
    at.text_input(key=state.W_DELETE_CONFIRM).input("Test case A")
    at.button(key=state.W_DELETE_SUBMIT).click().run()
    assert not at.exception
    assert cases.list_cases(seed_store, people.attorney) == []
    assert at.title[0].value == "Cases"


def _what(at: AppTest, lang: str) -> list[str]:
    """The activity table's "What" column, as the reader sees it."""
    column = translator(lang)("What")
    [table] = [df.value for df in at.dataframe if column in df.value.columns]
    return [str(v) for v in table[column]]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_attorney_reads_case_activity_and_admin_the_full_log(
    lang: str, people: People, make_app: App
) -> None:
    """Each entry says what was done in the reader's language, never the stored code."""
    t = translator(lang)
    shown = {state.LANG: lang, state.LANG_CHOSEN: True}
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}, **shown).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    at.toggle(key=state.W_SHOW_AUDIT).set_value(True).run()
    assert not at.exception and not at.error
    what = _what(at, lang)
    assert t(ACTION_LABELS["invite_redeem"]) in what
    assert t(ACTION_LABELS["member_add"]) in what
    admin = make_app(people.admin, **shown).run()
    admin.toggle(key=state.W_ADMIN_SHOW_AUDIT).set_value(True).run()
    assert not admin.exception and not admin.error
    everything = _what(admin, lang)
    assert t(ACTION_LABELS["user_create"]) in everything
    assert t(ACTION_LABELS["case_create"]) in everything
    for column in (what, everything):
        assert not set(column) & set(ACTION_LABELS), "a stored code is shown"
        assert not any(re.search(r"\b[a-z]+_[a-z_]+\b", v) for v in column), column
    if lang != "en":
        assert not set(what + everything) & set(ACTION_LABELS.values()), "English is shown"
    cells = [str(v) for page in (at, admin) for df in page.dataframe
             for column in df.value.columns for v in df.value[column]]
    assert not [c for c in cells if re.search(r"\d{4}-\d{2}-\d{2}", c)], "a raw date"


def test_admin_creates_a_staff_account(people: People, make_app: App, seed_store: Store) -> None:
    at = make_app(people.admin).run()
    at.text_input(key=state.W_ADMIN_USER).input("newlawyer")
    at.selectbox(key=state.W_ADMIN_ROLE).select("attorney")
    at.text_input(key=state.W_ADMIN_PASSWORD).input(PASSWORD)
    at.text_input(key=state.W_ADMIN_PASSWORD2).input(PASSWORD)
    at.button(key=state.W_ADMIN_SUBMIT).click().run()
    assert not at.exception and not at.error
    assert users.sign_in(seed_store, username="newlawyer", password=PASSWORD).role is Role.attorney


def test_change_password(people: People, make_app: App, seed_store: Store) -> None:
    at = make_app(people.paralegal).run()
    at.switch_page("ui/views/account.py").run()
    at.text_input(key=state.W_PW_OLD).input(PASSWORD)
    at.text_input(key=state.W_PW_NEW).input("another long password")
    at.text_input(key=state.W_PW_NEW2).input("another long password")
    at.button(key=state.W_PW_SUBMIT).click().run()
    assert not at.error
    assert users.sign_in(seed_store, username="paralegal", password="another long password")


def test_user_text_in_a_title_stays_literal(
    people: People, make_app: App, seed_store: Store
) -> None:
    title = "[click](http://example.invalid) **bold** :red[x]"
    case_id = cases.create_case(seed_store, people.attorney, title=title)
    at = make_app(people.attorney, **{state.CASE_ID: case_id}).run()
    at.switch_page("ui/views/case_dashboard.py").run()
    assert not at.exception
    assert at.title[0].value == md_escape(title)
    assert "\\[click\\](http\u2060:" in at.title[0].value  # no link, no bare address


def test_admin_verifies_the_audit_log_and_sees_a_changed_entry_named(
    people: People, make_app: App, seed_store: Store
) -> None:
    from sqlalchemy import text

    admin = make_app(people.admin).run()
    admin.button(key=state.W_ADMIN_VERIFY_AUDIT).click().run()
    assert not admin.exception and not admin.error
    assert any("entries verified: the audit log is complete" in s.value for s in admin.success)
    with seed_store.engine.begin() as conn:  # an intruder with database access
        conn.execute(text("DROP TRIGGER audit_events_no_update"))
        conn.execute(text("UPDATE audit_events SET actor_name = 'nobody' WHERE id = 2"))
    admin.button(key=state.W_ADMIN_VERIFY_AUDIT).click().run()
    assert not admin.exception
    assert [e.value for e in admin.error] == [
        "Audit log entry 2 was changed or forged: its seal does not match its contents."]


def test_the_audit_check_speaks_the_admins_language(people: People, make_app: App) -> None:
    admin = make_app(people.admin, **{state.LANG: "fa", state.LANG_CHOSEN: True}).run()
    admin.button(key=state.W_ADMIN_VERIFY_AUDIT).click().run()
    assert not admin.exception and not admin.error
    (shown,) = [s.value for s in admin.success]
    assert "گزارش حسابرسی کامل است" in shown and not any("0" <= c <= "9" for c in shown)
