"""Relevance of the country library's search: nDCG@5 and recall@10 over the judged queries
of `coi_relevance.toml` (read its header for how they were judged), on the fictional sample
library and on a generated one. `make bench` reports them through `bench_coi.run`.

nDCG@k: graded gains 2^rel - 1, discounted by log2(rank + 1), divided by the best possible
order of the judged passages. Recall@k: the share of the relevant passages (grade > 0) in the
first k results.
"""

from __future__ import annotations

import math
import random
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
JUDGMENTS = HERE / "coi_relevance.toml"
SAMPLES = HERE.parent / "asylum_prep" / "samples" / "coi"
SAMPLE_FILES = {"h21": "veldania_human_rights_2021.txt", "h23": "veldania_human_rights_2023.md",
                "sb": "veldania_students_briefing.html"}
FILLER_PASSAGES = 3000
TARGET_NDCG = 0.8


def dcg(gains: Sequence[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 5) -> float:
    """nDCG@k of `ranked` ids against graded judgments (ids not judged count 0)."""
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([judged.get(pid, 0) for pid in ranked[:k]]) / ideal


def recall_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    relevant = {pid for pid, grade in judged.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def load() -> dict[str, Any]:
    return tomllib.loads(JUDGMENTS.read_text("utf-8"))


def _add(session: Any, *, name: str, title: str, paragraphs: Sequence[str], rid: int) -> str:
    from asylum_prep.country_info import library
    from asylum_prep.country_info.importers import ReportMeta, series_key
    from asylum_prep.country_info.passages import Passage

    meta = ReportMeta("XV", "Generated Monitor", title, date(2024, 1, 1), "",
                      series_key("Generated Monitor", "XV", title))
    passages = [Passage(i + 1, 1, "", text) for i, text in enumerate(paragraphs)]
    report = library.add_report(session, meta=meta, kind="txt", file_name=name,
                                content_hash=f"{rid:064x}", page_count=None, passages=passages,
                                actor_id=None)
    return report.id


def _ids(session: Any, report_id: str) -> dict[int, int]:
    """Passage ordinal -> id within a report."""
    from sqlalchemy import text

    rows = session.execute(text("SELECT ordinal, id FROM coi_passages WHERE report_id = :r"),
                           {"r": report_id}).all()
    return {int(o): int(i) for o, i in rows}


def sample_library(session: Any) -> dict[str, str]:
    """Import the sample reports; "<file>#<n>" -> passage id (as text)."""
    from asylum_prep.country_info import library
    from asylum_prep.country_info.importers import ImportOptions, parse_file, resolve_metadata
    from asylum_prep.country_info.passages import to_passages

    names: dict[str, str] = {}
    for key, file_name in SAMPLE_FILES.items():
        data = (SAMPLES / file_name).read_bytes()
        parsed = parse_file(file_name, data)
        meta = resolve_metadata(parsed, ImportOptions(), file_name)
        report = library.add_report(
            session, meta=meta, kind=parsed.kind, file_name=file_name,
            content_hash=f"{key}{len(names):062x}", page_count=parsed.page_count,
            passages=to_passages(parsed.blocks), actor_id=None)
        for ordinal, pid in _ids(session, report.id).items():
            names[f"{key}#{ordinal}"] = str(pid)
    return names


def generated_library(session: Any, topics: Sequence[Mapping[str, Any]]) -> list[dict[str, int]]:
    """Filler passages and each topic's planted passages and distractors; the judgments of
    each topic (passage id -> grade)."""
    from benchmarks.bench_coi import DOMAIN_WORDS, _vocabulary

    rng = random.Random(7)  # noqa: S311  (deterministic test data)
    vocab = _vocabulary(rng, 5000)
    filler = [" ".join(rng.choices(vocab + DOMAIN_WORDS * 20, k=50)).capitalize() + "."
              for _ in range(FILLER_PASSAGES)]
    _add(session, name="filler.txt", title="Filler", paragraphs=filler, rid=10_000)
    out: list[dict[str, int]] = []
    for n, topic in enumerate(topics):
        planted, distractors = list(topic["planted"]), list(topic["distractors"])
        report_id = _add(session, name=f"topic{n}.txt", title=f"Topic {n}",
                         paragraphs=planted + distractors, rid=20_000 + n)
        ids = _ids(session, report_id)
        out.append({str(ids[i + 1]): 2 for i in range(len(planted))})
    return out


def evaluate() -> dict[str, list[tuple[str, float, float]]]:
    """(query, nDCG@5, recall@10) per judged query, per set ("sample", "generated")."""
    from asylum_prep.config import Settings
    from asylum_prep.country_info.search import search
    from asylum_prep.storage.engine import open_store

    data = load()
    results: dict[str, list[tuple[str, float, float]]] = {"sample": [], "generated": []}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("sample", "generated"):
            store = open_store(Settings(data_dir=Path(tmp) / kind))
            try:
                with store.session() as session:
                    if kind == "sample":
                        names = sample_library(session)
                        sets = [{names[k]: v for k, v in item["relevant"].items()}
                                for item in data["sample"]]
                    else:
                        sets = generated_library(session, data["generated"])
                with store.session() as session:
                    for item, judged in zip(data[kind], sets, strict=True):
                        page = search(session, item["query"], limit=10)
                        ranked = [str(h.passage_id) for h in page.hits]
                        results[kind].append((item["query"], ndcg_at(ranked, judged),
                                              recall_at(ranked, judged)))
            finally:
                store.close()
    return results


def run() -> list[dict[str, Any]]:
    results = evaluate()
    rows: list[dict[str, Any]] = []
    every = [r for values in results.values() for r in values]
    for label, values in (*results.items(), ("all", every)):
        ndcg = sum(v[1] for v in values) / len(values)
        recall = sum(v[2] for v in values) / len(values)
        name = f"coi relevance, {label} ({len(values)} judged queries)"
        rows += [
            {"name": name, "metric": "mean nDCG@5", "unit": "", "ours": round(ndcg, 3),
             "reference": None, "reference_label": "",
             "target": f">= {TARGET_NDCG}" if label == "all" else "report only",
             "ok": ndcg >= TARGET_NDCG if label == "all" else True},
            {"name": name, "metric": "mean recall@10", "unit": "", "ours": round(recall, 3),
             "reference": None, "reference_label": "", "target": "report only", "ok": True},
        ]
    return rows


if __name__ == "__main__":  # pragma: no cover
    for kind, values in evaluate().items():
        for query, ndcg, recall in values:
            print(f"{kind:9} nDCG@5 {ndcg:.3f} recall@10 {recall:.3f}  {query}")
