"""SQLite engine: FTS5 over `coi_fts` (kept in step with `coi_passages` by triggers), bm25.

The only place besides migrations 0002/0003 that writes SQLite-specific SQL. The MATCH
expression is assembled from tokens that hold only letters and digits, each wrapped in double
quotes (an FTS5 string), so no operator or syntax from the user's input can reach FTS5. The
user's words are searched in the `norm` column only; country and publisher filters are
words of the `facets` column (country_info.facets), intersected inside the index. Date and
report filters, which have no index word, join the matches to their reports.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from asylum_prep.country_info.facets import country_word, publisher_word
from asylum_prep.country_info.search import EngineRow, Filters, Query, filter_sql

_SAFE = re.compile(r"^[^\W_]+$")


def _string(tokens: tuple[str, ...]) -> str:
    return '"' + " ".join(t for t in tokens if _SAFE.match(t)) + '"'


def match_expression(query: Query, filters: Filters | None = None) -> str:
    """`norm : ("a b" AND ("x" OR "y"))`: every phrase, and at least one of the words, in the
    text; then `AND facets : "ccir"` for each country or publisher filter."""
    parts = [_string(p) for p in query.phrases]
    if query.terms:
        parts.append("(" + " OR ".join(_string((t,)) for t in query.terms) + ")")
    if not parts:
        return ""
    words = _facet_words(filters)[0] if filters else []
    return " AND ".join([f"norm : ({' AND '.join(parts)})"]
                        + [f'facets : "{w}"' for w in words])


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
                   until=filters.until, report_id=filters.report_id)
    return words, rest


_DETAIL = text(
    "SELECT p.id, p.report_id, p.page, p.section, p.text, r.publisher, r.title, "
    "r.published, r.country, r.url FROM coi_passages p "
    "JOIN coi_reports r ON r.id = p.report_id WHERE p.id IN :ids"
).bindparams(bindparam("ids", expanding=True))


def run(
    session: Session, query: Query, filters: Filters, *, limit: int, offset: int
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


