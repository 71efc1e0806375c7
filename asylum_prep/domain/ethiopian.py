"""The Ethiopian calendar (Amete Mihret era): conversion to and from Gregorian, and its month
names. The one place for both: the date reader (`domain.date_words`, `domain.date_input`) and
the date display (`i18n_dates`) use this module.

Twelve months of 30 days and a thirteenth, Pagume, of 5 days (6 in a leap year). An
Ethiopian year is a leap year when year % 4 == 3, so the year after it starts a day later:
1 Meskerem 2015 = 2022-09-11, 1 Meskerem 2016 = 2023-09-12 (2015 was leap, and 2024 is a
Gregorian leap year). The arithmetic is the usual Julian-day-number algorithm (Dershowitz &
Reingold, "Calendrical Calculations"), with the era constant 1723856.

The month names are Ge'ez words. Amharic writes them as `AMHARIC_MONTHS`; Tigrinya (Eritrean
usage) spells the first twelve as `TIGRINYA_MONTHS` and uses them for the Gregorian months
(Meskerem is September: `gregorian_month`). `SPELLINGS` lists every spelling the date reader
accepts for each month.
"""

from __future__ import annotations

from datetime import date

EPOCH = 1723856  # Julian day number of the era's start (Amete Mihret)
_JDN_OFFSET = 1721425  # date.toordinal() + this = Julian day number
MONTHS = 13
PAGUME = 13

AMHARIC_MONTHS = ("መስከረም", "ጥቅምት", "ኅዳር", "ታኅሣሥ", "ጥር", "የካቲት", "መጋቢት", "ሚያዝያ",
                  "ግንቦት", "ሰኔ", "ሐምሌ", "ነሐሴ", "ጳጉሜን")
TIGRINYA_MONTHS = ("መስከረም", "ጥቅምቲ", "ሕዳር", "ታሕሳስ", "ጥሪ", "ለካቲት", "መጋቢት", "ሚያዝያ",
                   "ግንቦት", "ሰነ", "ሓምለ", "ነሓሰ")
# Other spellings met in typed text (simplified or older letter forms, CLDR's ጉንበት), per month.
_OTHER_SPELLINGS = ((), (), ("ህዳር", "ሂዳር"), ("ታህሳስ", "ታኅሳስ", "ታህሣሥ"), (), (), (),
                    ("ሚያዚያ",), ("ጉንበት",), (), ("ሀምሌ",), ("ነሀሴ",), ("ጳጉሜ",))
SPELLINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(dict.fromkeys((am, *TIGRINYA_MONTHS[i:i + 1], *_OTHER_SPELLINGS[i])))
    for i, am in enumerate(AMHARIC_MONTHS)
)


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
    """2023-09-12 -> (2016, 1, 1): (year, month 1-13, day)."""
    jdn = day.toordinal() + _JDN_OFFSET
    r = (jdn - EPOCH) % 1461
    n = r % 365 + 365 * (r // 1460)
    year = 4 * ((jdn - EPOCH) // 1461) + r // 365 - r // 1460
    return year, n // 30 + 1, n % 30 + 1


def gregorian_month(month: int) -> int | None:
    """The Gregorian month a Ge'ez month name means in Tigrinya (Meskerem -> September);
    None for Pagume."""
    return None if month == PAGUME else (month + 7) % 12 + 1


def amharic_date(day: date) -> str:
    """An exact day in the Ethiopian calendar, in Amharic: "የካቲት 26 ቀን 2011 ዓ.ም."."""
    year, month, d = from_gregorian(day)
    return f"{AMHARIC_MONTHS[month - 1]} {d} ቀን {year} ዓ.ም."
