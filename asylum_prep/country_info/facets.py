"""Report facets as index words, so the SQLite engine filters inside the full-text index.

Each passage carries `facets`: one word for its report's country ("ccir") and one for its
publisher ("pb" + 16 hex digits of SHA-256 of the name, lower-cased the way SQL's `lower()`
does on both engines for ASCII). FTS5 then intersects a filter with the query's matches
inside the index instead of joining every match to its report (measured: p95 of a filtered
search on 200,000 passages from about 90-150 ms to under the unfiltered query's time).
Words made here hold only ASCII letters and digits, so they are safe FTS5 strings.
"""

from __future__ import annotations

import hashlib
import re

from asylum_prep.text import strip_controls

_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_COUNTRY = re.compile(r"^[A-Za-z]{2,3}$")
MAX_PUBLISHER = 200


def country_word(country: str) -> str | None:
    """The index word of a country code, or None for a value that is not a code."""
    return "cc" + country.lower() if _COUNTRY.match(country or "") else None


def publisher_word(publisher: str) -> str:
    key = strip_controls(publisher)[:MAX_PUBLISHER].translate(_ASCII_UPPER)
    return "pb" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def facets_text(country: str, publisher: str) -> str:
    """The `facets` column of a report's passages."""
    return " ".join(w for w in (country_word(country), publisher_word(publisher)) if w)
