"""An attorney requests a change on one answer; the applicant sees the request on her
wizard, answers it, changes the answer and sends the part again; the attorney approves."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.review import SectionStatus
from asylum_prep.services import answers, cases, review
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.ui.conftest import answers_shown


def _page(make_app, actor, case_id: str, page: str, **extra) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, **extra})
    at.run()
    at.switch_page(BY_ID[page].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _prepare(store, people) -> None:
    v = cases.open_case(store, people.attorney, people.case_id).version
    v = answers.save_answer(store, people.applicant, people.case_id, path="fear.who",
                            value="The police", base_version=v)
    v = answers.save_answer(store, people.applicant, people.case_id,
                            path="screening.returned_home", value="yes", base_version=v)
    review.submit_section(store, people.applicant, people.case_id, section="fear",
                          base_version=v)


def test_request_change_answer_and_approve(make_app, people, seed_store) -> None:
    _prepare(seed_store, people)
    # the attorney reviews part 7
    at = _page(make_app, people.attorney, people.case_id, "review")
    assert any("screening answer is \"yes\"" in w.value for w in at.warning)
    at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True  # open its comment box
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert "The police" in answers_shown(at)
    at.text_area(key=state.W_RV_COMMENT_PREFIX + "fear.who").input("Which police unit was it?")
    _click(at, state.W_RV_REQUEST_PREFIX + "fear.who")
    assert any("change was requested" in s.value for s in at.success)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert answers.section_status(record, "fear") is SectionStatus.changes_requested
    comment = record.comments[0]

    # the applicant, in Persian, sees the request and answers it
    app = _page(make_app, people.applicant, people.case_id, "story", **{state.LANG: "fa"})
    assert "Which police unit was it?" in answers_shown(app)
    app.text_area(key=state.W_WZ_REPLY_PREFIX + comment.id).input("The intelligence police.")
    _click(app, state.W_WZ_REPLY_SEND_PREFIX + comment.id)
    assert not app.error, [e.value for e in app.error]
    _click(app, state.W_WZ_GOTO_PREFIX + comment.id)
    box = app.text_area(key=state.W_WZ_ANSWER_PREFIX + "fear.who")
    assert box.value == "The police" and not box.disabled
    box.input("The intelligence police")
    _click(app, state.W_WZ_NEXT)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.fear.who == "The intelligence police"
    assert record.comments[0].reply == "The intelligence police."
    v = cases.open_case(seed_store, people.attorney, people.case_id).version
    review.submit_section(seed_store, people.applicant, people.case_id, section="fear",
                          base_version=v)

    # the attorney sees the reply and the history, settles the comment and approves
    at = _page(make_app, people.attorney, people.case_id, "review")
    assert any("replied to a comment" in w.value for w in at.warning)
    at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True  # open its comment box
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert "The intelligence police." in answers_shown(at)
    _click(at, state.W_RV_HISTORY_PREFIX + "fear.who")
    shown = answers_shown(at)
    assert "The police" in shown and "The intelligence police" in shown
    _click(at, state.W_RV_RESOLVE_PREFIX + comment.id)
    _click(at, state.W_RV_APPROVE)
    assert any(s.value == "Approved" for s in at.success)  # the part turns green
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert answers.section_status(record, "fear") is SectionStatus.approved

    # the part is now read-only for the applicant
    app = _page(make_app, people.applicant, people.case_id, "story")
    app.selectbox(key=state.W_WZ_PART).set_value("fear").run()
    assert any("approved this part" in i.value for i in app.info)
    boxes = [x for x in app.text_area if x.key.startswith(state.W_WZ_ANSWER_PREFIX)]
    assert boxes and all(x.disabled for x in boxes)
    assert not any(b.key in (state.W_WZ_UNKNOWN, state.W_WZ_SKIP) for b in app.button)


def test_paralegal_comments_but_cannot_approve(make_app, people, seed_store) -> None:
    _prepare(seed_store, people)
    at = _page(make_app, people.paralegal, people.case_id, "review")
    at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True  # open its comment box
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert not any(b.key == state.W_RV_APPROVE for b in at.button)
    assert not any(b.key == state.W_RV_REQUEST_PREFIX + "fear.who" for b in at.button)
    at.text_area(key=state.W_RV_COMMENT_PREFIX + "fear.who").input("Ask about the date too.")
    _click(at, state.W_RV_NOTE_PREFIX + "fear.who")
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.comments[0].text == "Ask about the date too."
    assert answers.section_status(record, "fear") is SectionStatus.submitted


def test_comment_box_is_drawn_only_while_open(make_app, people, seed_store) -> None:
    """A part's answers each have a comment box; closed, it is not drawn at all (the page
    stays quick with many answers), and opened it has the request controls."""
    _prepare(seed_store, people)
    at = _page(make_app, people.attorney, people.case_id, "review")
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert "The police" in answers_shown(at)
    assert not any(x.key == state.W_RV_COMMENT_PREFIX + "fear.who" for x in at.text_area)
    at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True
    at.run()
    assert any(x.key == state.W_RV_COMMENT_PREFIX + "fear.who" for x in at.text_area)
    assert any(b.key == state.W_RV_REQUEST_PREFIX + "fear.who" for b in at.button)
    boxes = {x.key for x in at.text_area if x.key.startswith(state.W_RV_COMMENT_PREFIX)}
    assert boxes == {state.W_RV_COMMENT_PREFIX + "fear.who"}  # the others stay closed


def test_what_needs_attention_follows_a_save_at_once_and_is_audited_per_visit(
        make_app, people, seed_store) -> None:
    """The list is kept per case version and page visit: a save shows on the next rerun, and
    reruns on the page (switching parts) neither read every version again nor audit again."""
    from sqlmodel import select

    from asylum_prep.storage.tables import AuditEvent

    def views() -> int:
        with seed_store.session() as session:
            return len(list(session.exec(select(AuditEvent).where(
                AuditEvent.action == "review_items_view"))))

    at = _page(make_app, people.attorney, people.case_id, "review")
    assert not any("screening answer is \"yes\"" in w.value for w in at.warning)
    base = views()  # the case list asks too
    at.selectbox(key=state.W_RV_SECTION).set_value("fear").run()
    assert views() == base
    v = cases.open_case(seed_store, people.attorney, people.case_id, audit_view=False).version
    answers.save_answer(seed_store, people.applicant, people.case_id,
                        path="screening.returned_home", value="yes", base_version=v)
    at.run()
    assert any("screening answer is \"yes\"" in w.value for w in at.warning)
    assert views() == base + 1  # a new version: asked again
    at.switch_page(BY_ID["account"].script).run()
    at.switch_page(BY_ID["review"].script).run()
    assert not at.exception
    assert views() == base + 2  # a new visit
