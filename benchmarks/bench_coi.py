"""Country library: import throughput and search latency on 200,000 generated passages.

The corpus is synthetic and deterministic (seeded): a Zipf-distributed vocabulary of made-up
words with a few hundred report-like words mixed in, about 60 words per passage, 200 reports.
It is written through the same bulk path the importer uses (`library.insert_passages`, which
normalises each passage and lets the FTS5 triggers index it), so "import" here measures
normalisation plus indexing, not PDF parsing.

Search: 300 queries of two or three mid-frequency words (one in five a quoted phrase), timed
through our `search()` (parse, normalise, FTS5 with joins and the result count, snippets) and,
in the same run on the same index, through the bare FTS5 `MATCH ... ORDER BY rank LIMIT 20`.
Targets: p95 under 50 ms; ours at most 1.5x the bare query.

Filtered search: the same queries with a country filter (one in five of the corpus) and with
a publisher filter (one in seven), each beside the bare FTS5 query with the same filter as
index words (`norm : (...) AND facets : "ccir"`), interleaved in the same run.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

PASSAGES = 200_000
REPORTS = 200
WORDS_PER_PASSAGE = 60
QUERIES = 300
SEED = 20240601
DOMAIN_WORDS = (
    "police army militia detained detention arrest arrested prison torture beaten students "
    "journalists protest protesters opposition party election security intelligence court "
    "judge trial sentence execution minority religious converts church mosque women girls "
    "violence threats harassment surveillance border refugees displaced province capital "
    "relocation village officials corruption extortion gangs recruitment military soldiers"
).split()


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ten", "ra", "vo", "shi", "dan", "el", "ur", "zi", "po",
                 "nar", "bel", "tu", "ga", "sen", "ri", "mo", "fa"]
    words = set(DOMAIN_WORDS)
    out = list(DOMAIN_WORDS)
    while len(out) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in words:
            words.add(word)
            out.append(word)
    rng.shuffle(out)
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _build(store: Any, vocab: list[str], rng: random.Random) -> float:
    from asylum_prep.country_info import library
    from asylum_prep.country_info.importers import ReportMeta, series_key
    from asylum_prep.country_info.passages import Passage

    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    cumulative: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    per_report = PASSAGES // REPORTS
    started = time.perf_counter()
    for r in range(REPORTS):
        country = ("IR", "SV", "AF", "ER", "XV")[r % 5]
        title = f"Generated report {r % 40} {2015 + r % 10}"
        meta = ReportMeta(country, f"Publisher {r % 7}", title, date(2015 + r % 10, 3, 1), "",
                          series_key(f"Publisher {r % 7}", country, title))
        passages = []
        for i in range(per_report):
            words = rng.choices(vocab, cum_weights=cumulative, k=WORDS_PER_PASSAGE)
            text = " ".join(words).capitalize() + "."
            passages.append(Passage(i + 1, 1 + i // 8, f"Section {1 + i // 50}", text))
        with store.session() as session:
            library.add_report(session, meta=meta, kind="txt", file_name=f"gen{r}.txt",
                               content_hash=f"{r:064x}", page_count=None, passages=passages,
                               actor_id=None)
    return time.perf_counter() - started


def _raw_match(session: Any, match: str, *, limit: int) -> list[tuple[int, float]]:
    """The bare FTS5 query with no joins or snippets (the reference the search is measured
    against); `match` from `search_sqlite.match_expression`, with the filters' index words
    when filtered."""
    from sqlalchemy import text

    rows = session.execute(
        text("SELECT rowid, rank FROM coi_fts WHERE coi_fts MATCH :m ORDER BY rank LIMIT :n"),
        {"m": match, "n": limit},
    ).all()
    return [(int(r[0]), float(r[1])) for r in rows]


def _queries(vocab: list[str], rng: random.Random) -> list[str]:
    middle = vocab[50:3000] + DOMAIN_WORDS
    out = []
    for i in range(QUERIES):
        words = rng.sample(middle, rng.choice((2, 3)))
        out.append(f'"{words[0]} {words[1]}" {" ".join(words[2:])}' if i % 5 == 0
                   else " ".join(words))
    return out


def run() -> list[dict[str, Any]]:
    from asylum_prep.config import Settings
    from asylum_prep.country_info import search_sqlite
    from asylum_prep.country_info.search import Filters, parse_query, search
    from asylum_prep.storage.engine import open_store

    rng = random.Random(SEED)  # noqa: S311  (deterministic test data, not secrets)
    vocab = _vocabulary(rng)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Settings(data_dir=Path(tmp) / "data"))
        try:
            seconds = _build(store, vocab, rng)
            queries = _queries(vocab, rng)
            cases = {"": Filters(), "country": Filters(country="IR"),
                     "publisher": Filters(publisher="Publisher 3")}
            ours: dict[str, list[float]] = {k: [] for k in cases}
            raw: dict[str, list[float]] = {k: [] for k in cases}
            with store.session() as session:
                for q in queries[:20]:  # warm the page cache for both paths alike
                    search(session, q, limit=20)
                for q in queries:
                    parsed = parse_query(q)
                    for key, filters in cases.items():
                        match = search_sqlite.match_expression(parsed, filters)
                        t0 = time.perf_counter()
                        _raw_match(session, match, limit=20)
                        t1 = time.perf_counter()
                        search(session, q, filters, limit=20)
                        t2 = time.perf_counter()
                        raw[key].append((t1 - t0) * 1000)
                        ours[key].append((t2 - t1) * 1000)
        finally:
            store.close()
    throughput = PASSAGES / seconds
    rows: list[dict[str, Any]] = [
        {"name": "coi import", "metric": "throughput (normalise + FTS5 index)",
         "unit": "passages/s", "ours": round(throughput), "reference": None,
         "reference_label": "", "target": "report only", "ok": True},
    ]
    for key in cases:
        name = f"coi search, {key} filter" if key else "coi search"
        label = f"raw FTS5 MATCH, same {key} filter" if key else "raw FTS5 MATCH"
        p50, p95 = statistics.median(ours[key]), _percentile(ours[key], 0.95)
        r50, r95 = statistics.median(raw[key]), _percentile(raw[key], 0.95)
        rows += [
            {"name": name, "metric": "p50 latency, 200k passages", "unit": "ms",
             "ours": round(p50, 2), "reference": round(r50, 2), "reference_label": label,
             "target": "<= 1.5x raw", "ok": p50 <= 1.5 * r50},
            {"name": name, "metric": "p95 latency, 200k passages", "unit": "ms",
             "ours": round(p95, 2), "reference": round(r95, 2), "reference_label": label,
             "target": "< 50 ms and <= 1.5x raw", "ok": p95 < 50 and p95 <= 1.5 * r95},
        ]
    return rows

if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
