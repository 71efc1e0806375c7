"""Legal checks of a case: the element map, deadline, consistency flags and readiness, and the
attorney's decisions over them (links between facts and elements, dismissed flags; their
judgments of each element are `services.judgments`, read here with the report).

Reading needs Permission.read and is audited as "check_run" (details: version and counts,
never applicant data). Links and dismissals need Permission.review (attorneys) and are saved
as new versions through `cases.save_as_team`, so nothing is lost and concurrent edits merge
or are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlmodel import col, select

from asylum_prep.domain.citation_currency import CurrencyWarning
from asylum_prep.domain.citations import Citation, citations_by_element, format_citation
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.domain.review import Dismissal, ElementLink
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence.translated import Untranslated, untranslated
from asylum_prep.legal import consistency, jurisdictions, readiness, timeline
from asylum_prep.legal.consistency import Flag
from asylum_prep.legal.deadline import DeadlineInfo, deadline_for
from asylum_prep.legal.elements import ElementAssessment, assess
from asylum_prep.legal.readiness import ReadinessItem
from asylum_prep.legal.timeline import TimelineEvent
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.coi_currency import currency_by_citation
from asylum_prep.services.judgments import AttorneyReading, readings
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseMember, utcnow

MAX_REASON = 2000


@dataclass(frozen=True)
class CheckReport:
    case_id: str
    jurisdiction: str
    version: int
    elements: list[ElementAssessment]
    deadline: DeadlineInfo | None
    flags: list[Flag]
    readiness: list[ReadinessItem]
    timeline: list[TimelineEvent] = field(default_factory=list)
    # the attorney's judgments per element key (judged elements only)
    judgments: dict[str, AttorneyReading] = field(default_factory=dict)
    # the country-conditions citations, each with its currency warnings
    citations: list[dict[str, Any]] = field(default_factory=list)
    # the packet's foreign-language exhibits without a current English translation
    untranslated: list[Untranslated] = field(default_factory=list)

    @property
    def open_flags(self) -> list[Flag]:
        return [f for f in self.flags if not f.dismissed]

    @property
    def disagreements(self) -> list[str]:
        """Keys of the elements whose latest judgment disagrees with the tool."""
        return [e.key for e in self.elements if e.key in self.judgments
                and self.judgments[e.key].current.verdict == "disagree"]

    @property
    def unjudged(self) -> list[str]:
        """Keys of the elements the attorney has not judged yet."""
        return [e.key for e in self.elements if e.key not in self.judgments]

    def element_json(self, e: ElementAssessment) -> dict[str, Any]:
        """One element: the tool's reading (`tool`) and the attorney's (`attorney`, None until
        judged), plus the tool's keys at the top level as before."""
        data = e.to_json()
        tool = {key: data[key] for key in ("strength", "reason", "parts", "facts",
                                           "facts_against", "authorities", "next_step")}
        reading = self.judgments.get(e.key)
        return {**data, "tool": tool, "attorney": reading.to_json() if reading else None}

    def to_json(self) -> dict[str, Any]:
        """The shape of `asylum-prep check ID --json` (issue 3), with a few extra keys."""
        return {
            "jurisdiction": self.jurisdiction,
            "elements": [self.element_json(e) for e in self.elements],
            "deadline": self.deadline.to_json() if self.deadline else None,
            "consistency": [f.to_json() for f in self.flags],
            "readiness": [r.to_json() for r in self.readiness],
            "citations": self.citations,
            "exhibit_translations": [
                {"evidence_id": u.evidence_id, "title": u.title, "status": u.status}
                for u in self.untranslated
            ],
        }


def citation_json(c: Citation, warnings: Sequence[CurrencyWarning]) -> dict[str, Any]:
    """One citation as `check --json` gives it: as formatted, with its currency warnings."""
    return {"id": c.id, "element": c.element.value, "report_id": c.report_id,
            "passage_id": c.passage_id, "citation": format_citation(c),
            "warnings": [w.to_json() for w in warnings]}


def build_report(record: CaseRecord, jurisdiction: str, *, case_id: str = "", version: int = 0,
                 today: date | None = None) -> CheckReport:
    """The report for a record already loaded (no access check: callers hold the record)."""
    today = today or date.today()
    info = deadline_for(record, jurisdiction, today=today)
    return CheckReport(
        case_id=case_id, jurisdiction=str(jurisdiction), version=version,
        elements=assess(record, jurisdiction, today=today,
                        country_evidence=citations_by_element(record)),
        deadline=info, flags=consistency.check(record, today=today),
        readiness=readiness.readiness(record, jurisdiction, today=today),
        timeline=timeline.build(record, info),
        untranslated=untranslated(record),
    )


def _load(store: Store, actor: Actor, case_id: str, permission: Permission,
          version: int | None = None) -> tuple[CaseRecord, str, int]:
    with store.session() as session:
        require(session, actor, case_id, permission)
        case = repo.get_case(session, case_id)
        number = case.current_version if version is None else version
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, number))
        return record, case.jurisdiction, number


@guarded
def run_checks(store: Store, actor: Actor, case_id: str, *,
               today: date | None = None) -> CheckReport:
    with store.reading() as session:
        require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, case.current_version))
        currency = currency_by_citation(session, record.citations, today=today,
                                            stale_after_years=store.settings.coi_stale_years)
        judged = readings(session, record)
    report = replace(build_report(record, case.jurisdiction, case_id=case_id,
                                  version=case.current_version, today=today),
                     judgments=judged,
                     citations=[citation_json(c, currency.get(c.id, []))
                                for c in record.citations])
    with store.session() as session:
        audit.log(session, actor, "check_run", case_id,
                  f"version={report.version} flags={len(report.open_flags)} "
                  f"readiness={len(report.readiness)}")
    return report


def _set_link(store: Store, actor: Actor, case_id: str, *, element: str, path: str,
              base_version: int, linked: bool) -> int:
    record, juris, _ = _load(store, actor, case_id, Permission.review, base_version)
    if element not in jurisdictions.get(juris).keys:
        raise InputRefused(N_("That legal element does not apply in this case's jurisdiction."))
    path = path.strip()
    if linked and (not path or get_path(record, path) is None):
        raise InputRefused(N_("There is no answer there to link; choose one from the list."))
    links = [*record.element_links,
             ElementLink(element=element, path=path, linked=linked, by=actor.id, at=utcnow())]
    changed = record.model_copy(update={"element_links": links})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.review,
                              action="element_link" if linked else "element_unlink")


@guarded
def link_fact(store: Store, actor: Actor, case_id: str, *, element: str, path: str,
              base_version: int) -> int:
    """Attach the answer at `path` to `element` by hand. Returns the new version."""
    return _set_link(store, actor, case_id, element=element, path=path,
                     base_version=base_version, linked=True)


@guarded
def unlink_fact(store: Store, actor: Actor, case_id: str, *, element: str, path: str,
                base_version: int) -> int:
    """Detach the answer at `path` (and below) from `element`, even if the rules found it."""
    return _set_link(store, actor, case_id, element=element, path=path,
                     base_version=base_version, linked=False)


@guarded
def dismiss_flag(store: Store, actor: Actor, case_id: str, *, flag_id: str, reason: str,
                 base_version: int, today: date | None = None) -> int:
    """Dismiss a consistency flag with a reason, which is kept and shown beside the flag."""
    reason = reason.strip()
    if not reason:
        raise InputRefused(N_("Give a reason for dismissing this flag."))
    if len(reason) > MAX_REASON:
        raise InputRefused(N_("A reason has at most {n} characters."), n=MAX_REASON)
    record, _, _ = _load(store, actor, case_id, Permission.review, base_version)
    if flag_id not in {f.id for f in consistency.check(record, today=today)}:
        raise InputRefused(N_("This flag is no longer raised; reload the checks."))
    dismissed = {**record.dismissed_flags,
                 flag_id: Dismissal(reason=reason, by=actor.id, at=utcnow())}
    changed = record.model_copy(update={"dismissed_flags": dismissed})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.review, action="flag_dismiss")


@guarded
def restore_flag(store: Store, actor: Actor, case_id: str, *, flag_id: str,
                 base_version: int) -> int:
    """Undo a dismissal (the earlier version keeps the old reason in the history)."""
    record, _, _ = _load(store, actor, case_id, Permission.review, base_version)
    if flag_id not in record.dismissed_flags:
        raise InputRefused(N_("This flag is not dismissed."))
    dismissed = {k: v for k, v in record.dismissed_flags.items() if k != flag_id}
    changed = record.model_copy(update={"dismissed_flags": dismissed})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.review, action="flag_restore")


@guarded
def deadline_for_cases(store: Store, actor: Actor, *,
                       today: date | None = None) -> dict[str, DeadlineInfo | None]:
    """The filing deadline of every case the actor is a member of (for the case list's
    deadline column and sort). None where no deadline rule applies (UK, EU)."""
    out: dict[str, DeadlineInfo | None] = {}
    with store.session() as session:
        rows = session.exec(
            select(Case).join(CaseMember, col(CaseMember.case_id) == col(Case.id))
            .where(CaseMember.user_id == actor.id)
        )
        for case in rows:
            require(session, actor, case.id, Permission.read)
            record = repo.open_record(store.case_cipher(case),
                                      repo.get_version_row(session, case.id,
                                                           case.current_version))
            out[case.id] = deadline_for(record, case.jurisdiction, today=today)
        audit.log(session, actor, "deadline_list", detail=f"count={len(out)}")
    return out


def sort_key(info: DeadlineInfo | None) -> tuple[int, int]:
    """Sort cases by urgency: overdue and nearest deadlines first, unknown, then none."""
    if info is None:
        return (3, 0)
    if info.level == "filed":
        return (2, 0)
    if info.days_left is None:
        return (1, 0)
    return (0, info.days_left)
