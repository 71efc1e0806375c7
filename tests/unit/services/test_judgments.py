"""The attorney's judgments of legal elements on a real store: recorded as versions, history
kept, refusals change nothing, attorneys only, audited without the reason, concurrent
judgments merged or refused, shown in the checks' report and kept from the applicant."""

from __future__ import annotations

import pytest
from sqlmodel import select

from asylum_prep.errors import InputRefused, PermissionDenied, StaleVersionError
from asylum_prep.i18n import translator
from asylum_prep.services import cases, checks, judgments, users
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import PASSWORD, People
from tests.unit.legal.factories import strong_record

REASON = "The beating was over a land dispute with a neighbour, Orlan Tovin."


def _put(store: Store, people: People) -> int:
    opened = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=strong_record(),
                             base_version=opened.version)


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _second_attorney(store: Store, people: People) -> Actor:
    other = users.create_user(store, people.admin, username="attorney2", password=PASSWORD,
                              role=Role.attorney, display_name="Second Counsel")
    cases.add_member(store, people.attorney, people.case_id, username="attorney2",
                     role=Role.attorney)
    return other


def test_record_keeps_history_and_the_latest_counts(store, people):
    v = _put(store, people)
    v2 = judgments.record_judgment(store, people.attorney, people.case_id, element="nexus",
                                   verdict="agree", base_version=v)
    assert v2 == v + 1
    v3 = judgments.record_judgment(store, people.attorney, people.case_id, element="nexus",
                                   verdict="disagree", strength="thin", argue=False,
                                   reason=f"  {REASON} ", base_version=v2)
    assert v3 == v2 + 1
    history = judgments.judgment_history(store, people.attorney, people.case_id,
                                         element="nexus")
    assert [(h.verdict, h.strength, h.argue, h.reason, h.by) for h in history] == [
        ("agree", "", True, "", "attorney"), ("disagree", "thin", False, REASON, "attorney")]
    assert judgments.judgment_history(store, people.paralegal, people.case_id,
                                      element="harm") == []
    report = checks.run_checks(store, people.attorney, people.case_id)
    assert report.disagreements == ["nexus"]
    assert "nexus" not in report.unjudged and len(report.unjudged) == len(report.elements) - 1
    nexus = next(e for e in report.to_json()["elements"] if e["key"] == "nexus")
    assert nexus["attorney"]["verdict"] == "disagree" and nexus["attorney"]["history"] == 2
    assert nexus["attorney"]["by"] == "attorney" and nexus["attorney"]["argue"] is False
    assert nexus["tool"]["strength"] == nexus["strength"]  # the old key stays
    harm = next(e for e in report.to_json()["elements"] if e["key"] == "harm")
    assert harm["attorney"] is None


def _refused(store: Store, people: People, v: int, **kwargs: object) -> InputRefused:
    args = {"element": "nexus", "verdict": "disagree", "reason": REASON, **kwargs}
    with pytest.raises(InputRefused) as refused:
        judgments.record_judgment(store, people.attorney, people.case_id, base_version=v,
                                  **args)  # type: ignore[arg-type]
    assert _version(store, people) == v  # nothing changed
    return refused.value


def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(store, people):
    v = _put(store, people)
    no_reason = _refused(store, people, v, reason="   ")
    assert no_reason.message() == "Give a reason for disagreeing with the tool's reading."
    assert no_reason.message(translator("es")) != no_reason.message()
    assert "reason" in _refused(store, people, v, reason="x" * 2001).message()
    assert _refused(store, people, v, strength="strong").message() == (
        "Choose a strength from the list.")
    assert "only when you disagree" in _refused(store, people, v, verdict="agree",
                                                strength="thin").message()
    assert "agree or disagree" in _refused(store, people, v, verdict="maybe").message()
    courage = _refused(store, people, v, element="courage")
    assert "courage" not in courage.message(translator("fa"))
    # agreeing needs no reason
    judgments.record_judgment(store, people.attorney, people.case_id, element="nexus",
                              verdict="agree", base_version=v)


def test_only_attorneys_judge_and_the_applicant_never_sees_judgments(store, people):
    v = _put(store, people)
    for actor in (people.paralegal, people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            judgments.record_judgment(store, actor, people.case_id, element="nexus",
                                      verdict="agree", base_version=v)
    assert _version(store, people) == v
    v = judgments.record_judgment(store, people.attorney, people.case_id, element="nexus",
                                  verdict="disagree", reason=REASON, base_version=v)
    for actor in (people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            judgments.judgment_history(store, actor, people.case_id, element="nexus")
    hers = cases.open_case(store, people.applicant, people.case_id)
    assert hers.record.element_judgments == []
    # her own save, made from what she sees, keeps the judgments she cannot see
    mine = hers.record.model_copy(deep=True)
    mine.fear.why = "Because of my articles."
    cases.save_record(store, people.applicant, people.case_id, record=mine, base_version=v)
    kept = cases.open_case(store, people.attorney, people.case_id).record.element_judgments
    assert [j.reason for j in kept] == [REASON]


def test_judgments_are_audited_without_the_reason(store, people):
    v = _put(store, people)
    judgments.record_judgment(store, people.attorney, people.case_id, element="harm",
                              verdict="disagree", strength="against", reason=REASON,
                              base_version=v)
    judgments.judgment_history(store, people.paralegal, people.case_id, element="harm")
    with store.session() as s:
        [saved] = s.exec(select(AuditEvent).where(AuditEvent.action == "element_judgment"))
        [viewed] = s.exec(select(AuditEvent)
                          .where(AuditEvent.action == "judgment_history_view"))
    assert saved.actor_id == people.attorney.id and saved.case_id == people.case_id
    assert "element=harm" in saved.detail and "verdict=disagree" in saved.detail
    assert "strength=against" in saved.detail
    assert viewed.actor_id == people.paralegal.id and "element=harm" in viewed.detail
    for event in (saved, viewed):
        assert "Orlan" not in event.detail and "land dispute" not in event.detail


def test_concurrent_judgments_merge_or_are_refused(store, people):
    v = _put(store, people)
    second = _second_attorney(store, people)
    v = _version(store, people)
    judgments.record_judgment(store, people.attorney, people.case_id, element="nexus",
                              verdict="agree", base_version=v)
    # the second attorney worked from the same version, on another element: both land
    v3 = judgments.record_judgment(store, second, people.case_id, element="harm",
                                   verdict="disagree", strength="thin", reason=REASON,
                                   base_version=v)
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert [(j.element, j.by) for j in record.element_judgments] == [
        ("nexus", people.attorney.id), ("harm", second.id)]
    # on the element someone judged meanwhile, a judgment from the old version is refused
    with pytest.raises(StaleVersionError):
        judgments.record_judgment(store, second, people.case_id, element="nexus",
                                  verdict="disagree", reason=REASON, base_version=v)
    assert _version(store, people) == v3
    history = judgments.judgment_history(store, people.attorney, people.case_id,
                                         element="harm")
    assert history[-1].by == "attorney2" and history[-1].by_name == "Second Counsel"


def test_a_judgment_keeps_the_tools_reading_of_its_moment(store, people):
    from asylum_prep.legal.elements import assess

    v = _put(store, people)
    record = cases.open_case(store, people.attorney, people.case_id).record
    then = next(a.strength for a in assess(record, "us") if a.key == "harm")
    v2 = judgments.record_judgment(store, people.attorney, people.case_id, element="harm",
                                   verdict="agree", base_version=v)
    # the account loses every incident: the tool's reading of harm changes
    record = cases.open_case(store, people.attorney, people.case_id).record
    changed = record.model_copy(update={"incidents": record.incidents.model_copy(
        update={"items": []})})
    cases.save_record(store, people.attorney, people.case_id, record=changed, base_version=v2)
    entry = judgments.judgment_history(store, people.attorney, people.case_id,
                                       element="harm")[-1]
    assert entry.tool_strength == then
    now = next(e for e in checks.run_checks(store, people.attorney, people.case_id).elements
               if e.key == "harm")
    assert now.strength != then
    harm = next(e for e in checks.run_checks(store, people.attorney, people.case_id)
                .to_json()["elements"] if e["key"] == "harm")
    assert harm["attorney"]["tool_strength_then"] == then
