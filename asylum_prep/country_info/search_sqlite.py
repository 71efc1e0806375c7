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


def run(
    session: Session, query: Parsed, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    """Three small queries, measured faster than one: the ranked ids (only ids and ranks go
    through the sorter), the count, then the details of the page's passages."""
    params: dict[str, Any] = {"match": match_expression(query, filters), "limit": limit,
                              "offset": offset}
    where = filter_sql(_facet_words(filters)[1], params)
    if where:
        # `where` holds fixed clauses with bound parameters only (search.filter_sql).
        source = (
            "FROM (SELECT rowid AS pid, rank AS r FROM coi_fts WHERE coi_fts MATCH :match) m "  # noqa: S608
            "JOIN coi_passages p ON p.id = m.pid JOIN coi_reports r ON r.id = p.report_id "
            f"WHERE 1 = 1{where}"
        )
        ranked_sql = f"SELECT m.pid, m.r {source} ORDER BY m.r, m.pid LIMIT :limit OFFSET :offset"
        count_sql = f"SELECT count(*) {source}"  # noqa: S608
    else:
        ranked_sql = ("SELECT rowid, rank FROM coi_fts WHERE coi_fts MATCH :match "
                      "ORDER BY rank, rowid LIMIT :limit OFFSET :offset")
        count_sql = "SELECT count(*) FROM coi_fts WHERE coi_fts MATCH :match"
    ranked = session.execute(text(ranked_sql), params).all()  # noqa: S608
    if offset == 0 and len(ranked) < limit:
        total = len(ranked)  # the page holds every match: no need to count
    else:
        total = int(session.execute(text(count_sql), params).scalar_one())
    if not ranked:
        return total, []
    scores = {int(pid): -float(rank) for pid, rank in ranked}
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


