"""The attorney's own judgment of each legal element, beside the tool's reading.

An attorney agrees or disagrees with the element map's reading of one element, may give their
own strength when disagreeing (one of `legal.assessment.STRENGTHS`), says whether the element
is argued in the brief, and gives a reason (required when disagreeing). Each judgment is
appended to `CaseRecord.element_judgments`: the latest entry for an element wins, earlier ones
are its history. Saved as a new version through `cases.save_as_team` (Permission.review:
attorneys only) and audited as "element_judgment" with the element and the verdict, never the
reason. Each judgment keeps the tool's strength at that moment, so the screens can say when
the tool's reading changed after the attorney judged it. A judgment made from an older
version is refused (StaleVersionError) when someone
judged the same element meanwhile, so nobody overwrites a judgment they have not seen;
judgments of different elements merge (domain.merge treats the list as append-only).

The team reads the judgments with the checks (`checks.run_checks`, whose report carries them
with the judges' names) or one element's history with `judgment_history`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from asylum_prep.domain.citations import citations_by_element
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import ElementJudgment, Verdict
from asylum_prep.errors import N_, InputRefused, StaleVersionError
from asylum_prep.legal import jurisdictions
from asylum_prep.legal.assessment import STRENGTHS
from asylum_prep.legal.elements import assess
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User, utcnow

MAX_REASON = 2000
NOT_AN_ELEMENT = N_("That legal element does not apply in this case's jurisdiction.")


@dataclass(frozen=True)
class JudgmentEntry:
    """One judgment as the team reads it: the judge named, not numbered."""

    verdict: str  # "agree" | "disagree"
    strength: str  # the attorney's own strength when disagreeing, else ""
    argue: bool
    reason: str
    by: str  # the judge's user name (as the command line names users)
    by_name: str  # their display name, for the screens
    at: datetime
    tool_strength: str = ""  # the tool's strength when the judgment was made ("" if unknown)

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "strength": self.strength or None,
                "argue": self.argue, "reason": self.reason, "by": self.by,
                "at": self.at.isoformat(), "tool_strength_then": self.tool_strength or None}


@dataclass(frozen=True)
class AttorneyReading:
    """An element's judgments: the latest (which counts) and all of them, oldest first."""

    history: tuple[JudgmentEntry, ...]

    @property
    def current(self) -> JudgmentEntry:
        return self.history[-1]

    def to_json(self) -> dict[str, Any]:
        return {**self.current.to_json(), "history": len(self.history)}


def latest(record: CaseRecord) -> dict[str, ElementJudgment]:
    """Element key -> the judgment that counts (the last one recorded)."""
    return {j.element: j for j in record.element_judgments}


def _names(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = session.exec(select(User).where(col(User.id).in_(ids)))
    return {u.id or 0: (u.username, u.display_name or u.username) for u in rows}


def _entry(j: ElementJudgment, names: dict[int, tuple[str, str]]) -> JudgmentEntry:
    username, shown = names.get(j.by, ("?", "?"))
    return JudgmentEntry(verdict=j.verdict.value, strength=j.strength, argue=j.argue,
                         reason=j.reason, by=username, by_name=shown, at=j.at,
                         tool_strength=j.tool_strength)


def readings(session: Session, record: CaseRecord) -> dict[str, AttorneyReading]:
    """Every judged element's judgments with the judges' names (for the checks' report, which
    the caller has already checked access for and audits)."""
    names = _names(session, {j.by for j in record.element_judgments})
    out: dict[str, list[JudgmentEntry]] = {}
    for j in record.element_judgments:
        out.setdefault(j.element, []).append(_entry(j, names))
    return {key: AttorneyReading(tuple(entries)) for key, entries in out.items()}


def _checked(verdict: str, strength: str, reason: str) -> tuple[Verdict, str, str]:
    try:
        chosen = Verdict(verdict)
    except ValueError:
        raise InputRefused(N_("Choose whether you agree or disagree with the tool's "
                              "reading.")) from None
    strength, reason = strength.strip(), reason.strip()
    if strength and strength not in STRENGTHS:
        raise InputRefused(N_("Choose a strength from the list."))
    if strength and chosen is Verdict.agree:
        raise InputRefused(N_("When you agree, the tool's strength stands: give your own "
                              "strength only when you disagree."))
    if chosen is Verdict.disagree and not reason:
        raise InputRefused(N_("Give a reason for disagreeing with the tool's reading."))
    if len(reason) > MAX_REASON:
        raise InputRefused(N_("A reason has at most {n} characters."), n=MAX_REASON)
    return chosen, strength, reason


def _judged(record: CaseRecord, element: str) -> list[ElementJudgment]:
    return [j for j in record.element_judgments if j.element == element]


def _base_and_current(store: Store, actor: Actor, case_id: str,
                      base_version: int) -> tuple[CaseRecord, CaseRecord, str, int]:
    with store.session() as session:
        require(session, actor, case_id, Permission.review)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        base = repo.open_record(cipher, repo.get_version_row(session, case_id, base_version))
        current = base if base_version == case.current_version else repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version))
        return base, current, case.jurisdiction, case.current_version


@guarded
def record_judgment(store: Store, actor: Actor, case_id: str, *, element: str, verdict: str,
                    strength: str = "", argue: bool = True, reason: str = "",
                    base_version: int) -> int:
    """Record the attorney's judgment of `element`, made on `base_version`. Returns the new
    version. Refused, with nothing changed, for a bad input or when someone judged the same
    element after `base_version`."""
    chosen, strength, reason = _checked(verdict, strength, reason)
    base, current, juris, now = _base_and_current(store, actor, case_id, base_version)
    if element not in jurisdictions.get(juris).keys:
        raise InputRefused(NOT_AN_ELEMENT)
    if _judged(current, element) != _judged(base, element):
        raise StaleVersionError(base=base_version, current=now, changed="element_judgments")
    tool = next(a.strength for a in assess(base, juris, country_evidence=citations_by_element(base))
                if a.key == element)
    judgment = ElementJudgment(element=element, verdict=chosen, strength=strength,
                               argue=argue, reason=reason, by=actor.id, at=utcnow(),
                               tool_strength=tool)
    changed = base.model_copy(update={
        "element_judgments": [*base.element_judgments, judgment]})
    return cases.save_as_team(
        store, actor, case_id, record=changed, base_version=base_version,
        permission=Permission.review, action="element_judgment",
        detail=f"element={element} verdict={chosen.value} argue={int(argue)}"
               + (f" strength={strength}" if strength else ""))


@guarded
def judgment_history(store: Store, actor: Actor, case_id: str, *,
                     element: str) -> list[JudgmentEntry]:
    """Every judgment of `element` on the current version, oldest first (the last counts)."""
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        if element not in jurisdictions.get(case.jurisdiction).keys:
            raise InputRefused(NOT_AN_ELEMENT)
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, case.current_version))
        names = _names(session, {j.by for j in _judged(record, element)})
        out = [_entry(j, names) for j in _judged(record, element)]
        audit.log(session, actor, "judgment_history_view", case_id,
                  f"element={element} entries={len(out)}")
        return out
