"""Requests the applicant can read, in AppTest: the attorney picks a request template on the
review page, the applicant reads it in Persian with the answer named in Persian; the team's
own English words are marked as English until the case translator translates them, and then
she reads the translation."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.review import SectionStatus
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.i18n import translator
from asylum_prep.services import answers, cases, review
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import answer_languages, answers_shown, texts

WORDS = "You left Iran on 2 December 2022, but this incident is dated 15 January 2023."
FARSI = "شما در ۱۱ آذر ۱۴۰۱ از ایران خارج شدید، اما تاریخ این رویداد ۲۵ دی ۱۴۰۱ است."


def _page(make_app: Any, actor: Any, case_id: str, page: str, **extra: Any) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, **extra})
    at.run()
    at.switch_page(BY_ID[page].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _persian(make_app: Any, people: People) -> AppTest:
    return _page(make_app, people.applicant, people.case_id, "story",
                 **{state.LANG: "fa", state.LANG_CHOSEN: True})


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _submitted(store: Store, people: People) -> None:
    v = answers.save_answer(store, people.applicant, people.case_id, path="fear.who",
                            value="مأموران امنیتی", base_version=_version(store, people))
    review.submit_section(store, people.applicant, people.case_id, section="fear",
                          base_version=v)


def test_templated_request_reads_in_persian(make_app: Any, people: People,
                                            seed_store: Store) -> None:
    _submitted(seed_store, people)
    at = _page(make_app, people.attorney, people.case_id, "review")
    at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True  # open its comment box
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    picker = at.selectbox(key=state.W_RV_TEMPLATE_PREFIX + "fear.who")
    assert "Write my own" in picker.options
    assert any(o.startswith("Please tell us more about who did this (") for o in picker.options)
    picker.set_value("who_did_this").run()
    at.button(key=state.W_RV_REQUEST_PREFIX + "fear.who").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert answers.section_status(record, "fear") is SectionStatus.changes_requested
    assert [(c.template, c.text) for c in record.comments] == [("who_did_this", "")]

    app = _persian(make_app, people)
    fa = translator("fa")
    item = answer_label(record, "fear.who").text(fa)
    assert fa("Who are you afraid of?") in item and "afraid" not in item
    sentence = fa("Please tell us more about who did this ({item}).", item=item)
    assert sentence.startswith("لطفاً") and any(t.value == sentence for t in app.text)
    shown = texts(app)
    assert "Please tell us more" not in shown and "who did this" not in shown
    assert "Written in English" not in shown and fa("Written in English") not in shown


def test_free_text_is_marked_english_until_the_translator_translates_it(
        make_app: Any, people: People, seed_store: Store) -> None:
    _submitted(seed_store, people)
    review.request_changes(seed_store, people.attorney, people.case_id, section="fear",
                           path="fear.who", comment=WORDS, base_version=_version(seed_store,
                                                                                 people))
    [comment] = cases.open_case(seed_store, people.attorney, people.case_id).record.comments
    fa = translator("fa")

    before = _persian(make_app, people)
    assert any(c.value == fa("Written in English") for c in before.caption)
    assert answer_languages(before)[WORDS] == "en"  # left to right on her Persian screen

    staff = _page(make_app, people.attorney, people.case_id, "review")
    staff.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert any(c.value == "Written in English" for c in staff.caption)

    tr = _page(make_app, people.translator, people.case_id, "translate")
    assert "Requests to the applicant" in [h.value for h in tr.subheader]
    tr.text_area(key=state.W_TR_REQ_TEXT_PREFIX + comment.id).input(FARSI)
    tr.button(key=state.W_TR_REQ_SAVE_PREFIX + comment.id).click().run()
    assert not tr.exception and not tr.error, [e.value for e in tr.error]
    assert any("The translation was saved." in s.value for s in tr.success)
    saved = cases.open_case(seed_store, people.attorney, people.case_id).record.comments[0]
    assert (saved.translation, saved.translated_by) == (FARSI, people.translator.id)

    after = _persian(make_app, people)
    assert FARSI in answers_shown(after)
    assert WORDS not in answers_shown(after)
    assert any(c.value == fa("Translated by your legal team's translator")
               for c in after.caption)
    assert not any(c.value == fa("Written in English") for c in after.caption)
