"""The audit log records views, changes and deletions; it is append-only and chained."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from asylum_prep.services import audit, cases


def test_views_changes_and_sign_ins_are_logged(store, people):
    cases.open_case(store, people.applicant, people.case_id)
    events = audit.list_events(store, people.attorney, case_id=people.case_id)
    actions = [e.action for e in events]
    assert {"case_create", "case_view", "invite_create", "invite_redeem", "member_add"} <= set(
        actions
    )
    assert all(e.case_id == people.case_id for e in events)
    assert audit.verify_chain(store)


def test_case_audit_is_for_the_case_attorney_only(store, people):
    from asylum_prep.errors import PermissionDenied

    for actor in (people.applicant, people.translator, people.paralegal):
        with pytest.raises(PermissionDenied):
            audit.list_events(store, actor, case_id=people.case_id)
    with pytest.raises(PermissionDenied):
        audit.list_events(store, people.attorney)  # the whole log is for admins


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"]
)
def test_the_log_is_append_only_in_the_database(store, people, statement):
    with pytest.raises(DBAPIError), store.engine.begin() as conn:
        conn.execute(text(statement))
    assert audit.verify_chain(store)


def test_deleting_a_case_keeps_its_audit_trail(store, people):
    cases.delete_case(store, people.attorney, people.case_id)
    events = audit.list_events(store, people.admin)
    assert any(e.action == "case_view" for e in events) or any(
        e.action == "case_create" for e in events
    )
    assert audit.verify_chain(store)
