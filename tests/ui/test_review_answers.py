"""The review page shows each answer in its own direction and language, and no raw values: an
applicant's Persian words on an English screen sit in an element with `dir="auto"` and
`lang="fa"`, a chosen country by its name in the reader's language (never its code), and the
history's times written out."""

from __future__ import annotations

import re
from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep import countries
from asylum_prep.services import answers, cases, translations
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import answer_languages, texts

PERSIAN = "مأموران اطلاعات به خانهٔ ما آمدند."


def _seed(store: Store, people: People) -> None:
    v = cases.open_case(store, people.attorney, people.case_id).version
    v = translations.set_answer_language(store, people.attorney, people.case_id, language="fa",
                                         base_version=v)
    v = answers.save_answer(store, people.applicant, people.case_id, path="about.birth_country",
                            value="IR", base_version=v)
    v = answers.save_answer(store, people.applicant, people.case_id, path="about.ethnicity",
                            value="فارس", base_version=v)  # an earlier answer, for the history
    answers.save_answer(store, people.applicant, people.case_id, path="about.ethnicity",
                        value=PERSIAN, base_version=v)


def _review(make_app: Callable[..., AppTest], people: People, lang: str) -> AppTest:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: lang}).run()
    at.switch_page(BY_ID["review"].script).run()
    at.selectbox(key=state.W_RV_SECTION).set_value("about").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_persian_answer_is_right_to_left_on_an_english_screen(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    _seed(seed_store, people)
    at = _review(make_app, people, "en")
    shown = answer_languages(at)
    assert shown.get(PERSIAN) == "fa", shown  # her words: dir="auto", in Persian
    assert shown["Iran"] == "en"  # the country, named in the screen's language
    assert shown["Not answered"] == "en"
    assert "IR" not in shown


def test_the_country_is_named_in_persian_and_history_times_are_written_out(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    _seed(seed_store, people)
    at = _review(make_app, people, "fa")
    assert countries.name("IR", "fa") in answer_languages(at)
    at.session_state[state.W_RV_MORE_PREFIX + "about.ethnicity"] = True  # open its history box
    at.run()
    at.button(key=state.W_RV_HISTORY_PREFIX + "about.ethnicity").click().run()
    everything = texts(at)
    assert "نسخهٔ" in everything or "نسخه" in everything
    history = [line for line in everything.splitlines() if "نسخهٔ" in line]
    assert history and not [line for line in history
                            if re.search(r"[0-9]{4}-[0-9]{2}|[0-9]:[0-9]", line)], history
