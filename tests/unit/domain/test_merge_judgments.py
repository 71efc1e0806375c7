"""Concurrent judgments of legal elements merge: the list is a log both sides append to."""

from __future__ import annotations

from datetime import UTC, datetime

from asylum_prep.domain import merge
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import ElementJudgment, Verdict
from asylum_prep.services.judgments import latest


def _judged(record: CaseRecord, element: str, verdict: str, by: int, minute: int,
            reason: str = "") -> CaseRecord:
    judgment = ElementJudgment(element=element, verdict=Verdict(verdict), reason=reason, by=by,
                               at=datetime(2026, 12, 6, 15, minute, tzinfo=UTC))
    return record.model_copy(update={"element_judgments": [*record.element_judgments, judgment]})


def test_judgments_of_different_elements_both_land() -> None:
    base = _judged(CaseRecord(), "harm", "agree", by=1, minute=0)
    theirs = _judged(base, "nexus", "agree", by=2, minute=1)
    mine = _judged(base, "bars", "disagree", by=1, minute=2, reason="Duress is no exemption.")
    merged, conflicts = merge.three_way(base, mine, theirs)
    assert conflicts == set()
    assert [(j.element, j.by) for j in merged.element_judgments] == [
        ("harm", 1), ("nexus", 2), ("bars", 1)]


def test_same_element_the_later_save_counts_and_history_keeps_both() -> None:
    base = CaseRecord()
    theirs = _judged(base, "nexus", "agree", by=2, minute=1)
    mine = _judged(base, "nexus", "disagree", by=1, minute=2, reason="Extortion only.")
    merged, conflicts = merge.three_way(base, mine, theirs)
    assert conflicts == set()
    assert [j.verdict.value for j in merged.element_judgments] == ["agree", "disagree"]
    assert latest(merged)["nexus"].by == 1  # the save that came later counts


def test_other_lists_without_ids_still_conflict() -> None:
    """Only the judgments are an append-only log; a concurrent change of another answer that
    both sides touched is still refused."""
    base = CaseRecord()
    theirs = base.model_copy(deep=True)
    theirs.fear.why = "Because of my articles."
    mine = base.model_copy(deep=True)
    mine.fear.why = "Because of my father."
    _merged, conflicts = merge.three_way(base, mine, theirs)
    assert ("fear", "why") in conflicts
