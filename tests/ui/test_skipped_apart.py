"""The team's screens tell "I don't know" and "Skipped for now" apart (record.skipped), on
the review page and in the dashboard's filing readiness, never as the same empty value."""

from __future__ import annotations

from asylum_prep.services import answers, cases, review
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.ui.conftest import answers_shown, texts

UNKNOWN = "Your client does not know."
SKIPPED = "Skipped for now"


def _mark(store, people) -> None:
    v = cases.open_case(store, people.attorney, people.case_id).version
    v = answers.mark_unknown(store, people.applicant, people.case_id, path="fear.who",
                             base_version=v, kind="unknown")
    v = answers.mark_unknown(store, people.applicant, people.case_id, path="fear.what_harm",
                             base_version=v, kind="skip")
    v = review.submit_section(store, people.applicant, people.case_id, section="fear",
                              base_version=v)
    # on the dashboard: Part A.I, item 16 not known; Part B, item 1.B (fear) skipped
    answers.mark_unknown(store, people.applicant, people.case_id, path="about.ethnicity",
                         base_version=v, kind="unknown")


def test_review_page_says_unknown_and_skipped_apart(make_app, people, seed_store) -> None:
    _mark(seed_store, people)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page(BY_ID["review"].script).run()
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = answers_shown(at)
    assert shown.count(UNKNOWN) == 1 and shown.count(SKIPPED) == 1


def test_dashboard_readiness_says_them_apart_in_persian(make_app, people, seed_store) -> None:
    _mark(seed_store, people)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    everything = texts(at)
    assert "موکل شما نمی‌داند." in everything
    assert "فعلاً رد شده" in everything
    assert UNKNOWN not in everything and "I don't know" not in everything
