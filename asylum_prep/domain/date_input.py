"""Dates as applicants type them, turned into a `FuzzyDate` (ISO date, precision, "about").

The rules, in order:

1. The text is kept as typed in `original`. For reading it, `text.fold_for_dates` makes
   Persian (۰-۹), Arabic-Indic (٠-٩) and full-width digits 0-9, folds case, drops accents,
   Arabic vowel signs and hamza/madda, and maps Arabic letter forms to Persian ones.
   A part in brackets is an aside: "7 ኦክቶበር 2022 (መስከረም 27 ቀን 2015 ዓ.ም.)" and
   "~1990 (شاوخوا 1990)" are read from the part outside, or from the aside when the outside
   cannot be read.
2. Words meaning "about" make the date approximate and are removed, in every supported
   language ("~", about, alrededor de, vers, anviwon, por volta de, civarı, около, приблизно,
   约/左右, حوالي/تقريبًا, حدود, شاوخوا, تقریباً/لگ بھگ, በግምት, ኣስታት ...; the full list is
   `date_words.APPROX`). Filler words (of, de, en, в, году, في, ماه, په, میں, ቀን ...) are
   ignored. The vocabulary is shared: an applicant may answer in another language than the
   interface's.
3. A year below 1700 is a Solar Hijri (Iranian and Afghan) year; 1700 and above is
   Gregorian. So "1401/07/15", "15 Mehr 1401", "۱۵ مهر ۱۴۰۱", "۱۵ میزان ۱۴۰۱" and
   "15 تله 1401" are Solar Hijri whatever the language. Years before 1900 (1279 Solar
   Hijri, 1892 Ethiopian) and two-digit years are refused.
4. Numbers only:
   - "2019" -> year; "2019-03", "03/2019", "1401/07" -> month;
   - year first ("2019-03-05", "1401/07/15", any of / . -) -> year, month, day, always;
   - year last: day and month in the interface language's order: English month/day/year
     (the US form order), every other language day/month/year. When that reading is
     impossible but the other order is possible ("25/03/2019" in English), the other order
     is used.
   - Chinese "2019年3月5日", "2019年3月", "2019年" are read as 2019-03-05, 2019-03, 2019.
5. Month names: Gregorian months in every supported language (nominative, genitive and
   locative forms in Russian and Ukrainian, Turkish endings such as "Mart'ta", "martta",
   Levantine كانون الثاني ... and Egyptian/Maghreb يناير ...), the Solar Hijri months by
   their Iranian, Afghan (حمل ... حوت) and Pashto (وری ... کب) names and in Latin letters,
   with an optional day and a year, in any order: "March 2019", "5 mars 2019",
   "March 5, 2019", "5 de marzo de 2019", "مهر ۱۴۰۱", "5 марта 2019 г.". A Solar Hijri month
   needs a Solar Hijri year and a Gregorian month a Gregorian year.
6. Seasons ("autumn 1401", "پاییز ۱۴۰۱", "خزان ۱۴۰۱", "otoño de 2019", "осенью 2019",
   "2019年秋") are stored at month precision at the season's first month, always
   approximate. Solar Hijri seasons start in Farvardin, Tir, Mehr and Dey; Gregorian ones
   (northern hemisphere) in March, June, September and December.
7. A Solar Hijri or Ethiopian month or year without a day does not line up with Gregorian
   months: it is stored as the Gregorian month (or year) holding most of it, marked
   approximate; with a day it converts exactly.
8. The Ethiopian calendar: Ge'ez month names (መስከረም ... ጳጉሜን) are Ethiopian months, with
   an Ethiopian year ("የካቲት 26 ቀን 2011 ዓ.ም." = 2019-03-05), except in the Tigrinya
   interface, where they are Gregorian months as in Eritrea and in the app's own Tigrinya
   dates (ጥሪ = January ... መስከረም = September, "ኣስታት ጥቅምቲ 2022" = about October 2022).
   Writing ዓ.ም. (Amete Mihret) after the year always selects the Ethiopian calendar, also
   for numbers ("26/06/2011 ዓ.ም."); እ.ኤ.አ. selects the Gregorian one.
9. Dates after `today` and days that do not exist (30 February, 31 Mehr is fine but
   31 Esfand is not, 6 Pagume only in an Ethiopian leap year) are refused with a message
   naming what is wrong. The "could not read" message lists examples translated in the
   user's language (the msgid `EXAMPLES`, one example per ";"-separated part).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from asylum_prep.domain import date_words, ethiopian, jalali
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import collapse_spaces, fold_for_dates

__all__ = ["EXAMPLES", "DateUnreadable", "format_for_input", "parse_date_input"]

SOLAR_HIJRI_BELOW = 1700
EARLIEST_GREGORIAN = 1900
EARLIEST_SOLAR_HIJRI = 1279
EARLIEST_ETHIOPIAN = 1892
MONTH_FIRST_LANGS = frozenset({"en"})  # numeric m/d/y; every other language d/m/y
GEEZ_GREGORIAN_LANGS = frozenset({"ti"})  # Ge'ez month names are Gregorian months here

# TRANSLATORS: examples of dates the app can read, in your language, separated by ";".
# Every example must be accepted by the date reader (a test checks each one).
EXAMPLES = N_("2019-03-05; 5 March 2019; March 2019; about 2019")

_ETHIOPIAN_ERA = re.compile(r"ዓ\s*[./]?\s*ም\.?|ዓመተ\s*ምሕረት")
_GREGORIAN_ERA = re.compile(r"እ\s*\.?\s*ኤ\s*\.?\s*አ\.?")
_SUFFIX = re.compile(r"(\d+)(?:st|nd|rd|th|er|eme|o|a|ام|م|ء|г|гг|р|-го|-ого|-е)(?!\w)")
_ETHIOPIC_IN = re.compile(r"(?<!\S)[በብ](?=\d)")
_ZH = (
    (re.compile(r"(\d+)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"), r"\1-\2-\3"),
    (re.compile(r"(\d+)\s*年\s*(\d{1,2})\s*月份?"), r"\1-\2"),
    (re.compile(r"(\d+)\s*年[份度]?"), r"\1 "),
)
_TOKEN_SPLIT = re.compile(r"[\s,;/.\-]+")


class DateUnreadable(InputRefused):
    """A date we could not read; the examples in its message are translated with it."""

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        if translate is None:
            return super().message()
        params = {**self.params, "examples": translate(str(self.params.get("examples", "")))}
        try:
            return translate(self.template).format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)


def _unreadable(text: str) -> DateUnreadable:
    return DateUnreadable(
        N_("We could not read \"{text}\" as a date. You can write it like this: {examples}. "
           "If you are not sure, write \"about\" and the year."),
        text=text[:60], examples=EXAMPLES,
    )


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff"


def _strip_approx(text: str) -> tuple[str, bool]:
    approximate = False
    changed = True
    while changed:
        changed = False
        for word in sorted(date_words.APPROX, key=len, reverse=True):
            left = r"(?<!\w)" if word[0].isalnum() and not _is_cjk(word[0]) else ""
            right = r"(?!\w)" if word[-1].isalnum() and not _is_cjk(word[-1]) else ""
            pattern = left + re.escape(word) + right
            if re.search(pattern, text):
                text = re.sub(pattern, " ", text, count=1)
                approximate = changed = True
    return collapse_spaces(text), approximate


def _all_digits() -> InputRefused:
    return InputRefused(
        N_("Please write the year with all its digits, for example 2019 or 1398."))


def _too_long_ago(year: int) -> InputRefused:
    return InputRefused(N_("The year {year} is too long ago. Please check the year."), year=year)


def _check_year(year: int) -> bool:
    """True for a Solar Hijri year, False for Gregorian; refuses years too long ago."""
    if year < 100:
        raise _all_digits()
    solar = year < SOLAR_HIJRI_BELOW
    if (solar and year < EARLIEST_SOLAR_HIJRI) or (not solar and year < EARLIEST_GREGORIAN):
        raise _too_long_ago(year)
    return solar


def _month_ok(month: int) -> None:
    if not 1 <= month <= 12:
        raise InputRefused(
            N_("There is no month {month}: months are numbered from 1 to 12."), month=month)


def _build_ethiopian(year: int, month: int | None, day: int | None, *,
                     approximate: bool) -> FuzzyDate:
    """A FuzzyDate from Ethiopian calendar parts (months 1-13)."""
    if year < 100:
        raise _all_digits()
    if year < EARLIEST_ETHIOPIAN:
        raise _too_long_ago(year)
    if month is None:  # Meskerem 1 falls in September: most of the year is in year + 8
        return FuzzyDate(iso=date(year + 8, 1, 1), precision=Precision.year, approximate=True)
    if not 1 <= month <= ethiopian.MONTHS:
        raise InputRefused(
            N_("There is no month {month} in the Ethiopian calendar: its months are numbered "
               "from 1 to 13."), month=month)
    if day is None:
        middle = ethiopian.to_gregorian(year, month, 15 if month < ethiopian.MONTHS else 3)
        return FuzzyDate(iso=middle.replace(day=1), precision=Precision.month, approximate=True)
    if not 1 <= day <= ethiopian.month_length(year, month):
        raise InputRefused(
            N_("There is no day {day} in month {month} of the Ethiopian year {year}."),
            day=day, month=month, year=year)
    return FuzzyDate(iso=ethiopian.to_gregorian(year, month, day), approximate=approximate)


def _build(year: int, month: int | None, day: int | None, *, approximate: bool,
           calendar: str = "") -> FuzzyDate:
    """A FuzzyDate from calendar parts: Ethiopian when asked, else Solar Hijri below 1700."""
    if calendar == "ethiopian":
        return _build_ethiopian(year, month, day, approximate=approximate)
    solar = _check_year(year)
    if month is not None:
        _month_ok(month)
    if solar:
        if month is None:
            return FuzzyDate(iso=date(year + 621, 1, 1), precision=Precision.year, approximate=True)
        if day is None:
            middle = jalali.to_gregorian(year, month, 15)
            return FuzzyDate(iso=middle.replace(day=1), precision=Precision.month,
                             approximate=True)
        if not 1 <= day <= jalali.month_length(year, month):
            raise InputRefused(
                N_("There is no day {day} in month {month} of the Solar Hijri year {year}."),
                day=day, month=month, year=year)
        return FuzzyDate(iso=jalali.to_gregorian(year, month, day), approximate=approximate)
    if month is None:
        return FuzzyDate(iso=date(year, 1, 1), precision=Precision.year, approximate=approximate)
    if day is None:
        return FuzzyDate(iso=date(year, month, 1), precision=Precision.month,
                         approximate=approximate)
    try:
        return FuzzyDate(iso=date(year, month, day), approximate=approximate)
    except ValueError:
        raise InputRefused(N_("There is no day {day} in month {month} of {year}."),
                           day=day, month=month, year=year) from None


def _numeric(raw: list[str], lang: str, approximate: bool, calendar: str) -> FuzzyDate:
    parts = [int(g) for g in raw]
    if len(parts) == 1:
        return _build(parts[0], None, None, approximate=approximate, calendar=calendar)
    if len(parts) == 2:
        if len(raw[0]) >= 3:
            return _build(parts[0], parts[1], None, approximate=approximate, calendar=calendar)
        if len(raw[1]) >= 3:
            return _build(parts[1], parts[0], None, approximate=approximate, calendar=calendar)
        raise _all_digits()
    if len(raw[0]) >= 3:
        return _build(parts[0], parts[1], parts[2], approximate=approximate, calendar=calendar)
    if len(raw[2]) < 3:
        raise _all_digits()
    a, b, year = parts
    month, day = (a, b) if lang in MONTH_FIRST_LANGS else (b, a)
    months = ethiopian.MONTHS if calendar == "ethiopian" else 12
    if not 1 <= month <= months and 1 <= day <= months:
        month, day = day, month
    return _build(year, month, day, approximate=approximate, calendar=calendar)


def _worded(tokens: list[str], text: str, lang: str, approximate: bool,
            calendar: str) -> FuzzyDate:
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit()]
    if len(words) != 1 or not 1 <= len(numbers) <= 2:
        raise _unreadable(text)
    found = date_words.lookup(words[0], lang)
    years = [n for n in numbers if len(n) >= 3]
    days = [n for n in numbers if len(n) <= 2]
    if found is None or len(years) != 1 or len(days) > 1:
        raise _unreadable(text)
    kind, value = found
    year = int(years[0])
    day = int(days[0]) if days else None
    if kind == "geez" and isinstance(value, int):
        as_gregorian = ethiopian.gregorian_month(value)
        if calendar == "ethiopian" or as_gregorian is None or (
                calendar != "gregorian" and lang not in GEEZ_GREGORIAN_LANGS):
            return _build_ethiopian(year, value, day, approximate=approximate)
        kind, value = "gregorian", as_gregorian
    if calendar == "ethiopian":  # ዓ.ም. with a month name of another calendar
        raise _unreadable(text)
    solar = _check_year(year)
    if kind == "season" and isinstance(value, tuple):
        if day is not None:
            raise _unreadable(text)
        gregorian_month, solar_month = value
        fuzzy = _build(year, solar_month if solar else gregorian_month, None, approximate=True)
        return fuzzy.model_copy(update={"approximate": True})
    assert isinstance(value, int)
    if kind == "solar":
        if not solar:
            raise InputRefused(
                N_("{month} is a month of the Solar Hijri calendar, but {year} is a Gregorian "
                   "year. Please write a Solar Hijri year, for example 1401."),
                month=words[0], year=year)
        return _build(year, value, day, approximate=approximate)
    if solar:
        raise InputRefused(
            N_("{month} is a month of the Gregorian calendar, but {year} looks like a Solar "
               "Hijri year. Please write a Gregorian year, for example 2019."),
            month=words[0], year=year)
    return _build(year, value, day, approximate=approximate)


def _read(cleaned: str, original: str, lang: str) -> FuzzyDate:
    """Read normalised text (see the module docstring for the rules)."""
    calendar = ""
    if _ETHIOPIAN_ERA.search(cleaned):
        calendar, cleaned = "ethiopian", _ETHIOPIAN_ERA.sub(" ", cleaned)
    elif _GREGORIAN_ERA.search(cleaned):
        calendar, cleaned = "gregorian", _GREGORIAN_ERA.sub(" ", cleaned)
    cleaned = re.sub(r"(?<!\w)[dl]'", " ", cleaned)  # French d'avril, l'automne
    cleaned = re.sub(r"(\w)'\w+", r"\1", cleaned)  # Turkish 2019'da, Mart'ta
    cleaned, approximate = _strip_approx(cleaned)
    for pattern, replacement in _ZH:
        cleaned = pattern.sub(replacement, cleaned)
    cleaned = _ETHIOPIC_IN.sub("", _SUFFIX.sub(r"\1", cleaned)).strip()
    numeric = re.fullmatch(r"(\d+)(?:\s*([/.\-])\s*(\d+)(?:\s*\2\s*(\d+))?)?", cleaned)
    if numeric:
        raw = [g for g in (numeric.group(1), numeric.group(3), numeric.group(4)) if g]
        return _numeric(raw, lang, approximate, calendar)
    tokens = [t for t in _TOKEN_SPLIT.split(date_words.join_phrases(cleaned))
              if t and t not in date_words.FILLER]
    if tokens and len(tokens) <= 3 and all(t.isdigit() for t in tokens):
        return _numeric(tokens, lang, approximate, calendar)  # "около 2019 года"
    if not tokens:
        raise _unreadable(original)
    return _worded(tokens, original, lang, approximate, calendar)


def parse_date_input(text: str, *, lang: str, today: date) -> FuzzyDate:
    """Read a date the way an applicant types it (see the module docstring for the rules).

    `lang` is the interface language (it sets the day/month order and what Ge'ez month
    names mean). Raises InputRefused with a translatable message naming what was wrong.
    """
    original = text.strip()
    if not original:
        raise InputRefused(N_("Please write a date, or choose \"I don't know\"."))
    if len(original) > 100:
        raise InputRefused(N_("A date is short: at most {n} characters."), n=100)
    lang = lang.replace("-", "_").split("_")[0]
    cleaned = fold_for_dates(original)
    aside = re.search(r"\(([^()]*)\)", cleaned)
    main = re.sub(r"\([^()]*\)", " ", cleaned).strip() if aside else cleaned
    try:
        fuzzy = _read(main or (aside.group(1) if aside else ""), original, lang)
    except DateUnreadable:
        if not (aside and main):
            raise
        fuzzy = _read(aside.group(1), original, lang)
    if fuzzy.earliest > today:
        raise InputRefused(
            N_("This date is in the future ({date}). Please check it; for a date you do not "
               "know exactly, write \"about\" and the year."),
            date=fuzzy.display())
    return fuzzy.model_copy(update={"original": original[:100]})


def format_for_input(fuzzy: FuzzyDate | None) -> str:
    """The text to put back in the box: what the applicant typed, else the ISO form."""
    if fuzzy is None:
        return ""
    return fuzzy.original or fuzzy.display().lstrip("~")
