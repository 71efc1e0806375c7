"""The review page shows dates as the wizard does: in the reader's calendar and digits (Solar
Hijri for Persian), never as ISO strings, in the answer and in its history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.i18n import translator
from asylum_prep.i18n_dates import format_fuzzy
from asylum_prep.services import answers, cases
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import answers_shown

BORN = FuzzyDate(iso=date(1990, 3, 21), precision=Precision.day)
LEFT = FuzzyDate(iso=date(2022, 10, 1), precision=Precision.month, approximate=True,
                 original="about autumn 1401")


def _review(make_app: Callable[..., AppTest], people: People, store: Store,
            lang: str) -> AppTest:
    v = cases.open_case(store, people.attorney, people.case_id).version
    v = answers.save_answer(store, people.applicant, people.case_id, path="about.birth_date",
                            value=BORN, base_version=v)
    answers.save_answer(store, people.applicant, people.case_id, path="about.birth_date",
                        value=LEFT, base_version=v)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: lang}).run()
    at.switch_page(BY_ID["review"].script).run()
    at.session_state[state.W_RV_MORE_PREFIX + "about.birth_date"] = True  # its history box
    at.selectbox(key=state.W_RV_SECTION).set_value("about").run()
    assert not at.exception
    at.button(key=state.W_RV_HISTORY_PREFIX + "about.birth_date").click().run()
    assert not at.exception
    return at


def test_review_dates_in_solar_hijri_for_persian(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    at = _review(make_app, people, seed_store, "fa")
    shown = answers_shown(at)
    fa = translator("fa")
    assert any(format_fuzzy(LEFT, fa, with_gregorian=True) in s and "autumn 1401" in s
               for s in shown)
    assert format_fuzzy(BORN, fa, with_gregorian=True) in shown  # in the history
    assert "۱۳۶۹" in format_fuzzy(BORN, fa)  # 1 Farvardin 1369
    joined = " ".join(shown)
    assert "1990-03-21" not in joined and "2022-10" not in joined and "'iso'" not in joined


def test_review_dates_in_english(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    at = _review(make_app, people, seed_store, "en")
    shown = " ".join(answers_shown(at))
    assert "March 21, 1990" in shown or "21 March 1990" in shown
    assert "1990-03-21" not in shown
