"""SQLite engine: FTS5 over `coi_fts` (kept in step with `coi_passages` by triggers), bm25.

The only place besides the migrations that writes SQLite-specific SQL. The MATCH expression
is compiled from the query tree (`country_info.query`), whose index words hold only letters
and digits; each is wrapped in double quotes (an FTS5 string) here, and the operators come
from the tree's node kinds, so no syntax typed by the user can reach FTS5. The words are
searched in the `norm` column only (the language filter is its language word); country and
publisher filters are words of the `facets` column (country_info.facets), intersected inside
the index. Date and report filters, which have no index word, join the matches to their
reports.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from asylum_prep.country_info.facets import country_word, publisher_word
from asylum_prep.country_info.query import All, AnyOf, Near, Node, Parsed, Phrase, Term, Without
from asylum_prep.country_info.search import EngineRow, Filters, filter_sql, language_filter
from asylum_prep.text import LANGUAGE_PREFIX

_SAFE = re.compile(r"^[^\W_]+$")
MAX_NEAR_VARIANTS = 16


def _string(words: tuple[str, ...]) -> str:
    return '"' + " ".join(w for w in words if _SAFE.match(w)) + '"'


def _term(node: Term) -> str:
    star = " *" if node.prefix else ""
    parts = [_string((w,)) + star for w in node.words if _SAFE.match(w)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _phrase(node: Phrase) -> str:
    parts = [_string(v) for v in node.variants]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _near(node: Near) -> str:
    """FTS5's NEAR takes single phrases: one NEAR group per combination of the operands'
    forms (at most MAX_NEAR_VARIANTS), joined by OR."""
    choices: list[list[str]] = []
    for child in node.children:
        if isinstance(child, Term):
            star = " *" if child.prefix else ""
            choices.append([_string((w,)) + star for w in child.words])
        else:
            choices.append([_string(v) for v in child.variants])
    groups = [f"NEAR({' '.join(combo)}, {node.distance})"
              for combo in itertools.islice(itertools.product(*choices), MAX_NEAR_VARIANTS)]
    return groups[0] if len(groups) == 1 else "(" + " OR ".join(groups) + ")"


def compile_node(node: Node) -> str:
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, Phrase):
        return _phrase(node)
    if isinstance(node, Near):
        return _near(node)
    if isinstance(node, Without):
        return f"({compile_node(node.keep)} NOT {compile_node(node.drop)})"
    joiner = " AND " if isinstance(node, All) else " OR "
    assert isinstance(node, All | AnyOf)
    return "(" + joiner.join(compile_node(c) for c in node.children) + ")"


_LANGUAGES = text(
    "SELECT term FROM coi_fts_terms WHERE term >= :low AND term < :high"
)


def languages(session: Session) -> tuple[str, ...]:
    """The languages of the library's passages, from their language words in the index."""
    rows = session.execute(_LANGUAGES, {"low": LANGUAGE_PREFIX, "high": LANGUAGE_PREFIX[:-1]
                                        + chr(ord(LANGUAGE_PREFIX[-1]) + 1)}).all()
    return tuple(str(r[0])[len(LANGUAGE_PREFIX):] for r in rows)


def match_expression(query: Parsed, filters: Filters | None = None) -> str:
    """`norm : (<tree>)`, then `AND norm : "zzlangfa"` for a language filter and
    `AND facets : "ccir"` for each country or publisher filter."""
    if query.root is None:
        return ""
    parts = [f"norm : ({compile_node(query.root)})"]
    if filters:
        language = language_filter(filters)
        if language:
            parts.append(f'norm : "{language}"')
        parts += [f'facets : "{w}"' for w in _facet_words(filters)[0]]
    return " AND ".join(parts)


def _facet_words(filters: Filters) -> tuple[list[str], Filters]:
    """Index words for the filters that have them, and the filters left for SQL."""
    words: list[str] = []
    country, publisher = filters.country, filters.publisher
    if country and (word := country_word(country)) is not None:
        words.append(word)
        country = None
    if publisher:
        words.append(publisher_word(publisher))
        publisher = None
    rest = Filters(country=country, publisher=publisher, since=filters.since,
                   until=filters.until, report_id=filters.report_id, language=filters.language)
    return words, rest


_DETAIL = text(
    "SELECT p.id, p.report_id, p.page, p.section, p.text, r.publisher, r.title, "
    "r.published, r.country, r.url FROM coi_passages p "
    "JOIN coi_reports r ON r.id = p.report_id WHERE p.id IN :ids"
).bindparams(bindparam("ids", expanding=True))


RANK_CAP = 4000  # the most matches bm25 ranks for one query (see `run`)


def _ranked(session: Session, match: str, where: str, params: dict[str, Any],
            cap: int | None) -> list[tuple[int, float]]:
    """(id, rank) of the best matches of `match`, best first, at most `cap` of them looked at
    (the most recently imported), or all of them with cap None."""
    local = {**params, "match": match, "cap": cap if cap is not None else -1}
    if where:
        # `where` holds fixed clauses with bound parameters only (search.filter_sql).
        sql = (
            "SELECT pid, r FROM (SELECT m.pid AS pid, m.r AS r FROM (SELECT rowid AS pid, "  # noqa: S608
            "bm25(coi_fts, 1.0, 0.0) AS r FROM coi_fts WHERE coi_fts MATCH :match "
            "ORDER BY rowid DESC) m JOIN coi_passages p ON p.id = m.pid "
            f"JOIN coi_reports r ON r.id = p.report_id WHERE 1 = 1{where} LIMIT :cap) "
            "ORDER BY r, pid LIMIT :need"
        )
    else:
        sql = ("SELECT pid, r FROM (SELECT rowid AS pid, bm25(coi_fts, 1.0, 0.0) AS r "
               "FROM coi_fts WHERE coi_fts MATCH :match ORDER BY rowid DESC LIMIT :cap) "
               "ORDER BY r, pid LIMIT :need")
    return [(int(a), float(b)) for a, b in session.execute(text(sql), local).all()]


def _count(session: Session, match: str, where: str, params: dict[str, Any]) -> int:
    local = {**params, "match": match}
    if where:
        sql = ("SELECT count(*) FROM coi_fts m JOIN coi_passages p ON p.id = m.rowid "  # noqa: S608
               f"JOIN coi_reports r ON r.id = p.report_id WHERE coi_fts MATCH :match{where}")
    else:
        sql = "SELECT count(*) FROM coi_fts WHERE coi_fts MATCH :match"
    return int(session.execute(text(sql), local).scalar_one())


def run(
    session: Session, query: Parsed, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    """The count, the ranked ids, then the details of the page's passages.

    Ranking is bm25 over every match when at most RANK_CAP passages match. When more match
    (a frequent word), ranking them all costs about 70 ms per 50,000 matches, so the ranking
    looks at two capped sets: the passages with every plain word of the query (when it has
    several), then the rest; each set's RANK_CAP most recently imported matches are ranked.
    The count is always exact."""
    params: dict[str, Any] = {"need": offset + limit}
    where = filter_sql(_facet_words(filters)[1], params)
    match = match_expression(query, filters)
    total = _count(session, match, where, params)
    if total == 0:
        return 0, []
    if total <= RANK_CAP:
        ranked = _ranked(session, match, where, params, None)
    else:
        ranked = []
        if isinstance(query.root, AnyOf) and len(query.root.children) > 1:
            every = replace(query, root=All(query.root.children))
            ranked = _ranked(session, match_expression(every, filters), where, params, RANK_CAP)
        if len(ranked) < offset + limit:
            seen = {pid for pid, _ in ranked}
            more = _ranked(session, match, where, params, RANK_CAP)
            ranked += [(pid, r) for pid, r in more if pid not in seen]
    page = ranked[offset:offset + limit]
    if not page:
        return total, []
    scores = {pid: -rank for pid, rank in page}
    detail = session.execute(_DETAIL, {"ids": list(scores)}).all()
    by_id = {
        int(r[0]): EngineRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _date(r[7]), r[8], r[9],
                             scores[int(r[0])])
        for r in detail
    }
    return total, [by_id[pid] for pid in scores if pid in by_id]


def _date(value: Any) -> Any:
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


