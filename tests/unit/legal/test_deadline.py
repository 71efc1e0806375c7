"""The US one-year deadline: anniversary of the last arrival, leap days, several entries,
approximate dates, exceptions, filing, warning levels; and other jurisdictions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.legal.deadline import deadline_for, fill, level_for, one_year_deadline
from asylum_prep.legal.spans import add_years, bounds
from tests.unit.legal.factories import arrival, fd, record, refuge_departure


def _entries(*entries: object) -> object:
    return record(**{"leaving.entries": list(entries)})


@pytest.mark.parametrize(("arrived", "deadline"), [
    ("2023-03-15", date(2024, 3, 15)),   # day zero is the arrival; last day is the anniversary
    ("2023-02-28", date(2024, 2, 28)),   # into a leap year: no shift
    ("2024-02-29", date(2025, 2, 28)),   # leap day: the earlier reading
    ("2024-03-01", date(2025, 3, 1)),
    ("2023-12-31", date(2024, 12, 31)),
])
def test_deadline_is_the_anniversary_of_the_last_arrival(arrived: str, deadline: date) -> None:
    info = one_year_deadline(_entries(arrival(arrived)), today=date(2023, 1, 1))
    assert info.deadline == deadline
    assert info.last_arrival == date.fromisoformat(arrived)


def test_leap_day_arrival_says_which_reading_was_taken() -> None:
    info = one_year_deadline(_entries(arrival("2024-02-29")), today=date(2024, 3, 1))
    assert any("29 February" in n[0] for n in info.notes)


def test_counts_from_the_last_of_several_arrivals_in_any_order() -> None:
    r = _entries(arrival("2023-06-10"), refuge_departure("2023-09-01"),
                 arrival("2021-01-05"), arrival("2024-01-20"))
    info = one_year_deadline(r, today=date(2024, 2, 1))
    assert info.deadline == date(2025, 1, 20)
    last = r.leaving.entries[3]
    assert info.last_arrival_path == f"leaving.entries.{last.id}.date"


def test_departures_from_the_country_of_refuge_do_not_start_the_clock() -> None:
    info = one_year_deadline(_entries(arrival("2023-06-10"), refuge_departure("2024-01-01")),
                             today=date(2024, 2, 1))
    assert info.deadline == date(2024, 6, 10)


def test_month_precision_uses_the_first_day_and_says_so() -> None:
    info = one_year_deadline(_entries(arrival(fd("2023-07-01", "month"))), today=date(2023, 8, 1))
    assert info.deadline == date(2024, 7, 1)
    assert info.approximate_arrival
    assert any("approximate" in n[0] for n in info.notes)


def test_year_precision_uses_first_of_january() -> None:
    info = one_year_deadline(_entries(arrival(fd("2023-01-01", "year"))), today=date(2023, 8, 1))
    assert info.deadline == date(2024, 1, 1)


def test_about_a_day_counts_from_the_earliest_it_could_mean() -> None:
    info = one_year_deadline(_entries(arrival(fd("2023-03-20", approximate=True))),
                             today=date(2023, 4, 1))
    assert info.deadline == date(2024, 3, 5)  # 15 days earlier: never overstated
    assert info.approximate_arrival


def test_an_approximate_later_arrival_is_not_overlooked() -> None:
    # exact 2023-05-10 vs "May 2023": the month could mean after the 10th -> it is the last one
    r = _entries(arrival("2023-05-10"), arrival(fd("2023-05-01", "month")))
    info = one_year_deadline(r, today=date(2023, 6, 1))
    assert info.approximate_arrival and info.deadline == date(2024, 5, 1)


def test_no_arrival_means_no_date_and_a_note() -> None:
    info = one_year_deadline(record(), today=date(2024, 1, 1))
    assert info.deadline is None and info.level == "unknown" and info.days_left is None
    assert info.to_json()["date"] is None
    assert any("No arrival" in n[0] for n in info.notes)


@pytest.mark.parametrize(("days", "level"), [
    (400, "ok"), (91, "ok"), (90, "notice"), (31, "notice"), (30, "warning"), (8, "warning"),
    (7, "urgent"), (0, "urgent"), (-1, "overdue"),
])
def test_warning_levels(days: int, level: str) -> None:
    assert level_for(days) == level


def test_days_left_and_level_from_today() -> None:
    r = _entries(arrival("2023-03-15"))
    assert one_year_deadline(r, today=date(2024, 3, 15)).days_left == 0
    late = one_year_deadline(r, today=date(2024, 3, 16))
    assert late.days_left == -1 and late.level == "overdue" and late.red
    early = one_year_deadline(r, today=date(2023, 4, 1))
    assert early.level == "ok" and not early.red


def test_exception_claimed_still_shows_the_date() -> None:
    r = _entries(arrival("2020-01-10"))
    r.timing.changed_circumstances = "The new law of 2022 made my religion a crime."
    info = one_year_deadline(r, today=date(2023, 1, 1))
    assert info.exception_claimed and info.deadline == date(2021, 1, 10)
    assert info.level == "overdue"
    r.timing.changed_circumstances = "   "
    assert not one_year_deadline(r, today=date(2023, 1, 1)).exception_claimed
    r.timing.extraordinary_circumstances = "I was in hospital for months."
    assert one_year_deadline(r, today=date(2023, 1, 1)).exception_claimed


def test_filed_in_time_and_late() -> None:
    r = _entries(arrival("2023-03-15"))
    r.timing.filed_on = fd("2024-03-15")
    info = one_year_deadline(r, today=date(2025, 1, 1))
    assert info.level == "filed" and info.filed_in_time is True and not info.red
    r.timing.filed_on = fd("2024-03-16")
    assert one_year_deadline(r, today=date(2025, 1, 1)).filed_in_time is False
    # filed "March 2024": could be after the 15th, so not shown as in time
    r.timing.filed_on = fd("2024-03-01", "month")
    assert one_year_deadline(r, today=date(2025, 1, 1)).filed_in_time is False


def test_other_jurisdictions() -> None:
    r = _entries(arrival("2023-03-15"))
    assert deadline_for(r, "us", today=date(2023, 4, 1)).deadline == date(2024, 3, 15)
    assert deadline_for(r, "uk", today=date(2023, 4, 1)) is None
    assert deadline_for(r, "eu", today=date(2023, 4, 1)) is None
    ca = deadline_for(r, "ca", today=date(2023, 4, 1))
    assert ca is not None and ca.rule == "ca_boc" and ca.deadline is None
    assert "15 days" in ca.to_json()["notes"][0]


def test_json_shape() -> None:
    data = one_year_deadline(_entries(arrival("2023-03-15")), today=date(2024, 3, 1)).to_json()
    assert data["date"] == "2024-03-15" and data["days_left"] == 14 and data["level"] == "warning"
    assert all(c["as_of"] for c in data["citations"])


@given(st.dates(min_value=date(1999, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(list(Precision)), st.booleans())
def test_deadline_is_never_later_than_any_reading_of_the_arrival(
        day: date, precision: Precision, approximate: bool) -> None:
    if precision is not Precision.day:
        day = day.replace(day=1) if precision is Precision.month else day.replace(month=1, day=1)
    when = FuzzyDate(iso=day, precision=precision, approximate=approximate)
    info = one_year_deadline(_entries(arrival(when)), today=date(2000, 1, 1))
    lo, hi = bounds(when)
    assert info.deadline is not None
    assert info.deadline <= add_years(lo, 1) <= add_years(hi, 1)
    assert 365 <= (info.deadline - lo).days <= 366
    assert info.approximate_arrival == (approximate or precision is not Precision.day)


def test_arrivals_before_the_rule_took_effect_count_from_1_april_1997() -> None:
    # 8 CFR 1208.4(a)(2)(ii): the later of the last arrival and 1 April 1997. Matter of
    # Mogharrabi's respondent arrived in 1978 and applied in 1984, before the rule existed.
    early = record(**{"leaving.entries": [arrival("1978-09-08")],
                      "timing.filed_on": fd("1984-01-01", "year")})
    info = one_year_deadline(early, today=date(2000, 1, 1))
    assert info.deadline == date(1998, 4, 1) and info.filed_in_time is True
    assert any("1 April 1997" in fill(n) for n in info.notes)
    late = record(**{"leaving.entries": [arrival("1995-06-01")],  # Lumataw: 1995 to 2005
                     "timing.filed_on": fd("2005-01-01", "year")})
    assert one_year_deadline(late, today=date(2009, 9, 9)).filed_in_time is False
    after = one_year_deadline(record(**{"leaving.entries": [arrival("1997-04-02")]}),
                              today=date(2000, 1, 1))
    assert after.deadline == date(1998, 4, 2) and not any(
        "1 April 1997" in fill(n) for n in after.notes)
