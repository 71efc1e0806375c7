"""The declaration pages in AppTest: the team edits a paragraph and sees the changed answer old
beside new; the applicant confirms paragraph by paragraph in Persian, asks a question, then
confirms the whole."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.declaration import Kind, State
from asylum_prep.services import answers, cases, declaration
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import html_bodies, texts
from tests.unit.documents.records import persian_record

BELIEF = "beliefs.beliefs_description"


def _seed(store: Store, people: People) -> str:
    version = cases.open_case(store, people.attorney, people.case_id, audit_view=False).version
    cases.save_record(store, people.attorney, people.case_id, record=persian_record(),
                      base_version=version)
    view = declaration.show_declaration(store, people.attorney, people.case_id)
    return next(p.id for p in view.paragraphs if any(s.path == BELIEF for s in p.sources))


def _open(make_app: Any, actor: Any, case_id: str, page: str, lang: str = "en") -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, state.LANG: lang})
    at.run()
    at.switch_page(BY_ID[page].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_team_edits_a_paragraph_and_sees_a_changed_answer(
        make_app: Any, people: People, seed_store: Store) -> None:
    pid = _seed(seed_store, people)
    at = _open(make_app, people.attorney, people.case_id, "declaration")
    assert [t.value for t in at.title] == ["Declaration"]
    at.text_area(key=f"{state.W_DECL_TEXT}{pid}_en").input("I have always believed in it.")
    at.button(key=f"{state.W_DECL_PREFIX}save_{pid}").click().run()
    assert not at.exception
    assert any("Saved." in s.value for s in at.success)
    view = declaration.show_declaration(seed_store, people.attorney, people.case_id)
    edited = next(p for p in view.paragraphs if p.id == pid)
    assert edited.texts["en"] == "I have always believed in it." and view.version == 2
    assert any("missing or out of date" in w.value for w in at.warning)
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    answers.save_answer(seed_store, people.applicant, people.case_id, path=BELIEF,
                        value="باور دیگری.", base_version=version)
    at = _open(make_app, people.attorney, people.case_id, "declaration")
    assert "An answer changed" in texts(at) and "When it was written" in texts(at)
    assert "باور دیگری." in "\n".join(html_bodies(at))
    at.button(key=f"{state.W_DECL_PREFIX}b_{pid}_keep").click().run()
    assert not at.exception
    view = declaration.show_declaration(seed_store, people.attorney, people.case_id)
    assert next(p for p in view.paragraphs if p.id == pid).state is State.edited


def test_the_applicant_confirms_in_persian(make_app: Any, people: People,
                                          seed_store: Store) -> None:
    pid = _seed(seed_store, people)
    at = _open(make_app, people.applicant, people.case_id, "declaration-confirm", "fa")
    assert "من به آزادی بیان باور دارم." in "\n".join(html_bodies(at))
    at.text_area(key=state.W_DECL_ASK + pid).input("این جمله کامل است؟")
    at.button(key=state.W_DECL_SEND + pid).click().run()
    assert not at.exception
    team = declaration.show_declaration(seed_store, people.attorney, people.case_id)
    assert team.open_questions == 1
    view = declaration.show_declaration(seed_store, people.applicant, people.case_id)
    for p in view.paragraphs:
        if p.kind is not Kind.heading and p.state is not State.confirmed:
            at.button(key=state.W_DECL_CONFIRM + p.id).click().run()
            assert not at.exception, [e.value for e in at.exception]
    at.button(key=state.W_DECL_CONFIRM_ALL).click().run()
    assert not at.exception
    assert declaration.show_declaration(seed_store, people.attorney, people.case_id).confirmed
    assert not any(b.key == state.W_DECL_CONFIRM_ALL for b in at.button)


def test_the_translators_queue_shows_the_words_changed(make_app: Any, people: People,
                                                      seed_store: Store) -> None:
    pid = _seed(seed_store, people)
    declaration.edit_paragraph(seed_store, people.attorney, people.case_id, paragraph_id=pid,
                               lang="en", text="I believe in freedom of expression and of faith.",
                               base_version=0)
    at = _open(make_app, people.translator, people.case_id, "translate")
    assert any("Declaration paragraphs to translate: 1" in h.value for h in at.subheader)
    assert any("+ and" in c.value and "+ faith." in c.value for c in at.caption)
    at.button(key=state.W_TR_TO_DECLARATION).click().run()
    assert not at.exception
    box = at.text_area(key=f"{state.W_DECL_TEXT}{pid}_fa")
    assert not box.disabled and at.text_area(key=f"{state.W_DECL_TEXT}{pid}_en").disabled
    box.input("من به آزادی بیان و دین باور دارم.")
    at.button(key=f"{state.W_DECL_PREFIX}save_{pid}").click().run()
    view = declaration.show_declaration(seed_store, people.attorney, people.case_id)
    assert next(p for p in view.paragraphs if p.id == pid).translation == {
        "fa": "current", "en": "current"}
