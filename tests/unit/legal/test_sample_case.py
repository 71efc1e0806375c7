"""The shipped fictional sample case passes the checks: one consistency flag only (a true
contradiction, see below), most elements supported, nothing required blank."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.citations import citations_by_element
from asylum_prep.legal.consistency import check
from asylum_prep.legal.elements import assess
from asylum_prep.legal.readiness import readiness
from asylum_prep.samples import load_sample

TODAY = date(2026, 11, 21)


def test_the_sample_contradicts_itself_nowhere() -> None:
    """The sample answers "yes" to "ever accused of a crime" and explains that its summons and
    warrant are the persecutor's charges, so nothing is flagged; answering "no" would be."""
    record = load_sample()
    assert check(record, today=TODAY) == []
    record.screening.serious_crimes = YesNo.no
    assert [(f.rule, f.places) for f in check(record, today=TODAY)] == [
        ("crimes_answer_vs_legal_event",
         ("screening.serious_crimes", "harm_to_others.legal_events.leg2.kind"))]


def test_most_elements_of_the_sample_are_supported() -> None:
    record = load_sample()
    result = assess(record, "us", today=TODAY, country_evidence=citations_by_element(record))
    supported = [a.key for a in result if a.strength == "supported"]
    assert len(supported) >= len(result) - 2, {a.key: a.reason for a in result}
    assert not [a.key for a in result if a.strength == "missing"]


def test_sample_is_ready_for_the_i589() -> None:
    assert [i.label for i in readiness(load_sample(), "us", today=TODAY)] == []
