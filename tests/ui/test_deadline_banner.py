"""The case dashboard's deadline banner says each thing once: an exception claimed, a late
filing and a deadline that cannot be computed were each said twice (a line and a note)."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.services import cases
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.unit.legal.factories import arrival, fd


def _dashboard(make_app: Callable[..., AppTest], people: People, store: Store,
               *, arrived: str | None, filed: str | None) -> str:
    opened = cases.open_case(store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.timing.changed_circumstances = "The new law of 2022 made my religion a crime."
    if arrived:
        record.leaving.entries = [arrival(arrived)]
    if filed:
        record.timing.filed_on = fd(filed)
    cases.save_record(store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception
    return "\n".join(e.value for kind in (at.caption, at.warning, at.error, at.success, at.info)
                     for e in kind)


def test_exception_and_late_filing_are_said_once(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    shown = _dashboard(make_app, people, seed_store, arrived="2020-01-10", filed="2022-05-01")
    assert shown.count("An exception is claimed") == 1
    assert "changed or extraordinary circumstances" in shown
    assert shown.count("after the deadline") + shown.count("after the one-year deadline") == 1


def test_a_deadline_that_cannot_be_computed_is_said_once(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    shown = _dashboard(make_app, people, seed_store, arrived=None, filed=None)
    assert shown.count("cannot be computed") == 1
    assert "Ask for the date of the last arrival" in shown
    assert shown.count("An exception is claimed") == 1


def test_next_step_is_translated(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    from asylum_prep.i18n import translator

    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    at.switch_page(BY_ID["case"].script).run()
    shown = " ".join(m.value for m in at.markdown)
    # the next step reads as the question to ask the client, in the reader's language
    asked = translator("fa")("Ask the client: {question}", question="")
    assert asked and asked in shown
    assert "Ask the client" not in shown and "Next step" not in shown
