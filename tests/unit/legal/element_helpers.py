"""Looking up one element's assessment, and its parts by key, for the element-rule tests."""

from __future__ import annotations

from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.assessment import TestPart
from asylum_prep.legal.elements import ElementAssessment, assess
from tests.unit.legal.factories import TODAY


def el(r: CaseRecord, key: str, juris: str = "us", **kw: object) -> ElementAssessment:
    found = [a for a in assess(r, juris, today=TODAY, **kw)  # type: ignore[arg-type]
             if a.key == key]
    assert len(found) == 1, key
    return found[0]


def parts(a: ElementAssessment) -> dict[str, TestPart]:
    return {p.key: p for p in a.parts}


def status(a: ElementAssessment) -> dict[str, str]:
    return {p.key: p.status for p in a.parts}


def note(p: TestPart) -> str:
    """The part's note in English, its parameters filled in."""
    return str(p.to_json()["note"])
