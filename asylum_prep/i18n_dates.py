"""Dates shown to people, in their interface language. Stored dates never change: they stay
ISO dates with a precision (`domain.dates.FuzzyDate`); only the display is localised.

- Most languages: Babel's Gregorian formats (`format_date(..., "long")` for a day, the
  `yMMMM` skeleton for a month, `y` for a year).
- A month after "about" takes the month name of the format context (CLDR `MMMM`) instead of
  the stand-alone one (`LLLL`): Russian and Ukrainian govern the genitive there ("около
  октября 2022 г.", "близько жовтня 2022 р.", where a bare month reads "октябрь 2022 г.").
  Of our languages only ru and uk use `LLLL` in their month pattern; fa and ps have
  format/stand-alone differences too (ezafe, spelling), but their patterns already use
  `MMMM`.
- Haitian Creole (ht) and Tigrinya (ti): `OWN_MONTHS`, our own table. Babel has no Kreyòl
  data and falls back to French ("octobre"); CLDR's Tigrinya puts the month first like US
  English ("ጉንበት 3, 2022") and spells May ጉንበት, where written Eritrean Tigrinya (and CLDR's
  own abbreviation ግን) has ግንቦት. Both read day, month, year: "3 oktòb 2022", "3 ግንቦት 2022".
- Persian (fa) and Dari (fa_AF): the Solar Hijri calendar (`domain.jalali`), in Persian
  digits; Iranian month names for Persian (مهر), Afghan month names for Dari (میزان).
  `with_gregorian=True` adds the Gregorian date in brackets, which is what the documents will
  say (used where an applicant checks the date she typed).
- Amharic (am): Gregorian (the calendar the answers are typed in and the documents use),
  with the Ethiopian calendar date beside an exact day, e.g. "5 ማርች 2019 (የካቲት 26 ቀን
  2011 ዓ.ም.)", from `domain.ethiopian`. Tigrinya (ti): Gregorian only (Eritrea's civil
  calendar). See docs/translating.md.
- "About" is a translatable pattern, so each language orders it: `about {day}` before an
  exact day (French "vers le 3 mai 2022", Spanish "alrededor del 3 de mayo de 2022" take the
  article a day has), `about {date}` before a month or a year ("vers mai 2022").
"""

from __future__ import annotations

import re
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time

from asylum_prep.domain import ethiopian, jalali
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.i18n import PERSIAN_DIGIT_LANGS, Translator, babel_locale, persian_digits

SOLAR_HIJRI_LANGS = frozenset({"fa", "fa_AF"})
ETHIOPIAN_BESIDE = frozenset({"am"})

# Gregorian month names we write ourselves (see the module docstring), January first, each
# language with its patterns for a day and a month ({d} day, {m} month name, {y} year).
OWN_MONTHS: dict[str, tuple[str, ...]] = {
    "ht": ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm",
           "oktòb", "novanm", "desanm"),
    # the Ge'ez month names as Eritrean Tigrinya spells them, from Ter (ጥሪ), January
    "ti": ethiopian.TIGRINYA_MONTHS[4:] + ethiopian.TIGRINYA_MONTHS[:4],
}
# A year after a preposition, where the language writes the word "year" with it: Russian
# "в течение 1990 г.", "около 1990 г.", Ukrainian "протягом 1990 р." (a bare "1990" there
# leaves the noun the case agrees with unsaid). Babel's `y` skeleton gives the bare number.
GOVERNED_YEAR: dict[str, str] = {"ru": "{y}\u202fг.", "uk": "{y}\u202fр."}  # as Babel spaces them
OWN_PATTERNS: dict[str, tuple[str, str]] = {"ht": ("{d} {m} {y}", "{m} {y}"),
                                            "ti": ("{d} {m} {y}", "{m} {y}")}
_QUOTED = re.compile(r"('[^']*')")
_DISPLAY_RE = re.compile(r"^(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$| - )")
def _format_context(pattern: str) -> str:
    """A CLDR date pattern with its stand-alone month fields (L) made format-context (M)."""
    return "".join(part if part.startswith("'") else part.replace("L", "M")
                   for part in _QUOTED.split(pattern))


def _month(day: date, loc: Locale, governed: bool) -> str:
    skeleton = loc.datetime_skeletons.get("yMMMM")
    if governed and skeleton is not None:
        return format_date(day, format=_format_context(skeleton.pattern), locale=loc)
    return format_skeleton("yMMMM", day, locale=loc)


def gregorian_text(day: date, lang: str, precision: Precision = Precision.day,
                   fmt: str = "long", *, governed: bool = False,
                   loc: Locale | None = None) -> str:
    """A Gregorian date in `lang`, digits 0-9: Babel's formats, or `OWN_MONTHS` for ht and ti
    (day: `fmt` "long" or "medium"). `governed`: the date follows a word that governs its case
    ("about": Russian около, Ukrainian близько + genitive), so a month takes its format-context
    name. `loc` overrides the Babel locale (documents parse their language code their way)."""
    loc = loc or babel_locale(lang)
    own = OWN_MONTHS.get(lang)
    if precision is Precision.year:
        return format_skeleton("y", day, locale=loc) if own is None else str(day.year)
    if own is not None:
        day_pattern, month_pattern = OWN_PATTERNS[lang]
        pattern = month_pattern if precision is Precision.month else day_pattern
        return pattern.format(d=day.day, m=own[day.month - 1], y=day.year)
    if precision is Precision.month:
        return _month(day, loc, governed)
    return format_date(day, format=fmt, locale=loc)


def gregorian(day: date, lang: str, precision: Precision = Precision.day,
              fmt: str = "long", *, governed: bool = False) -> str:
    """A Gregorian date as the interface language `lang` shows it (`gregorian_text`, in
    Persian digits for fa, fa_AF and ps)."""
    text = gregorian_text(day, lang, precision, fmt, governed=governed)
    return persian_digits(text) if lang in PERSIAN_DIGIT_LANGS else text


def solar_hijri(day: date, lang: str, precision: Precision = Precision.day) -> str:
    """A date in the Solar Hijri calendar with Persian digits. A Gregorian month or year is
    shown as the Solar Hijri month or year holding most of it (month starts fall on the
    20th-22nd, so the 10th's month; the year from 21 March, so 1 July's year)."""
    months = jalali.AFGHAN_MONTHS if lang == "fa_AF" else jalali.IRANIAN_MONTHS
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


def format_moment(moment: datetime, lang: str) -> str:
    """A moment (a save, a version) as `lang` shows it: the day written out (`format_day`), the
    time of day in the language's short time format and digits, joined by the language's own
    date-and-time pattern (CLDR's medium one: "6 December 2026, 14:05", Persian
    "۱۵ آذر ۱۴۰۵،‏ ۱۴:۰۵")."""
    loc = babel_locale(lang)
    clock = format_time(moment.time(), "short", locale=loc)
    if lang in PERSIAN_DIGIT_LANGS:
        clock = persian_digits(clock)
    pattern = _QUOTED.sub(lambda m: m.group(1)[1:-1], str(loc.datetime_formats["medium"]))
    return pattern.replace("{1}", format_day(moment.date(), lang)).replace("{0}", clock)


def format_fuzzy(value: FuzzyDate, t: Translator, *, with_gregorian: bool = False) -> str:
    """A `FuzzyDate` for a reader of `t.lang`: precision kept, "about" translated as a whole
    pattern (`approximately`); Solar Hijri for Persian and Dari (with the Gregorian date in
    brackets when `with_gregorian`), the Ethiopian date beside an exact day for Amharic."""
    lang = t.lang
    if lang in SOLAR_HIJRI_LANGS:
        text = solar_hijri(value.iso, lang, value.precision)
        if with_gregorian:
            text = f"{text} ({gregorian(value.iso, lang, value.precision)})"
    else:
        text = gregorian(value.iso, lang, value.precision, governed=value.approximate)
        if lang in ETHIOPIAN_BESIDE and value.precision is Precision.day:
            text = f"{text} ({ethiopian.amharic_date(value.iso)})"
    return approximately(text, value.precision, t) if value.approximate else text


def approximately(text: str, precision: Precision, t: Translator) -> str:
    """`text`, a date of `precision` already written out, as "about" that date."""
    if precision is Precision.day:
        return t("about {day}", day=text)
    return t("about {date}", date=text)


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
