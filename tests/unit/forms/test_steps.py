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


def test_nine_steps_in_order() -> None:
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

