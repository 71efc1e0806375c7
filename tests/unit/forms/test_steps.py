"""Every step's questions and input model match the domain model, and validate with
translatable messages."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.record import CaseRecord, SectionKey, get_path
from asylum_prep.errors import InputRefused
from asylum_prep.forms import questions as q
from asylum_prep.forms.registry import STEPS, question_for
from asylum_prep.forms.validation import validate_answer

TODAY = date(2025, 6, 1)
LINKS = {"membership_id", "id"}  # set by the team's linking, not asked in the wizard


def test_ten_steps_in_order() -> None:
    assert [s.key for s in STEPS] == list(SectionKey)


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.key.value)
def test_questions_cover_the_domain(step) -> None:
    record = CaseRecord()
    section = getattr(record, step.key.value)
    model_fields = set(type(section).model_fields)
    asked = {x.field for x in step.questions} | {spec.path.split(".")[-1] for spec in step.lists}
    optional = {"filed_on"} if step.key is SectionKey.timing else set()
    assert asked - optional <= model_fields
    assert model_fields - asked - LINKS == set()
    assert set(step.input_model.model_fields) == asked
    for spec in step.lists:
        item_cls = type(section).model_fields[spec.path.split(".")[-1]].annotation.__args__[0]
        item_fields = set(item_cls.model_fields) - LINKS
        assert {x.field for x in spec.questions} == item_fields
        assert set(step.item_models[spec.path].model_fields) == item_fields
    for question in (*step.questions, *(x for s in step.lists for x in s.questions)):
        assert question.label and question.example and question.why
        if question.widget in (q.Widget.choice, q.Widget.multi_choice):
            assert question.choices


def test_every_incident_field_asked_in_plain_words() -> None:
    from asylum_prep.forms import incidents

    labels = dict(incidents.ITEMS.questions[3].choices)
    assert labels["state_militia"] == "A militia working with the government"
    assert labels["non_state"] == "A group that is not part of the government"
    assert labels["unknown"] == "I don't know"


def test_show_if_follow_ups() -> None:
    from asylum_prep.forms import incidents, screening

    record = CaseRecord()
    paths = [s.path for s in q.screens(screening.STEP, record)]
    assert "screening.returned_home_detail" not in paths
    record.screening.returned_home = YesNo.yes
    paths = [s.path for s in q.screens(screening.STEP, record)]
    assert paths.index("screening.returned_home_detail") == paths.index(
        "screening.returned_home") + 1
    from asylum_prep.domain.events import Incident, Perpetrator

    item = Incident(perpetrator=Perpetrator.police)
    assert "state_protection" not in [x.field for x in q.item_questions(incidents.ITEMS, item)]
    item.perpetrator = Perpetrator.non_state
    assert "state_protection" in [x.field for x in q.item_questions(incidents.ITEMS, item)]


def test_first_unanswered_and_skips() -> None:
    from asylum_prep.forms import about

    record = CaseRecord()
    assert q.first_unanswered(about.STEP, record) == 0
    record.about.given_names = "Nasrin"
    record.skipped["about.family_name"] = "skip"
    assert q.first_unanswered(about.STEP, record) == 2
    record.fear.still_looking = YesNo.no
    assert q.is_answered(record, "fear.still_looking")
    assert not q.is_answered(record, "fear.torture_fear")


def test_question_for_paths() -> None:
    found = question_for("incidents.items.ab12cd.place")
    assert found is not None and found[2].field == "place" and found[1] is not None
    assert question_for("about.given_names")[2].field == "given_names"
    assert question_for("reviews.about") is None
    assert question_for("about.nonsense") is None


# --- input models -----------------------------------------------------------------------------

def _input(section: str, list_path: str | None = None):
    step = next(s for s in STEPS if s.key.value == section)
    return step.item_models[list_path] if list_path else step.input_model


def test_about_input() -> None:
    model = _input("about")
    assert validate_answer(model, "given_names", "  Nasrin   Sadat ") == "Nasrin Sadat"
    assert validate_answer(model, "other_names", "A\nB, C\n\n") == ["A", "B", "C"]
    assert validate_answer(model, "birth_country", "ir") == "IR"
    assert validate_answer(model, "a_number", "a 123-456-789") == "A123-456-789"
    fuzzy = validate_answer(model, "birth_date", "حدود ۱۳۶۹", lang="fa", today=TODAY)
    assert fuzzy.iso == date(1990, 1, 1) and fuzzy.approximate
    for field, raw, needle in [
        ("a_number", "12", "nine digits"),
        ("birth_country", "Persia", "country from the list"),
        ("given_names", "x" * 600, "at most 500"),
        ("birth_date", "2099", "future"),
        ("other_names", "\n".join(f"n{i}" for i in range(40)), "at most 30"),
    ]:
        with pytest.raises(InputRefused) as info:
            validate_answer(model, field, raw, today=TODAY)
        assert needle in info.value.message(), field


@pytest.mark.parametrize(("section", "list_path", "field", "good", "bad"), [
    ("family", "family.members", "relation", "sibling", "cousin-ish"),
    ("family", "family.members", "harmed", "yes", "perhaps"),
    ("beliefs", None, "grounds", ["religion", "political_opinion"], ["astrology"]),
    ("beliefs", "beliefs.memberships", "start", "about 2018", "2018-02-31"),
    ("beliefs", "beliefs.activities", "kind", "protest", "party"),
    ("incidents", "incidents.items", "perpetrator", "state_militia", "aliens"),
    ("incidents", "incidents.items", "state_protection", "not_sought_dangerous", "maybe"),
    ("incidents", "incidents.items", "date", "around October 2022", "32/10/2022"),
    ("incidents", "incidents.items", "target_reasons", ["money", "religion"], ["bad luck"]),
    ("incidents", "incidents.items", "injury_level", "none", "a little"),
    ("incidents", "incidents.items", "detention_length", "weeks", "forever"),
    ("incidents", "incidents.items", "threat_frequency", "several", "twice"),
    ("incidents", "incidents.items", "threat_carried_out", "no", "half"),
    ("beliefs", None, "group_can_change", "no", "never"),
    ("beliefs", None, "social_group_name", "Women living alone", "x" * 600),
    ("beliefs", None, "wrongdoing_by_state", "yes", "the mayor"),
    ("screening", None, "armed_group_help", ["food", "transport"], ["singing"]),
    ("screening", None, "armed_group_voluntary", "forced", "half"),
    ("screening", None, "harmed_others_voluntary", "both", "maybe"),
    ("screening", None, "armed_group_duration", "years", "decades"),
    ("screening", None, "armed_group_kind", "non_state", "gang"),
    ("timing", None, "changed_circumstances_date", "around May 2023", "2023-02-30"),
    ("timing", None, "extraordinary_circumstances_end", "March 2024", "2099"),
    ("harm_to_others", "harm_to_others.legal_events", "kind", "summons", "fine"),
    ("harm_to_others", "harm_to_others.others", "perpetrator", "army", "navy"),
    ("leaving", None, "departure_date", "7 Azar 1401", "31 Esfand 1401"),
    ("leaving", "leaving.route", "country", "TR", "Turkeyland"),
    ("leaving", "leaving.entries", "kind", "arrival", "transit"),
    ("fear", None, "still_looking", "no", "sometimes"),
    ("screening", None, "harmed_others", "no", "never!"),
    ("timing", None, "filed_on", "2023-06-01", "2023-06-31"),
])
def test_step_inputs(section, list_path, field, good, bad) -> None:
    model = _input(section, list_path)
    assert validate_answer(model, field, good, today=TODAY) is not None
    with pytest.raises(InputRefused) as info:
        validate_answer(model, field, bad, today=TODAY)
    message = info.value.message()
    assert message and "{" not in message and "pydantic" not in message.lower()


def test_long_answer_limit_from_settings() -> None:
    model = _input("fear")
    assert validate_answer(model, "who", "a" * 50, max_chars=50) == "a" * 50
    with pytest.raises(InputRefused) as info:
        validate_answer(model, "who", "a" * 51, max_chars=50)
    assert "limit is 50" in info.value.message()
    with pytest.raises(InputRefused):
        validate_answer(model, "not_a_field", "x")


def test_records_paths_exist_for_every_question() -> None:
    record = CaseRecord()
    for step in STEPS:
        for question in step.questions:
            path = question.path(step.key.value)
            owner = get_path(record, path.rsplit(".", 1)[0])
            assert question.field in type(owner).model_fields


def test_input_models_are_derived_from_the_record() -> None:
    """A question names a field of the record's model, or the step cannot be built; its input
    type comes from the widget (or, for a choice, the record's own type)."""
    with pytest.raises(KeyError):
        q.Step(key=SectionKey.fear, title="Fear", intro="",
               questions=(q.Question("not_in_the_record", "Label?", "Example", "Why"),))
    step = q.Step(key=SectionKey.family, title="Family", intro="", lists=(
        q.ListSpec(path="family.members", title="", intro="", item_name="", add_label="",
                   empty_label="", summary=str, questions=(
                       q.Question("relation", "Who?", "Brother", "Why", q.Widget.choice),
                       q.Question("name", "Name?", "Reza", "Why", q.Widget.long_text))),))
    model = step.item_models["family.members"]
    assert set(model.model_fields) == {"relation", "name"}
    assert set(step.input_model.model_fields) == {"members"}
    assert validate_answer(model, "relation", "spouse") == "spouse"
    with pytest.raises(InputRefused):
        validate_answer(model, "relation", "cousin")
    assert validate_answer(model, "name", "x" * 600) == "x" * 600  # long text: no short limit


# --- version 2's questions: asked only when they apply ----------------------------------------

def _fields(spec_or_step, owner) -> list[str]:
    if isinstance(spec_or_step, q.ListSpec):
        return [x.field for x in q.item_questions(spec_or_step, owner)]
    record = CaseRecord()
    setattr(record, spec_or_step.key.value, owner)
    return [s.path.split(".")[-1] for s in q.screens(spec_or_step, record)]


def test_incident_follow_ups_only_when_they_apply() -> None:
    from asylum_prep.domain.events import Incident, InjuryLevel
    from asylum_prep.forms import incidents

    item = Incident()
    asked = _fields(incidents.ITEMS, item)
    for hidden in ("detention_length", "threat_frequency", "threat_carried_out"):
        assert hidden not in asked
    assert {"threatened", "detained", "injury_level", "injuries", "treatment",
            "why_targeted", "target_reasons"} <= set(asked)
    # how badly hurt comes before the injuries in her words; her words before the choices
    assert asked.index("injury_level") < asked.index("injuries")
    assert asked.index("why_targeted") + 1 == asked.index("target_reasons")
    item.detained = YesNo.yes
    item.threatened = YesNo.yes
    asked = _fields(incidents.ITEMS, item)
    assert asked.index("detention_length") == asked.index("detained") + 1
    assert asked[asked.index("threatened") + 1:asked.index("threatened") + 3] == [
        "threat_frequency", "threat_carried_out"]
    item.injury_level = InjuryLevel.none  # "No, I was not hurt": no questions about injuries
    asked = _fields(incidents.ITEMS, item)
    assert "injuries" not in asked and "treatment" not in asked
    item.injuries = "They pushed me but I was not hurt."  # ... unless she wrote there already
    asked = _fields(incidents.ITEMS, item)
    assert "injuries" in asked and "treatment" not in asked
    item.injury_level = InjuryLevel.minor
    assert "injuries" in _fields(incidents.ITEMS, item)


def test_incident_choices_in_the_applicants_words() -> None:
    from asylum_prep.domain.events import InjuryLevel, TargetReason
    from asylum_prep.forms import incidents

    by_field = {x.field: x for x in incidents.ITEMS.questions}
    reasons = dict(by_field["target_reasons"].choices)
    assert list(reasons) == [r.value for r in TargetReason]  # every reason, several allowed
    assert by_field["target_reasons"].widget is q.Widget.multi_choice
    assert reasons["money"] == "They wanted money from me"
    assert reasons["everyone_at_risk"] == "Everyone there was in danger"
    assert reasons["dont_know"] == "I don't know"
    levels = dict(by_field["injury_level"].choices)
    assert list(levels) == [v.value for v in InjuryLevel]
    assert levels["none"] == "No, I was not hurt"
    injuries = by_field["injuries"].label
    assert injuries.startswith("If you were hurt") and "What injuries did you have" not in injuries
    assert "own words" in by_field["why_targeted"].label
    # a choice that offers "I don't know" among its options has no second such button
    for question in incidents.ITEMS.questions:
        if "I don't know" in dict(question.choices).values():
            assert not question.allow_unknown, question.field


def test_group_and_work_questions_only_for_their_grounds() -> None:
    from asylum_prep.domain.beliefs import Beliefs, Ground
    from asylum_prep.forms import beliefs

    group = {"social_group_name", "group_shared_trait", "group_can_change",
             "group_should_not_change", "group_who_belongs", "group_seen_as_group"}
    work = {"wrongdoing_by_state", "spoke_out"}
    owner = Beliefs(grounds=[Ground.religion])
    asked = set(_fields(beliefs.STEP, owner))
    assert not asked & (group | work | {"opinion_through_work", "group_seen_detail",
                                        "spoke_out_to"})
    owner.grounds = [Ground.particular_social_group]
    asked = set(_fields(beliefs.STEP, owner))
    assert group <= asked and "group_seen_detail" not in asked and "opinion_through_work" \
        not in asked
    owner.group_seen_as_group = YesNo.yes
    assert "group_seen_detail" in _fields(beliefs.STEP, owner)
    owner.grounds = [Ground.imputed_political_opinion]
    asked = set(_fields(beliefs.STEP, owner))
    assert "opinion_through_work" in asked and not asked & (group | work)
    owner.opinion_through_work = YesNo.yes
    asked = set(_fields(beliefs.STEP, owner))
    assert work <= asked and "spoke_out_to" not in asked
    owner.spoke_out = YesNo.yes
    assert "spoke_out_to" in _fields(beliefs.STEP, owner)
    owner.opinion_through_work = YesNo.no
    assert not set(_fields(beliefs.STEP, owner)) & (work | {"spoke_out_to"})


def test_screening_follow_ups_stay_neutral_and_only_after_yes() -> None:
    from asylum_prep.domain.journey import Screening
    from asylum_prep.forms import screening

    armed = ["armed_group_kind", "armed_group_help", "armed_group_voluntary",
             "armed_group_duration"]
    owner = Screening()
    asked = _fields(screening.STEP, owner)
    assert not set(asked) & {*armed, "harmed_others_voluntary"}
    owner.armed_groups = YesNo.yes
    owner.harmed_others = YesNo.yes
    asked = _fields(screening.STEP, owner)
    start = asked.index("armed_groups_detail") + 1
    assert asked[start:start + 4] == armed
    assert asked.index("harmed_others_voluntary") == asked.index("harmed_others_detail") + 1
    by_field = {x.field: x for x in screening.STEP.questions}
    for name in (*armed, "harmed_others_voluntary"):
        assert by_field[name].why == screening.DETAIL_WHY  # "a yes does not mean your case ends"
    assert by_field["armed_group_voluntary"].label == by_field["harmed_others_voluntary"].label


def test_exception_dates_only_beside_an_answered_text() -> None:
    from asylum_prep.domain.journey import Timing
    from asylum_prep.forms import timing

    owner = Timing(changed_circumstances="   ")
    asked = _fields(timing.STEP, owner)
    assert "changed_circumstances_date" not in asked
    assert "extraordinary_circumstances_end" not in asked
    owner.changed_circumstances = "My brother was arrested in May."
    owner.extraordinary_circumstances = "I was in hospital."
    asked = _fields(timing.STEP, owner)
    assert asked.index("changed_circumstances_date") == asked.index("changed_circumstances") + 1
    assert asked.index("extraordinary_circumstances_end") == asked.index(
        "extraordinary_circumstances") + 1


def test_choices_are_not_offered_to_translators() -> None:
    from asylum_prep.domain.events import Incident, InjuryLevel, TargetReason
    from asylum_prep.domain.record import iter_text_answers
    from asylum_prep.forms.answer_kinds import translatable

    record = CaseRecord()
    record.incidents.items.append(Incident(
        id="inc1", injury_level=InjuryLevel.none, target_reasons=[TargetReason.money],
        threatened=YesNo.yes, why_targeted="They wanted my shop."))
    record.beliefs.spoke_out_to = "My manager."
    record.screening.armed_group_help = ["food"]
    texts = {p: t for p, t in iter_text_answers(record) if translatable(p)}
    assert texts == {"incidents.items.inc1.why_targeted": "They wanted my shop.",
                     "beliefs.spoke_out_to": "My manager."}
    for path in ("incidents.items.inc1.injury_level", "incidents.items.inc1.target_reasons",
                 "screening.armed_group_help", "screening.armed_group_voluntary",
                 "timing.changed_circumstances_date", "beliefs.group_can_change"):
        assert not translatable(path), path
    assert translatable("beliefs.social_group_name")
    assert translatable("beliefs.group_seen_detail")


def test_new_answers_are_named_by_their_question() -> None:
    from asylum_prep.domain.events import Incident
    from asylum_prep.forms.answer_labels import answer_label

    record = CaseRecord()
    record.incidents.items.append(Incident(id="inc1"))
    label = answer_label(record, "incidents.items.inc1.injury_level")
    assert label.known and label.question == "Were you hurt?" and label.entry == 1
    assert answer_label(record, "screening.armed_group_help").known
    assert answer_label(record, "timing.changed_circumstances_date").known
