"""PostgreSQL engine: the generated `tsv` column (to_tsvector('simple', norm)) with a GIN
index, ts_rank_cd for ranking.

The query tree (`country_info.query`) is compiled to tsquery functions of bound parameters:
each word or phrase of index words goes to phraseto_tsquery('simple', :p), which never
interprets operators; a prefix is to_tsquery('simple', :p || ':*') with a word of letters and
digits only; the tree's operators become && || !! in SQL, and NEAR/n every distance up to n
in both orders (tsquery_phrase). The language filter is the passage's language word.
Ranking: the number of distinct words and phrases matched first, then cover density.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

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
from asylum_prep.country_info.search import EngineRow, Filters, filter_sql, language_filter

_SAFE = re.compile(r"^[^\W_]+$")
MAX_NEAR = 20


class _Compiler:
    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        self.items: list[str] = []  # each word or phrase, for the ranking's coverage

    def bind(self, value: str) -> str:
        name = f"q{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def words(self, words: tuple[str, ...], prefix: bool = False) -> str:
        safe = [w for w in words if _SAFE.match(w)] or ["_"]
        if prefix:
            return f"to_tsquery('simple', {self.bind(safe[0])} || ':*')"
        return f"phraseto_tsquery('simple', {self.bind(' '.join(safe))})"

    def alternatives(self, node: Term | Phrase) -> list[str]:
        if isinstance(node, Term):
            return [self.words((w,), node.prefix) for w in node.words]
        return [self.words(v) for v in node.variants]

    def node(self, node: Node) -> str:
        if isinstance(node, Term | Phrase):
            item = "(" + " || ".join(self.alternatives(node)) + ")"
            self.items.append(item)
            return item
        if isinstance(node, Without):
            return f"({self.node(node.keep)} && !!{self.node(node.drop)})"
        if isinstance(node, Near):
            return self.near(node)
        joiner = " && " if isinstance(node, All) else " || "
        assert isinstance(node, All | AnyOf)
        return "(" + joiner.join(self.node(c) for c in node.children) + ")"

    def near(self, node: Near) -> str:
        """Each pair of neighbours within the distance, in either order."""
        operands = [self.node(c) for c in node.children]
        pairs = []
        for a, b in zip(operands, operands[1:], strict=False):
            options = [f"tsquery_phrase({x}, {y}, {k})"
                       for k in range(1, min(node.distance, MAX_NEAR) + 1)
                       for x, y in ((a, b), (b, a))]
            pairs.append("(" + " || ".join(options) + ")")
        return "(" + " && ".join(pairs) + ")"


def _parts(query: Parsed, filters: Filters, params: dict[str, Any]) -> tuple[str, list[str]]:
    compiler = _Compiler(params)
    assert query.root is not None
    tsquery = compiler.node(query.root)
    language = language_filter(filters)
    if language:
        tsquery = f"({tsquery} && {compiler.words((language,))})"
    return tsquery, compiler.items


def languages(session: Session) -> None:
    """Any language: PostgreSQL keeps no cheap list of the index's words."""
    return None


def run(
    session: Session, query: Parsed, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    tsquery, items = _parts(query, filters, params)
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
