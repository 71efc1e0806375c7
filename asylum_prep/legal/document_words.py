"""The words written in a document's text (what OCR read, a born-digital document's own text,
or its English translation), kept compact so the consistency check can compare the names and
places of the story with a document whose text is sealed in a blob.

A document's words are its distinct search-folded tokens (`text.search_tokens`: lower case,
diacritics dropped, Arabic and Persian letter variants joined) of at least `MIN_LETTERS`
letters and no digits, in order of first appearance, at most `MAX_WORDS`. They are applicant
data: they live only in the encrypted case record (`ExhibitText.words`), never in an index.

`near_misses` finds, for a word of the story, the document's words spelled almost like it
(`difflib` ratio at least `SIMILAR`) when the document does not write the word itself. Only
words in the same script are compared (a Persian summons says nothing about a Latin
spelling), and a word that merely extends the other ("Ahmad" and "Ahmadi", "prison" and
"prisons") is a different word or an inflection, not a misspelling.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from difflib import SequenceMatcher

from asylum_prep.text import search_tokens

MIN_LETTERS = 3
MAX_WORDS = 2000
SIMILAR = 0.8
MIN_COMPARED = 4  # shorter story words are too short to be "almost" anything


def words_in(text: str) -> list[str]:
    """The distinct folded words of `text` (letters only, at least MIN_LETTERS), capped."""
    seen: dict[str, None] = {}
    for token in search_tokens(text):
        if len(token) >= MIN_LETTERS and token.isalpha() and token not in seen:
            seen[token] = None
            if len(seen) >= MAX_WORDS:
                break
    return list(seen)


def script(word: str) -> str:
    """The Unicode script of a word's first letter ("LATIN", "ARABIC", "CYRILLIC", "CJK")."""
    return unicodedata.name(word[0], "?").split()[0] if word else ""


def near_misses(story_word: str, document: Collection[str]) -> list[str]:
    """The document's words spelled almost like `story_word` (both folded), most alike
    first; empty when the document writes the word itself or nothing like it."""
    size = len(story_word)
    if size < MIN_COMPARED or story_word in document:
        return []
    # A ratio of SIMILAR needs lengths within 2/3 and 3/2 of each other, and the letters a
    # word shares with the story word bound how alike they can be (one `str.translate`
    # removes those, what is left is not shared): most words are passed over on these alone,
    # so a check of many long exhibits stays fast.
    shortest, longest = size * 2 / 3, size * 1.5
    story_letters = dict.fromkeys(map(ord, story_word))
    kind = script(story_word)
    matcher = SequenceMatcher(b=story_word)  # the story word's analysis, made once
    found: list[tuple[float, str]] = []
    for word in document:
        length = len(word)
        if not shortest <= length <= longest:
            continue
        shared = length - len(word.translate(story_letters))  # bounds the letters that can match
        if 2 * shared < SIMILAR * (length + size) \
                or word.startswith(story_word) or story_word.startswith(word) \
                or script(word) != kind:
            continue
        matcher.set_seq1(word)
        ratio = matcher.ratio()
        if ratio >= SIMILAR:
            found.append((-ratio, word))
    return [word for _, word in sorted(found)]
