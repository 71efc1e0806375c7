"""Impossible and extreme dates through the domain model and the store: impossible ones are
refused by validation, extreme but real ones are kept exactly and every helper copes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.services import cases

IMPOSSIBLE = ["2023-02-30", "2023-13-01", "0000-01-01", "10000-01-01", "-0001-01-01",
              "2024-00-10", "", "yesterday", "2023-02-29", "1999-04-31"]
EXTREME = ["0001-01-01", "9999-12-31", "9999-12-01", "2024-02-29", "1900-02-28"]


@pytest.mark.parametrize("iso", IMPOSSIBLE)
def test_impossible_dates_are_refused_by_the_model(iso):
    with pytest.raises(ValidationError):
        FuzzyDate(iso=iso)


@pytest.mark.parametrize("iso", EXTREME)
@pytest.mark.parametrize("precision", list(Precision))
def test_extreme_real_dates_work_in_every_helper(iso, precision):
    fuzzy = FuzzyDate(iso=iso, precision=precision, approximate=True, original=f"about {iso}")
    assert fuzzy.earliest <= fuzzy.latest
    assert fuzzy.display().startswith("~")
    assert FuzzyDate.model_validate_json(fuzzy.model_dump_json()) == fuzzy


def test_extreme_dates_round_trip_through_the_store(store, people):
    opened = cases.open_case(store, people.applicant, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.about.birth_date = FuzzyDate(iso="9999-12-31", precision=Precision.month,
                                        original="{{ 7*7 }} ٩٩٩٩")
    record.leaving.departure_date = FuzzyDate(iso="0001-01-01", precision=Precision.year)
    version = cases.save_record(store, people.applicant, people.case_id, record=record,
                                base_version=opened.version)
    back = cases.open_case(store, people.attorney, people.case_id)
    assert back.version == version and back.record == record
    assert back.record.about.birth_date is not None
    assert back.record.about.birth_date.original == "{{ 7*7 }} ٩٩٩٩"
