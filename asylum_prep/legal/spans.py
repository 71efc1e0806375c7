"""Date ranges for reasoning about approximate dates without false alarms.

`bounds(d)` gives the first and last day an answer could mean. Precision widens the range to
the month or year; "about" (approximate) widens it further by a margin (15 days for a day,
one month for a month, one year for a year), because "about 3 May" may be off by days.
Rules that flag a contradiction compare the *far* ends (a flag fires only when no reading of
the two dates is consistent); the deadline uses the *earliest* end so it is never overstated.
"""

from __future__ import annotations

from datetime import date, timedelta

from asylum_prep.domain.dates import FuzzyDate, Precision

APPROX_DAYS = {Precision.day: 15, Precision.month: 31, Precision.year: 366}


def precise_bounds(d: FuzzyDate) -> tuple[date, date]:
    """The range the precision allows, ignoring the "about" flag."""
    if d.precision is Precision.year:
        return date(d.iso.year, 1, 1), date(d.iso.year, 12, 31)
    if d.precision is Precision.month:
        return date(d.iso.year, d.iso.month, 1), d.latest
    return d.earliest, d.latest


def bounds(d: FuzzyDate) -> tuple[date, date]:
    lo, hi = precise_bounds(d)
    if d.approximate:
        margin = timedelta(days=APPROX_DAYS[d.precision])
        lo = max(date.min, lo - margin) if lo.toordinal() > margin.days else date.min
        hi = hi + margin if hi < date.max - margin else date.max
    return lo, hi


def earliest(d: FuzzyDate) -> date:
    return bounds(d)[0]


def latest(d: FuzzyDate) -> date:
    return bounds(d)[1]


def definitely_before(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Every reading of `a` is strictly before every reading of `b`."""
    return latest(a) < earliest(b)


def show(d: FuzzyDate | None) -> str:
    """Language-neutral rendering used inside English messages ("~2022-05")."""
    return d.display() if d is not None else "?"


def add_years(day: date, years: int) -> date:
    """Same calendar day `years` later; 29 February falls back to 28 February (the earlier
    reading, so a deadline computed with it is never later than any reading of the rule)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
