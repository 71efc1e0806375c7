"""SQLite engine: FTS5 over `coi_fts` (kept in step with `coi_passages` by triggers), bm25.

The only place besides migration 0002 that writes SQLite-specific SQL. The MATCH expression
is assembled from tokens that hold only letters and digits, each wrapped in double quotes
(an FTS5 string), so no operator or syntax from the user's input can reach FTS5.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from asylum_prep.country_info.search import EngineRow, Filters, Query, filter_sql

_SAFE = re.compile(r"^[^\W_]+$")


def _string(tokens: tuple[str, ...]) -> str:
    return '"' + " ".join(t for t in tokens if _SAFE.match(t)) + '"'


def match_expression(query: Query) -> str:
    """`"a b" AND ("x" OR "y")`: every phrase, and at least one of the words."""
    parts = [_string(p) for p in query.phrases]
    if query.terms:
        parts.append("(" + " OR ".join(_string((t,)) for t in query.terms) + ")")
    return " AND ".join(parts)


def run(
    session: Session, query: Query, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    params: dict[str, Any] = {"match": match_expression(query), "limit": limit, "offset": offset}
    where = filter_sql(filters, params)
    matches = "SELECT rowid AS pid, rank AS r FROM coi_fts WHERE coi_fts MATCH :match"
    joined = (
        f"FROM ({matches}) m JOIN coi_passages p ON p.id = m.pid "
        f"JOIN coi_reports r ON r.id = p.report_id WHERE 1 = 1{where}"
    )
    # `where` holds fixed clauses with bound parameters only (search.filter_sql).
    sql = text(
        "SELECT p.id, p.report_id, p.page, p.section, p.text, r.publisher, r.title, "
        "r.published, r.country, r.url, -m.r AS score, count(*) OVER () AS total "
        f"{joined} ORDER BY m.r, p.id LIMIT :limit OFFSET :offset"  # noqa: S608
    )
    result = session.execute(sql, params).all()
    if not result:
        total = 0
        if offset:
            count_sql = text(f"SELECT count(*) {joined}")  # noqa: S608
            total = int(session.execute(count_sql, params).scalar_one())
        return total, []
    rows = [
        EngineRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _date(r[7]), r[8], r[9], float(r[10]))
        for r in result
    ]
    return int(result[0][11]), rows


def _date(value: Any) -> Any:
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def raw_match(session: Session, match: str, *, limit: int) -> list[tuple[int, float]]:
    """The bare FTS5 query with no joins, filters or snippets (the benchmark's reference)."""
    rows = session.execute(
        text("SELECT rowid, bm25(coi_fts) FROM coi_fts WHERE coi_fts MATCH :m "
             "ORDER BY rank LIMIT :n"),
        {"m": match, "n": limit},
    ).all()
    return [(int(r[0]), float(r[1])) for r in rows]
