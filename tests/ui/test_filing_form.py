"""The filing details form on the documents page (AppTest): staff save caption facts; a bad
email is refused with a message and saves nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.record import Forum
from asylum_prep.services import cases
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People


def _open(make_app: Any, actor: Any, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, state.W_FILING_OPEN: True})  # opened
    at.run()
    at.switch_page(BY_ID["documents"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at: AppTest, label: str) -> Any:
    return next(w for w in at.text_input if w.label == label)


def _save(at: Any) -> Any:
    """The filing form's submit button (the top bar's sign-out comes first on the page)."""
    return next(b for b in at.button if b.label == "Save filing details")


def test_paralegal_saves_caption_facts(make_app: Any, people: People, seed_store: Store) -> None:
    at = _open(make_app, people.paralegal, people.case_id)
    _text(at, "Judge or member").input("Hon. A. Example")
    _text(at, "Court or office").input("Immigration Court, Chicago, Illinois")
    at.date_input[0].set_value(date(2027, 3, 15))
    at.selectbox[0].set_value(Forum.us_immigration_court)
    _save(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    filing = cases.open_case(seed_store, people.attorney, people.case_id).record.filing
    assert filing.judge == "Hon. A. Example" and filing.next_hearing == date(2027, 3, 15)
    assert filing.forum.value == "us_immigration_court" and filing.proceeding.value == "defensive"
    assert any("Filing details saved." in i.value for i in at.info)
    assert "March 15, 2027" in [c.value for c in at.caption]  # the saved day, written out


def test_bad_email_is_refused_and_nothing_saved(make_app: Any, people: People,
                                                seed_store: Store) -> None:
    before = cases.open_case(seed_store, people.attorney, people.case_id).version
    at = _open(make_app, people.attorney, people.case_id)
    _text(at, "Counsel's email").input("not an email")
    _save(at).click().run()
    assert any("does not look right" in e.value for e in at.error)
    assert cases.open_case(seed_store, people.attorney, people.case_id).version == before


def test_the_form_is_drawn_only_once_opened(make_app: Any, people: People) -> None:
    at = make_app(people.paralegal, **{state.CASE_ID: people.case_id})
    at.run()
    at.switch_page(BY_ID["documents"].script).run()
    assert not [w for w in at.text_input if w.label == "Judge or member"]
    at.session_state[state.W_FILING_OPEN] = True  # what a click on the expander sets
    at.run()
    assert _text(at, "Judge or member").value == ""
