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

import bisect
import itertools
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from asylum_prep import word_forms
from asylum_prep.country_info.facets import country_word, publisher_word
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
from asylum_prep.country_info.search import (
    COUNT_CAP,
    EngineRow,
    Filters,
    filter_sql,
    language_filter,
)
from asylum_prep.text import language_word

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


_LANGUAGES = text(" UNION ALL ".join(
    f"SELECT {i} WHERE EXISTS (SELECT 1 FROM coi_fts WHERE coi_fts MATCH :w{i})"  # noqa: S608
    for i in range(len(word_forms.LANGUAGES))))


def languages(session: Session) -> tuple[str, ...]:
    """The languages of the library's passages: one index look-up of each language word, in
    one statement (measured: 0.25 ms for all; a scan of the index's vocabulary took 3 ms)."""
    params = {f"w{i}": f'norm : "{language_word(lang)}"'
              for i, lang in enumerate(word_forms.LANGUAGES)}
    found = {int(r[0]) for r in session.execute(_LANGUAGES, params).all()}
    return tuple(lang for i, lang in enumerate(word_forms.LANGUAGES) if i in found)


def match_expression(query: Parsed, filters: Filters | None = None, *,
                     other_languages: tuple[str, ...] = ()) -> str:
    """`norm : (<tree>)`, then `AND norm : "zzlangfa"` for a language filter and
    `AND facets : "ccir"` for each country or publisher filter. With `other_languages`
    (the library's other languages, when they have fewer passages) the language filter is
    written as leaving those out, which reads far fewer index entries."""
    if query.root is None:
        return ""
    parts = [f"norm : ({compile_node(query.root)})"]
    drop = ""
    if filters:
        language = language_filter(filters)
        if language and other_languages:
            words = " OR ".join(f'"{language_word(o)}"' for o in other_languages)
            drop = f" NOT norm : ({words})"
        elif language:
            parts.append(f'norm : "{language}"')
        parts += [f'facets : "{w}"' for w in _facet_words(filters)[0]]
    expression = " AND ".join(parts)
    return f"({expression}){drop}" if drop else expression


def _smaller_languages(session: Session, filters: Filters) -> tuple[str, ...]:
    """The library's other languages when, together, they hold fewer passages than the
    filter's language (counted up to COUNT_CAP each); else ()."""
    if not filters.language:
        return ()
    counts = {lang: _count(session, f'norm : "{language_word(lang)}"', None)
              for lang in languages(session)}
    others = tuple(lang for lang in counts if lang != filters.language)
    mine = counts.get(filters.language, 0)
    return others if others and sum(counts[o] for o in others) < mine else ()


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


RANK_CAP = 2000  # the most matches bm25 ranks for one query (see `run`)
MAX_RANGES = 200  # more reports in a date filter than this: join instead of id ranges
FEW_RANGES = 4  # more ranges than this: candidates from their whole span (see _candidates)
SPAN_FACTOR = 4
Ranges = list[tuple[int, int]]


def _ranges(session: Session, where: str, params: dict[str, Any]) -> Ranges | None:
    """The passage id ranges of the reports a date or report filter lets through, newest
    first, adjacent ones merged; None when a report's passages are not one run of ids (then
    the filter joins instead)."""
    # `where` holds fixed clauses with bound parameters only (search.filter_sql).
    sql = ("SELECT (SELECT min(id) FROM coi_passages WHERE report_id = r.id), "  # noqa: S608
           "(SELECT max(id) FROM coi_passages WHERE report_id = r.id), r.passage_count "
           f"FROM coi_reports r WHERE 1 = 1{where}")
    found: Ranges = []
    for low, high, count in session.execute(text(sql), params).all():
        if low is None:
            continue
        if int(high) - int(low) + 1 != int(count):
            return None
        found.append((int(low), int(high)))
    found.sort()
    merged: Ranges = []
    for low, high in found:
        if merged and low == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return None if len(merged) > MAX_RANGES else merged[::-1]


_COUNT = text("SELECT count(*) FROM (SELECT 1 FROM coi_fts WHERE coi_fts MATCH :match "
              "LIMIT :cap)")
_COUNT_IN = text("SELECT count(*) FROM (SELECT 1 FROM coi_fts WHERE coi_fts MATCH :match "
                 "AND rowid BETWEEN :low AND :high LIMIT :cap)")
_NEWEST = text("SELECT rowid, bm25(coi_fts, 1.0, 0.0) FROM coi_fts WHERE coi_fts MATCH :match "
               "ORDER BY rowid DESC LIMIT :cap")
_NEWEST_IN = text("SELECT rowid, bm25(coi_fts, 1.0, 0.0) FROM coi_fts "
                  "WHERE coi_fts MATCH :match AND rowid BETWEEN :low AND :high "
                  "ORDER BY rowid DESC LIMIT :cap")


def _count(session: Session, match: str, scope: Ranges | None, *,
           cap: int = COUNT_CAP + 1) -> int:
    """The number of matches, counted up to `cap` (one past COUNT_CAP)."""
    if scope is None:
        return int(session.execute(_COUNT, {"match": match, "cap": cap}).scalar_one())
    total = 0
    for low, high in scope:
        total += int(session.execute(_COUNT_IN, {"match": match, "low": low, "high": high,
                                                 "cap": cap - total}).scalar_one())
        if total >= cap:
            break
    return total


def _candidates(session: Session, match: str, scope: Ranges | None,
                cap: int) -> list[tuple[int, float]]:
    """(id, bm25) of the `cap` most recently imported matches (-1: every match)."""
    if scope is None:
        rows = session.execute(_NEWEST, {"match": match, "cap": cap}).all()
        return [(int(a), float(b)) for a, b in rows]
    if cap > 0 and len(scope) > FEW_RANGES:
        # Many ranges: one query over their whole span, kept to the ranges here, is cheaper
        # than a query per range unless the ranges hold few of the span's matches.
        rows = session.execute(_NEWEST_IN, {"match": match, "low": scope[-1][0],
                                            "high": scope[0][1], "cap": cap * SPAN_FACTOR}).all()
        lows = [low for low, _ in reversed(scope)]
        highs = [high for _, high in reversed(scope)]
        kept = [(int(a), float(b)) for a, b in rows
                if (i := bisect.bisect_right(lows, int(a)) - 1) >= 0 and int(a) <= highs[i]]
        if len(kept) >= cap or len(rows) < cap * SPAN_FACTOR:
            return kept[:cap]
    out: list[tuple[int, float]] = []
    for low, high in scope:
        left = -1 if cap < 0 else cap - len(out)
        if left == 0:
            break
        rows = session.execute(_NEWEST_IN, {"match": match, "low": low, "high": high,
                                            "cap": left}).all()
        out += [(int(a), float(b)) for a, b in rows]
    return out


def _best(candidates: list[tuple[int, float]]) -> list[tuple[int, float]]:
    return sorted(candidates, key=lambda c: (c[1], c[0]))


def _joined(session: Session, match: str, where: str, params: dict[str, Any],
            need: int) -> tuple[int, list[tuple[int, float]]]:
    """The filters that have neither index words nor id ranges: join every match to its
    report (slower; the count and a capped ranking)."""
    local = {**params, "match": match, "cap": RANK_CAP, "need": need, "most": COUNT_CAP + 1}
    # `where` holds fixed clauses with bound parameters only (search.filter_sql).
    source = ("FROM coi_fts m JOIN coi_passages p ON p.id = m.rowid "  # noqa: S608
              f"JOIN coi_reports r ON r.id = p.report_id WHERE coi_fts MATCH :match{where}")
    count_sql = f"SELECT count(*) FROM (SELECT 1 {source} LIMIT :most)"  # noqa: S608
    total = int(session.execute(text(count_sql), local).scalar_one())
    ranked_sql = ("SELECT pid, r FROM (SELECT m.rowid AS pid, "  # noqa: S608
                  f"bm25(coi_fts, 1.0, 0.0) AS r {source} ORDER BY m.rowid DESC LIMIT :cap) "
                  "ORDER BY r, pid LIMIT :need")
    ranked = session.execute(text(ranked_sql), local).all()
    return total, [(int(a), float(b)) for a, b in ranked]


def _tiers(session: Session, query: Parsed, filters: Filters,
           scope: Ranges | None) -> list[str]:
    """For plain words with many matches: the MATCH expressions to rank before all of them:
    the passages with every word, then those with any of the words that are not frequent
    (at most RANK_CAP matches each), whose bm25 would rank them above a frequent word's."""
    root = query.root
    if not isinstance(root, AnyOf) or len(root.children) < 2:
        return []
    others = _smaller_languages(session, filters)
    out = [match_expression(replace(query, root=All(root.children)), filters,
                            other_languages=others)]
    rare = [c for c in root.children  # counted in the whole library: one query per word
            if _count(session, match_expression(replace(query, root=c)), None,
                      cap=RANK_CAP + 1) <= RANK_CAP]
    if rare and len(rare) < len(root.children):
        node = rare[0] if len(rare) == 1 else AnyOf(tuple(rare))
        out.append(match_expression(replace(query, root=node), filters,
                                    other_languages=others))
    return out


def run(
    session: Session, query: Parsed, filters: Filters, *, limit: int, offset: int
) -> tuple[int, list[EngineRow]]:
    """The count, the ranked ids, then the details of the page's passages.

    Country and publisher filters are index words; date and report filters become the id
    ranges of the reports they let through (a report's passages are written in one run of
    ids), so neither joins the matches to their reports.

    Ranking is bm25 over every match when at most RANK_CAP passages match. When more match
    (a frequent word), ranking them all costs about 300 ms per 200,000 matches, so the ranking
    looks at two capped sets: the passages with every plain word of the query (when it has
    several), then those with any of its words that are not frequent, then the rest; each
    set's RANK_CAP most recently imported matches are ranked, set after set.
    Matches are counted up to one past COUNT_CAP (the page then says "more than")."""
    params: dict[str, Any] = {}
    where = filter_sql(_facet_words(filters)[1], params)
    others = _smaller_languages(session, filters)
    match = match_expression(query, filters, other_languages=others)
    need = offset + limit
    scope = _ranges(session, where, params) if where else None
    if where and scope is None:
        total, ranked = _joined(session, match, where, params, need)
    else:
        total = _count(session, match, scope)
        if total == 0:
            return 0, []
        if total <= RANK_CAP:
            ranked = _best(_candidates(session, match, scope, -1))
        else:
            ranked = []
            for tier in [*_tiers(session, query, filters, scope), match]:
                if len(ranked) >= need:
                    break
                seen = {pid for pid, _ in ranked}
                more = _best(_candidates(session, tier, scope, RANK_CAP))
                ranked += [(pid, r) for pid, r in more if pid not in seen]
    page = ranked[offset:need]
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


