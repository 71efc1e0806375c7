"""The idle timeout clears the screen without a click: `session.idle_timer` is a fragment
that reruns itself every minute on signed-in pages. Its runs never count as activity; once
the timeout has passed it signs out and reruns the whole app."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.config import Settings
from asylum_prep.ui import session, state
from tests.support import People


def _timer_script() -> None:
    import streamlit as st

    from asylum_prep.ui import session
    from asylum_prep.ui.store import get_store

    session.idle_timer(get_store(session.session_translator()))
    session.show_flash()
    st.write("signed in" if session.current_actor() else "signed out")


def _run(people: People, last: float) -> AppTest:
    at = AppTest.from_function(_timer_script, default_timeout=30)
    at.session_state[state.ACTOR] = people.attorney
    at.session_state[state.LAST_ACTIVITY] = last
    return at.run()


def test_timer_runs_do_not_count_as_activity(app_settings: Settings, people: People) -> None:
    last = time.time() - 10 * 60
    at = _run(people, last)
    assert not at.exception
    assert at.markdown[-1].value == "signed in"
    assert at.session_state[state.LAST_ACTIVITY] == last  # not moved by the timer


def test_timer_signs_out_after_the_timeout(app_settings: Settings, people: People) -> None:
    at = _run(people, time.time() - (app_settings.idle_timeout_minutes * 60 + 5))
    assert not at.exception
    assert at.markdown[-1].value == "signed out"
    assert state.ACTOR not in at.session_state
    assert any("without activity" in i.value for i in at.info)


@pytest.mark.parametrize(("age", "expired"), [(0, False), (30 * 60, False), (30 * 60 + 1, True)])
def test_idle_expired(age: int, expired: bool) -> None:
    now = 1_000_000.0
    assert session.idle_expired(now - age, now, 30) is expired
    assert session.idle_expired(None, now, 30) is False

