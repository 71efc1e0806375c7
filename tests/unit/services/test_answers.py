"""Saving answers one at a time on a real store: set, skip, lists, permissions, merges."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.domain.date_input import parse_date_input
from asylum_prep.domain.record import get_path
from asylum_prep.errors import InputRefused, NotFoundError, PermissionDenied, StaleVersionError
from asylum_prep.services import answers, cases, review
from asylum_prep.storage.engine import Store


def _version(store: Store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def _record(store: Store, people):
    return cases.open_case(store, people.attorney, people.case_id).record


def test_save_answer_sets_value_and_clears_skip(store, people) -> None:
    v = _version(store, people)
    v = answers.mark_unknown(
        store, people.applicant, people.case_id, path="about.birth_place", base_version=v
    )
    assert _record(store, people).skipped["about.birth_place"] == "unknown"
    v2 = answers.save_answer(
        store,
        people.applicant,
        people.case_id,
        path="about.birth_place",
        value="Shiraz",
        base_version=v,
    )
    assert v2 == v + 1
    rec = _record(store, people)
    assert rec.about.birth_place == "Shiraz"
    assert "about.birth_place" not in rec.skipped


def test_save_date_and_enum_unknown_marks_skipped(store, people) -> None:
    v = _version(store, people)
    fuzzy = parse_date_input("حدود پاییز ۱۴۰۱", lang="fa", today=date(2024, 1, 1))
    v = answers.save_answer(
        store,
        people.applicant,
        people.case_id,
        path="about.birth_date",
        value=fuzzy,
        base_version=v,
    )
    item_id, v = answers.add_item(
        store, people.applicant, people.case_id, list_path="incidents.items", base_version=v
    )
    v = answers.save_answer(
        store,
        people.applicant,
        people.case_id,
        path=f"incidents.items.{item_id}.perpetrator",
        value="unknown",
        base_version=v,
    )
    rec = _record(store, people)
    assert rec.about.birth_date is not None and rec.about.birth_date.original == "حدود پاییز ۱۴۰۱"
    assert rec.skipped[f"incidents.items.{item_id}.perpetrator"] == "unknown"


def test_unknown_resets_answer_but_skip_keeps_it(store, people) -> None:
    v = _version(store, people)
    v = answers.save_answer(
        store, people.applicant, people.case_id, path="fear.who", value="The police", base_version=v
    )
    v = answers.mark_unknown(
        store, people.applicant, people.case_id, path="fear.who", base_version=v, kind="skip"
    )
    assert _record(store, people).fear.who == "The police"
    answers.mark_unknown(
        store, people.applicant, people.case_id, path="fear.who", base_version=v, kind="unknown"
    )
    rec = _record(store, people)
    assert rec.fear.who == "" and rec.skipped["fear.who"] == "unknown"


def test_bad_values_refused_and_nothing_stored(store, people) -> None:
    v = _version(store, people)
    limit = store.settings.max_answer_chars
    with pytest.raises(InputRefused) as info:
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="fear.why",
            value="x" * (limit + 1),
            base_version=v,
        )
    assert str(limit) in info.value.message()
    with pytest.raises(InputRefused):
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="about.a_number",
            value="12",
            base_version=v,
        )
    with pytest.raises(InputRefused):
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="fear.still_looking",
            value="maybe",
            base_version=v,
        )
    with pytest.raises(InputRefused):
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="reviews.about",
            value="approved",
            base_version=v,
        )
    with pytest.raises(InputRefused):
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="incidents.items",
            value=[],
            base_version=v,
        )
    assert _version(store, people) == v


def test_lists_add_edit_move_delete(store, people) -> None:
    v = _version(store, people)
    ids = []
    for place in ("Shiraz", "Tehran", "Karaj"):
        item_id, v = answers.add_item(
            store, people.applicant, people.case_id, list_path="incidents.items", base_version=v
        )
        v = answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path=f"incidents.items.{item_id}.place",
            value=place,
            base_version=v,
        )
        ids.append(item_id)
    v = answers.move_item(
        store,
        people.applicant,
        people.case_id,
        list_path="incidents.items",
        item_id=ids[2],
        offset=-1,
        base_version=v,
    )
    assert [i.place for i in _record(store, people).incidents.items] == [
        "Shiraz",
        "Karaj",
        "Tehran",
    ]
    assert (
        answers.move_item(
            store,
            people.applicant,
            people.case_id,
            list_path="incidents.items",
            item_id=ids[0],
            offset=-1,
            base_version=v,
        )
        == v
    )
    v = answers.delete_item(
        store,
        people.applicant,
        people.case_id,
        list_path="incidents.items",
        item_id=ids[1],
        base_version=v,
    )
    assert [i.place for i in _record(store, people).incidents.items] == ["Shiraz", "Karaj"]
    with pytest.raises(NotFoundError):
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path=f"incidents.items.{ids[1]}.place",
            value="x",
            base_version=v,
        )
    with pytest.raises(InputRefused):
        answers.add_item(
            store, people.applicant, people.case_id, list_path="about.other_names", base_version=v
        )


def test_applicant_blocked_on_submitted_and_approved_team_not(store, people) -> None:
    v = _version(store, people)
    v = review.submit_section(
        store, people.applicant, people.case_id, section="about", base_version=v
    )
    with pytest.raises(PermissionDenied) as info:
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="about.religion",
            value="None",
            base_version=v,
        )
    assert "review" in info.value.message()
    v = review.approve_section(
        store, people.attorney, people.case_id, section="about", base_version=v
    )
    with pytest.raises(PermissionDenied) as info:
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="about.religion",
            value="None",
            base_version=v,
        )
    assert "approved" in info.value.message()
    # other parts stay open to the applicant; the team may still correct an approved part
    v = answers.save_answer(
        store, people.applicant, people.case_id, path="fear.who", value="The police", base_version=v
    )
    answers.save_answer(
        store, people.paralegal, people.case_id, path="about.religion", value="None", base_version=v
    )
    assert _record(store, people).about.religion == "None"


def test_translator_and_outsider_cannot_save(store, people, other_people) -> None:
    v = _version(store, people)
    with pytest.raises(PermissionDenied):
        answers.save_answer(
            store, people.translator, people.case_id, path="fear.who", value="x", base_version=v
        )
    with pytest.raises(PermissionDenied):
        answers.save_answer(
            store,
            other_people.applicant,
            people.case_id,
            path="fear.who",
            value="x",
            base_version=v,
        )
    with pytest.raises(PermissionDenied):
        answers.add_item(
            store,
            other_people.attorney,
            people.case_id,
            list_path="incidents.items",
            base_version=v,
        )
    assert _version(store, people) == v


def test_concurrent_different_answers_merge_overlapping_refused(store, people) -> None:
    v = _version(store, people)
    answers.save_answer(
        store, people.paralegal, people.case_id, path="fear.who", value="The police", base_version=v
    )
    # the applicant's screen is still on version v: a different answer merges
    v3 = answers.save_answer(
        store, people.applicant, people.case_id, path="fear.why", value="My writing", base_version=v
    )
    rec = _record(store, people)
    assert (rec.fear.who, rec.fear.why) == ("The police", "My writing")
    # the same answer changed meanwhile: refused with a message, nothing overwritten
    with pytest.raises(StaleVersionError) as info:
        answers.save_answer(
            store,
            people.applicant,
            people.case_id,
            path="fear.who",
            value="The army",
            base_version=v,
        )
    assert "fear.who" in info.value.message()
    assert _record(store, people).fear.who == "The police"
    assert _version(store, people) == v3


def test_concurrent_adds_to_same_list_both_kept(store, people) -> None:
    v = _version(store, people)
    a, _ = answers.add_item(
        store, people.applicant, people.case_id, list_path="family.members", base_version=v
    )
    b, _ = answers.add_item(
        store, people.paralegal, people.case_id, list_path="family.members", base_version=v
    )
    assert [m.id for m in _record(store, people).family.members] == [a, b]


def test_skip_whole_list_and_adding_clears_it(store, people) -> None:
    v = _version(store, people)
    v = answers.mark_unknown(
        store,
        people.applicant,
        people.case_id,
        path="harm_to_others.others",
        base_version=v,
        kind="skip",
    )
    assert _record(store, people).skipped["harm_to_others.others"] == "skip"
    _, v = answers.add_item(
        store, people.applicant, people.case_id, list_path="harm_to_others.others", base_version=v
    )
    rec = _record(store, people)
    assert "harm_to_others.others" not in rec.skipped
    assert get_path(rec, "harm_to_others.others")
