"""Translations per call, never process-global: each session holds its own `Translator`.

Catalogs are gettext .po files under locales/<code>/LC_MESSAGES/messages.po, compiled to .mo
by the make targets (and on first use when a .mo is missing or older than its .po). The codes
are fixed (translators work with them): `en` is the source language; `fa_AF` is Dari, shown
as «دری»; `zh_Hans` is Simplified Chinese.

Each catalog's header carries its review state as a header comment line
`# Review-State: machine-assisted` (or `reviewed-by-native-speaker`); admins see it
(`catalog_status`).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT = "en"

# Order shown in the picker: English, the Latin-script languages of the Americas and Europe,
# the right-to-left languages, Cyrillic, Turkish, Chinese, Ethiopic. Each is shown by its own
# name, in its own script.
SUPPORTED: tuple[str, ...] = (
    "en", "es", "fr", "ht", "pt", "ar", "fa", "fa_AF", "ps", "ur", "ru", "uk", "tr",
    "zh_Hans", "ti", "am",
)
# Right-to-left interface languages (he and prs kept for documents in other languages).
RTL_LANGUAGES = frozenset({"ar", "fa", "fa_AF", "ps", "ur", "prs", "he"})
# The Babel locale used to format dates and numbers for an interface language.
BABEL_LOCALES: dict[str, str] = {"zh_Hans": "zh_Hans_CN", "fa_AF": "fa_AF", "prs": "fa_AF"}
NATIVE_NAMES: dict[str, str] = {
    "fa_AF": "دری", "prs": "دری", "ht": "Kreyòl ayisyen", "zh_Hans": "简体中文",
}
# Interface languages whose numbers are written in Persian digits (۰-۹): what readers in Iran
# and Afghanistan read in print, on forms and on phones. The other languages keep 0-9, also
# Arabic and Urdu, on purpose: Arabic readers from the Maghreb read 0-9 only, and those from
# the Mashreq (Syria, Iraq, Egypt, Sudan) read both, 0-9 on phones, prices and documents;
# Pakistani Urdu print and phones use 0-9 (CLDR's default for `ar` and `ur` is 0-9 too). The
# date reader accepts every kind of digit either way (domain.date_input).
PERSIAN_DIGIT_LANGS = frozenset({"fa", "fa_AF", "ps"})
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# CLDR's list patterns where they are wrong for our readers: Haitian Creole's are French
# ("A, B et C"); Kreyòl joins with "ak".
LIST_PATTERN_FIXES: dict[str, dict[str, str]] = {"ht": {"2": "{0} ak {1}", "end": "{0} ak {1}"}}
REVIEW_STATES = ("machine-assisted", "reviewed-by-native-speaker")
_REVIEW_RE = re.compile(r"^#?\s*Review-State:\s*([\w-]+)", re.MULTILINE)


def persian_digits(text: str) -> str:
    """`text` with its digits 0-9 written as Persian digits (۰-۹)."""
    return text.translate(_PERSIAN_DIGITS)


def babel_locale(lang: str) -> Locale:
    """The Babel locale for formatting in interface language `lang` (English if unknown)."""
    try:
        return Locale.parse(BABEL_LOCALES.get(lang, lang))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return Locale.parse(DEFAULT)


def format_list(items: Sequence[str], lang: str) -> str:
    """Items joined the way `lang` joins a list ("a, b and c", Spanish "a, b y c", Persian
    "a، b و c", Chinese "a、b和c"): Babel's CLDR patterns (`babel.lists.format_list`, style
    "standard"), with LIST_PATTERN_FIXES applied."""
    patterns: dict[str, str] = {**babel_locale(lang).list_patterns["standard"],
                                **LIST_PATTERN_FIXES.get(lang, {})}
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return patterns["2"].format(*items)
    text = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        text = patterns["middle"].format(text, item)
    return patterns["end"].format(text, items[-1])


@lru_cache(maxsize=256)
def native_name(lang: str) -> str:
    """The language's name in its own script (for the picker)."""
    if lang in NATIVE_NAMES:
        return NATIVE_NAMES[lang]
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return lang
    return name[:1].upper() + name[1:]


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


def po_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _compile_if_needed(lang: str) -> None:
    po = po_path(lang)
    mo = po.with_suffix(".mo")
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        with mo.open("wb") as fh:
            write_mo(fh, catalog)


@lru_cache(maxsize=64)
def _translations(lang: str) -> gettext.NullTranslations:
    """The catalog of exactly `lang` (no fallback to a neighbouring language), or a
    NullTranslations (English) when there is none."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    _compile_if_needed(lang)
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists():
        return gettext.NullTranslations()
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)


@dataclass(frozen=True)
class Translator:
    """`t("Text with {name}", name=x)` translates, then fills named placeholders."""

    lang: str = DEFAULT
    # A message context tried first (pgettext), the message itself when the catalog has no
    # entry for it: the declaration passes the applicant's sex ("female", "male"), so Russian
    # and Ukrainian write "я родилась" / "я родился" (documents.gendered lists the messages).
    context: str = ""

    def __call__(self, message: str, **params: object) -> str:
        catalog = _translations(self.lang)
        text = catalog.pgettext(self.context, message) if self.context else message
        if text == message:
            text = catalog.gettext(message)
        return text.format(**self._numbers(params)) if params else text

    def plural(self, singular: str, plural: str, n: int, **params: object) -> str:
        text = _translations(self.lang).ngettext(singular, plural, n)
        return text.format(**self._numbers({"n": n, **params}))

    def _numbers(self, params: dict[str, object]) -> dict[str, object]:
        """Whole numbers in the language's digits (Persian digits for fa, fa_AF and ps);
        strings (ids, codes, user text) are left as they are."""
        if self.lang not in PERSIAN_DIGIT_LANGS:
            return params
        return {k: persian_digits(str(v)) if type(v) is int else v
                for k, v in params.items()}

    def number(self, n: int | float) -> str:
        """A number on its own (a count in a metric, a version) as the language writes it:
        its grouping (Babel) and its digits (Persian digits for fa, fa_AF and ps)."""
        text = format_decimal(n, locale=babel_locale(self.lang), numbering_system="default")
        return persian_digits(text) if self.lang in PERSIAN_DIGIT_LANGS else text

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


def translator(lang: str | None) -> Translator:
    return Translator(lang if lang in SUPPORTED else DEFAULT)


@dataclass(frozen=True)
class CatalogStatus:
    """What an admin sees about one language's catalog."""

    lang: str
    name: str
    review_state: str  # one of REVIEW_STATES, "unknown", or "missing" (no catalog)
    translated: int
    total: int


def review_state(po_text: str) -> str:
    """The `Review-State:` of a catalog's header (comment or header field), else "unknown"."""
    header = po_text.split('\nmsgid "', 2)
    head = "\n".join(header[:2]) if len(header) > 1 else po_text[:4000]
    found = _REVIEW_RE.search(head.replace('"', "").replace("\\n", "\n"))
    return found.group(1) if found and found.group(1) in REVIEW_STATES else "unknown"


def template_ids() -> set[str]:
    """The msgids of locales/messages.pot (the plural's singular for plural entries)."""
    from babel.messages.pofile import read_po

    with (LOCALES_DIR / f"{DOMAIN}.pot").open("rb") as fh:
        pot = read_po(fh)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id}


def catalog_status(lang: str, wanted: set[str] | None = None) -> CatalogStatus:
    """Review state and how many messages of the template `lang` translates (not fuzzy,
    every plural form filled)."""
    from babel.messages.pofile import read_po

    wanted = template_ids() if wanted is None else wanted
    po = po_path(lang)
    if not po.exists():
        return CatalogStatus(lang, native_name(lang), "missing", 0, len(wanted))
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=BABEL_LOCALES.get(lang, lang))
    done: set[str] = set()  # msgids, once each (a gendered message has context entries too)
    for msg in catalog:
        key = msg.id if isinstance(msg.id, str) else msg.id[0]
        strings = [msg.string] if isinstance(msg.string, str) else list(msg.string or ())
        if key in wanted and not msg.fuzzy and strings and all(strings):
            done.add(key)
    state = review_state(po.read_text(encoding="utf-8"))
    return CatalogStatus(lang, native_name(lang), state, len(done), len(wanted))


def all_catalog_status() -> list[CatalogStatus]:
    wanted = template_ids()
    return [catalog_status(lang, wanted) for lang in SUPPORTED if lang != DEFAULT]
