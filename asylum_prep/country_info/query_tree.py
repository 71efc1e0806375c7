"""The tree a country-library query is parsed into (`country_info.query`), which each engine
compiles, and the step from typed words to index words: the stems a word may stand for in the
library's languages (`asylum_prep.word_forms`), phrases, prefixes.

Index words hold letters and digits only; language words (`text.LANGUAGE_PREFIX`) typed in a
query are dropped, so they cannot be searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from asylum_prep import word_forms
from asylum_prep.text import LANGUAGE_PREFIX, search_tokens

MAX_PHRASE_TOKENS = 12
MIN_PREFIX = 3
_SAFE = re.compile(r"^[^\W_]+$")


# ---- the tree the engines compile -----------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Any of `words` (index words of one typed word); `prefix`: words starting with one."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Any of `variants`, each a sequence of index words that must occur in order."""

    variants: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Without:
    keep: Node
    drop: Node


@dataclass(frozen=True)
class Near:
    children: tuple[Term | Phrase, ...]
    distance: int


Node = Term | Phrase | All | AnyOf | Without | Near


@dataclass(frozen=True)
class Filters:
    """What a search is limited to: from the form, the command line or the query itself."""

    country: str | None = None
    publisher: str | None = None
    since: date | None = None
    until: date | None = None
    report_id: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Parsed:
    """A query ready for an engine. `root` None: nothing to search. `labels`: the words and
    phrases as typed (folded), to say which of them a passage matched."""

    root: Node | None
    filters: Filters = Filters()
    notices: tuple[str, ...] = ()
    labels: tuple[tuple[str, Node], ...] = field(default=())

    @property
    def empty(self) -> bool:
        return self.root is None


# ---- from typed words to index words --------------------------------------------------------


Langs = tuple[str, ...] | None  # the languages a typed word may be in (None: any)


def _index_words(tokens: list[str], lang: str) -> tuple[str, ...]:
    return tuple(w for w in (word_forms.stem(t, lang) for t in tokens) if _SAFE.match(w))


def phrase_node(tokens: list[str], langs: Langs) -> Phrase | Term | None:
    """The node of several folded tokens that must occur in order (a phrase or a word that
    folds to several, like "house-church" or Chinese)."""
    words = word_forms.words(tokens)[:MAX_PHRASE_TOKENS]
    words = [w for w in words if not w.startswith(LANGUAGE_PREFIX)]
    if not words:
        return None
    if len(words) == 1:
        return term_node(words[0], langs)
    wanted = set(word_forms.LANGUAGES if langs is None else langs)
    scripts = {word_forms.script_of(w) for w in words}
    stemmed = [lang for script in scripts for lang in word_forms.SCRIPT_LANGUAGES.get(script, ())
               if lang in wanted]
    if not stemmed or any(word_forms.unstemmed_in(script, wanted) for script in scripts):
        stemmed.append(word_forms.UNKNOWN)
    variants = dict.fromkeys(_index_words(words, lang) for lang in stemmed)
    return Phrase(tuple(v for v in variants if v))


def term_node(token: str, langs: Langs, *, prefix: bool = False) -> Term | None:
    if token.startswith(LANGUAGE_PREFIX) or not _SAFE.match(token):
        return None
    if prefix:
        return Term((_prefix_base(token, langs),), prefix=True)
    return Term(word_forms.stems_of(token, langs))


def _prefix_base(token: str, langs: Langs) -> str:
    """The index words hold stems, so a typed prefix is matched through the shortest stem of
    it or of a word it begins ("persecution*" -> persecut*, "interrogat*" -> interrog*);
    a prefix may therefore find a few more words than its letters say."""
    forms = [f for ending in _PREFIX_ENDINGS for f in word_forms.stems_of(token + ending, langs)
             if token.startswith(f) and len(f) >= MIN_PREFIX]
    return min(forms, key=len) if forms else token


_PREFIX_ENDINGS = ("", "ion", "ing", "e", "s")


def word_node(text: str, langs: Langs) -> Node | None:
    """One typed word (maybe ending in * for a prefix)."""
    prefix = text.endswith("*")
    tokens = word_forms.words(search_tokens(text))
    if prefix and len(tokens) == 1 and len(tokens[0]) >= MIN_PREFIX:
        return term_node(tokens[0], langs, prefix=True)
    if len(tokens) == 1:
        return term_node(tokens[0], langs)
    return phrase_node(tokens, langs) if tokens else None
