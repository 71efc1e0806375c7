"""The case dashboard's attorney controls for the case itself: renaming it and removing
someone from its team (real SQLite store, Streamlit AppTest)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from asylum_prep.errors import AsylumPrepError
from asylum_prep.services import cases
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import state
from tests.support import People

App = Callable[..., AppTest]
DASHBOARD = "ui/views/case_dashboard.py"


def _dashboard(make_app: App, actor: object, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id}).run()
    at.switch_page(DASHBOARD).run()
    assert not at.exception, at.exception
    return at


def _actions(store: Store) -> list[str]:
    with store.session() as session:
        return [e.action for e in session.exec(select(AuditEvent))]


def test_attorney_renames_the_case(people: People, make_app: App, seed_store: Store) -> None:
    at = _dashboard(make_app, people.attorney, people.case_id)
    at.text_input(key=state.W_RENAME_TITLE).input("   ")
    at.button(key=state.W_RENAME_SUBMIT).click().run()
    assert any("Give the case a title" in e.value for e in at.error)
    assert cases.open_case(seed_store, people.attorney, people.case_id).title == "Test case A"
    at.text_input(key=state.W_RENAME_TITLE).input("  Nasrin   K. (asylum) ")
    at.button(key=state.W_RENAME_SUBMIT).click().run()
    assert not at.exception and not at.error
    assert cases.open_case(seed_store, people.attorney, people.case_id).title == (
        "Nasrin K. (asylum)")
    assert "case_rename" in _actions(seed_store)


def test_attorney_removes_someone_from_the_team(people: People, make_app: App,
                                                seed_store: Store) -> None:
    at = _dashboard(make_app, people.attorney, people.case_id)
    options = at.selectbox(key=state.W_MEMBER_REMOVE_PICK).options
    assert people.attorney.label not in options and people.paralegal.label in options
    at.selectbox(key=state.W_MEMBER_REMOVE_PICK).set_value(people.paralegal.id)
    at.button(key=state.W_MEMBER_REMOVE_SUBMIT).click().run()
    assert not at.exception and not at.error
    team = {uid for uid, _name, _role in
            cases.list_members(seed_store, people.attorney, people.case_id)}
    assert people.paralegal.id not in team and people.translator.id in team
    with pytest.raises(AsylumPrepError):  # the paralegal no longer reaches the case
        cases.open_case(seed_store, people.paralegal, people.case_id)
    assert "member_remove" in _actions(seed_store)


def test_only_the_attorney_has_these_controls(people: People, make_app: App) -> None:
    at = _dashboard(make_app, people.paralegal, people.case_id)
    keys = {w.key for w in (*at.text_input, *at.selectbox, *at.button)}
    assert not keys & {state.W_RENAME_TITLE, state.W_RENAME_SUBMIT,
                       state.W_MEMBER_REMOVE_PICK, state.W_MEMBER_REMOVE_SUBMIT}
