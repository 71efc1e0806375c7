"""The applicant walks through all ten parts, answering, skipping, adding list entries and
sending each part for review; after a restart the wizard reopens where she stopped."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.review import SectionStatus
from asylum_prep.forms.registry import STEPS
from asylum_prep.services import answers, cases
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID

PREFIX = state.W_WZ_ANSWER_PREFIX


def open_story(make_app: Any, actor: Any, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id})
    at.run()
    at.switch_page(BY_ID["story"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def answer_box(at: AppTest) -> tuple[str, Any] | None:
    """(kind, widget) of the answer box on screen, if any."""
    for kind in ("text_input", "text_area", "radio", "selectbox", "multiselect"):
        for widget in getattr(at, kind):
            if (widget.key or "").startswith(PREFIX):
                return kind, widget
    return None


def fill(kind: str, widget: Any) -> None:
    path = widget.key[len(PREFIX):]
    if kind == "radio":
        widget.set_value(widget.options[0] if "perpetrator" not in path else "police")
    elif kind == "selectbox":
        widget.set_value("IR")
    elif kind == "multiselect":
        widget.set_value(["political_opinion"])
    elif path.endswith("a_number"):
        widget.input("A123456789")
    elif path.endswith(("date", "start", "arrived", "left", "filed_on", "end", "end_date")):
        widget.input("حدود پاییز ۱۴۰۱")
    else:
        widget.input(f"answer for {path.split('.')[-1]}")


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def has_button(at: AppTest, key: str) -> bool:
    return any(b.key == key for b in at.button)


def current_part(at: AppTest) -> str:
    return at.selectbox(key=state.W_WZ_PART).value


def walk_part(at: AppTest, *, stop_after: int | None = None) -> int:
    """Answer every screen of the current part (one list entry per list), send it for
    review at the end, then go to the next part. Returns the screens answered."""
    part = current_part(at)
    answered = 0
    for _ in range(80):
        if has_button(at, state.W_WZ_SUBMIT):
            click(at, state.W_WZ_SUBMIT)
            assert any("Sent to your legal team" in s.value for s in at.success)
            click(at, state.W_WZ_NEXT)
            return answered
        if stop_after is not None and answered >= stop_after:
            return answered
        if has_button(at, state.W_WZ_ADD):  # a list overview
            if not any((b.key or "").startswith(state.W_WZ_EDIT_PREFIX) for b in at.button):
                click(at, state.W_WZ_ADD)
                kind, widget = answer_box(at)
                fill(kind, widget)
                click(at, state.W_WZ_DONE)
                assert any(b.key.startswith(state.W_WZ_EDIT_PREFIX) for b in at.button)
            click(at, state.W_WZ_NEXT)
            answered += 1
            continue
        box = answer_box(at)
        assert box is not None, f"no answer box in part {part}"
        kind, widget = box
        if answered % 5 == 4 and has_button(at, state.W_WZ_UNKNOWN):
            click(at, state.W_WZ_UNKNOWN)
        else:
            fill(kind, widget)
            click(at, state.W_WZ_NEXT)
            errors = [e.value for e in at.error]
            assert not errors, errors
        answered += 1
    raise AssertionError(f"part {part} did not end")


def test_applicant_completes_every_part_and_resumes(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    assert at.selectbox(key=state.W_WZ_PART).value == "about"
    for step in STEPS:
        assert current_part(at) == step.key.value
        walk_part(at)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    for step in STEPS:
        assert answers.section_status(record, step.key.value) is SectionStatus.submitted
    assert record.about.given_names == "answer for given_names"
    assert record.incidents.items and record.incidents.items[0].date.original == "حدود پاییز ۱۴۰۱"
    assert record.incidents.items[0].date.approximate
    assert record.leaving.route[0].country == "IR"
    assert record.background.residences[0].street == "answer for street"  # Part A.III
    assert record.family.members[0].relation.value == "spouse"
    assert record.beliefs.grounds == ["political_opinion"]
    assert "unknown" in record.skipped.values()


def test_resume_after_restart_at_first_unanswered(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    walk_part(at)  # part 1 done and sent
    walk_part(at)  # part 2 (family) done and sent
    walk_part(at)  # part 3 (background: lists only) done and sent
    assert current_part(at) == "beliefs"
    kind, widget = answer_box(at)
    fill(kind, widget)
    click(at, state.W_WZ_NEXT)
    on_screen = answer_box(at)[1].key
    # a restart: a new session on the same data dir knows nothing of the old one
    again = open_story(make_app, people.applicant, people.case_id)
    assert current_part(again) == "beliefs"
    assert answer_box(again)[1].key == on_screen


def test_refused_and_stale_answers_keep_the_typed_text(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    key = PREFIX + "about.given_names"
    at.text_input(key=key).input("x" * 600)
    click(at, state.W_WZ_NEXT)
    assert any("at most 500" in e.value for e in at.error)
    assert at.text_input(key=key).value == "x" * 600  # nothing lost, still on this question
    # someone else saves the same answer meanwhile: the applicant's save is refused
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    answers.save_answer(seed_store, people.paralegal, people.case_id, path="about.given_names",
                        value="Nasrin", base_version=version)
    at.text_input(key=key).input("Nasrin Sadat")
    click(at, state.W_WZ_NEXT)
    assert any("Someone else saved" in e.value for e in at.error)
    assert at.text_input(key=key).value == "Nasrin Sadat"
    click(at, state.W_WZ_NEXT)  # having seen the message, she saves hers
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.about.given_names == "Nasrin Sadat"


def test_list_reorder_and_delete_with_confirmation(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    at.selectbox(key=state.W_WZ_PART).set_value("incidents").run()
    for place in ("Shiraz", "Tehran"):
        click(at, state.W_WZ_ADD)
        click(at, state.W_WZ_NEXT)  # date left empty
        click(at, state.W_WZ_NEXT)  # end date left empty
        at.text_input(key=next(w.key for w in at.text_input if w.key.endswith(".place"))
                      ).input(place)
        click(at, state.W_WZ_DONE)
    items = cases.open_case(seed_store, people.attorney, people.case_id).record.incidents.items
    assert [i.place for i in items] == ["Shiraz", "Tehran"]
    click(at, state.W_WZ_UP_PREFIX + items[1].id)
    items = cases.open_case(seed_store, people.attorney, people.case_id).record.incidents.items
    assert [i.place for i in items] == ["Tehran", "Shiraz"]
    click(at, state.W_WZ_DELETE_PREFIX + items[0].id)
    assert has_button(at, state.W_WZ_DELETE_YES)
    click(at, state.W_WZ_DELETE_NO)
    assert len(cases.open_case(seed_store, people.attorney, people.case_id)
               .record.incidents.items) == 2
    click(at, state.W_WZ_DELETE_PREFIX + items[0].id)
    click(at, state.W_WZ_DELETE_YES)
    items = cases.open_case(seed_store, people.attorney, people.case_id).record.incidents.items
    assert [i.place for i in items] == ["Shiraz"]


def test_home_shows_progress_over_the_parts(make_app, people, seed_store) -> None:
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    answers.save_answer(seed_store, people.applicant, people.case_id, path="fear.who",
                        value="The police", base_version=version)
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    bars = [p.proto.text for p in at.get("progress")]
    assert any(text.startswith("1 of ") for text in bars), bars
