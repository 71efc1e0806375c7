"""One search interface over two engines, chosen by the session's SQL dialect.

A query is parsed by `country_info.query` into a tree of index words (stems of the typed
words, letters and digits only) with its filters; each engine compiles the tree itself
(`search_sqlite`: an FTS5 MATCH string of quoted words; `search_postgres`: tsquery functions
of bound parameters), so nothing typed reaches an engine as syntax. A query that cannot be
read is searched as plain words, with a notice on the page.

Snippets are made here for both engines from the stored original text: HTML-escaped, with
the words that matched (any form of them) wrapped in <mark>.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, text
from sqlmodel import Session

from asylum_prep import word_forms
from asylum_prep.country_info import query as _query
from asylum_prep.country_info.query import from_words, parse
from asylum_prep.country_info.query_tree import (
    All,
    AnyOf,
    Near,
    Node,
    Parsed,
    Phrase,
    Term,
    Without,
)
from asylum_prep.country_info.query_tree import (
    Filters as Filters,  # re-exported: the services and suggestions build filters from here
)
from asylum_prep.domain.citations import pinpoint
from asylum_prep.text import (
    index_form,
    language_word,
    search_tokens,
    strip_controls,
    word_pattern,
    word_tokens,
)

MAX_LIMIT = 200
COUNT_CAP = 10_000  # matches are counted up to this; beyond it the page says "more than"
MAX_TERMS = _query.MAX_TERMS  # the suggestions cap their words alike
STOPWORDS = _query.STOPWORDS
SNIPPET_WORDS = 40


@dataclass(frozen=True)
class Query:
    """A query made by code (the suggestions for a case): folded words, any of which may
    match, and phrases, all of which must."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases


@dataclass(frozen=True)
class EngineRow:
    passage_id: int
    report_id: str
    page: int | None
    section: str
    text: str
    publisher: str
    title: str
    published: date | None
    country: str
    url: str
    score: float


@dataclass(frozen=True)
class Hit:
    passage_id: int
    report_id: str
    publisher: str
    title: str
    published: date | None
    country: str
    page: int | None
    section: str
    url: str
    snippet: str
    score: float
    matched: tuple[str, ...] = ()
    page_end: int | None = None  # a passage over a page break: its last page
    page_label: str = ""  # the printed page labels, when the report has them
    page_end_label: str = ""

    @property
    def pin(self) -> str:
        """`sec. 1.d, p. 12` as a citation of this passage prints it (printed page labels)."""
        return pinpoint(self.section, self.page, page_end=self.page_end, label=self.page_label,
                        end_label=self.page_end_label)

    def as_json(self) -> dict[str, object]:
        return {
            "passage_id": self.passage_id, "report_id": self.report_id,
            "publisher": self.publisher, "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "country": self.country, "page": self.page, "page_end": self.page_end,
            "page_label": self.page_label or None, "section": self.section,
            "url": self.url, "snippet": self.snippet, "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class SearchPage:
    """`total`: the number of matches, or with `more` a lower bound (COUNT_CAP: counting
    every match of a frequent word costs more than finding the best ones)."""

    total: int
    hits: list[Hit] = field(default_factory=list)
    notices: tuple[str, ...] = ()  # translatable templates without placeholders
    more: bool = False


def filter_sql(filters: Filters, params: dict[str, Any]) -> str:
    """Portable WHERE clauses (prefixed with AND) over the report alias `r`, both engines."""
    clauses = []
    if filters.country:
        clauses.append("r.country = :country")
        params["country"] = filters.country.upper()
    if filters.publisher:
        clauses.append("lower(r.publisher) = lower(:publisher)")
        params["publisher"] = strip_controls(filters.publisher)[:200]
    if filters.since:
        clauses.append("r.published >= :since")
        params["since"] = filters.since
    if filters.until:
        clauses.append("r.published <= :until")
        params["until"] = filters.until
    if filters.report_id:
        clauses.append("r.id = :report_id")
        params["report_id"] = strip_controls(filters.report_id)[:36]
    return "".join(f" AND {c}" for c in clauses)


def parse_query(query: str | Query | Parsed, library: tuple[str, ...] | None = None) -> Parsed:
    """Any query as the tree the engines compile; `library`: the languages of the library's
    passages (None: any)."""
    if isinstance(query, Parsed):
        return query
    if isinstance(query, Query):
        return from_words(list(query.terms), phrases=query.phrases, library=library)
    return parse(query, library)


@dataclass(frozen=True)
class Needles:
    """What a displayed word must be (one of `words`) or start with (`prefixes`) to be
    marked."""

    words: frozenset[str]
    prefixes: tuple[str, ...]


def needles(node: Node | None) -> Needles:
    words: set[str] = set()
    prefixes: list[str] = []
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, Term):
            (prefixes.extend if item.prefix else words.update)(item.words)
        elif isinstance(item, Phrase):
            words.update(w for v in item.variants for w in v)
        elif isinstance(item, Without):
            stack.append(item.keep)
        elif isinstance(item, All | AnyOf | Near):
            stack.extend(item.children)
    return Needles(frozenset(words), tuple(prefixes))


def _node_in(node: Node, have: set[str], joined: str) -> bool:
    if isinstance(node, Term):
        if node.prefix:
            return any(w.startswith(node.words[0]) for w in have)
        return any(w in have for w in node.words)
    if isinstance(node, Phrase):
        return any(f" {' '.join(v)} " in joined for v in node.variants)
    return False


def words_matched(text: str, query: str | Query | Parsed) -> tuple[str, ...]:
    """Which of the query's words and phrases (as typed, folded) occur in `text`, in any of
    their forms (to explain a match)."""
    parsed = parse_query(query)
    found = index_form(text).split()[1:]
    have = set(found)
    joined = f" {' '.join(found)} "
    out = []
    for label, node in parsed.labels:
        if _node_in(node, have, joined):
            out.append(" ".join(search_tokens(label)))
    return tuple(dict.fromkeys(out))


def _is_hit(word: str, found: Needles) -> bool:
    forms = _display_forms(word)
    if not found.words.isdisjoint(forms):
        return True
    return bool(found.prefixes) and any(f.startswith(p) for f in forms for p in found.prefixes)


@lru_cache(maxsize=65_536)
def _display_forms(word: str) -> tuple[str, ...]:
    """The index words a displayed word may have been stored as, in any language (cached:
    the same words recur in every snippet)."""
    tokens = word_tokens(word)
    if not tokens:
        return ()
    return tuple(f for token in word_forms.words(list(tokens))
                 for f in word_forms.stems_of(token))


def highlight(text: str, query: str | Query | Parsed, *, words: int = SNIPPET_WORDS) -> str:
    """An HTML snippet of `text`: escaped, matched words in <mark>, about `words` words long,
    around the part with the most matches."""
    found = needles(parse_query(query).root)
    pattern = _ASCII_WORD if text.isascii() else _display_word()
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return html.escape(text[:300])
    hits = [_is_hit(text[a:b], found) for a, b in spans]
    best_start, window = 0, sum(hits[:words])
    best = window
    for start in range(1, max(1, len(spans) - words + 1)):
        window += hits[start + words - 1] - hits[start - 1]
        if window > best:
            best, best_start = window, start
    last = min(len(spans), best_start + words) - 1
    begin = spans[best_start][0] if best_start else 0
    end = spans[last][1] if last < len(spans) - 1 else len(text)
    out: list[str] = ["… "] if begin else []
    cursor = begin
    for i in range(best_start, last + 1):
        if hits[i]:
            a, b = spans[i]
            out.append(html.escape(text[cursor:a]))
            out.append(f"<mark>{html.escape(text[a:b])}</mark>")
            cursor = b
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return _SPACES.sub(" ", "".join(out)).strip()


_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)*")


@lru_cache(maxsize=1)
def _display_word() -> re.Pattern[str]:
    """A displayed word, apostrophes inside it included (Baha'i is one word)."""
    word = word_pattern().pattern
    return re.compile(f"{word}(?:['\u2019`\u00b4\u2032]{word})*")


def plain_snippet(snippet_html: str) -> str:
    """The snippet for a terminal: marks as [brackets], entities decoded."""
    text = snippet_html.replace("<mark>", "[").replace("</mark>", "]")
    return html.unescape(text)


def merged_filters(parsed: Parsed, filters: Filters | None) -> Filters:
    """The form's filters, with those written in the query in place of the same ones."""
    base = filters or Filters()
    given = parsed.filters
    return replace(
        base, country=given.country or base.country, publisher=given.publisher or base.publisher,
        since=given.since or base.since, until=given.until or base.until,
        language=given.language or base.language,
    )


def language_filter(filters: Filters) -> str | None:
    """The index word of the language filter, or None."""
    lang = filters.language
    return language_word(lang) if lang in word_forms.LANGUAGES else None


def search(
    session: Session, query: str | Query | Parsed, filters: Filters | None = None, *,
    limit: int = 20, offset: int = 0,
) -> SearchPage:
    """Ranked passages for `query` under `filters`, with the total number of matches."""
    engine = _engine(session)
    library = engine.languages(session)
    parsed = parse_query(query, library)
    if parsed.empty:
        return SearchPage(0, [], parsed.notices)
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    chosen = merged_filters(parsed, filters)
    if chosen.language and library is not None:
        if chosen.language not in library:
            return SearchPage(0, [], parsed.notices)
        if library == (chosen.language,):  # every passage is in it: no need to intersect
            chosen = replace(chosen, language=None)
    total, rows = engine.run(session, parsed, chosen, limit=limit, offset=offset)
    pages = _pages(session, [r.passage_id for r in rows])
    hits = [
        Hit(
            passage_id=r.passage_id, report_id=r.report_id, publisher=r.publisher,
            title=r.title, published=r.published, country=r.country, page=r.page,
            section=r.section, url=r.url, snippet=highlight(r.text, parsed), score=r.score,
            matched=words_matched(f"{r.section} {r.text}", parsed),
            **pages.get(r.passage_id, {}),
        )
        for r in rows
    ]
    more = total > COUNT_CAP
    return SearchPage(COUNT_CAP if more else total, hits, parsed.notices, more)


_PAGES = text(
    "SELECT id, page_end, page_label, page_end_label FROM coi_passages WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))


def _pages(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The last page and printed page labels of the hits' passages (both engines)."""
    if not ids:
        return {}
    return {pid: {"page_end": end, "page_label": label or "", "page_end_label": end_label or ""}
            for pid, end, label, end_label in session.execute(_PAGES, {"ids": ids}).all()}


class Engine(Protocol):
    def languages(self, session: Session) -> tuple[str, ...] | None: ...

    def run(self, session: Session, query: Parsed, filters: Filters, *, limit: int,
            offset: int) -> tuple[int, list[EngineRow]]: ...


def _engine(session: Session) -> Engine:
    """The module of the session's engine (`languages`, `run`)."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from asylum_prep.country_info import search_sqlite

        return cast(Engine, search_sqlite)
    if name == "postgresql":
        from asylum_prep.country_info import search_postgres

        return cast(Engine, search_postgres)
    raise NotImplementedError(name)
