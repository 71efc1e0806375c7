"""The fictional sample case shipped for `case create --sample`: valid, rich, consistent."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import STATE_ACTORS, LegalKind
from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.people import Relation
from asylum_prep.domain.record import CaseRecord, SectionKey, iter_text_answers
from asylum_prep.legal import consistency, deadline
from asylum_prep.samples import load_sample, sample_json

TODAY = date(2026, 11, 21)


def test_sample_validates_strictly_and_says_it_is_fictional() -> None:
    record = CaseRecord.model_validate_json(sample_json(), strict=True)
    assert record == load_sample()
    assert record.about.reference == "FICTIONAL SAMPLE" and record.about.a_number == ""
    assert record.about.name_native_script and record.about.birth_country == "XV"


def test_sample_exercises_every_section_and_list() -> None:
    r = load_sample()
    answered = {path.split(".")[0] for path, _ in iter_text_answers(r)}
    assert answered == {s.value for s in SectionKey}
    assert {m.relation for m in r.family.members} == {
        Relation.spouse, Relation.child, Relation.parent, Relation.sibling}
    assert any(m.harmed is YesNo.yes for m in r.family.members)
    assert Ground.imputed_political_opinion in r.beliefs.grounds
    assert len(r.beliefs.memberships) == 2 and all(m.start and m.end for m in r.beliefs.memberships)
    assert len(r.beliefs.activities) == 3 and len(r.incidents.items) >= 3
    assert all(i.perpetrator in STATE_ACTORS for i in r.incidents.items)
    assert any(i.detained is YesNo.yes and i.end_date for i in r.incidents.items)
    assert all(i.words_said for i in r.incidents.items)
    assert {i.reported for i in r.incidents.items} == {YesNo.yes, YesNo.no}
    assert r.harm_to_others.others
    assert {e.kind for e in r.harm_to_others.legal_events} >= {LegalKind.summons, LegalKind.warrant}
    assert len(r.leaving.route) == 2
    assert [e.kind for e in r.leaving.entries] == [
        EntryKind.arrival, EntryKind.departure, EntryKind.arrival]
    assert r.fear.torture_fear is YesNo.yes and r.fear.relocation_why_not
    screening = r.screening.model_dump()
    assert all(v != "unknown" for k, v in screening.items() if not k.endswith("_detail"))
    assert r.timing.why_now


def test_sample_raises_only_its_one_true_contradiction_and_its_deadline_is_ahead() -> None:
    """The sample answers "no" to "ever accused of, charged with or convicted of a crime" yet
    records a warrant for "undermining the state": the persecutor's charge, which the attorney
    reconciles (answer yes and explain). Its summons alone would not be flagged."""
    r = load_sample()
    assert [(f.rule, f.places) for f in consistency.check(r, today=TODAY)] == [
        ("crimes_answer_vs_legal_event",
         ("screening.serious_crimes", "harm_to_others.legal_events.leg2.kind"))]
    info = deadline.one_year_deadline(r, today=TODAY)
    assert info.last_arrival == date(2026, 7, 22)
    assert info.days_left is not None and 200 < info.days_left < 365
