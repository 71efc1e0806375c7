"""Ethiopian calendar (Amete Mihret era) <-> Gregorian conversion.

Twelve months of 30 days and a thirteenth, Pagume, of 5 days (6 in a leap year). An
Ethiopian year is a leap year when year % 4 == 3, so the year after it starts a day later:
1 Meskerem 2015 = 2022-09-11, 1 Meskerem 2016 = 2023-09-12 (2015 was leap, and 2024 is a
Gregorian leap year). The arithmetic is the usual Julian-day-number algorithm (Dershowitz &
Reingold, "Calendrical Calculations"), with the era constant 1723856; the same constant is used
by `asylum_prep.i18n_dates.to_ethiopian` for display, and a test checks both directions agree.
"""

from __future__ import annotations

from datetime import date

EPOCH = 1723856  # Julian day number of the era's start (Amete Mihret)
_JDN_OFFSET = 1721425  # date.toordinal() + this = Julian day number
MONTHS = 13


def is_leap(year: int) -> bool:
    return year % 4 == 3


def month_length(year: int, month: int) -> int:
    if not 1 <= month <= MONTHS:
        raise ValueError("month out of range")
    if month < MONTHS:
        return 30
    return 6 if is_leap(year) else 5


def to_gregorian(year: int, month: int, day: int) -> date:
    """1 Meskerem 2016 -> 2023-09-12. Raises ValueError for a day that does not exist."""
    if not 1 <= day <= month_length(year, month):
        raise ValueError("day out of range")
    jdn = EPOCH + 365 + 365 * (year - 1) + year // 4 + 30 * month + day - 31
    return date.fromordinal(jdn - _JDN_OFFSET)


def from_gregorian(day: date) -> tuple[int, int, int]:
    """2023-09-12 -> (2016, 1, 1)."""
    jdn = day.toordinal() + _JDN_OFFSET
    r = (jdn - EPOCH) % 1461
    n = r % 365 + 365 * (r // 1460)
    year = 4 * ((jdn - EPOCH) // 1461) + r // 365 - r // 1460
    return year, n // 30 + 1, n % 30 + 1
