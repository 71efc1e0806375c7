"""Translations per call, never process-global: each session holds its own `Translator`.

Catalogs are gettext .po files under locales/<lang>/LC_MESSAGES/messages.po, compiled to .mo
by the make targets (and on first use when a .mo is missing or older than its .po).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT = "en"
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "he"})

# Order shown in the picker. Each is shown by its own name, in its own script.
SUPPORTED: tuple[str, ...] = ("en", "es", "fa")


def native_name(lang: str) -> str:
    overrides = {"prs": "دری", "ht": "Kreyòl ayisyen"}
    if lang in overrides:
        return overrides[lang]
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


def _compile_if_needed(lang: str) -> None:
    po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
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
    if lang == DEFAULT:
        return gettext.NullTranslations()
    _compile_if_needed(lang)
    return gettext.translation(DOMAIN, localedir=LOCALES_DIR, languages=[lang], fallback=True)


@dataclass(frozen=True)
class Translator:
    """`t("Text with {name}", name=x)` translates, then fills named placeholders."""

    lang: str = DEFAULT

    def __call__(self, message: str, **params: object) -> str:
        text = _translations(self.lang).gettext(message)
        return text.format(**params) if params else text

    def plural(self, singular: str, plural: str, n: int, **params: object) -> str:
        text = _translations(self.lang).ngettext(singular, plural, n)
        return text.format(n=n, **params)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


def translator(lang: str | None) -> Translator:
    return Translator(lang if lang in SUPPORTED else DEFAULT)
