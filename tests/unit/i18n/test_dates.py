"""Dates per interface language: Babel Gregorian, Solar Hijri for Persian and Dari, the
Ethiopian date beside an exact day for Amharic; stored ISO dates never change."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asylum_prep.domain import ethiopian, jalali
from asylum_prep.domain.date_input import parse_date_input
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.i18n import SUPPORTED, translator
from asylum_prep.i18n_dates import (
    OWN_MONTHS,
    format_day,
    format_fuzzy,
    format_moment,
    from_display,
    gregorian,
    localize_leading_date,
)

DAY = FuzzyDate(iso=date(2022, 10, 7))
MONTH = FuzzyDate(iso=date(2019, 3, 1), precision=Precision.month)
YEAR = FuzzyDate(iso=date(2019, 1, 1), precision=Precision.year)


@pytest.mark.parametrize(("lang", "day", "month", "year"), [
    ("en", "October 7, 2022", "March 2019", "2019"),
    ("es", "7 de octubre de 2022", "marzo de 2019", "2019"),
    ("fr", "7 octobre 2022", "mars 2019", "2019"),
    ("ru", "7 октября 2022\u202fг.", "март 2019\u202fг.", "2019"),
    ("zh_Hans", "2022年10月7日", "2019年3月", "2019年"),
    ("fa", "۱۵ مهر ۱۴۰۱", "اسفند ۱۳۹۷", "۱۳۹۸"),
    ("fa_AF", "۱۵ میزان ۱۴۰۱", "حوت ۱۳۹۷", "۱۳۹۸"),
])
def test_each_precision_in_its_language(lang: str, day: str, month: str, year: str) -> None:
    t = translator(lang)
    assert format_fuzzy(DAY, t) == day
    assert format_fuzzy(MONTH, t) == month
    assert format_fuzzy(YEAR, t) == year


def test_persian_with_gregorian_in_brackets_uses_persian_digits() -> None:
    assert format_fuzzy(DAY, translator("fa"), with_gregorian=True) == "۱۵ مهر ۱۴۰۱ (۷ اکتبر ۲۰۲۲)"
    assert not any(ch.isascii() and ch.isdigit() for ch in format_fuzzy(DAY, translator("fa_AF"),
                                                                        with_gregorian=True))


def test_about_is_one_translated_pattern_per_kind_of_date() -> None:
    approx = DAY.model_copy(update={"approximate": True})
    assert format_fuzzy(approx, translator("en")) == "about October 7, 2022"
    t = translator("fr")
    assert format_fuzzy(approx, t) == t("about {day}", day="7 octobre 2022")
    month = MONTH.model_copy(update={"approximate": True})
    assert format_fuzzy(month, t) == t("about {date}", date="mars 2019")


def test_every_language_formats_without_error() -> None:
    for lang in SUPPORTED:
        for value in (DAY, MONTH, YEAR):
            assert format_fuzzy(value, translator(lang))


@pytest.mark.parametrize(("day", "expected"), [
    (date(2023, 9, 12), (2016, 1, 1)),   # Enkutatash after a leap year
    (date(2023, 9, 11), (2015, 13, 6)),  # Pagume 6 of a leap year
    (date(2024, 9, 11), (2017, 1, 1)),
    (date(2024, 1, 7), (2016, 4, 28)),   # Genna
    (date(2019, 3, 5), (2011, 6, 26)),
])
def test_ethiopian_calendar(day: date, expected: tuple[int, int, int]) -> None:
    assert ethiopian.from_gregorian(day) == expected


def test_amharic_shows_the_ethiopian_date_beside_an_exact_day_only() -> None:
    t = translator("am")
    assert format_fuzzy(DAY, t).endswith("(መስከረም 27 ቀን 2015 ዓ.ም.)")
    assert "ዓ.ም." not in format_fuzzy(MONTH, t)
    assert "ዓ.ም." not in format_fuzzy(DAY, translator("ti"))
    assert ethiopian.amharic_date(date(2019, 3, 5)) == "የካቲት 26 ቀን 2011 ዓ.ም."


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_ethiopian_days_are_consecutive(day: date) -> None:
    y, m, d = ethiopian.from_gregorian(day)
    ny, nm, nd = ethiopian.from_gregorian(day + timedelta(days=1))
    if (ny, nm) == (y, m):
        assert nd == d + 1
    elif ny == y:
        assert (nm, nd) == (m + 1, 1) and d == 30
    else:
        assert (ny, nm, nd) == (y + 1, 1, 1) and m == 13 and d in (5, 6)


@given(st.dates(min_value=date(1922, 1, 1), max_value=date(2090, 12, 31)))
def test_solar_hijri_day_display_round_trips(day: date) -> None:
    shown = format_day(day, "fa")
    digits = shown.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    jd, _month, jy = digits.split(" ")
    assert jalali.to_gregorian(int(jy), jalali.from_gregorian(day)[1], int(jd)) == day
    assert parse_date_input(shown, lang="fa", today=date(2100, 1, 1)).iso == day


def test_dari_month_names_are_read_back() -> None:
    shown = format_day(date(2022, 10, 7), "fa_AF")
    assert parse_date_input(shown, lang="fa_AF", today=date(2030, 1, 1)).iso == date(2022, 10, 7)


def test_list_summary_dates_are_localised() -> None:
    t = translator("es")
    assert localize_leading_date("2019-03-05 - Teherán", t) == "5 de marzo de 2019 - Teherán"
    assert localize_leading_date("2019-03", t) == "marzo de 2019"
    assert localize_leading_date("Teherán", t) == "Teherán"
    assert localize_leading_date("2019-02-30 - x", t) == "2019-02-30 - x"
    assert from_display(DAY.display()) == (DAY, "")
    approx = MONTH.model_copy(update={"approximate": True})
    assert from_display(approx.display()) == (approx, "")




APPROX_MONTH = FuzzyDate(iso=date(2022, 10, 1), precision=Precision.month, approximate=True)


@pytest.mark.parametrize(("lang", "exact", "approx"), [
    ("ru", "октябрь 2022\u202fг.", "около октября 2022\u202fг."),
    ("uk", "жовтень 2022\u202fр.", "близько жовтня 2022\u202fр."),
    ("en", "October 2022", "about October 2022"),
    ("tr", "Ekim 2022", "Ekim 2022 civarı"),
])
def test_about_a_month_takes_the_case_about_governs(lang: str, exact: str, approx: str) -> None:
    t = translator(lang)
    assert format_fuzzy(APPROX_MONTH.model_copy(update={"approximate": False}), t) == exact
    assert format_fuzzy(APPROX_MONTH, t) == approx


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "vers le 7 octobre 2022"),
    ("es", "alrededor del 7 de octubre de 2022"),
    ("ru", "около 7 октября 2022\u202fг."),
])
def test_about_a_day_reads_with_the_article_a_day_takes(lang: str, expected: str) -> None:
    assert format_fuzzy(DAY.model_copy(update={"approximate": True}), translator(lang)) == expected


@pytest.mark.parametrize(("lang", "names", "day", "month", "approx"), [
    ("ht", OWN_MONTHS["ht"], "7 oktòb 2022", "mas 2019", "anviwon mas 2019"),
    ("ti", OWN_MONTHS["ti"], "7 ጥቅምቲ 2022", "መጋቢት 2019", "ኣስታት መጋቢት 2019"),
])
def test_kreyol_and_tigrinya_months_day_first(lang: str, names: tuple[str, ...], day: str,
                                               month: str, approx: str) -> None:
    t = translator(lang)
    assert format_fuzzy(DAY, t) == day
    assert format_fuzzy(MONTH, t) == month
    assert format_fuzzy(MONTH.model_copy(update={"approximate": True}), t) == approx
    assert format_fuzzy(YEAR, t) == "2019"
    shown = [gregorian(date(2022, m, 3), lang, Precision.month) for m in range(1, 13)]
    assert shown == [f"{name} 2022" for name in names]


def test_kreyol_and_tigrinya_month_names() -> None:
    assert OWN_MONTHS["ht"] == ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out",
                                "septanm", "oktòb", "novanm", "desanm")
    assert gregorian(date(2022, 5, 3), "ti") == "3 ግንቦት 2022"  # Babel: "ጉንበት 3, 2022"
    assert format_day(date(2022, 8, 15), "ht") == "15 out 2022"


@pytest.mark.parametrize("lang", ["ht", "ti"])
@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2090, 12, 31)))
def test_kreyol_and_tigrinya_dates_read_back(lang: str, day: date) -> None:
    assert parse_date_input(format_day(day, lang), lang=lang, today=date(2100, 1, 1)).iso == day


def test_amharic_is_unchanged_by_the_tigrinya_table() -> None:
    assert format_fuzzy(DAY, translator("am")) == "7 ኦክቶበር 2022 (መስከረም 27 ቀን 2015 ዓ.ም.)"
    assert format_fuzzy(MONTH, translator("am")) == "ማርች 2019"


def test_a_moment_is_written_out_in_the_readers_calendar_and_digits() -> None:
    moment = datetime(2026, 12, 6, 14, 5)
    assert format_moment(moment, "en") == "December 6, 2026, 2:05\u202fPM"
    assert format_moment(moment, "fr") == "6 décembre 2026, 14:05"
    fa = format_moment(moment, "fa")
    assert "۱۵ آذر ۱۴۰۵" in fa and "۱۴:۰۵" in fa
    for lang in SUPPORTED:
        assert "2026-12-06" not in format_moment(moment, lang)
