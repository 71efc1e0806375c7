"""The country library's query language, parsed here into a tree; engines compile the tree.

    detention students          any of the words; passages with more of them rank higher
    "house church"              the words in this order (a phrase); required
    detained AND students       both;   detained OR arrested   either
    students NOT university     leaves out passages with "university"
    (arrest OR detention) AND "Evin prison"      brackets group
    police NEAR/5 students      both within 5 words, either order (NEAR alone: 10)
    detain*                     words starting with "detain"
    country:IR  publisher:"Home Office"  after:2022-01  before:2023-12-31  lang:fa

Operators are recognised in capitals only ("and", "or" are words). Words, whatever their
form or spelling, are matched through their stems (`asylum_prep.word_forms`). Plain words
beside something required (a phrase, a group, an operator) only rank, when none of them is
needed: `"house church" raid` needs the phrase and "raid". A query that cannot be read
(an unclosed quote or bracket, an operator without its other side, only NOT, a filter
value that is not one) is searched as its plain words, with `FALLBACK_NOTICE`.

Nothing the user typed reaches an engine: the tree (`query_tree`) holds index words made of
letters and digits only, and the engines quote each one themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from asylum_prep import word_forms
from asylum_prep.country_info.query_tree import (
    All,
    AnyOf,
    Filters,
    Langs,
    Near,
    Node,
    Parsed,
    Phrase,
    Term,
    Without,
    phrase_node,
    word_node,
)
from asylum_prep.errors import N_
from asylum_prep.text import search_tokens

MAX_QUERY_CHARS = 2000
MAX_ITEMS = 64
MAX_DEPTH = 8
MAX_TERMS = 32
MAX_NEAR = 50
DEFAULT_NEAR = 10
FALLBACK_NOTICE = N_("The search could not be read as a query with operators, so its words "
                     "were searched one by one.")
STOPWORDS = frozenset(
    "a an and are as at be but by for from had has have in into is it its of on or that the "
    "their there they this to was were which with".split()
)
FIELDS = ("country", "publisher", "after", "before", "lang")
LANGUAGE_ALIASES = {"fa_af": "fa", "prs": "fa", "zh_hans": "zh", "zh_hant": "zh"}
_LEX = re.compile(
    r'\s*(?:(?P<field>(?:country|publisher|after|before|lang)):(?:"(?P<fquoted>[^"]*)"'
    r'|(?P<fvalue>[^\s()"]+))|"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))'
    r'|(?P<near>NEAR(?:/(?P<dist>\d{1,4}))?)(?=[\s("]|$)|(?P<op>AND|OR|NOT)(?=[\s("]|$)'
    r'|(?P<quote>")|(?P<word>[^\s()"]+))'
)
_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class Unreadable(Exception):  # noqa: N818  (internal: never leaves this module)
    """The query does not follow the syntax; it is searched as plain words."""


# ---- parsing ------------------------------------------------------------------------------


@dataclass
class _Lexeme:
    kind: str  # word, phrase, open, close, and, or, not, near, field
    text: str = ""
    number: int = 0


def _lex(text: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    pos = 0
    while pos < len(text):
        m = _LEX.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group("field"):
            value = m.group("fquoted") if m.group("fquoted") is not None else m.group("fvalue")
            out.append(_Lexeme("field", f"{m.group('field')}:{value}"))
        elif m.group("phrase") is not None:
            out.append(_Lexeme("phrase", m.group("phrase")))
        elif m.group("open"):
            out.append(_Lexeme("open"))
        elif m.group("close"):
            out.append(_Lexeme("close"))
        elif m.group("near"):
            dist = int(m.group("dist")) if m.group("dist") else DEFAULT_NEAR
            out.append(_Lexeme("near", number=max(1, min(dist, MAX_NEAR))))
        elif m.group("op"):
            out.append(_Lexeme(m.group("op").lower()))
        elif m.group("quote"):
            raise Unreadable
        elif m.group("word"):
            out.append(_Lexeme("word", m.group("word")))
    return out


class _Parser:
    def __init__(self, lexemes: list[_Lexeme], langs: Langs) -> None:
        self.lex = lexemes
        self.pos = 0
        self.langs = langs
        self.items = 0
        self.labels: list[tuple[str, Node]] = []

    def peek(self) -> str | None:
        return self.lex[self.pos].kind if self.pos < len(self.lex) else None

    def take(self) -> _Lexeme:
        if self.pos >= len(self.lex):
            raise Unreadable
        self.pos += 1
        return self.lex[self.pos - 1]

    def sequence(self, depth: int) -> Node | None:
        """Items side by side: the required ones all, and any of the plain words."""
        if depth > MAX_DEPTH:
            raise Unreadable
        required: list[Node] = []
        optional: list[tuple[str, Node]] = []
        dropped: list[Node] = []
        while self.peek() not in (None, "close"):
            if self.peek() == "not":
                self.take()
                node, _ = self.either(depth)
                if node is not None:
                    dropped.append(node)
                continue
            start = self.pos
            node, plain = self.either(depth)
            if node is None:
                continue
            if plain:
                optional.append((self.lex[start].text, node))
            else:
                required.append(node)
        words = [n for text, n in optional if not _is_stopword(text)]
        if not words and not required:
            words = [n for _, n in optional]
        if words:
            required.append(words[0] if len(words) == 1 else AnyOf(tuple(words[:MAX_TERMS])))
        if not required:
            if dropped:
                raise Unreadable  # NOT alone cannot be searched
            return None
        node = required[0] if len(required) == 1 else All(tuple(required))
        for drop in dropped:
            node = Without(node, drop)
        return node

    def either(self, depth: int) -> tuple[Node | None, bool]:
        node, plain = self.both(depth)
        parts = [node]
        while self.peek() == "or":
            self.take()
            parts.append(self.both(depth)[0])
            plain = False
        kept = tuple(p for p in parts if p is not None)
        if len(parts) > 1 and not kept:
            return None, False
        return (kept[0] if len(kept) == 1 else AnyOf(kept)) if kept else None, plain

    def both(self, depth: int) -> tuple[Node | None, bool]:
        node, plain = self.near(depth)
        while self.peek() == "and":
            self.take()
            negate = self.peek() == "not"
            if negate:
                self.take()
            other = self.near(depth)[0]
            plain = False
            if other is None:
                continue
            if node is None:
                if negate:
                    raise Unreadable
                node = other
            else:
                node = Without(node, other) if negate else All((node, other))
        return node, plain

    def near(self, depth: int) -> tuple[Node | None, bool]:
        node, plain = self.primary(depth)
        parts = [node]
        distance = 0
        while self.peek() == "near":
            distance = max(distance, self.take().number)
            parts.append(self.primary(depth)[0])
            plain = False
        if len(parts) == 1:
            return node, plain
        operands = [p for p in parts if p is not None]
        if any(not isinstance(p, Term | Phrase) for p in operands):
            raise Unreadable  # only words and phrases can be near each other
        if len(operands) < 2:
            return (operands[0] if operands else None), False
        return Near(tuple(o for o in operands if isinstance(o, Term | Phrase)), distance), False

    def primary(self, depth: int) -> tuple[Node | None, bool]:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise Unreadable
        lexeme = self.take()
        if lexeme.kind == "word":
            node = word_node(lexeme.text, self.langs)
            if node is not None:
                self.labels.append((lexeme.text, node))
            return node, isinstance(node, Term)
        if lexeme.kind == "phrase":
            node = phrase_node(search_tokens(lexeme.text), self.langs)
            if node is not None:
                self.labels.append((lexeme.text, node))
            return node, False
        if lexeme.kind == "open":
            inner = self.sequence(depth + 1)
            if self.take().kind != "close":
                raise Unreadable
            return inner, False
        raise Unreadable  # an operator or a bracket where a word belongs


def _is_stopword(text: str) -> bool:
    tokens = search_tokens(text)
    return len(tokens) == 1 and tokens[0] in STOPWORDS


def _filters(lexemes: list[_Lexeme]) -> Filters:
    values: dict[str, str] = {}
    for lexeme in lexemes:
        name, _, value = lexeme.text.partition(":")
        values[name] = value.strip()
    country = values.get("country")
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise Unreadable
    language = values.get("lang")
    if language is not None:
        language = LANGUAGE_ALIASES.get(language.lower(), language.lower())
        if language not in word_forms.LANGUAGES:
            raise Unreadable
    return Filters(
        country=country.upper() if country else None,
        publisher=values.get("publisher") or None,
        since=_day(values["after"], end=False) if "after" in values else None,
        until=_day(values["before"], end=True) if "before" in values else None,
        language=language,
    )


def _day(value: str, *, end: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD: its first day, or with `end` its last."""
    m = _MONTH.match(value)
    if not m:
        raise Unreadable
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month or 1), int(day))
        if month:
            first = date(year, int(month), 1)
            if not end:
                return first
            following = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise Unreadable from None


def period_day(value: str, *, end: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as its first (or last) day; None when it is not one."""
    try:
        return _day(value, end=end)
    except Unreadable:
        return None


def parse(text: str, library: Langs = None) -> Parsed:
    """The query as a tree, its filters and notices. Never raises. `library`: the languages
    of the library's passages (None: any), which decide the forms a typed word stands for."""
    text = str(text or "")[:MAX_QUERY_CHARS]
    try:
        lexemes = _lex(text)
        fields = [lx for lx in lexemes if lx.kind == "field"]
        filters = _filters(fields)
        langs = (filters.language,) if filters.language else library
        parser = _Parser([lx for lx in lexemes if lx.kind != "field"], langs)
        root = parser.sequence(0)
        if parser.peek() is not None:
            raise Unreadable  # a closing bracket nothing opened
        return Parsed(root, filters, (), tuple(parser.labels))
    except Unreadable:
        return plain(text, library, notices=(FALLBACK_NOTICE,))


def plain(text: str, library: Langs = None, *, notices: tuple[str, ...] = ()) -> Parsed:
    """Every word of `text` as a plain word: any of them, more ranking higher."""
    tokens = list(dict.fromkeys(search_tokens(text)))
    meaningful = [t for t in tokens if t not in STOPWORDS] or tokens
    return from_words(meaningful[:MAX_TERMS], library=library, notices=notices)


def from_words(tokens: list[str], *, phrases: tuple[tuple[str, ...], ...] = (),
               library: Langs = None, filters: Filters | None = None,
               notices: tuple[str, ...] = ()) -> Parsed:
    """A query of folded tokens (any of them) and phrases (all of them), as the suggestions
    for a case build it."""
    filters = filters or Filters()
    langs = (filters.language,) if filters.language else library
    labels: list[tuple[str, Node]] = []
    words: list[Node] = []
    for token in tokens:
        node = word_node(token, langs)
        if node is not None:
            words.append(node)
            labels.append((token, node))
    required: list[Node] = []
    for phrase in phrases:
        pnode = phrase_node(list(phrase), langs)
        if pnode is not None:
            required.append(pnode)
            labels.append((" ".join(phrase), pnode))
    if words:
        required.append(words[0] if len(words) == 1 else AnyOf(tuple(words)))
    root = None if not required else required[0] if len(required) == 1 else All(tuple(required))
    return Parsed(root, filters, notices, tuple(labels))
