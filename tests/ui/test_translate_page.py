"""The translator's page in AppTest: the original beside the English box, status badges and
filters, a save per answer, and a stale save that keeps the typed text."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.services import answers, cases, translations
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import html_bodies, texts

WHO = "مأموران امنیتی"
WHY = "چون در اعتراضات شرکت کردم."


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _seed(store: Store, people: People) -> None:
    translations.set_answer_language(store, people.attorney, people.case_id, language="fa",
                                     base_version=_version(store, people))
    for path, value in (("fear.who", WHO), ("fear.why", WHY)):
        answers.save_answer(store, people.applicant, people.case_id, path=path, value=value,
                            base_version=_version(store, people))


def _open(make_app: Any, actor: Any, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id})
    at.run()
    at.switch_page(BY_ID["translate"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_translator_translates_side_by_side(make_app: Any, people: People,
                                            seed_store: Store) -> None:
    _seed(seed_store, people)
    at = _open(make_app, people.translator, people.case_id)
    assert [t.value for t in at.title] == ["Translations"]
    # the original in its own script, as escaped plain text with dir="auto"
    bodies = "\n".join(html_bodies(at))
    assert WHO in bodies and 'dir="auto"' in bodies and 'lang="fa"' in bodies
    assert any("Who are you afraid of?" in m.value for m in at.markdown)
    box = at.text_area(key=state.W_TR_TEXT_PREFIX + "fear.who")
    box.input("Security agents")
    at.button(key=state.W_TR_SAVE_PREFIX + "fear.who").click().run()
    assert not at.exception
    assert any("The translation was saved." in s.value for s in at.success)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.translations["fear.who"].text == "Security agents"
    # the default filter hides current translations; "Translated" shows them again
    assert not any(w.key == state.W_TR_TEXT_PREFIX + "fear.who" for w in at.text_area)
    at.multiselect(key=state.W_TR_FILTER).set_value(["current"]).run()
    keys = [w.key for w in at.text_area]
    assert keys == [state.W_TR_TEXT_PREFIX + "fear.who"]
    assert "Translated" in texts(at)


def test_stale_marking_and_stale_save_keep_the_text(make_app: Any, people: People,
                                                     seed_store: Store) -> None:
    _seed(seed_store, people)
    translations.save_translation(seed_store, people.translator, people.case_id,
                                  path="fear.why", text="Because I protested.",
                                  base_version=_version(seed_store, people))
    answers.save_answer(seed_store, people.applicant, people.case_id, path="fear.why",
                        value="چون در اعتراضات دانشگاه شرکت کردم.",
                        base_version=_version(seed_store, people))
    at = _open(make_app, people.translator, people.case_id)
    assert "Out of date" in texts(at)
    assert any("changed this answer after it was translated" in w.value for w in at.warning)
    box = at.text_area(key=state.W_TR_TEXT_PREFIX + "fear.why")
    assert box.value == "Because I protested."
    # meanwhile the applicant changes the answer again: the save is refused, text kept
    answers.save_answer(seed_store, people.applicant, people.case_id, path="fear.why",
                        value="چون در اعتراضات دانشگاه تهران شرکت کردم.",
                        base_version=_version(seed_store, people))
    box.input("Because I took part in the university protests.")
    at.button(key=state.W_TR_SAVE_PREFIX + "fear.why").click().run()
    assert not at.exception
    assert any("your text is still in the box" in e.value for e in at.error)
    assert at.text_area(key=state.W_TR_TEXT_PREFIX + "fear.why").value == (
        "Because I took part in the university protests.")
    assert "تهران" in "\n".join(html_bodies(at))  # the new words are shown
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.translations["fear.why"].text == "Because I protested."
    # saving again (now based on the new words) makes it current
    at.button(key=state.W_TR_SAVE_PREFIX + "fear.why").click().run()
    assert any("The translation was saved." in s.value for s in at.success)
    items = {i.path: i for i in translations.list_translation_items(
        seed_store, people.attorney, people.case_id)}
    assert items["fear.why"].status == "current"


def test_attorney_sets_the_answer_language(make_app: Any, people: People,
                                           seed_store: Store) -> None:
    at = _open(make_app, people.attorney, people.case_id)
    at.selectbox(key=state.W_TR_LANGUAGE).set_value("ti")
    at.button(key=state.W_TR_LANGUAGE_SAVE).click().run()
    assert not at.exception
    assert any("language of the answers was saved" in s.value for s in at.success)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.filing.answer_language == "ti"
    # the translator sees no language picker
    at = _open(make_app, people.translator, people.case_id)
    assert not any(s.key == state.W_TR_LANGUAGE for s in at.selectbox)
