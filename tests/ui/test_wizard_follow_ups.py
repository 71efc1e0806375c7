"""The wizard asks version 2's questions on screen only when they apply: how long she was
held after "yes" to being held, how often she was threatened after "yes" to threats, no
injury questions after "No, I was not hurt", the armed-group questions after a "yes" in
screening, an exception's date after its text. Driven through the real app (AppTest) on a
real store, in English and in Persian."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import DetentionLength, InjuryLevel, TargetReason
from asylum_prep.domain.journey import HelpKind, Voluntariness
from asylum_prep.i18n import translator
from asylum_prep.services import cases
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.ui.test_wizard_flow import PREFIX, answer_box, click, has_button, open_story


def _field(widget: Any) -> str:
    return str(widget.key[len(PREFIX):].rsplit(".", 1)[-1])


def _walk(at: AppTest, answers: dict[str, Any], limit: int = 40) -> list[str]:
    """Answer the screens of the list entry being edited, in order, until the wizard is back
    at the list overview: a field in `answers` gets that value, any other is left empty.
    Returns the fields asked."""
    asked: list[str] = []
    for _ in range(limit):
        if has_button(at, state.W_WZ_ADD):
            return asked
        kind, widget = answer_box(at)
        field = _field(widget)
        asked.append(field)
        if field in answers:
            value = answers[field]
            if kind in ("radio", "multiselect", "selectbox"):
                widget.set_value(value)
            else:
                widget.input(value)
        click(at, state.W_WZ_NEXT)
        assert not [e.value for e in at.error], (field, [e.value for e in at.error])
    raise AssertionError(f"the entry did not end: {asked}")


def _to_part(at: AppTest, part: str) -> None:
    at.selectbox(key=state.W_WZ_PART).set_value(part).run()
    assert not at.exception, [e.value for e in at.exception]


def test_incident_follow_ups_appear_only_when_they_apply(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    _to_part(at, "incidents")
    click(at, state.W_WZ_ADD)
    first = _walk(at, {"threatened": "no", "detained": "yes", "detention_length": "days",
                       "injury_level": "none", "target_reasons": ["money", "religion"],
                       "why_targeted": "They wanted my shop."})
    assert "threat_frequency" not in first and "threat_carried_out" not in first
    assert first.index("detention_length") == first.index("detained") + 1
    assert "injuries" not in first and "treatment" not in first  # she was not hurt
    assert first.index("why_targeted") + 1 == first.index("target_reasons")
    click(at, state.W_WZ_ADD)
    second = _walk(at, {"threatened": "yes", "threat_frequency": "several",
                        "threat_carried_out": "yes", "detained": "no",
                        "injury_level": "treated", "injuries": "A broken finger."})
    assert second.index("threat_frequency") == second.index("threatened") + 1
    assert second.index("threat_carried_out") == second.index("threatened") + 2
    assert "detention_length" not in second
    assert second.index("injury_level") + 1 == second.index("injuries")
    assert "treatment" in second
    one, two = cases.open_case(seed_store, people.attorney, people.case_id).record.incidents.items
    assert one.detention_length is DetentionLength.days and one.injury_level is InjuryLevel.none
    assert one.target_reasons == [TargetReason.money, TargetReason.religion]
    assert one.injuries == "" and one.why_targeted == "They wanted my shop."
    assert two.threatened is YesNo.yes and two.threat_carried_out is YesNo.yes
    assert two.injury_level is InjuryLevel.treated and two.injuries == "A broken finger."


def test_the_choices_read_as_she_would_say_them_in_persian(make_app, people, seed_store
                                                           ) -> None:
    t = translator("fa")
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.LANG: "fa",
                                       state.LANG_CHOSEN: True})
    at.run()
    at.switch_page(BY_ID["story"].script).run()
    _to_part(at, "incidents")
    click(at, state.W_WZ_ADD)
    for _ in range(20):
        kind, widget = answer_box(at)
        if _field(widget) == "injury_level":
            break
        click(at, state.W_WZ_NEXT)
    assert kind == "radio" and widget.label == t("Were you hurt?") != "Were you hurt?"
    shown = list(widget.options)  # as drawn: the translated labels
    assert t("No, I was not hurt") in shown and t("I don't know") in shown
    assert not has_button(at, state.W_WZ_UNKNOWN)  # "I don't know" is one of the choices
    click(at, state.W_WZ_NEXT)  # nothing chosen: the injuries are still asked
    _, widget = answer_box(at)
    assert _field(widget) == "injuries"
    assert widget.label == t("If you were hurt, what were your injuries? Tell it in your own "
                             "words.")


def test_screening_and_timing_follow_ups(make_app, people, seed_store) -> None:
    at = open_story(make_app, people.applicant, people.case_id)
    _to_part(at, "screening")
    asked: list[str] = []
    answers = {"armed_groups": "yes", "armed_group_kind": "non_state",
               "armed_group_help": ["food", "transport"], "armed_group_voluntary": "forced",
               "armed_group_duration": "months", "harmed_others": "no"}
    for _ in range(40):
        if has_button(at, state.W_WZ_SUBMIT):
            break
        kind, widget = answer_box(at)
        field = _field(widget)
        asked.append(field)
        if field in answers:
            widget.set_value(answers[field])
        elif kind == "radio":
            widget.set_value("no")
        click(at, state.W_WZ_NEXT)
    assert "harmed_others_voluntary" not in asked  # she said no
    start = asked.index("armed_groups_detail") + 1
    assert asked[start:start + 4] == ["armed_group_kind", "armed_group_help",
                                      "armed_group_voluntary", "armed_group_duration"]
    screening = cases.open_case(seed_store, people.attorney, people.case_id).record.screening
    assert screening.armed_group_help == [HelpKind.food, HelpKind.transport]
    assert screening.armed_group_voluntary is Voluntariness.forced

    _to_part(at, "timing")
    asked = []
    for _ in range(10):
        if has_button(at, state.W_WZ_SUBMIT):
            break
        kind, widget = answer_box(at)
        field = _field(widget)
        asked.append(field)
        if field == "changed_circumstances":
            widget.input("In May my brother was arrested and asked about me.")
        elif field == "changed_circumstances_date":
            widget.input("around May 2023")
        click(at, state.W_WZ_NEXT)
    assert asked.index("changed_circumstances_date") == asked.index("changed_circumstances") + 1
    assert "extraordinary_circumstances_end" not in asked  # nothing written beside it
    timing = cases.open_case(seed_store, people.attorney, people.case_id).record.timing
    assert timing.changed_circumstances_date is not None
    assert timing.changed_circumstances_date.approximate
