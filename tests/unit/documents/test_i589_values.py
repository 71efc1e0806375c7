"""The case's answers for the I-589's Part A.I fields: only what the case has, dates only as
precise as given, sex as the box of its own on-value."""

from __future__ import annotations

from datetime import date

from asylum_prep.documents.i589_values import (
    BIRTH_DATE,
    KNOWN_FIELDS,
    SEX_FEMALE,
    SEX_MALE,
    form_date,
    i589_field_values,
)
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.record import CaseRecord


def test_dates_are_written_as_precisely_as_they_were_given() -> None:
    day = date(1990, 4, 6)
    assert form_date(FuzzyDate(iso=day)) == "04/06/1990"
    assert form_date(FuzzyDate(iso=day, precision=Precision.month)) == "04/1990"
    assert form_date(FuzzyDate(iso=day, precision=Precision.year, approximate=True)) == \
        "about 1990"
    assert form_date(None) == ""


def test_an_empty_case_fills_nothing_and_sex_picks_its_box() -> None:
    assert i589_field_values(CaseRecord()) == {}
    record = CaseRecord.model_validate({"about": {"sex": "male",
                                                  "birth_date": {"iso": "1990-04-06"}}})
    values = i589_field_values(record)
    assert values == {SEX_MALE: True, BIRTH_DATE: "04/06/1990"}
    assert SEX_FEMALE not in values and set(values) <= set(KNOWN_FIELDS)
