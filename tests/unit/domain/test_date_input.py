"""Dates as applicants type them: Gregorian, Solar Hijri, Persian digits, "about", refusals."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.domain import jalali
from asylum_prep.domain.date_input import format_for_input, parse_date_input
from asylum_prep.errors import InputRefused

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("jy", "jm", "jd", "greg"), [
    (1403, 1, 1, date(2024, 3, 20)),
    (1402, 1, 1, date(2023, 3, 21)),
    (1401, 10, 1, date(2022, 12, 22)),
    (1402, 12, 29, date(2024, 3, 19)),
    (1403, 12, 30, date(2025, 3, 20)),
    (1399, 12, 30, date(2021, 3, 20)),
    (1357, 11, 22, date(1979, 2, 11)),
    (1401, 7, 1, date(2022, 9, 23)),
])
def test_known_jalali_pairs(jy, jm, jd, greg) -> None:
    assert jalali.to_gregorian(jy, jm, jd) == greg
    assert jalali.from_gregorian(greg) == (jy, jm, jd)


def test_leap_years_and_month_lengths() -> None:
    assert jalali.is_leap(1403) and jalali.is_leap(1399)
    assert not jalali.is_leap(1402) and not jalali.is_leap(1401)
    assert jalali.month_length(1402, 12) == 29 and jalali.month_length(1403, 12) == 30
    with pytest.raises(ValueError):
        jalali.to_gregorian(1402, 12, 30)


def test_every_day_round_trips() -> None:
    day = date(1950, 1, 1).toordinal()
    previous = jalali.from_gregorian(date.fromordinal(day - 1))
    while day < date(2060, 1, 1).toordinal():
        current = jalali.from_gregorian(date.fromordinal(day))
        assert jalali.to_gregorian(*current) == date.fromordinal(day)
        assert current > previous
        previous = current
        day += 1


@pytest.mark.parametrize(("text", "lang", "iso", "precision", "approx"), [
    ("2019-03-05", "en", date(2019, 3, 5), "day", False),
    ("03/05/2019", "en", date(2019, 3, 5), "day", False),  # English: month/day/year
    ("03/05/2019", "es", date(2019, 5, 3), "day", False),  # Spanish: day/month/year
    ("5.3.2019", "es", date(2019, 3, 5), "day", False),
    ("25/03/2019", "en", date(2019, 3, 25), "day", False),  # only one order possible
    ("March 2019", "en", date(2019, 3, 1), "month", False),
    ("Mar 5, 2019", "en", date(2019, 3, 5), "day", False),
    ("5th March 2019", "en", date(2019, 3, 5), "day", False),
    ("2019", "en", date(2019, 1, 1), "year", False),
    ("03/2019", "en", date(2019, 3, 1), "month", False),
    ("about 2019", "en", date(2019, 1, 1), "year", True),
    ("around March 2019", "en", date(2019, 3, 1), "month", True),
    ("approximately 5 March 2019", "en", date(2019, 3, 5), "day", True),
    ("~2019", "en", date(2019, 1, 1), "year", True),
    ("5 de marzo de 2019", "es", date(2019, 3, 5), "day", False),
    ("alrededor de marzo de 2019", "es", date(2019, 3, 1), "month", True),
    ("otoño de 2019", "es", date(2019, 9, 1), "month", True),
    ("۵ مارس ۲۰۱۹", "fa", date(2019, 3, 5), "day", False),
    ("٢٠١٩-٠٣-٠٥", "fa", date(2019, 3, 5), "day", False),
    ("۱۴۰۱/۰۷/۱۵", "fa", date(2022, 10, 7), "day", False),
    ("1401/07/15", "en", date(2022, 10, 7), "day", False),  # year < 1700: Solar Hijri
    ("15/07/1401", "fa", date(2022, 10, 7), "day", False),
    ("۱۵ مهر ۱۴۰۱", "fa", date(2022, 10, 7), "day", False),
    ("15 Mehr 1401", "en", date(2022, 10, 7), "day", False),
    ("1 Farvardin 1403", "en", date(2024, 3, 20), "day", False),
    ("30 Esfand 1403", "en", date(2025, 3, 20), "day", False),
    ("مهر ماه ۱۴۰۱", "fa", date(2022, 10, 1), "month", True),  # stored at the Gregorian month
    ("حدود ۱۴۰۱", "fa", date(2022, 1, 1), "year", True),
    ("حدوداً پاییز ۱۴۰۱", "fa", date(2022, 10, 1), "month", True),
    ("پاییز ۱۴۰۱", "fa", date(2022, 10, 1), "month", True),
    ("autumn 1401", "en", date(2022, 10, 1), "month", True),
    ("زمستان ۱۴۰۱", "fa", date(2023, 1, 1), "month", True),
])
def test_accepted(text, lang, iso, precision, approx) -> None:
    fuzzy = parse_date_input(text, lang=lang, today=TODAY)
    assert (fuzzy.iso, fuzzy.precision.value, fuzzy.approximate) == (iso, precision, approx)
    assert fuzzy.original == text
    assert format_for_input(fuzzy) == text


@pytest.mark.parametrize(("text", "needle"), [
    ("2019-02-30", "no day 30 in month 2 of 2019"),
    ("31/04/2019", "no day 31"),
    ("30 Esfand 1402", "Solar Hijri year 1402"),
    ("2019-13-01", "no month 13"),
    ("2030", "future"),
    ("around 2026", "future"),
    ("1 Farvardin 1405", "future"),
    ("March 1401", "Gregorian calendar"),
    ("Mehr 2019", "Solar Hijri calendar"),
    ("1850", "too long ago"),
    ("19", "all its digits"),
    ("05/03/19", "all its digits"),
    ("next tuesday", "could not read"),
    ("", "Please write a date"),
    ("x" * 200, "at most"),
])
def test_refused_with_reason(text, needle) -> None:
    with pytest.raises(InputRefused) as info:
        parse_date_input(text, lang="en", today=TODAY)
    assert needle in info.value.message()


def test_translated_message_keeps_placeholders() -> None:
    with pytest.raises(InputRefused) as info:
        parse_date_input("2019-02-30", lang="en", today=TODAY)
    assert "{day}" in info.value.template and info.value.params["day"] == 30
