"""Dates shown to people, in their interface language. Stored dates never change: they stay
ISO dates with a precision (`domain.dates.FuzzyDate`); only the display is localised.

- Most languages: Babel's Gregorian formats (`format_date(..., "long")` for a day, the
  `yMMMM` skeleton for a month, `y` for a year).
- Persian (fa) and Dari (fa_AF): the Solar Hijri calendar (`domain.jalali`), in Persian
  digits; Iranian month names for Persian (مهر), Afghan month names for Dari (میزان).
  `with_gregorian=True` adds the Gregorian date in brackets, which is what the documents will
  say (used where an applicant checks the date she typed).
- Amharic (am): Gregorian (the calendar the answers are typed in and the documents use),
  with the Ethiopian calendar date beside an exact day, e.g. "5 ማርች 2019 (የካቲት 26 ቀን
  2011 ዓ.ም.)". Tigrinya (ti): Gregorian only (Eritrea's civil calendar). See
  docs/translating.md.
- "About" is one translatable sentence pattern, `about {date}`, so each language orders it.

`isolate(text)` wraps a value (a Latin name, a date, a number) in Unicode first-strong
isolates so it reads in the right order inside a right-to-left sentence, in plain text and
Markdown alike (the HTML equivalent is `<bdi>`).
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date, format_skeleton

from asylum_prep.domain import jalali
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.i18n import PERSIAN_DIGIT_LANGS, Translator, babel_locale

SOLAR_HIJRI_LANGS = frozenset({"fa", "fa_AF"})
ETHIOPIAN_BESIDE = frozenset({"am"})

IRANIAN_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
                  "آذر", "دی", "بهمن", "اسفند")
AFGHAN_MONTHS = ("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس",
                 "جدی", "دلو", "حوت")
ETHIOPIAN_MONTHS = ("መስከረም", "ጥቅምት", "ኅዳር", "ታኅሣሥ", "ጥር", "የካቲት", "መጋቢት", "ሚያዝያ",
                    "ግንቦት", "ሰኔ", "ሐምሌ", "ነሐሴ", "ጳጉሜን")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ETHIOPIAN_EPOCH = 1723856  # the Amete Mihret era constant of the usual JDN algorithm
_JDN_OFFSET = 1721425  # date.toordinal() + this = Julian day number
_DISPLAY_RE = re.compile(r"^(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$| - )")
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """`text` as a bidi-isolated run (FSI ... PDI)."""
    return f"{FSI}{text}{PDI}" if text else text


def persian_digits(text: str) -> str:
    return text.translate(_PERSIAN_DIGITS)


def to_ethiopian(day: date) -> tuple[int, int, int]:
    """(year, month 1-13, day) in the Ethiopian calendar."""
    jdn = day.toordinal() + _JDN_OFFSET
    r = (jdn - _ETHIOPIAN_EPOCH) % 1461
    n = r % 365 + 365 * (r // 1460)
    year = 4 * ((jdn - _ETHIOPIAN_EPOCH) // 1461) + r // 365 - r // 1460
    return year, n // 30 + 1, n % 30 + 1


def ethiopian(day: date) -> str:
    """An exact day in the Ethiopian calendar, in Amharic: "የካቲት 26 ቀን 2011 ዓ.ም."."""
    year, month, d = to_ethiopian(day)
    return f"{ETHIOPIAN_MONTHS[month - 1]} {d} ቀን {year} ዓ.ም."


def gregorian(day: date, lang: str, precision: Precision = Precision.day,
              fmt: str = "long") -> str:
    """A Gregorian date in `lang` by Babel (day: `fmt` "long" or "medium")."""
    loc = babel_locale(lang)
    if precision is Precision.year:
        text = format_skeleton("y", day, locale=loc)
    elif precision is Precision.month:
        text = format_skeleton("yMMMM", day, locale=loc)
    else:
        text = format_date(day, format=fmt, locale=loc)
    return persian_digits(text) if lang in PERSIAN_DIGIT_LANGS else text


def solar_hijri(day: date, lang: str, precision: Precision = Precision.day) -> str:
    """A date in the Solar Hijri calendar with Persian digits. A Gregorian month or year is
    shown as the Solar Hijri month or year holding most of it (month starts fall on the
    20th-22nd, so the 10th's month; the year from 21 March, so 1 July's year)."""
    months = AFGHAN_MONTHS if lang == "fa_AF" else IRANIAN_MONTHS
    if precision is Precision.year:
        jy, _m, _d = jalali.from_gregorian(date(day.year, 7, 1))
        text = f"{jy}"
    elif precision is Precision.month:
        jy, jm, _d = jalali.from_gregorian(date(day.year, day.month, 10))
        text = f"{months[jm - 1]} {jy}"
    else:
        jy, jm, jd = jalali.from_gregorian(day)
        text = f"{jd} {months[jm - 1]} {jy}"
    return persian_digits(text)


def format_day(day: date, lang: str, fmt: str = "long") -> str:
    """An exact day as the interface language shows it (Solar Hijri for fa and fa_AF)."""
    if lang in SOLAR_HIJRI_LANGS:
        return solar_hijri(day, lang)
    return gregorian(day, lang, fmt=fmt)


def format_fuzzy(value: FuzzyDate, t: Translator, *, with_gregorian: bool = False) -> str:
    """A `FuzzyDate` for a reader of `t.lang`: precision kept, "about" translated as a whole
    pattern; Solar Hijri for Persian and Dari (with the Gregorian date in brackets when
    `with_gregorian`), the Ethiopian date beside an exact day for Amharic."""
    lang = t.lang
    if lang in SOLAR_HIJRI_LANGS:
        text = solar_hijri(value.iso, lang, value.precision)
        if with_gregorian:
            text = f"{text} ({gregorian(value.iso, lang, value.precision)})"
    else:
        text = gregorian(value.iso, lang, value.precision)
        if lang in ETHIOPIAN_BESIDE and value.precision is Precision.day:
            text = f"{text} ({ethiopian(value.iso)})"
    return t("about {date}", date=text) if value.approximate else text


def from_display(text: str) -> tuple[FuzzyDate, str] | None:
    """Read back a leading `FuzzyDate.display()` ("~2019-03", "2019-03-05 - Tehran"):
    the date and the rest of the text, or None."""
    found = _DISPLAY_RE.match(text)
    if not found:
        return None
    approx, year, month, day = found.groups()
    precision = Precision.day if day else Precision.month if month else Precision.year
    try:
        iso = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    fuzzy = FuzzyDate(iso=iso, precision=precision, approximate=bool(approx))
    return fuzzy, text[found.end():]


def localize_leading_date(text: str, t: Translator) -> str:
    """A list entry's summary ("2019-03-05 - Tehran") with its leading date localised."""
    found = from_display(text)
    if found is None:
        return text
    fuzzy, rest = found
    return format_fuzzy(fuzzy, t) + rest
