"""Sign-out sits at the top of the main area of every signed-in page (test_pages checks each
page); this checks that it really signs out, audited, with the usual message, in her language."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID


def _actions(store: Any) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(e.action, e.detail) for e in s.exec(select(AuditEvent))]


def test_top_sign_out_signs_out_from_any_page(make_app, people, seed_store) -> None:
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    at.switch_page(BY_ID["story"].script).run()
    assert not at.exception
    button = at.main.button(key=state.W_TOP_SIGN_OUT)
    assert button.label == "خروج از حساب"
    button.click().run()
    assert not at.exception
    for key in (state.ACTOR, state.CASE_ID, state.LAST_ACTIVITY):
        assert key not in at.session_state
    assert ("sign_out", "user") in _actions(seed_store)
    assert not any(b.key == state.W_TOP_SIGN_OUT for b in at.button)  # signed-out pages: none


def test_staff_see_sign_out_but_no_quick_exit(make_app, people) -> None:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    keys = [b.key for b in at.main.button]
    assert state.W_TOP_SIGN_OUT in keys
    assert state.W_QUICK_EXIT not in keys
