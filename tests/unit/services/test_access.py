"""Authorization in the service layer: membership and role decide, for every operation."""

import pytest

from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.i18n import translator
from asylum_prep.services import audit, cases, invites, users
from asylum_prep.services.access import Permission, require
from asylum_prep.services.actor import Role
from tests.support import PASSWORD


def _save(store, actor, case_id, owner):
    opened = cases.open_case(store, owner, case_id)
    record = opened.record.model_copy(deep=True)
    record.about.family_name = "Changed"
    return cases.save_record(store, actor, case_id, record=record, base_version=opened.version)


@pytest.mark.parametrize("who", ["applicant", "translator", "paralegal", "attorney"])
def test_members_of_case_b_cannot_touch_case_a(store, people, other_people, who):
    outsider = getattr(other_people, who)
    case_a = people.case_id
    with pytest.raises(PermissionDenied):
        cases.open_case(store, outsider, case_a)
    with pytest.raises(PermissionDenied):
        _save(store, outsider, case_a, people.attorney)
    with pytest.raises(PermissionDenied):
        cases.delete_case(store, outsider, case_a)
    with pytest.raises(PermissionDenied):
        cases.list_versions(store, outsider, case_a)
    with store.session() as session, pytest.raises(PermissionDenied):
        require(session, outsider, case_a, Permission.export)
    assert case_a not in {c.id for c in cases.list_cases(store, outsider)}


def test_unknown_case_looks_the_same_as_a_forbidden_one(store, people):
    with pytest.raises(PermissionDenied):
        cases.open_case(store, people.applicant, "00000000-0000-0000-0000-000000000000")


def test_applicant_sees_only_their_own_case(store, people, other_people):
    listed = cases.list_cases(store, people.applicant)
    assert [c.id for c in listed] == [people.case_id]


def test_applicant_may_answer_but_not_review_export_or_delete(store, people):
    _save(store, people.applicant, people.case_id, people.applicant)
    opened = cases.open_case(store, people.applicant, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.filing.signed_outside_us = "yes"
    with pytest.raises(PermissionDenied):
        cases.save_record(
            store, people.applicant, people.case_id, record=record, base_version=opened.version
        )
    with pytest.raises(PermissionDenied):
        cases.delete_case(store, people.applicant, people.case_id)
    with pytest.raises(PermissionDenied):
        cases.restore_version(
            store, people.applicant, people.case_id, version=1, base_version=opened.version
        )
    with store.session() as session, pytest.raises(PermissionDenied):
        require(session, people.applicant, people.case_id, Permission.export)


def test_translator_member_may_read_but_not_change_answers(store, people):
    assert cases.open_case(store, people.translator, people.case_id).id == people.case_id
    with pytest.raises(PermissionDenied):
        _save(store, people.translator, people.case_id, people.attorney)
    with pytest.raises(PermissionDenied):
        cases.delete_case(store, people.translator, people.case_id)


def test_admin_manages_accounts_but_reads_no_case_content(store, people):
    with pytest.raises(PermissionDenied):
        cases.open_case(store, people.admin, people.case_id)
    assert audit.list_events(store, people.admin)  # the whole log


def test_only_attorneys_create_cases_and_invites(store, people):
    for actor in (people.admin, people.paralegal, people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            cases.create_case(store, actor, title="X")
    with pytest.raises(PermissionDenied):
        invites.create_invite(store, people.paralegal, people.case_id)


def test_paralegal_cannot_create_accounts_and_attorney_cannot_create_admins(store, people):
    with pytest.raises(PermissionDenied):
        users.create_user(
            store, people.paralegal, username="x-user", password=PASSWORD, role=Role.translator
        )
    with pytest.raises(PermissionDenied):
        users.create_user(
            store, people.attorney, username="y-user", password=PASSWORD, role=Role.admin
        )
    with pytest.raises(InputRefused):
        users.create_user(
            store, people.admin, username="z-user", password=PASSWORD, role=Role.applicant
        )


def test_attorney_deletes_case_and_its_content_is_gone(store, people):
    cases.delete_case(store, people.attorney, people.case_id)
    with pytest.raises(PermissionDenied):
        cases.open_case(store, people.attorney, people.case_id)
    actions = [e.action for e in audit.list_events(store, people.admin)]
    assert "case_delete" in actions


@pytest.mark.parametrize(("who", "as_role"), [("paralegal", Role.attorney),
                                              ("translator", Role.paralegal),
                                              ("attorney", Role.translator)])
def test_adding_an_account_as_another_role_is_refused_without_the_role_value(
        store, people, who, as_role):
    with pytest.raises(InputRefused) as refused:
        cases.add_member(store, people.attorney, people.case_id,
                         username=getattr(people, who).username, role=as_role)
    assert refused.value.params == {}  # a whole sentence per role, nothing filled in
    assert refused.value.message() == cases.NOT_THAT_ROLE[as_role]
    spanish = refused.value.message(translator("es"))
    assert spanish != refused.value.message()
    assert not any(role.value in spanish for role in Role), spanish
