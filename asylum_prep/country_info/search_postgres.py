"""PostgreSQL engine: the generated `tsv` column (to_tsvector('simple', norm)) with a GIN
index, ts_rank_cd for ranking.

Each token and phrase is bound as a parameter to phraseto_tsquery('simple', ...), which never
interprets operators; the tsqueries are combined in SQL (&& for phrases, || for words).
Ranking: the number of distinct words and phrases matched first (so a passage with every
word ranks above one with a single word repeated), then cover density.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from asylum_prep.country_info.search import EngineRow, Filters, Query, filter_sql


def _parts(query: Query, params: dict[str, Any]) -> tuple[str, list[str]]:
    phrase_sql: list[str] = []
    term_sql: list[str] = []
    for i, phrase in enumerate(query.phrases):
        params[f"p{i}"] = " ".join(phrase)
        phrase_sql.append(f"phraseto_tsquery('simple', :p{i})")
    for i, term in enumerate(query.terms):
        params[f"t{i}"] = term
        term_sql.append(f"phraseto_tsquery('simple', :t{i})")
    required = list(phrase_sql)
    if term_sql:
        required.append("(" + " || ".join(term_sql) + ")")
    return " && ".join(required), phrase_sql + term_sql


def run(
    session: Session, query: Query, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    tsquery, items = _parts(query, params)
    where = filter_sql(filters, params)
    # Only fixed SQL with numbered bound parameters is assembled here; values are all bound.
    coverage = " + ".join(f"(p.tsv @@ {item})::int" for item in items)
    head = f"WITH q AS (SELECT {tsquery} AS query) "
    joined = (
        "FROM q, coi_passages p JOIN coi_reports r ON r.id = p.report_id "
        f"WHERE p.tsv @@ q.query{where}"
    )
    sql = text(
        head + "SELECT p.id, p.report_id, p.page, p.section, p.text, r.publisher, r.title, "
        "r.published, r.country, r.url, "
        f"({coverage}) + ts_rank_cd(p.tsv, q.query, 32) AS score, count(*) OVER () AS total "
        f"{joined} ORDER BY score DESC, p.id LIMIT :limit OFFSET :offset"
    )
    result = session.execute(sql, params).all()
    if not result:
        total = 0
        if offset:
            count_sql = text(f"{head}SELECT count(*) {joined}")  # noqa: S608
            total = int(session.execute(count_sql, params).scalar_one())
        return total, []
    rows = [
        EngineRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], float(r[10]))
        for r in result
    ]
    return int(result[0][11]), rows
