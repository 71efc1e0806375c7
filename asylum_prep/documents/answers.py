"""Reading answers for a document: the original, or its current translation, never invented.

`Answers.get(path)` returns the applicant's text in the document's language when it can: the
original when the document is in the answer language; the stored translation when it is current
(its source hash matches the original); otherwise the original with a flag and a notice. Dates
and country names are formatted by Babel for the document language.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from babel import Locale, UnknownLocaleError

from asylum_prep import countries
from asylum_prep.documents.model import Notice, Text
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.record import CaseRecord, get_path, text_sha256
from asylum_prep.errors import N_
from asylum_prep.forms.answer_kinds import needs_translation
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.i18n import SUPPORTED, Translator
from asylum_prep.i18n_dates import GOVERNED_YEAR, approximately, gregorian_text
from asylum_prep.text import latin_only

Status = str  # "original" | "translated" | "missing" | "stale"


class Dated(NamedTuple):
    """One sentence in the four wordings the date it carries needs: an exact day ("on 3 May
    2022"), a month or a year ("in October 2022", "in 1990"), and each of them approximate
    ("on or about 3 May 2022", "in or about 1990"). Each language words them its own way
    (French "le" / "en" / "vers le" / "vers", Russian month in the genitive after "в течение"
    or "около"); `Answers.dated` picks the wording from the date's precision."""

    day: str
    period: str
    about_day: str
    about_period: str

    def pick(self, fd: FuzzyDate) -> str:
        exact = fd.precision is Precision.day
        if fd.approximate:
            return self.about_day if exact else self.about_period
        return self.day if exact else self.period


def babel_locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def phrase_lang(lang: str) -> str:
    """The language fixed phrases are really printed in: `lang` when a catalog exists for it,
    else English (so the text is tagged, shaped and spell-checked as what it is)."""
    import gettext

    from asylum_prep.i18n import _translations

    if lang == "en" or lang not in SUPPORTED:
        return "en"
    return "en" if type(_translations(lang)) is gettext.NullTranslations else lang


def document_translator(lang: str, notices: list[Notice]) -> Translator:
    """A translator for a document language; English phrases where no catalog exists."""
    if lang not in SUPPORTED:
        notices.append(
            Notice(
                template=N_(
                    "Fixed phrases are not yet translated into {lang}; they are printed in English."
                ),
                params={"lang": lang},
            )
        )
        return Translator("en")
    return Translator(lang)


class Answers:
    def __init__(self, record: CaseRecord, lang: str, t: Translator) -> None:
        self.record = record
        self.lang = lang
        self.src_lang = record.filing.answer_language or "en"
        self.t = t
        self.original = lang == self.src_lang
        self.fixed_lang = phrase_lang(lang)
        self.notices: list[Notice] = []
        self.pending: dict[str, Status] = {}  # path -> status for the paragraph being built
        self._locale = babel_locale(lang)

    # -- text answers -------------------------------------------------------------------
    def get(self, path: str) -> Text | None:
        value = get_path(self.record, path)
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if self.original:
            self.pending[path] = "original"
            return Text(text=value, lang=self.src_lang)
        tr = self.record.translations.get(path)
        if tr is not None and tr.source_sha256 == text_sha256(value) and tr.text.strip():
            self.pending[path] = "translated"
            return Text(text=tr.text.strip(), lang=self.lang)
        if self.lang == "en" and not needs_translation(path, value, self.src_lang):
            # numbers, names, Latin-script words: printed as written, nothing to certify
            self.pending[path] = "original"
            return Text(text=value, lang=self.lang if latin_only(value) else self.src_lang)
        status = "stale" if tr is not None else "missing"
        self.pending[path] = status
        return Text(text=value, lang=self.src_lang)

    def plain(self, path: str) -> str:
        got = self.get(path)
        return got.text if got else ""

    def skipped(self, path: str) -> str:
        return self.record.skipped.get(path, "")

    def take_pending(self) -> dict[str, Status]:
        out, self.pending = self.pending, {}
        return out

    def question_params(self, path: str) -> dict[str, str]:
        """The wizard question that asks `path` and its part (or list), as N_() sources for
        the team's notices: people read questions, not record paths."""
        label = answer_label(self.record, path)
        return {"question": label.question, "part": label.list_title or label.section}

    def flag_for(self, statuses: dict[str, Status], number: int) -> Text | None:
        stale = [p for p, s in statuses.items() if s == "stale"]
        missing = [p for p, s in statuses.items() if s == "missing"]
        for p in stale:
            self.notices.append(
                Notice(
                    template=N_(
                        "Paragraph {number}: the translation of “{question}” ({part}) is out "
                        "of date; the original words are printed."
                    ),
                    params={"number": str(number), **self.question_params(p)},
                    labels=("question", "part"),
                )
            )
        for p in missing:
            self.notices.append(
                Notice(
                    template=N_(
                        "Paragraph {number}: “{question}” ({part}) has no translation; the "
                        "original words are printed."
                    ),
                    params={"number": str(number), **self.question_params(p)},
                    labels=("question", "part"),
                )
            )
        if stale:
            return Text(
                text=self.t("[Translation out of date: the applicant's own words are printed.]"),
                lang=self.fixed_lang,
            )
        if missing:
            return Text(
                text=self.t("[Not translated: the applicant's own words are printed.]"),
                lang=self.fixed_lang,
            )
        return None

    # -- dates and places -----------------------------------------------------------------
    def date(self, fd: FuzzyDate | None) -> str:
        if fd is None:
            return ""
        d: date = fd.iso
        if fd.precision is Precision.year:
            shown = str(d.year)
        else:  # Babel's formats, Kreyòl and Tigrinya months our own (i18n_dates)
            shown = gregorian_text(d, self.lang, fd.precision, governed=fd.approximate,
                                   loc=self._locale)
        return approximately(shown, fd.precision, self.t) if fd.approximate else shown

    def bare_date(self, fd: FuzzyDate) -> str:
        """The date alone, for a `Dated` sentence that says "on", "in" or "about" itself: a
        month in the form a governing word takes (Russian, Ukrainian genitive), a year with
        the year word where the language writes one after a preposition ("1990 г.")."""
        if fd.precision is Precision.year and self.lang in GOVERNED_YEAR:
            return GOVERNED_YEAR[self.lang].format(y=fd.iso.year)
        return gregorian_text(fd.iso, self.lang, fd.precision,
                              governed=fd.precision is Precision.month, loc=self._locale)

    def dated(self, fd: FuzzyDate, forms: Dated, **params: str) -> str:
        """The wording of `forms` that fits `fd`, with the date filled in as {date}. A date
        that ends in an abbreviation's full stop ("1990 г.") ends the sentence with it."""
        shown = self.bare_date(fd)
        text = self.t(forms.pick(fd), date=shown, **params)
        if shown.endswith("."):
            text = text.replace(f"{shown}.", shown)
        return text

    def country(self, code: str) -> str:
        return countries.name(code, self.lang)

    def when_where(
        self,
        fd: FuzzyDate | None,
        place_path: str | None,
        both: Dated,
        when: Dated,
        where: str,
        neither: str | None,
    ) -> str | None:
        """Pick the fixed lead-in sentence that matches the values that exist (and, for a
        date, the wording its precision needs)."""
        place = self.plain(place_path) if place_path else ""
        if self.fixed_lang == "en" and _LEADING_IN.match(place):
            # the sentence already says "in": "in front of the ministry", never "in In front of"
            place = _LEADING_IN.sub("", place, count=1)
        if fd is not None and place:
            return self.dated(fd, both, place=place)
        if fd is not None:
            return self.dated(fd, when)
        if place:
            return self.t(where, place=place)
        return self.t(neither) if neither else None


_LEADING_IN = re.compile(r"^in\s+(?=\S)", re.IGNORECASE)


def display_name(answers: Answers) -> str:
    """The applicant's name in the document language (the translator's transliteration when
    current, else as written)."""
    parts = [answers.plain("about.given_names"), answers.plain("about.family_name")]
    answers.take_pending()
    return " ".join(p for p in parts if p)


def sort_key(fd: FuzzyDate | None) -> tuple[int, date]:
    return (1, date.max) if fd is None else (0, fd.iso)
