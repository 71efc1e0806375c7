"""The sidebar language picker always shows the session's language, on every page.

Streamlit keys widget state by page as well as by key, so a page visited before the language
changed used to bring its picker back with the old language (seen on the country library and
evidence pages: a Persian page with "English" in the picker)."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People

STAFF_PAGES = ("case", "library", "evidence", "documents", "review", "translate", "cases",
               "account")


def test_picker_follows_the_language_on_every_page(
    make_app: Callable[..., AppTest], people: People
) -> None:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    for page_id in ("library", "evidence", "case"):  # visited in English first
        at.switch_page(BY_ID[page_id].script).run()
        assert at.selectbox(key=state.W_LANG).value == "en"
    at.selectbox(key=state.W_LANG).select("fa").run()
    assert at.session_state[state.LANG] == "fa"
    for page_id in (*STAFF_PAGES, "library", "evidence"):
        at.switch_page(BY_ID[page_id].script).run()
        assert not at.exception, page_id
        assert at.selectbox(key=state.W_LANG).value == "fa", page_id
    at.selectbox(key=state.W_LANG).select("es").run()
    at.switch_page(BY_ID["library"].script).run()
    assert at.selectbox(key=state.W_LANG).value == "es"
    assert at.session_state[state.LANG] == "es"


def test_picker_shows_the_profile_language_after_sign_in(
    make_app: Callable[..., AppTest], people: People
) -> None:
    at = make_app(people.paralegal, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    for page_id in ("evidence", "library"):
        at.switch_page(BY_ID[page_id].script).run()
        assert at.selectbox(key=state.W_LANG).value == "fa", page_id
