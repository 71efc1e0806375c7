"""Countries: ISO 3166-1 alpha-2 codes and their names in the reader's language. The one
place for them: the wizard's country lists and its check of a chosen country, the documents,
and the country library.

Codes and names come from Babel (CLDR's territories), in the reader's language through
`i18n.babel_locale`. `OVERRIDES` replaces a name only where Babel is wrong or has none, each
with its reason; `FALLBACK` names the language whose names stand in when Babel has none at
all for a language.

A country is a two-letter CLDR territory that is not a grouping (`NOT_COUNTRIES`) and not a
code ISO leaves to users (XA-XZ), except Kosovo's XK, which everyone uses. The country
library also accepts the user-assigned codes (`library_codes`): a fictional country for
training uses one.
"""

from __future__ import annotations

from functools import lru_cache

from asylum_prep.i18n import babel_locale

# Two-letter codes in CLDR's territory list that are not countries a person comes from.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})
KOSOVO = "XK"
# ISO 3166 reserves XA-XZ for user assignment.
USER_ASSIGNED = frozenset(f"X{chr(c)}" for c in range(ord("A"), ord("Z") + 1)) - {KOSOVO}

# Babel has no territory names for Haitian Creole (its `ht` locale is empty): French names
# stand in, the names a Kreyòl reader meets in print.
FALLBACK: dict[str, str] = {"ht": "fr"}
OVERRIDES: dict[str, dict[str, str]] = {
    # Kreyòl names where they differ from the French that stands in: Haiti itself and the
    # countries on the usual routes of Haitian applicants. Turkey as our own Kreyòl catalog
    # writes it ("Tiki").
    "ht": {"HT": "Ayiti", "US": "Etazini", "DO": "Repiblik Dominikèn", "CA": "Kanada",
           "MX": "Meksik", "BR": "Brezil", "CU": "Kiba", "TR": "Tiki"},
}


def is_country(code: str) -> bool:
    """Whether `code` (upper case) is a country a person comes from or passes through."""
    return code in codes()


@lru_cache(maxsize=1)
def codes() -> frozenset[str]:
    """Every country's code."""
    territories = (str(code) for code in babel_locale("en").territories)
    return frozenset(
        code for code in territories
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in NOT_COUNTRIES
        and (not code.startswith("X") or code == KOSOVO)
    )


@lru_cache(maxsize=1)
def library_codes() -> frozenset[str]:
    """The codes a country report may carry: every country's, and the user-assigned ones."""
    return codes() | USER_ASSIGNED


@lru_cache(maxsize=32)
def _names(lang: str) -> dict[str, str]:
    names = babel_locale(FALLBACK.get(lang, lang)).territories
    return {str(k): str(v) for k, v in names.items()
            if k not in USER_ASSIGNED} | OVERRIDES.get(lang, {})


def name(code: str, lang: str) -> str:
    """The country's name in `lang`; the code itself when it names no territory (a
    user-assigned code, or a stored value that is not a code)."""
    if not code:
        return ""
    return _names(lang).get(code.upper(), code)


@lru_cache(maxsize=32)
def choices(lang: str) -> tuple[tuple[str, str], ...]:
    """(code, name in `lang`) for every country, sorted by name."""
    names = _names(lang)
    return tuple(sorted(((code, names.get(code, code)) for code in codes()),
                        key=lambda p: (p[1], p[0])))
