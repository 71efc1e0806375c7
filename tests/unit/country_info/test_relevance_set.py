"""The judged relevance set of `make bench` (benchmarks/coi_relevance.py): its metrics are
right on a hand-computed example, and every judged query runs on real libraries and names
passages that exist. Not timed; the scores themselves are reported by the benchmark."""

from __future__ import annotations

import math

import pytest

from benchmarks import coi_relevance as rel


def test_ndcg_and_recall_on_a_hand_computed_example() -> None:
    judged = {"a": 2, "b": 1, "c": 0}
    # ranked b, x, a: DCG = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) = 1 + 1.5 = 2.5
    # ideal a, b:     DCG = 3/1 + 1/log2(3) = 3.6309...
    expected = 2.5 / (3 + 1 / math.log2(3))
    assert rel.ndcg_at(["b", "x", "a"], judged, 5) == pytest.approx(expected)
    assert rel.ndcg_at(["a", "b"], judged, 5) == pytest.approx(1.0)
    assert rel.ndcg_at(["x", "y"], judged, 5) == 0.0
    assert rel.ndcg_at(["b", "a"], {"a": 2, "b": 1}, 1) == pytest.approx(1 / 3)
    assert rel.recall_at(["b", "x", "a"], judged, 2) == 0.5  # c is graded 0: not relevant
    assert rel.recall_at(["a", "b"], judged, 10) == 1.0
    assert rel.ndcg_at(["a"], {}, 5) == 0.0 and rel.recall_at(["a"], {}, 10) == 0.0


def test_the_judged_set_is_large_enough_and_runs() -> None:
    data = rel.load()
    assert len(data["sample"]) + len(data["generated"]) >= 40
    results = rel.evaluate()
    assert [q for q, *_ in results["sample"]] == [item["query"] for item in data["sample"]]
    for values in results.values():
        for query, ndcg, recall in values:
            assert 0.0 <= ndcg <= 1.0 and 0.0 <= recall <= 1.0, query
    found = [r for values in results.values() for r in values if r[2] > 0]
    assert len(found) == sum(len(v) for v in results.values())  # every query finds something
