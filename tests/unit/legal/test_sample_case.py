"""The shipped fictional sample case passes the checks: no consistency flag, most elements
supported, nothing required blank."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.citations import citations_by_element
from asylum_prep.legal.consistency import check
from asylum_prep.legal.elements import assess
from asylum_prep.legal.readiness import readiness
from asylum_prep.samples import load_sample

TODAY = date(2026, 11, 21)


def test_no_consistency_flag_fires_on_the_sample() -> None:
    assert [f.message for f in check(load_sample(), today=TODAY)] == []


def test_most_elements_of_the_sample_are_supported() -> None:
    record = load_sample()
    result = assess(record, "us", today=TODAY, country_evidence=citations_by_element(record))
    supported = [a.key for a in result if a.strength == "supported"]
    assert len(supported) >= len(result) - 2, {a.key: a.reason for a in result}
    assert not [a.key for a in result if a.strength == "missing"]


def test_sample_is_ready_for_the_i589() -> None:
    assert [i.label for i in readiness(load_sample(), "us", today=TODAY)] == []
