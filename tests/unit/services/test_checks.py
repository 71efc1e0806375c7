"""The checks service on a real store: access, audit, links, dismissals kept across saves,
deadlines for the case list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.i18n import translator
from asylum_prep.services import cases, checks
from asylum_prep.storage.tables import AuditEvent
from tests.unit.legal.factories import arrival, fd, incident, strong_record

TODAY = date(2023, 1, 15)


def _put(store, people, record) -> int:
    opened = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=record,
                             base_version=opened.version)


def _flagged(store, people) -> int:
    r = strong_record()
    r.incidents.items.append(incident("2022-09-01", place="Transit camp"))
    return _put(store, people, r)


def test_run_checks_reports_and_is_audited_without_applicant_data(store, people):
    _put(store, people, strong_record())
    report = checks.run_checks(store, people.attorney, people.case_id, today=TODAY)
    assert report.jurisdiction == "us" and report.version == 2
    assert {e.key: e.strength for e in report.elements}["nexus"] == "supported"
    assert report.deadline is not None and report.deadline.filed_in_time is True
    with store.session() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "check_run")).one()
    assert event.case_id == people.case_id and event.actor_id == people.attorney.id
    assert "Orlan" not in event.detail and "Tovin" not in event.detail
    # the paralegal reads the checks too; the applicant and the translator never do
    checks.run_checks(store, people.paralegal, people.case_id, today=TODAY)
    for actor in (people.applicant, people.translator):
        with pytest.raises(PermissionDenied):
            checks.run_checks(store, actor, people.case_id, today=TODAY)


def test_non_members_are_refused(store, people, other_people):
    with pytest.raises(PermissionDenied):
        checks.run_checks(store, other_people.attorney, people.case_id)
    with pytest.raises(PermissionDenied):
        checks.link_fact(store, other_people.attorney, people.case_id, element="nexus",
                         path="fear.why", base_version=1)
    with pytest.raises(PermissionDenied):
        checks.run_checks(store, people.admin, people.case_id)


def test_attorney_links_and_unlinks_facts(store, people):
    v = _put(store, people, strong_record())
    v2 = checks.link_fact(store, people.attorney, people.case_id, element="protected_ground",
                          path="fear.why", base_version=v)
    assert v2 == v + 1
    report = checks.run_checks(store, people.attorney, people.case_id, today=TODAY)
    ground = next(e for e in report.elements if e.key == "protected_ground")
    assert any(f.manual and f.path == "fear.why" for f in ground.facts)
    v3 = checks.unlink_fact(store, people.attorney, people.case_id, element="protected_ground",
                            path="fear.why", base_version=v2)
    report = checks.run_checks(store, people.attorney, people.case_id, today=TODAY)
    ground = next(e for e in report.elements if e.key == "protected_ground")
    assert not any(f.path == "fear.why" for f in ground.facts)
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert [(lk.path, lk.linked, lk.by) for lk in record.element_links] == [
        ("fear.why", True, people.attorney.id), ("fear.why", False, people.attorney.id)]
    assert cases.open_case(store, people.attorney, people.case_id).version == v3


def test_links_need_review_permission_and_valid_input(store, people):
    v = _put(store, people, strong_record())
    for actor in (people.paralegal, people.applicant, people.translator):
        with pytest.raises(PermissionDenied):
            checks.link_fact(store, actor, people.case_id, element="nexus", path="fear.why",
                             base_version=v)
    with pytest.raises(InputRefused) as refused:
        checks.link_fact(store, people.attorney, people.case_id, element="courage",
                         path="fear.why", base_version=v)
    # the sentence names no raw element key, in English or in the interface language
    assert refused.value.message() == ("That legal element does not apply in this case's "
                                       "jurisdiction.")
    spanish = refused.value.message(translator("es"))
    assert "courage" not in spanish and spanish != refused.value.message()
    with pytest.raises(InputRefused) as refused:
        checks.link_fact(store, people.attorney, people.case_id, element="nexus",
                         path="fear.nothing_here", base_version=v)
    # nor a record path: the attorney picked from a list and never saw one
    assert refused.value.params == {}
    assert refused.value.message() == ("There is no answer there to link; choose one from the "
                                       "list.")
    spanish = refused.value.message(translator("es"))
    assert "fear" not in spanish and spanish != refused.value.message()
    assert cases.open_case(store, people.attorney, people.case_id).version == v


def test_dismissal_needs_a_reason_and_is_kept_across_saves(store, people):
    v = _flagged(store, people)
    [flag] = checks.run_checks(store, people.attorney, people.case_id, today=TODAY).flags
    assert flag.rule == "incident_after_departure" and not flag.dismissed
    with pytest.raises(InputRefused):
        checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                            reason="   ", base_version=v)
    with pytest.raises(InputRefused):
        checks.dismiss_flag(store, people.attorney, people.case_id, flag_id="0" * 16,
                            reason="x", base_version=v)
    with pytest.raises(PermissionDenied):
        checks.dismiss_flag(store, people.paralegal, people.case_id, flag_id=flag.id,
                            reason="x", base_version=v)
    v2 = checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                             reason="Attacked in the transit camp.", base_version=v)
    # the applicant edits another answer afterwards, from the version before the dismissal
    opened = cases.view_version(store, people.attorney, people.case_id, v)
    mine = opened.model_copy(deep=True)
    mine.fear.why = "Because of my articles and my father's name."
    v3 = cases.save_record(store, people.applicant, people.case_id, record=mine, base_version=v)
    assert v3 == v2 + 1
    [kept] = checks.run_checks(store, people.attorney, people.case_id, today=TODAY).flags
    assert kept.id == flag.id and kept.dismissed and kept.reason == "Attacked in the transit camp."
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert record.dismissed_flags[flag.id].by == people.attorney.id
    assert record.fear.why.startswith("Because of my articles and")
    report = checks.run_checks(store, people.attorney, people.case_id, today=TODAY).to_json()
    assert report["consistency"][0]["dismissed"] is True
    v4 = checks.restore_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                             base_version=v3)
    [back] = checks.run_checks(store, people.attorney, people.case_id, today=TODAY).flags
    assert not back.dismissed and v4 == v3 + 1


def test_deadline_for_cases_lists_the_actors_cases(store, people, other_people):
    r = strong_record()
    r.timing.filed_on = None
    r.leaving.entries = [arrival("2022-08-21")]
    _put(store, people, r)
    mine = checks.deadline_for_cases(store, people.attorney, today=date(2023, 8, 1))
    assert set(mine) == {people.case_id}
    info = mine[people.case_id]
    assert info is not None and info.deadline == date(2023, 8, 21) and info.level == "warning"
    assert info.red
    uk = cases.create_case(store, people.attorney, title="UK client", jurisdiction="uk")
    both = checks.deadline_for_cases(store, people.attorney, today=date(2023, 8, 1))
    assert both[uk] is None
    assert sorted(both, key=lambda k: checks.sort_key(both[k])) == [people.case_id, uk]
    assert set(checks.deadline_for_cases(store, other_people.attorney)) == {other_people.case_id}


def test_sort_key_orders_by_urgency():
    from asylum_prep.legal.deadline import one_year_deadline
    from tests.unit.legal.factories import record

    late = one_year_deadline(record(**{"leaving.entries": [arrival("2021-01-01")]}), today=TODAY)
    soon = one_year_deadline(record(**{"leaving.entries": [arrival("2022-02-01")]}), today=TODAY)
    unknown = one_year_deadline(record(), today=TODAY)
    filed = one_year_deadline(record(**{"leaving.entries": [arrival("2022-02-01")],
                                        "timing.filed_on": fd("2022-03-01")}), today=TODAY)
    ordered = sorted([None, filed, unknown, soon, late], key=checks.sort_key)
    assert ordered == [late, soon, unknown, filed, None]
