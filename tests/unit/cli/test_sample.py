"""The fictional sample case shipped for `case create --sample`: valid, rich, consistent."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import (
    STATE_ACTORS,
    DetentionLength,
    Frequency,
    InjuryLevel,
    LegalKind,
)
from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.people import Relation
from asylum_prep.domain.record import CaseRecord, SectionKey, iter_text_answers
from asylum_prep.forms.screening import ALERT_FIELDS
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
    assert all(screening[k] != "unknown" for k in ALERT_FIELDS)
    # version 2's structured answers, where they apply
    assert r.schema_version == 2
    for i in r.incidents.items:
        assert i.injury_level is not InjuryLevel.unknown and i.target_reasons
        assert i.threatened is YesNo.yes and i.threat_frequency is not Frequency.unknown
        assert (i.detention_length is not DetentionLength.unknown) == (i.detained is YesNo.yes)
    assert {i.injury_level for i in r.incidents.items} >= {InjuryLevel.none, InjuryLevel.lasting}
    assert r.beliefs.opinion_through_work is r.beliefs.wrongdoing_by_state is YesNo.yes
    assert r.beliefs.spoke_out is YesNo.yes and r.beliefs.spoke_out_to
    assert r.timing.why_now


def test_sample_raises_no_flag_and_its_deadline_is_ahead() -> None:
    """The sample answers "yes" to "ever accused of, charged with or convicted of a crime" and
    explains that the charges are the persecutor's: its summons and warrant then contradict
    nothing (answered "no", they would: tests/unit/legal cover that rule)."""
    r = load_sample()
    assert consistency.check(r, today=TODAY) == []
    info = deadline.one_year_deadline(r, today=TODAY)
    assert info.last_arrival == date(2026, 7, 22)
    assert info.days_left is not None and 200 < info.days_left < 365
