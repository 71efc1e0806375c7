"""Dates as applicants type them, turned into a `FuzzyDate` (ISO date, precision, "about").

The rules, in order:

1. The text is kept as typed in `original`. For reading it, Persian (۰-۹) and Arabic-Indic
   (٠-٩) digits become 0-9, Arabic letter forms become Persian ones, case is folded.
2. Words meaning "about" make the date approximate and are removed: about, around,
   approximately, approx., circa, c., roughly, early, mid, late, "~"; Spanish alrededor de,
   aproximadamente, cerca de, hacia, principios/mediados/finales de; Persian حدود, حدوداً,
   تقریباً, اوایل, اواسط, اواخر. Filler words (of, the, in, de, del, ماه, سال, ...) are ignored.
3. A year below 1700 is a Solar Hijri (Iranian) year; 1700 and above is Gregorian. So
   "1401/07/15", "15 Mehr 1401" and "۱۵ مهر ۱۴۰۱" are Solar Hijri whatever the language.
   Years before 1900 (1279 Solar Hijri) and two-digit years are refused.
4. Numbers only:
   - "2019" -> year; "2019-03", "03/2019", "1401/07" -> month;
   - year first ("2019-03-05", "1401/07/15", any of / . -) -> year, month, day;
   - year last: day and month in the language's order: English month/day/year (the US
     form order), Spanish and Persian day/month/year. When that reading is impossible but the
     other order is possible (English "25/03/2019"), the other order is used.
5. Month names in English, Spanish and Persian (Gregorian months as Iranians write them,
   e.g. مارس), and the twelve Solar Hijri months in Persian and in Latin letters
   (Farvardin ... Esfand), with an optional day and a year: "March 2019", "5 March 2019",
   "March 5, 2019", "5 de marzo de 2019", "مهر ۱۴۰۱". A Solar Hijri month needs a Solar
   Hijri year and a Gregorian month a Gregorian year.
6. Seasons ("autumn 1401", "پاییز ۱۴۰۱", "otoño de 2019", "spring 2020") are stored at month
   precision at the season's first month, always approximate. Solar Hijri seasons start in
   Farvardin, Tir, Mehr and Dey; Gregorian ones in March, June, September and December.
7. A Solar Hijri month or year without a day does not line up with Gregorian months: it is
   stored as the Gregorian month (or year) holding most of it, marked approximate; with a day
   it converts exactly.
8. Dates after `today` and days that do not exist (30 February, 31 Mehr is fine but
   31 Esfand is not) are refused with a message naming what is wrong.
"""

from __future__ import annotations

import re
from datetime import date

from asylum_prep.domain import jalali
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.errors import N_, InputRefused

SOLAR_HIJRI_BELOW = 1700
EARLIEST_GREGORIAN = 1900
EARLIEST_SOLAR_HIJRI = 1279

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "\u200c": " ", "\u200f": "",
                          "\u200e": "", "\u064b": "", "ٔ": "", "،": ",", "٬": ","})

_APPROX = (
    "approximately", "approx.", "approx", "around", "about", "circa", "roughly", "ca.", "c.",
    "early", "mid-", "mid", "late", "beginning of", "end of", "sometime in",
    "alrededor de", "aproximadamente", "cerca de", "hacia", "principios de", "mediados de",
    "finales de", "a principios de", "a mediados de", "a finales de", "más o menos",
    "حدوداً", "حدودا", "حدود", "تقریباً", "تقریبا", "اوایل", "اواسط", "اواخر", "~",
)
_FILLER = frozenset({"of", "the", "in", "on", "de", "del", "en", "el", "ماه", "سال", "در", "ی",
                     "هجری", "شمسی", "خورشیدی", "میلادی", "ad", "sh", "ap"})

_GREGORIAN_MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    "january jan enero ene ژانویه ژانویهٔ",
    "february feb febrero فوریه",
    "march mar marzo مارس",
    "april apr abril آوریل اپریل",
    "may mayo مه می",
    "june jun junio ژوئن",
    "july jul julio ژوئیه جولای",
    "august aug agosto ago اوت آگوست اگوست",
    "september sep sept septiembre setiembre سپتامبر",
    "october oct octubre اکتبر",
    "november nov noviembre نوامبر",
    "december dec diciembre dic دسامبر",
), start=1):
    for _name in _names.split():
        _GREGORIAN_MONTHS[_name] = _n

_SOLAR_MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    # Iranian names, then the Afghan (Dari) names of the same months.
    "فروردین farvardin حمل hamal",
    "اردیبهشت ordibehesht ثور sawr",
    "خرداد khordad جوزا jawza",
    "تیر tir سرطان saratan",
    "مرداد امرداد mordad amordad اسد asad",
    "شهریور shahrivar سنبله sonbola sunbula",
    "مهر mehr میزان mizan",
    "آبان aban عقرب aqrab",
    "آذر azar قوس qaws",
    "دی dey dei جدی jadi",
    "بهمن bahman دلو dalw",
    "اسفند esfand حوت hut",
), start=1):
    for _name in _names.split():
        _SOLAR_MONTHS[_name] = _n

# Season -> its first month (Gregorian, Solar Hijri).
_SEASONS: dict[str, tuple[int, int]] = {}
for _pair, _names in (
    ((3, 1), "spring primavera بهار"),
    ((6, 4), "summer verano تابستان"),
    ((9, 7), "autumn fall otoño پاییز پائیز"),
    ((12, 10), "winter invierno زمستان"),
):
    for _name in _names.split():
        _SEASONS[_name] = _pair

_EXAMPLES = "2019-03-05, March 2019, about 2019, 1401/07/15"


def _unreadable(text: str) -> InputRefused:
    return InputRefused(
        N_("We could not read \"{text}\" as a date. You can write it like this: {examples}. "
           "If you are not sure, write \"about\" and the year."),
        text=text[:60], examples=_EXAMPLES,
    )


def normalise(text: str) -> str:
    """Western digits, Persian letter forms, folded case, single spaces."""
    text = text.translate(_DIGITS).translate(_LETTERS).casefold()
    return " ".join(text.split())


def _strip_approx(text: str) -> tuple[str, bool]:
    approximate = False
    changed = True
    while changed:
        changed = False
        for word in sorted(_APPROX, key=len, reverse=True):
            left = r"(?<!\w)" if word[0].isalnum() else ""
            right = r"(?!\w)" if word[-1].isalnum() else ""
            pattern = left + re.escape(word) + right
            if re.search(pattern, text):
                text = re.sub(pattern, " ", text, count=1)
                approximate = changed = True
    return " ".join(text.split()), approximate


def _check_year(year: int) -> bool:
    """True for a Solar Hijri year, False for Gregorian; refuses years too long ago."""
    if year < 100:
        raise InputRefused(
            N_("Please write the year with all its digits, for example 2019 or 1398."))
    solar = year < SOLAR_HIJRI_BELOW
    if (solar and year < EARLIEST_SOLAR_HIJRI) or (not solar and year < EARLIEST_GREGORIAN):
        raise InputRefused(N_("The year {year} is too long ago. Please check the year."), year=year)
    return solar


def _month_ok(month: int) -> None:
    if not 1 <= month <= 12:
        raise InputRefused(
            N_("There is no month {month}: months are numbered from 1 to 12."), month=month)


def _build(year: int, month: int | None, day: int | None, *, approximate: bool) -> FuzzyDate:
    """A FuzzyDate from calendar parts (Solar Hijri when the year is below 1700)."""
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


def _numeric(parts: list[int], raw: list[str], lang: str, approximate: bool) -> FuzzyDate:
    if len(parts) == 1:
        return _build(parts[0], None, None, approximate=approximate)
    if len(parts) == 2:
        if len(raw[0]) >= 3:
            return _build(parts[0], parts[1], None, approximate=approximate)
        if len(raw[1]) >= 3:
            return _build(parts[1], parts[0], None, approximate=approximate)
        raise InputRefused(
            N_("Please write the year with all its digits, for example 2019 or 1398."))
    if len(raw[0]) >= 3:
        return _build(parts[0], parts[1], parts[2], approximate=approximate)
    if len(raw[2]) < 3:
        raise InputRefused(
            N_("Please write the year with all its digits, for example 2019 or 1398."))
    a, b, year = parts
    month, day = (a, b) if lang == "en" else (b, a)
    if not 1 <= month <= 12 and 1 <= day <= 12:
        month, day = day, month
    return _build(year, month, day, approximate=approximate)


def _worded(tokens: list[str], text: str, approximate: bool) -> FuzzyDate:
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit()]
    if len(words) != 1 or not 1 <= len(numbers) <= 2:
        raise _unreadable(text)
    word = words[0]
    years = [n for n in numbers if len(n) >= 3]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1:
        raise _unreadable(text)
    year = int(years[0])
    day = int(days[0]) if days else None
    solar = _check_year(year)
    if word in _SEASONS:
        if day is not None:
            raise _unreadable(text)
        gregorian_month, solar_month = _SEASONS[word]
        fuzzy = _build(year, solar_month if solar else gregorian_month, None, approximate=True)
        return fuzzy.model_copy(update={"approximate": True})
    if word in _SOLAR_MONTHS:
        if not solar:
            raise InputRefused(
                N_("{month} is a month of the Solar Hijri calendar, but {year} is a Gregorian "
                   "year. Please write a Solar Hijri year, for example 1401."),
                month=word, year=year)
        return _build(year, _SOLAR_MONTHS[word], day, approximate=approximate)
    if word in _GREGORIAN_MONTHS:
        if solar:
            raise InputRefused(
                N_("{month} is a month of the Gregorian calendar, but {year} looks like a Solar "
                   "Hijri year. Please write a Gregorian year, for example 2019."),
                month=word, year=year)
        return _build(year, _GREGORIAN_MONTHS[word], day, approximate=approximate)
    raise _unreadable(text)


def parse_date_input(text: str, *, lang: str, today: date) -> FuzzyDate:
    """Read a date the way an applicant types it (see the module docstring for the rules).

    Raises InputRefused with a translatable message naming what was wrong.
    """
    original = text.strip()
    if not original:
        raise InputRefused(N_("Please write a date, or choose \"I don't know\"."))
    if len(original) > 100:
        raise InputRefused(N_("A date is short: at most {n} characters."), n=100)
    cleaned, approximate = _strip_approx(normalise(original))
    cleaned = re.sub(r"(\d+)(st|nd|rd|th|º|ª|°|ام|م)\b", r"\1", cleaned)
    numeric = re.fullmatch(r"(\d+)(?:\s*([/.\-])\s*(\d+)(?:\s*\2\s*(\d+))?)?", cleaned)
    if numeric:
        raw = [g for g in (numeric.group(1), numeric.group(3), numeric.group(4)) if g]
        fuzzy = _numeric([int(g) for g in raw], raw, lang, approximate)
    else:
        tokens = [t for t in re.split(r"[\s,/.\-]+", cleaned) if t and t not in _FILLER]
        if not tokens:
            raise _unreadable(original)
        fuzzy = _worded(tokens, original, approximate)
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
