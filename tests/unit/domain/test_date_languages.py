"""The date reader in every interface language: month names, "about" words, seasons, the
Ethiopian calendar, the translated "could not read" message, and every example date the
translators wrote (help texts and the error's examples) read back in its own language."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asylum_prep.domain import date_words, ethiopian, jalali
from asylum_prep.domain.date_input import EXAMPLES, DateUnreadable, parse_date_input
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.errors import InputRefused
from asylum_prep.forms.questions import Widget
from asylum_prep.forms.registry import STEPS
from asylum_prep.i18n import SUPPORTED, translator
from asylum_prep.i18n_dates import OWN_MONTHS, format_fuzzy
from asylum_prep.text import fold_for_dates

TODAY = date(2025, 6, 1)
D, M, Y = "day", "month", "year"

# Per language: an exact date, a month name with a year, an "about" year, more forms.
ACCEPTED = [
    ("en", "March 5, 2019", date(2019, 3, 5), D, False),
    ("en", "around March 2019", date(2019, 3, 1), M, True),
    ("en", "~2019", date(2019, 1, 1), Y, True),
    ("es", "5 de marzo de 2019", date(2019, 3, 5), D, False),
    ("es", "marzo de 2019", date(2019, 3, 1), M, False),
    ("es", "alrededor de 2019", date(2019, 1, 1), Y, True),
    ("fr", "5 mars 2019", date(2019, 3, 5), D, False),
    ("fr", "1er avril 2019", date(2019, 4, 1), D, False),
    ("fr", "février 2019", date(2019, 2, 1), M, False),
    ("fr", "fevrier 2019", date(2019, 2, 1), M, False),
    ("fr", "vers 2019", date(2019, 1, 1), Y, True),
    ("fr", "environ août 2019", date(2019, 8, 1), M, True),
    ("fr", "autour de 2019", date(2019, 1, 1), Y, True),
    ("fr", "début d'avril 2019", date(2019, 4, 1), M, True),
    ("fr", "à l'automne 2021", date(2021, 9, 1), M, True),
    ("fr", "05/03/2019", date(2019, 3, 5), D, False),
    ("ht", "5 mas 2019", date(2019, 3, 5), D, False),
    ("ht", "nan mwa jiyè 2019", date(2019, 7, 1), M, False),
    ("ht", "anviwon 2019", date(2019, 1, 1), Y, True),
    ("ht", "vè out 2019", date(2019, 8, 1), M, True),
    ("ht", "anviwon prentan 2021", date(2021, 3, 1), M, True),
    ("pt", "5 de março de 2019", date(2019, 3, 5), D, False),
    ("pt", "marco de 2019", date(2019, 3, 1), M, False),
    ("pt", "por volta de 2019", date(2019, 1, 1), Y, True),
    ("pt", "cerca de outubro de 2022", date(2022, 10, 1), M, True),
    ("pt", "aproximadamente 2019", date(2019, 1, 1), Y, True),
    ("pt", "10 out 2019", date(2019, 10, 10), D, False),  # out. = outubro in Portuguese
    ("pt", "1º de maio de 2019", date(2019, 5, 1), D, False),
    ("tr", "5 Mart 2019", date(2019, 3, 5), D, False),
    ("tr", "Ocak 2019", date(2019, 1, 1), M, False),
    ("tr", "KASIM 2019", date(2019, 11, 1), M, False),
    ("tr", "Aralık 2019'da", date(2019, 12, 1), M, False),
    ("tr", "2019 civarı", date(2019, 1, 1), Y, True),
    ("tr", "yaklaşık 2019", date(2019, 1, 1), Y, True),
    ("tr", "Ekim 2022 sıralarında", date(2022, 10, 1), M, True),
    ("tr", "2019 sonbaharında", date(2019, 9, 1), M, True),
    ("tr", "05.03.2019", date(2019, 3, 5), D, False),
    ("ru", "5 марта 2019 г.", date(2019, 3, 5), D, False),
    ("ru", "январь 2019", date(2019, 1, 1), M, False),
    ("ru", "января 2019", date(2019, 1, 1), M, False),
    ("ru", "около 2019 года", date(2019, 1, 1), Y, True),
    ("ru", "примерно в марте 2019", date(2019, 3, 1), M, True),
    ("ru", "приблизительно 2019", date(2019, 1, 1), Y, True),
    ("ru", "осенью 2019", date(2019, 9, 1), M, True),
    ("ru", "05.03.2019", date(2019, 3, 5), D, False),
    ("uk", "5 березня 2019 р.", date(2019, 3, 5), D, False),
    ("uk", "січень 2019", date(2019, 1, 1), M, False),
    ("uk", "січня 2019", date(2019, 1, 1), M, False),
    ("uk", "близько 2019", date(2019, 1, 1), Y, True),
    ("uk", "приблизно 1990 рік", date(1990, 1, 1), Y, True),
    ("uk", "у березні 2019 року", date(2019, 3, 1), M, False),
    ("zh_Hans", "2019年3月5日", date(2019, 3, 5), D, False),
    ("zh_Hans", "2019年3月", date(2019, 3, 1), M, False),
    ("zh_Hans", "2019年三月", date(2019, 3, 1), M, False),
    ("zh_Hans", "约2019年", date(2019, 1, 1), Y, True),
    ("zh_Hans", "大约 2019年3月", date(2019, 3, 1), M, True),
    ("zh_Hans", "2019年左右", date(2019, 1, 1), Y, True),
    ("zh_Hans", "２０１９年３月５号", date(2019, 3, 5), D, False),
    ("zh_Hans", "2019年秋天", date(2019, 9, 1), M, True),
    ("ar", "5 مارس 2019", date(2019, 3, 5), D, False),
    ("ar", "٥ آذار ٢٠١٩", date(2019, 3, 5), D, False),
    ("ar", "كانون الثاني 2019", date(2019, 1, 1), M, False),
    ("ar", "تشرين الأول 2019", date(2019, 10, 1), M, False),
    ("ar", "يناير 2019", date(2019, 1, 1), M, False),
    ("ar", "حوالي 2019", date(2019, 1, 1), Y, True),
    ("ar", "تقريبًا 2019", date(2019, 1, 1), Y, True),
    ("ar", "نحو أيلول 2019", date(2019, 9, 1), M, True),
    ("ar", "في عام 2019", date(2019, 1, 1), Y, False),
    ("fa", "۱۵ مهر ۱۴۰۱", date(2022, 10, 7), D, False),
    ("fa", "مهر ۱۴۰۱", date(2022, 10, 1), M, True),
    ("fa", "حدود ۱۳۹۸", date(2019, 1, 1), Y, True),
    ("fa", "about autumn 1401", date(2022, 10, 1), M, True),  # Nasrin's words
    ("fa_AF", "۱۵ میزان ۱۴۰۱", date(2022, 10, 7), D, False),
    ("fa_AF", "حمل ۱۴۰۲", date(2023, 4, 1), M, True),
    ("fa_AF", "۱ حمل ۱۴۰۲", date(2023, 3, 21), D, False),
    ("fa_AF", "۳۰ حوت ۱۴۰۳", date(2025, 3, 20), D, False),
    ("fa_AF", "حدود خزان ۱۴۰۱", date(2022, 10, 1), M, True),
    ("fa_AF", "تقریباً ۱۴۰۰", date(2021, 1, 1), Y, True),
    ("fa_AF", "در حدود جدی ۱۴۰۱", date(2023, 1, 1), M, True),
    ("ps", "15 تله 1401", date(2022, 10, 7), D, False),
    ("ps", "د وري ۱۴۰۲", date(2023, 4, 1), M, True),
    ("ps", "غبرګولی 1400", date(2021, 6, 1), M, True),
    ("ps", "شاوخوا 1401", date(2022, 1, 1), Y, True),
    ("ps", "نږدې 2019", date(2019, 1, 1), Y, True),
    ("ps", "مارچ 2019", date(2019, 3, 1), M, False),
    ("ps", "منی 1401", date(2022, 10, 1), M, True),
    ("ur", "5 مارچ 2019", date(2019, 3, 5), D, False),
    ("ur", "جنوری 2019ء", date(2019, 1, 1), M, False),
    ("ur", "دسمبر 2019", date(2019, 12, 1), M, False),
    ("ur", "تقریباً 2019", date(2019, 1, 1), Y, True),
    ("ur", "لگ بھگ 2019", date(2019, 1, 1), Y, True),
    ("am", "5 ማርች 2019", date(2019, 3, 5), D, False),
    ("am", "ጃንዩወሪ 2019", date(2019, 1, 1), M, False),
    ("am", "በግምት 2019", date(2019, 1, 1), Y, True),
    ("am", "ወደ 2019", date(2019, 1, 1), Y, True),
    ("am", "በ2019", date(2019, 1, 1), Y, False),
    ("ti", "ጥቅምቲ 7, 2022", date(2022, 10, 7), D, False),
    ("ti", "መጋቢት 2019", date(2019, 3, 1), M, False),  # Eritrean usage: Gregorian March
    ("ti", "ብግምት 2019", date(2019, 1, 1), Y, True),
    ("ti", "ኣስታት ጥቅምቲ 2022", date(2022, 10, 1), M, True),
]

ETHIOPIAN = [  # Ge'ez month names read in the Ethiopian calendar
    ("am", "1 መስከረም 2016", date(2023, 9, 12), D, False),
    ("am", "መስከረም 1 2015", date(2022, 9, 11), D, False),
    ("am", "ጳጉሜን 6 2015", date(2023, 9, 11), D, False),  # 2015 E.C. is a leap year
    ("am", "የካቲት 26 ቀን 2011 ዓ.ም.", date(2019, 3, 5), D, False),  # as the app shows it
    ("am", "26/06/2011 ዓ.ም.", date(2019, 3, 5), D, False),
    ("am", "ታኅሣሥ 28 2016", date(2024, 1, 7), D, False),  # Genna
    ("am", "በመጋቢት 2011", date(2019, 3, 1), M, True),  # most of Megabit is in March
    ("am", "መስከረም 2016", date(2023, 9, 1), M, True),
    ("am", "2011 ዓ.ም.", date(2019, 1, 1), Y, True),
    ("en", "ታህሳስ 10 2012", date(2019, 12, 20), D, False),
    ("ti", "መስከረም 2015 ዓ.ም.", date(2022, 9, 1), M, True),  # ዓ.ም. selects it in Tigrinya
]


@pytest.mark.parametrize(("lang", "text", "iso", "precision", "approx"), ACCEPTED + ETHIOPIAN)
def test_accepted(lang: str, text: str, iso: date, precision: str, approx: bool) -> None:
    fuzzy = parse_date_input(text, lang=lang, today=TODAY)
    assert (fuzzy.iso, fuzzy.precision.value, fuzzy.approximate) == (iso, precision, approx)
    assert fuzzy.original == text


def test_every_language_has_its_cases() -> None:
    langs = {lang for lang, *_ in ACCEPTED}
    assert langs == set(SUPPORTED)
    for lang in SUPPORTED:
        rows = [r for r in ACCEPTED if r[0] == lang]
        assert {r[3] for r in rows} >= {D, M, Y} and any(r[4] for r in rows), lang


@pytest.mark.parametrize(("lang", "text", "needle"), [
    ("am", "ጳጉሜን 6 2016", "no day 6 in month 13 of the Ethiopian year 2016"),
    ("am", "31 መስከረም 2016", "no day 31"),
    ("am", "2011-14-01 ዓ.ም.", "no month 14 in the Ethiopian calendar"),
    ("am", "መስከረም 1850", "too long ago"),
    ("am", "መስከረም 2020", "future"),
    ("ru", "марта 1401", "Gregorian calendar"),
    ("fa_AF", "میزان 2019", "Solar Hijri calendar"),
    ("uk", "30 лютого 2019", "no day 30 in month 2"),
])
def test_refused_with_reason(lang: str, text: str, needle: str) -> None:
    with pytest.raises(InputRefused) as info:
        parse_date_input(text, lang=lang, today=TODAY)
    assert needle in info.value.message()


@pytest.mark.parametrize(("lang", "text", "iso"), [
    ("en", "03/05/2019", date(2019, 3, 5)),  # month/day/year
    ("en", "25/03/2019", date(2019, 3, 25)),  # only one order possible
    *[(lang, "03/05/2019", date(2019, 5, 3)) for lang in SUPPORTED if lang != "en"],
    *[(lang, "2019/03/05", date(2019, 3, 5)) for lang in SUPPORTED],  # year first: y-m-d
])
def test_day_month_order(lang: str, text: str, iso: date) -> None:
    assert parse_date_input(text, lang=lang, today=TODAY).iso == iso


@pytest.mark.parametrize("lang", SUPPORTED)
def test_unreadable_in_the_users_language(lang: str) -> None:
    t = translator(lang)
    with pytest.raises(DateUnreadable) as info:
        parse_date_input("next tuesday", lang=lang, today=TODAY)
    shown = info.value.message(t)
    examples = t(EXAMPLES)
    assert "next tuesday" in shown and examples in shown
    if lang != "en":
        assert examples != EXAMPLES and shown != info.value.message()
    for example in re.split(r"[;؛；፤]", examples):  # each example the message offers is read
        parse_date_input(example.strip(), lang=lang, today=TODAY)


def _date_examples() -> list[str]:
    out = []
    for step in STEPS:
        questions = [*step.questions, *(q for spec in step.lists for q in spec.questions)]
        out.extend(q.example for q in questions if q.widget is Widget.date)
    return out


_OR = re.compile(r"[,;،，፣]|\s(?:or|o|ou|oswa|أو|یا|или|або|veya|或|ወይ|ወይም)\s|[()]")


def _alternatives(example: str) -> list[str]:
    """'1990-04-12, or about 1990 (около 1990 года), or 1369/01/23' -> its dates."""
    parts = _OR.split(f" {example} ")
    words = {"or", "o", "ou", "oswa", "أو", "یا", "или", "або", "veya", "或", "ወይ", "ወይም"}
    out = []
    for part in parts:
        tokens = [w for w in part.split() if w not in words]
        if tokens:
            out.append(" ".join(tokens))
    return out


def test_help_text_examples_are_found() -> None:
    examples = _date_examples()
    assert len(examples) >= 10
    assert "1990-04-12, or about 1990, or 1369/01/23" in examples


@pytest.mark.parametrize("lang", SUPPORTED)
def test_translators_help_text_examples_are_read(lang: str) -> None:
    t = translator(lang)
    for example in _date_examples():
        for text in _alternatives(t(example)):
            try:
                parse_date_input(text, lang=lang, today=TODAY)
            except InputRefused as exc:
                pytest.fail(f"{lang}: example {text!r} of {t(example)!r}: {exc.message()}")


@pytest.mark.parametrize("lang", SUPPORTED)
def test_dates_the_app_shows_are_read_back(lang: str) -> None:
    t = translator(lang)
    for value in (FuzzyDate(iso=date(2022, 10, 7)),
                  FuzzyDate(iso=date(2019, 3, 1), precision=Precision.month),
                  FuzzyDate(iso=date(2019, 3, 1), precision=Precision.month, approximate=True),
                  FuzzyDate(iso=date(2019, 1, 1), precision=Precision.year, approximate=True)):
        shown = format_fuzzy(value, t)
        back = parse_date_input(shown, lang=lang, today=TODAY)
        if lang in ("fa", "fa_AF") and value.precision is not Precision.day:
            assert back.approximate, shown  # a Solar Hijri month only approximates one
            continue
        assert back.approximate == value.approximate, shown
        assert (back.iso, back.precision) == (value.iso, value.precision), shown


def test_no_word_means_two_things() -> None:
    tables = {"gregorian": date_words.GREGORIAN_MONTHS, "solar": date_words.SOLAR_MONTHS,
              "geez": date_words.GEEZ_MONTHS, "season": date_words.SEASONS,
              "filler": dict.fromkeys(date_words.FILLER, 0),
              "approx": dict.fromkeys((w for w in date_words.APPROX if " " not in w), 0)}
    seen: dict[str, str] = {}
    for name, table in tables.items():
        for key in table:
            assert seen.setdefault(key, name) == name, f"{key!r} is {seen[key]} and {name}"


@pytest.mark.parametrize(("ey", "em", "ed", "greg"), [
    (2016, 1, 1, date(2023, 9, 12)),
    (2015, 1, 1, date(2022, 9, 11)),
    (2015, 13, 6, date(2023, 9, 11)),
    (2017, 1, 1, date(2024, 9, 11)),
    (2016, 4, 28, date(2024, 1, 7)),
    (2011, 6, 26, date(2019, 3, 5)),
])
def test_known_ethiopian_pairs(ey: int, em: int, ed: int, greg: date) -> None:
    assert ethiopian.to_gregorian(ey, em, ed) == greg
    assert ethiopian.from_gregorian(greg) == (ey, em, ed)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_ethiopian_round_trip(day: date) -> None:
    assert ethiopian.to_gregorian(*ethiopian.from_gregorian(day)) == day
    assert ethiopian.from_gregorian(day + timedelta(days=1)) > ethiopian.from_gregorian(day)


def test_the_month_names_shown_are_the_month_names_read() -> None:
    """Amharic display names, and Tigrinya's Gregorian months, read back as the same month."""
    for month, name in enumerate(ethiopian.AMHARIC_MONTHS, 1):
        assert date_words.lookup(fold_for_dates(name)) == ("geez", month)
    for greg, name in enumerate(OWN_MONTHS["ti"], 1):
        found = date_words.lookup(fold_for_dates(name))
        assert found is not None and found[0] == "geez", name
        assert ethiopian.gregorian_month(int(str(found[1]))) == greg


def test_the_solar_hijri_month_names_shown_are_read() -> None:
    for names in (jalali.IRANIAN_MONTHS, jalali.AFGHAN_MONTHS, jalali.PASHTO_MONTHS):
        for month, name in enumerate(names, 1):
            assert date_words.lookup(fold_for_dates(name)) == ("solar", month), name


def test_pagume_length() -> None:
    assert ethiopian.month_length(2015, 13) == 6 and ethiopian.month_length(2016, 13) == 5
    with pytest.raises(ValueError):
        ethiopian.to_gregorian(2016, 13, 6)


def test_wizard_refusal_carries_translated_examples() -> None:
    from asylum_prep.forms.validation import validate_answer

    step = next(s for s in STEPS if any(q.widget is Widget.date for q in s.questions))
    question = next(q for q in step.questions if q.widget is Widget.date)
    assert step.input_model is not None
    t = translator("fa_AF")
    with pytest.raises(DateUnreadable) as info:
        validate_answer(step.input_model, question.field, "blah", lang="fa_AF", today=TODAY)
    assert t(EXAMPLES) in info.value.message(t) and "۱۵ میزان ۱۴۰۱" in info.value.message(t)
    value = validate_answer(step.input_model, question.field, "۱۵ میزان ۱۳۷۰", lang="fa_AF",
                            today=TODAY)
    assert value.iso == date(1991, 10, 7)
