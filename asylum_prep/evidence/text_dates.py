"""Dates written in a document's text (what OCR read, or a born-digital document's own text),
read the way the wizard reads a typed date (`domain.date_input.parse_date_input`: every
supported language, Persian and Arabic digits, Solar Hijri and Ethiopian calendars, month
names), so the consistency check can compare a document's dates with the story's.

Only whole dates (a day, month and year) count: a document's year alone says too little to
contradict anything. Candidates are numeric dates ("1401/02/24", "14.05.2022") and short runs
of words ending in, or around, a four-digit year ("14 May 2022", "May 14, 2022",
"۲۴ اردیبهشت ۱۴۰۱"); each is read as typed, and what cannot be read is skipped.
"""

from __future__ import annotations

import re
from datetime import date

from asylum_prep.domain.date_input import parse_date_input
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.errors import InputRefused
from asylum_prep.text import fold_for_dates

MAX_DATES = 20
_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{1,4})(?!\d)")
_YEAR = re.compile(r"^(1[2-9]\d\d|20\d\d)$")
_EDGE_PUNCTUATION = ",.;:!?()[]«»\"'“”،؛"
_CJK_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _read(text: str, lang: str, today: date) -> FuzzyDate | None:
    try:
        found = parse_date_input(text, lang=lang, today=today)
    except InputRefused:
        return None
    return found if found.precision is Precision.day and not found.approximate else None


def dates_in(text: str, lang: str, *, today: date | None = None) -> list[FuzzyDate]:
    """The whole dates written in `text`, in order of first appearance, each once."""
    today = today or date.today()
    folded = fold_for_dates(text)
    candidates = [m.group(0) for m in _NUMERIC.finditer(folded)]
    candidates += _CJK_DATE.findall(folded)
    words = [w.strip(_EDGE_PUNCTUATION) for w in folded.split()]
    for n, word in enumerate(words):
        if _YEAR.match(word):
            candidates += [" ".join(words[max(0, n - 2):n + 1]),
                           " ".join(words[max(0, n - 1):n + 1] + words[n + 1:n + 2])]
    found: dict[date, FuzzyDate] = {}
    for candidate in candidates:
        fuzzy = _read(candidate, lang, today)
        if fuzzy is not None and fuzzy.iso not in found:
            found[fuzzy.iso] = fuzzy
        if len(found) >= MAX_DATES:
            break
    return list(found.values())
