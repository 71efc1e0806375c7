"""Text normalisation shared by indexing and querying, so both sides always agree.

Rules, in order (`normalize_text`):
1. Unicode NFKC (compatibility forms: ligatures, full-width letters, Arabic presentation forms).
2. Removed: Arabic vowel marks (harakat U+064B-U+065F, superscript alef U+0670, Quranic marks
   U+06D6-U+06ED), tatweel U+0640, zero-width (non-)joiners, soft hyphens and other format
   characters; control characters (NUL included) become spaces.
3. Arabic and Persian letter variants unified: ي ى ئ -> ی, ك -> ک, أ إ آ ٱ -> ا, ؤ -> و,
   ة ۀ -> ه; Arabic-Indic and Persian digits -> 0-9.
4. Case folded (str.casefold: ß -> ss).
5. Latin/Greek/Cyrillic diacritics stripped (combining marks U+0300-U+036F after NFD), plus
   letters that do not decompose: ł -> l, ø -> o, đ -> d, ı -> i, æ -> ae, œ -> oe, þ -> th.

`tokens()` then splits into runs of letters and digits; the index stores the tokens joined by
single spaces, and a query is built only from tokens made the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_MARKS = "".join(
    chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
)
_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و", "ة": "ه", "ۀ": "ه",
    "ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in _ARABIC_MARKS}
    table.update({ord(k): v for k, v in _LETTERS.items()})
    table.update(_DIGITS)
    return table


_TABLE = _build_table()
_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_TOKEN = re.compile(r"[^\W_]+")


def _mark_ranges() -> str:
    """A regex character class body of every combining mark and format character."""
    out: list[str] = []
    start = prev = -2
    for cp in range(0x10000):  # the Basic Multilingual Plane holds the scripts we expect
        ch = chr(cp)
        if unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf") or cp == 0x0640:
            if cp != prev + 1:
                if start >= 0:
                    out.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
                start = cp
            prev = cp
    out.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
    return "".join(out)


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern[str]:
    """A word as a reader sees it, vowel marks and joiners included (to highlight originals)."""
    return re.compile(rf"(?:[^\W_]|[{_mark_ranges()}])+")


def _drop_format(text: str) -> str:
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        out.append(" " if cat == "Cc" else ch)
    return "".join(out)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Control characters (NUL included: PostgreSQL refuses it) become spaces; newlines and
    tabs stay."""
    return _CONTROLS.sub(" ", text)


def normalize_text(text: str) -> str:
    """The normalised form of `text` (rules 1-5), spacing kept."""
    if text.isascii():  # NFKC, the letter table and diacritics leave ASCII unchanged
        return text.lower()
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _drop_format(text)
    text = text.translate(_TABLE).casefold()
    if not text.isascii():
        stripped = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", stripped)
        text = text.translate(_TABLE)
    return text


def tokens(text: str) -> list[str]:
    """Normalised tokens: runs of letters and digits."""
    return _TOKEN.findall(normalize_text(text))


def index_form(text: str) -> str:
    """What the full-text index stores for a passage."""
    return " ".join(tokens(text))


@lru_cache(maxsize=4096)
def word_tokens(word: str) -> tuple[str, ...]:
    """Tokens of one displayed word (cached: the same words recur in every snippet)."""
    return tuple(tokens(word))


def strip_years(title: str) -> str:
    """A title without its years, for grouping editions of one series."""
    return " ".join(t for t in tokens(title) if not re.fullmatch(r"(19|20)\d\d", t))
