"""Authorization in the service layer: membership and role decide, for every operation."""

import pytest

from asylum_prep.errors import InputRefused, NotFoundError, PermissionDenied
from asylum_prep.i18n import translator
from asylum_prep.services import answers, audit, cases, checks, invites, review, users
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


# --- issue 19, item 7: the applicant in the service layer -------------------------------------

def _approve(store, people, section="about"):
    version = cases.open_case(store, people.attorney, people.case_id).version
    version = review.submit_section(store, people.attorney, people.case_id, section=section,
                                    base_version=version)
    return review.approve_section(store, people.attorney, people.case_id, section=section,
                                  base_version=version)


@pytest.mark.parametrize("state", ["approved", "submitted"])
def test_applicant_cannot_save_a_whole_record_into_a_closed_part(store, people, state):
    version = cases.open_case(store, people.attorney, people.case_id).version
    if state == "approved":
        version = _approve(store, people)
    else:
        version = review.submit_section(store, people.applicant, people.case_id,
                                        section="about", base_version=version)
    record = cases.open_case(store, people.applicant, people.case_id).record.model_copy(deep=True)
    record.about.family_name = "Changed"
    with pytest.raises(PermissionDenied):
        cases.save_record(store, people.applicant, people.case_id, record=record,
                          base_version=version)
    skipped = cases.open_case(store, people.applicant, people.case_id).record.model_copy(deep=True)
    skipped.skipped["about.family_name"] = "unknown"  # "I don't know" is a change too
    with pytest.raises(PermissionDenied):
        cases.save_record(store, people.applicant, people.case_id, record=skipped,
                          base_version=version)
    other = cases.open_case(store, people.applicant, people.case_id).record.model_copy(deep=True)
    other.fear.why = "Because of my articles."  # a part still open to her
    assert cases.save_record(store, people.applicant, people.case_id, record=other,
                             base_version=version) == version + 1
    assert cases.open_case(store, people.attorney, people.case_id).record.about.family_name != (
        "Changed")


def test_applicant_cannot_reach_the_team_saves_or_the_raw_record(store, people):
    version = cases.open_case(store, people.attorney, people.case_id).version
    record = cases.open_case(store, people.applicant, people.case_id).record
    with pytest.raises(PermissionDenied):
        cases.save_as_team(store, people.applicant, people.case_id, record=record,
                           base_version=version, permission=Permission.read, action="case_save")
    with pytest.raises(PermissionDenied):
        answers.load(store, people.applicant, people.case_id, version)
    for call in (checks.run_checks, cases.list_versions, review.review_items,
                 cases.list_members):
        with pytest.raises(PermissionDenied):
            call(store, people.applicant, people.case_id)
    with pytest.raises(PermissionDenied):
        cases.view_version(store, people.applicant, people.case_id, 1)


def test_applicant_reads_her_answers_and_documents_but_not_the_team_notes(store, people):
    from asylum_prep.domain.review import Dismissal, Translation
    from asylum_prep.services import evidence as ev
    from asylum_prep.storage.tables import utcnow
    from tests.unit.evidence import hostile

    version = cases.open_case(store, people.attorney, people.case_id).version
    png = hostile.small_png((40, 30))
    mine, version, _ = ev.add_evidence(store, people.applicant, people.case_id, data=png,
                                       filename="summons.png", base_version=version)
    theirs, version, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=png,
                                         filename="report.png", base_version=version)
    version = ev.update_evidence(store, people.attorney, people.case_id, mine,
                                 base_version=version, description="Looks forged; ask her.",
                                 elements=["nexus"])
    record = cases.open_case(store, people.attorney, people.case_id).record.model_copy(deep=True)
    record.fear.why = "Because of my articles."
    now = utcnow()
    record.translations["fear.why"] = Translation(text="Because...", source_sha256="0" * 64,
                                                  translator=people.translator.id, at=now)
    record.dismissed_flags["abc"] = Dismissal(reason="She lied about the date.",
                                              by=people.attorney.id, at=now)
    record.extensions["coi_rejections"] = [{"passage_id": 1, "target": "x"}]
    version = cases.save_as_team(store, people.attorney, people.case_id, record=record,
                                 base_version=version, permission=Permission.write,
                                 action="case_save")
    seen = cases.open_case(store, people.applicant, people.case_id).record
    assert seen.fear.why == "Because of my articles."
    assert seen.translations == {} and seen.dismissed_flags == {} and seen.extensions == {}
    assert [i.id for i in seen.evidence] == [mine]
    assert seen.evidence[0].description == "" and seen.evidence[0].elements == []
    listed_version, listed = ev.list_evidence(store, people.applicant, people.case_id)
    assert listed_version == version and [i.id for i in listed] == [mine]
    assert "forged" not in listed[0].description
    assert ev.get_evidence_file(store, people.applicant, people.case_id, mine)[1].id == mine
    with pytest.raises(NotFoundError):
        ev.get_evidence_file(store, people.applicant, people.case_id, theirs)
    # the team still reads everything
    full = cases.open_case(store, people.paralegal, people.case_id).record
    assert full.dismissed_flags and full.translations and len(full.evidence) == 2
    assert full.evidence[0].description == "Looks forged; ask her."


def test_applicant_saves_what_she_sees_and_the_team_notes_stay(store, people):
    from asylum_prep.domain.review import Dismissal
    from asylum_prep.storage.tables import utcnow

    opened = cases.open_case(store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.dismissed_flags["abc"] = Dismissal(reason="Checked with her.", by=people.attorney.id,
                                              at=utcnow())
    version = cases.save_as_team(store, people.attorney, people.case_id, record=record,
                                 base_version=opened.version, permission=Permission.write,
                                 action="case_save")
    mine = cases.open_case(store, people.applicant, people.case_id)
    assert mine.record.dismissed_flags == {}
    edited = mine.record.model_copy(deep=True)
    edited.about.family_name = "Ahmadi"
    edited.dismissed_flags["zzz"] = Dismissal(reason="smuggled", by=people.applicant.id,
                                              at=utcnow())  # not hers to change: ignored
    assert cases.save_record(store, people.applicant, people.case_id, record=edited,
                             base_version=mine.version) == version + 1
    stored = cases.open_case(store, people.attorney, people.case_id).record
    assert stored.about.family_name == "Ahmadi"
    assert list(stored.dismissed_flags) == ["abc"]
