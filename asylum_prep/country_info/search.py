"""One search interface over two engines, chosen by the session's SQL dialect.

A query is never passed to an engine as typed. `parse_query` turns any input into normalised
tokens (letters and digits only) and phrases ("..." groups); the engines quote each token
themselves, so quotes, FTS operators (AND OR NOT NEAR * ^ :), SQL fragments, brackets and
control characters are just words or nothing. Semantics: every phrase must occur, and at
least one of the other words; passages matching more of them rank higher. Common English
words are dropped from the other words unless the query has nothing else.

Snippets are made here for both engines from the stored original text: HTML-escaped, with
the words that matched wrapped in <mark>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from asylum_prep.text import search_tokens, strip_controls, word_pattern, word_tokens

MAX_QUERY_CHARS = 2000
MAX_TERMS = 32
MAX_PHRASES = 8
MAX_PHRASE_TOKENS = 12
MAX_LIMIT = 200
SNIPPET_WORDS = 40
STOPWORDS = frozenset(
    "a an and are as at be but by for from had has have in into is it its of on or that the "
    "their there they this to was were which with".split()
)


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def needles(self) -> frozenset[str]:
        return frozenset(self.terms) | {t for p in self.phrases for t in p}


@dataclass(frozen=True)
class Filters:
    country: str | None = None
    publisher: str | None = None
    since: date | None = None
    until: date | None = None
    report_id: str | None = None


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

    def as_json(self) -> dict[str, object]:
        return {
            "passage_id": self.passage_id, "report_id": self.report_id,
            "publisher": self.publisher, "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "country": self.country, "page": self.page, "section": self.section,
            "url": self.url, "snippet": self.snippet, "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[Hit] = field(default_factory=list)


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


def parse_query(text: str) -> Query:
    """Tokens and phrases of any input. Never raises; an unmatched quote is ignored."""
    text = str(text or "")[:MAX_QUERY_CHARS]
    parts = text.split('"')
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []
    for index, part in enumerate(parts):
        inside = index % 2 == 1 and index < len(parts) - 1  # a trailing lone quote opens nothing
        found = search_tokens(part)
        if inside and len(found) > 1:
            phrase = tuple(found[:MAX_PHRASE_TOKENS])
            if phrase not in phrases:
                phrases.append(phrase)
        else:
            loose.extend(found)
    terms = list(dict.fromkeys(loose))
    meaningful = [t for t in terms if t not in STOPWORDS]
    if meaningful or phrases:
        terms = meaningful
    return Query(tuple(terms[:MAX_TERMS]), tuple(phrases[:MAX_PHRASES]))


def words_matched(text: str, query: Query) -> tuple[str, ...]:
    """Which of the query's words and phrases occur in `text` (to explain a match)."""
    found = search_tokens(text)
    have = set(found)
    joined = f" {' '.join(found)} "
    out = [t for t in query.terms if t in have]
    out += [" ".join(p) for p in query.phrases if f" {' '.join(p)} " in joined]
    return tuple(out)


def _is_hit(word: str, needles: frozenset[str]) -> bool:
    if word.isascii():  # a run of ASCII letters and digits normalises to its lower case
        return word.lower() in needles
    return any(t in needles for t in word_tokens(word))


def highlight(text: str, query: Query, *, words: int = SNIPPET_WORDS) -> str:
    """An HTML snippet of `text`: escaped, matched words in <mark>, about `words` words long,
    around the part with the most matches."""
    needles = query.needles
    pattern = _ASCII_WORD if text.isascii() else word_pattern()
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return html.escape(text[:300])
    hits = [_is_hit(text[a:b], needles) for a, b in spans]
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
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def plain_snippet(snippet_html: str) -> str:
    """The snippet for a terminal: marks as [brackets], entities decoded."""
    text = snippet_html.replace("<mark>", "[").replace("</mark>", "]")
    return html.unescape(text)


def search(
    session: Session, query: str | Query, filters: Filters | None = None, *,
    limit: int = 20, offset: int = 0,
) -> SearchPage:
    """Ranked passages for `query` under `filters`, with the total number of matches."""
    parsed = query if isinstance(query, Query) else parse_query(query)
    if parsed.empty:
        return SearchPage(0, [])
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    run = _engine(session)
    total, rows = run(session, parsed, filters or Filters(), limit=limit, offset=offset)
    hits = [
        Hit(
            passage_id=r.passage_id, report_id=r.report_id, publisher=r.publisher,
            title=r.title, published=r.published, country=r.country, page=r.page,
            section=r.section, url=r.url, snippet=highlight(r.text, parsed), score=r.score,
            matched=words_matched(f"{r.section} {r.text}", parsed),
        )
        for r in rows
    ]
    return SearchPage(total, hits)


EngineRun = Callable[..., tuple[int, list[EngineRow]]]


def _engine(session: Session) -> EngineRun:
    """`run(session, query, filters, *, limit, offset) -> (total, rows)` of the session's engine."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from asylum_prep.country_info import search_sqlite

        return search_sqlite.run
    if name == "postgresql":
        from asylum_prep.country_info import search_postgres

        return search_postgres.run
    raise NotImplementedError(name)
