"""Text normalisation: the one module for it. Every function here is pure and says in its name
what it does; callers pick the one their purpose needs.

Spacing and invisible characters:
- `collapse_spaces`: runs of whitespace (newlines included) become one space, ends trimmed.
- `strip_controls`: control characters (C0 and C1, NUL included: PostgreSQL refuses it) become
  spaces; newlines, tabs and carriage returns stay.
- `drop_invisible`: control, format (bidi overrides and isolates, zero-width spaces),
  private-use, surrogate and unassigned characters are removed, except the zero-width
  (non-)joiners that spell Persian and Indic words.
- `drop_xml_invalid`: the characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF)
  are removed, and counted.

Comparing and hashing:
- `canonical`: Unicode NFC, single spaces (two renders of the same words hash the same).
- `fold_case`: case folded (ß -> ss), single spaces (the same place typed twice).
- `fold_compatible`: NFKC and case folded (a password compared with the common ones).

Search (the country library's index and its queries; both sides use these, so they agree.
The index stores `index_form`, so changing `fold_for_search` means re-indexing):
- `fold_for_search`, in order:
  1. Unicode NFKC (compatibility forms: ligatures, full-width letters, Arabic presentation
     forms).
  2. Removed: Arabic vowel marks (harakat U+064B-U+065F, superscript alef U+0670, Quranic
     marks U+06D6-U+06ED), tatweel U+0640, zero-width (non-)joiners, soft hyphens and other
     format characters; control characters (NUL included) become spaces.
  3. Arabic and Persian letter variants unified: ي ى ئ -> ی, ك -> ک, أ إ آ ٱ -> ا, ؤ -> و,
     ة ۀ -> ه; Arabic-Indic and Persian digits -> 0-9.
  4. Case folded (str.casefold: ß -> ss).
  5. Latin/Greek/Cyrillic diacritics stripped (combining marks U+0300-U+036F after NFD),
     plus letters that do not decompose: ł -> l, ø -> o, đ -> d, ı -> i, æ -> ae, œ -> oe,
     þ -> th.
  6. A zero-width non-joiner is a space (Persian writes the same word with either).
  7. Apostrophes between letters (' ’ ʼ ‘ ` ´ ʻ ′) are removed, joining the word: Baha'i,
     Baháʼí and Bahai are one word; after a French elision (l' d' qu' ...) they are a space.
  8. Traditional Chinese characters become their simplified form (the character table of
     OpenCC, Apache-2.0, shipped by opencc-python-reimplemented).
- `search_tokens` splits the folded text into runs of letters and digits; `word_pattern`
  finds words as a reader sees them (marks and joiners included) to highlight originals.
- `index_form` is what the index stores: a language word (`language_word`) then each token's
  stem in the passage's language, unspaced scripts cut into character pairs
  (`asylum_prep.word_forms`).

Dates (the date reader's words and the applicant's text, `domain.date_words`):
- `fold_for_dates`: Western digits, one form per letter (Arabic and Urdu forms as Persian's),
  no accents, hamza or madda, folded case, date punctuation of every script read as Latin
  punctuation, zero-width non-joiners as spaces, single spaces. It differs from the search
  folding in those last points, which the search index must not change.
Titles and file names (where they come in, and where the command line prints them):
- `clean_line`: one line fit to show: line breaks and tabs become spaces, every other control
  character and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069,
  which reorder what a reader sees: "exe.txt" shown for "txt.exe") are dropped, spaces
  collapsed. The marks of right-to-left text (U+200E, U+200F, U+061C) and the joiners stay.
- `escape_controls`: control and bidi control characters written as escapes (`\x1b`),
  so a terminal shows them instead of obeying them.

Scripts:
- `has_letters`: any letter at all (a date, a number or a code has none).
- `latin_only`: every letter is a Latin letter (accents included); True for text without
  letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# -- titles and file names ---------------------------------------------------------------------

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 (but tab and newline, handled apart), DEL, C1 and the bidi controls.
_UNWANTED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_SPACING = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]")
_TERMINAL = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def clean_line(text: str) -> str:
    """One line of text fit to show: line breaks and tabs become spaces, every other control
    or bidi control character is dropped, runs of spaces collapse, ends are trimmed."""
    return " ".join(_UNWANTED.sub("", _SPACING.sub(" ", text)).split())


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "\n") -> str:
    r"""`text` safe to print on a terminal: each control or bidi control character not in
    `keep` is written as its escape (`\x1b`, `\u202e`), so it is seen instead of obeyed."""
    return _TERMINAL.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


# -- spacing and invisible characters ----------------------------------------------------------

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner


def collapse_spaces(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed."""
    return " ".join(text.split())


def strip_controls(text: str) -> str:
    """Control characters (NUL included) become spaces; newlines and tabs stay."""
    return _CONTROLS.sub(" ", text)


def drop_invisible(text: str) -> str:
    """Without control, format, private-use, surrogate and unassigned characters (bidi
    overrides and isolates among them), zero-width (non-)joiners kept."""
    return "".join(ch for ch in text
                   if ch in _JOINERS or unicodedata.category(ch)[0] != "C")


def drop_xml_invalid(text: str) -> tuple[str, int]:
    """`text` without the characters XML 1.0 cannot hold, and how many there were."""
    return _XML_INVALID.subn("", text)


# -- comparing and hashing ---------------------------------------------------------------------

def canonical(text: str) -> str:
    """NFC, single spaces."""
    return collapse_spaces(unicodedata.normalize("NFC", text))


def fold_compatible(text: str) -> str:
    """Unicode NFKC, case folded: the forms a person may type for the same letters (full-width,
    ligatures, capitals) made one."""
    return unicodedata.normalize("NFKC", text).casefold()


def fold_case(text: str) -> str:
    """Case folded, single spaces."""
    return collapse_spaces(text.casefold())


# -- search ----------------------------------------------------------------------------------

_ARABIC_MARKS = "".join(
    chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
)
_SEARCH_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و", "ة": "ه", "ۀ": "ه",
    "ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}


def _search_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in _ARABIC_MARKS}
    table.update({ord(k): v for k, v in _SEARCH_LETTERS.items()})
    table.update(_DIGITS)
    return table


_SEARCH_TABLE = _search_table()
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
        if ch == "\u200c":
            out.append(" ")
        elif cat == "Cf":
            continue
        else:
            out.append(" " if cat == "Cc" else ch)
    return "".join(out)


_APOSTROPHE_CHARS = "'\u2019\u02bc\u2018`\u00b4\u02bb\u2032"
_ELISION = re.compile(
    rf"(?<![^\W_])(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)[{_APOSTROPHE_CHARS}](?=[^\W\d_])")
_INNER_APOSTROPHE = re.compile(rf"(?<=[^\W_])[{_APOSTROPHE_CHARS}]+(?=[^\W_])")
_MODIFIER_APOSTROPHES = str.maketrans({"\u02bc": None, "\u02bb": None})
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    """Traditional -> simplified Chinese, one character for one (OpenCC's table)."""
    from importlib.resources import files

    table: dict[int, str] = {}
    source = files("opencc").joinpath("dictionary/TSCharacters.txt").read_text("utf-8")
    for line in source.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            table[ord(parts[0])] = parts[1]
    return table


def _join_apostrophes(text: str) -> str:
    if not any(ch in text for ch in _APOSTROPHE_CHARS):
        return text
    text = _ELISION.sub(r"\1 ", text)
    return _INNER_APOSTROPHE.sub("", text).translate(_MODIFIER_APOSTROPHES)


def fold_for_search(text: str) -> str:
    """The search form of `text` (rules 1-8 of the module docstring), spacing kept."""
    if text.isascii():  # NFKC, the letter table and diacritics leave ASCII unchanged
        return _join_apostrophes(text.lower())
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _drop_format(text)
    text = text.translate(_SEARCH_TABLE).casefold()
    if not text.isascii():
        stripped = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", stripped)
        text = text.translate(_SEARCH_TABLE)
        if _HAN.search(text):
            text = text.translate(_simplified())
    return _join_apostrophes(text)


def search_tokens(text: str) -> list[str]:
    """Search-folded tokens: runs of letters and digits."""
    return _TOKEN.findall(fold_for_search(text))


LANGUAGE_PREFIX = "zzlang"
_ASCII_TOKEN = re.compile("[a-z0-9]+")  # `_TOKEN` on folded ASCII text


def language_word(lang: str) -> str:
    """The index word that says a passage's language ("zzlangfa"); letters only."""
    return LANGUAGE_PREFIX + lang


def index_form(text: str) -> str:
    """What the full-text index stores for a passage: its language word, then the stem of
    each of its words in that language (`asylum_prep.word_forms`)."""
    from asylum_prep import word_forms

    folded = fold_for_search(text)
    if folded.isascii():  # no script to segment, no bound parts: the common case, fast
        tokens = _ASCII_TOKEN.findall(folded)
        lang = word_forms.latin_language(tokens)
    else:
        tokens = word_forms.words(_TOKEN.findall(folded))
        lang = word_forms.detect_language(tokens)
    return " ".join([language_word(lang), *word_forms.stem_all(tokens, lang)])


@lru_cache(maxsize=4096)
def word_tokens(word: str) -> tuple[str, ...]:
    """Search tokens of one displayed word (cached: the same words recur in every snippet)."""
    return tuple(search_tokens(word))


# -- dates -------------------------------------------------------------------------------------

_DATE_LETTERS = str.maketrans({
    "ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "ہ": "ه", "ۃ": "ه", "ھ": "ه", "ګ": "گ", "ı": "i",
    "\u200c": " ", "\u200d": "", "\u200f": "", "\u200e": "", "\u061c": "", "ـ": "",
    "،": ",", "٬": ",", "、": ",", "፣": ",", "።": " ", "፡": " ", "፤": ";", "؛": ";",
    "’": "'", "ʼ": "'", "‘": "'", "«": " ", "»": " ", "“": " ", "”": " ", "\"": " ",
})
# Combining marks dropped for matching: Latin/Cyrillic accents, Arabic vowel signs, hamza and
# madda (so أ إ آ read as ا), the dot of Turkish İ.
_DATE_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")


def fold_for_dates(text: str) -> str:
    """Western digits, one form per letter, no accents, folded case, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).casefold()
    text = _DATE_MARKS.sub("", unicodedata.normalize("NFD", text))
    text = unicodedata.normalize("NFC", text).translate(_DATE_LETTERS)
    return collapse_spaces(text)


# -- scripts -----------------------------------------------------------------------------------


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def latin_only(text: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())
