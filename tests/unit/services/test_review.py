"""The review state machine, comments and replies, answer history and review items."""

from __future__ import annotations

import pytest

from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.services import answers, cases, review


def _v(store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def _status(store, people, section: str) -> SectionStatus:
    rec = cases.open_case(store, people.attorney, people.case_id).record
    return answers.section_status(rec, section)


def test_full_cycle_and_history(store, people) -> None:
    v = answers.save_answer(store, people.applicant, people.case_id, path="fear.who",
                            value="The police", base_version=_v(store, people))
    v = review.submit_section(store, people.applicant, people.case_id, section="fear",
                              base_version=v)
    assert _status(store, people, "fear") is SectionStatus.submitted
    v = review.request_changes(store, people.attorney, people.case_id, section="fear",
                               path="fear.who", comment="Which police unit?", base_version=v)
    assert _status(store, people, "fear") is SectionStatus.changes_requested
    rec = cases.open_case(store, people.applicant, people.case_id).record
    [request] = review.open_requests(rec, "fear")
    assert request.path == "fear.who" and request.text == "Which police unit?"
    v = answers.save_answer(store, people.applicant, people.case_id, path="fear.who",
                            value="The intelligence police", base_version=v)
    v = review.reply_comment(store, people.applicant, people.case_id, comment_id=request.id,
                             text="I changed it.", base_version=v)
    v = review.submit_section(store, people.applicant, people.case_id, section="fear",
                              base_version=v)
    v = review.approve_section(store, people.attorney, people.case_id, section="fear",
                               base_version=v)
    rec = cases.open_case(store, people.attorney, people.case_id).record
    assert [h.status for h in rec.reviews["fear"].history] == [
        "submitted", "changes_requested", "submitted", "approved"]
    assert rec.comments[0].reply == "I changed it."
    history = review.answer_history(store, people.attorney, people.case_id, "fear.who")
    assert [h.value for h in history] == ["The police", "The intelligence police"]
    assert history[0].who == people.applicant.username or history[0].who


@pytest.mark.parametrize("who", ["applicant", "paralegal", "translator"])
def test_only_attorney_reviews(store, people, who) -> None:
    v = review.submit_section(store, people.attorney, people.case_id, section="about",
                              base_version=_v(store, people))
    actor = getattr(people, who)
    with pytest.raises(PermissionDenied):
        review.approve_section(store, actor, people.case_id, section="about", base_version=v)
    with pytest.raises(PermissionDenied):
        review.request_changes(store, actor, people.case_id, section="about",
                               path="about.family_name", comment="?", base_version=v)
    assert _status(store, people, "about") is SectionStatus.submitted


def test_who_may_submit(store, people, other_people) -> None:
    v = review.submit_section(store, people.paralegal, people.case_id, section="family",
                              base_version=_v(store, people))
    assert _status(store, people, "family") is SectionStatus.submitted
    with pytest.raises(PermissionDenied):
        review.submit_section(store, people.translator, people.case_id, section="about",
                              base_version=v)
    with pytest.raises(PermissionDenied):
        review.submit_section(store, other_people.applicant, people.case_id, section="about",
                              base_version=v)


def test_illegal_transitions_refused(store, people) -> None:
    v = _v(store, people)
    with pytest.raises(InputRefused):
        review.approve_section(store, people.attorney, people.case_id, section="about",
                               base_version=v)
    with pytest.raises(InputRefused):
        review.request_changes(store, people.attorney, people.case_id, section="about",
                               path="about.family_name", comment="?", base_version=v)
    v = review.submit_section(store, people.applicant, people.case_id, section="about",
                              base_version=v)
    with pytest.raises(InputRefused):
        review.submit_section(store, people.applicant, people.case_id, section="about",
                              base_version=v)
    with pytest.raises(InputRefused):
        review.request_changes(store, people.attorney, people.case_id, section="about",
                               path="fear.who", comment="wrong section", base_version=v)
    with pytest.raises(InputRefused):
        review.submit_section(store, people.applicant, people.case_id, section="nonsense",
                              base_version=v)
    v = review.approve_section(store, people.attorney, people.case_id, section="about",
                               base_version=v)
    # an approved part can be reopened by a request for changes
    review.request_changes(store, people.attorney, people.case_id, section="about",
                           path="about.family_name", comment="Spelling?", base_version=v)
    assert _status(store, people, "about") is SectionStatus.changes_requested


def test_comments_roles(store, people) -> None:
    v = _v(store, people)
    cid, v = review.add_comment(store, people.paralegal, people.case_id, path="fear.who",
                                text="Please say which unit.", base_version=v)
    with pytest.raises(PermissionDenied):
        review.add_comment(store, people.applicant, people.case_id, path="fear.who",
                           text="x", base_version=v)
    with pytest.raises(PermissionDenied):
        review.add_comment(store, people.translator, people.case_id, path="fear.who",
                           text="x", base_version=v)
    with pytest.raises(InputRefused):
        review.add_comment(store, people.attorney, people.case_id, path="fear.who",
                           text="   ", base_version=v)
    with pytest.raises(PermissionDenied):
        review.resolve_comment(store, people.applicant, people.case_id, comment_id=cid,
                               base_version=v)
    with pytest.raises(PermissionDenied):
        review.reply_comment(store, people.translator, people.case_id, comment_id=cid,
                             text="x", base_version=v)
    v = review.reply_comment(store, people.applicant, people.case_id, comment_id=cid,
                             text="Section 4.", base_version=v)
    items = review.review_items(store, people.attorney, people.case_id)
    assert [(i.kind, i.comment_id) for i in items if i.kind == "reply_waiting"] == [
        ("reply_waiting", cid)]
    review.resolve_comment(store, people.attorney, people.case_id, comment_id=cid,
                           base_version=v)
    rec = cases.open_case(store, people.attorney, people.case_id).record
    assert rec.comments[0].resolved and review.open_requests(rec) == []


def test_review_items_screening_yes_and_changed_after_approval(store, people) -> None:
    v = answers.save_answer(store, people.applicant, people.case_id,
                            path="screening.returned_home", value="yes",
                            base_version=_v(store, people))
    v = answers.save_answer(store, people.applicant, people.case_id,
                            path="screening.harmed_others", value="no", base_version=v)
    v = answers.save_answer(store, people.applicant, people.case_id, path="about.religion",
                            value="Baha'i", base_version=v)
    v = review.submit_section(store, people.applicant, people.case_id, section="about",
                              base_version=v)
    v = review.approve_section(store, people.attorney, people.case_id, section="about",
                               base_version=v)
    items = review.review_items(store, people.attorney, people.case_id)
    assert ("screening_yes", "screening.returned_home") in [(i.kind, i.path) for i in items]
    assert not any(i.path == "screening.harmed_others" for i in items)
    assert not any(i.kind == "changed_after_approval" for i in items)
    answers.save_answer(store, people.paralegal, people.case_id, path="about.religion",
                        value="None", base_version=v)
    items = review.review_items(store, people.attorney, people.case_id)
    assert [(i.kind, i.path) for i in items if i.kind == "changed_after_approval"] == [
        ("changed_after_approval", "about.religion")]
    with pytest.raises(PermissionDenied):
        review.review_items(store, people.applicant, people.case_id)


def test_stale_transition_refused(store, people) -> None:
    v = _v(store, people)
    v2 = review.submit_section(store, people.applicant, people.case_id, section="about",
                               base_version=v)
    review.approve_section(store, people.attorney, people.case_id, section="about",
                           base_version=v2)
    # a second attorney screen still on v2 asks for changes: the state moved meanwhile
    with pytest.raises(InputRefused):
        review.request_changes(store, people.attorney, people.case_id, section="about",
                               path="about.religion", comment="?", base_version=v2)
