"""I-589 readiness items and the timeline data."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import ActivityKind
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.record import CaseRecord, Proceeding
from asylum_prep.i18n import translator
from asylum_prep.legal.deadline import one_year_deadline
from asylum_prep.legal.readiness import readiness
from asylum_prep.legal.timeline import ACTIVITY_LABELS, LEGAL_KIND_LABELS, build
from tests.unit.legal.factories import (
    TODAY,
    activity,
    arrival,
    fd,
    i589_ready,
    incident,
    legal_event,
    record,
    strong_record,
)


def keys(r: object, juris: str = "us") -> list[str]:
    return [i.key for i in readiness(r, juris, today=TODAY)]  # type: ignore[arg-type]


def ready() -> CaseRecord:
    return i589_ready(strong_record())


def test_complete_record_is_ready() -> None:
    assert readiness(ready(), "us", today=TODAY) == []


def test_each_item_names_its_part_and_item_number_as_printed() -> None:
    r = ready()
    r.about.name_native_script = ""
    r.about.birth_date = None
    first, last = readiness(r, "us", today=TODAY)
    assert (first.key, first.part, first.label, first.path) == (
        "A.I.12", "Part A.I, item 12", "Date of Birth (mm/dd/yyyy)", "about.birth_date")
    assert (last.part, last.label) == ("Part D", "Write your name in your native alphabet")


def test_the_claim_items_follow_the_form_and_a_strong_record_lacks_the_background() -> None:
    found = keys(strong_record())
    assert found.index("A.I.11") < found.index("A.III.1.1.street") < found.index("D.1")
    assert "A.III.5.mother.name" in found and "B.1.A" not in found


def test_a_number_only_in_removal_proceedings() -> None:
    r = ready()
    assert "A.I.1" not in keys(r)
    r.filing.proceeding = Proceeding.defensive
    assert keys(r) == ["A.I.1"]
    r.about.a_number = "A123-456-789"
    assert keys(r) == []


def test_unknown_answers_and_skips_count_as_blank_and_say_so() -> None:
    r = ready()
    r.screening.harmed_others = YesNo.unknown
    r.about.religion = ""
    r.skipped["about.religion"] = "skip"
    items = {i.key: i for i in readiness(r, "us", today=TODAY)}
    assert set(items) == {"C.3", "A.I.17"}
    assert items["A.I.17"].skipped == "skip" and items["C.3"].part == "Part C, item 3"


def test_arrivals_and_rows_name_their_row() -> None:
    r = ready()
    r.leaving.entries = []
    assert {"A.I.19.C.1.date", "A.I.19.C.1.place", "A.I.19.C.1.status"} <= set(keys(r))
    r.leaving.entries = [arrival("2022-08-21")]
    assert {"A.I.19.C.1.place", "A.I.19.C.1.status"} == set(keys(r))
    r = ready()
    r.family.members[0].birth_place = ""
    [item] = readiness(r, "us", today=TODAY)
    assert item.part == "Part A.III, item 5 (Mother)"


def test_a_yes_needs_its_explanation() -> None:
    r = ready()
    r.screening.returned_home = YesNo.yes
    assert keys(r) == ["C.4.explain"]
    r.screening.returned_home_detail = "I went back for my father's funeral in 2021."
    assert keys(r) == []


def test_late_filing_reason_required_only_when_late() -> None:
    r = ready()
    r.timing.filed_on = None
    r.leaving.entries = [arrival("2020-01-01", place="Newark", status="B-2")]
    assert keys(r) == ["C.5.explain"]
    r.timing.changed_circumstances = "The law changed in 2024."
    assert keys(r) == []


def test_other_jurisdictions_get_core_items_without_parts() -> None:
    items = readiness(record(), "uk")
    assert items and all(i.part == "" for i in items)
    assert readiness(ready(), "ca") == []


def test_timeline_has_points_spans_and_the_deadline_in_order() -> None:
    r = strong_record()
    r.timing.filed_on = None
    info = one_year_deadline(r, today=TODAY)
    events = build(r, info)
    kinds = [e.kind for e in events]
    for kind in ("birth", "membership", "incident", "detention", "departure", "transit",
                 "arrival", "deadline", "activity"):
        assert kind in kinds, kind
    assert [e.start for e in events] == sorted(e.start for e in events)
    detention = next(e for e in events if e.kind == "detention")
    assert (detention.start, detention.end) == (date(2022, 5, 3), date(2022, 5, 6))
    membership = next(e for e in events if e.kind == "membership")
    assert membership.end == date(2022, 6, 30)
    assert events[-1].kind == "deadline" and events[-1].start == date(2023, 8, 21)


def test_timeline_marks_approximate_dates() -> None:
    r = record(**{"incidents.items": [incident(fd("2021-03-01", "month"))]})
    [ev] = build(r)
    assert ev.approximate and ev.start == date(2021, 3, 1)
    assert ev.to_json()["label"] == "Incident at Market square, Tovin"


def test_timeline_names_activity_and_legal_event_kinds_in_words() -> None:
    r = record(**{"beliefs.activities": [activity("2021-03-01", kind=ActivityKind.protest)],
                  "harm_to_others.legal_events": [
                      legal_event(LegalKind.warrant, "2021-04-01"),
                      legal_event(LegalKind.court_case, "2021-05-01")]})
    protest, warrant, court = build(r)
    assert protest.label == "Activity: Protest or demonstration"
    assert warrant.label == "Legal event: Arrest warrant"
    assert court.label == "Legal event: Court case"
    # the UI translates the template and each parameter (legal_panels.tr): Spanish throughout
    t = translator("es")
    assert t(protest.label_template, **{k: t(v) for k, v in protest.label_params}) == (
        "Actividad: Protesta o manifestación")
    assert t(warrant.label_template, **{k: t(v) for k, v in warrant.label_params}) == (
        "Hecho jurídico: Orden de arresto")


def test_every_activity_and_legal_kind_has_a_label_that_is_not_its_stored_value() -> None:
    assert set(ACTIVITY_LABELS) == set(ActivityKind)
    assert set(LEGAL_KIND_LABELS) == set(LegalKind)
    for kind, text in [*ACTIVITY_LABELS.items(), *LEGAL_KIND_LABELS.items()]:
        assert text[0].isupper() and text != kind.value and "_" not in text, (kind, text)
    # each label is in every catalog: a translated label differs from the English in Spanish
    t = translator("es")
    assert all(t(text) != text for text in [*ACTIVITY_LABELS.values(),
                                             *LEGAL_KIND_LABELS.values()])
