"""Keeping sealed originals is told truthfully: the applicant learns that the original, with
its location, is kept by her legal team, and the attorney is warned on the item."""

from __future__ import annotations

from asylum_prep.domain.evidence import ExhibitSettings
from asylum_prep.evidence.intake import N_ORIGINAL_KEPT, N_ORIGINAL_KEPT_LOCATION
from asylum_prep.services import cases
from asylum_prep.services import evidence as ev

from . import hostile as h


def version(store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def keep_originals(store, people) -> None:
    ev.update_exhibit_settings(store, people.attorney, people.case_id,
                               settings=ExhibitSettings(keep_originals=True),
                               base_version=version(store, people))


def add(store, people, data: bytes, name: str = "photo.jpg") -> tuple[str, list[str]]:
    eid, _, notices = ev.add_evidence(store, people.applicant, people.case_id, data=data,
                                      filename=name, base_version=version(store, people))
    return eid, notices


def test_applicant_is_told_the_original_with_its_location_is_kept(store, people) -> None:
    keep_originals(store, people)
    eid, notices = add(store, people, h.jpeg_with_gps_and_comment())
    assert "Location removed." in notices
    assert notices[-1] == N_ORIGINAL_KEPT_LOCATION  # said right after what was removed
    _, items = ev.list_evidence(store, people.applicant, people.case_id)
    (item,) = items
    assert N_ORIGINAL_KEPT_LOCATION in item.removed  # her list says it too, later
    assert item.original_blob
    original, _ = ev.get_evidence_file(store, people.attorney, people.case_id, eid,
                                       which="original")
    assert b"safe house" in original  # the truth being told: it is still there


def test_attorney_warned_on_the_item_whose_original_keeps_the_details(store, people) -> None:
    keep_originals(store, people)
    eid, _ = add(store, people, h.jpeg_with_gps_and_comment())
    found = [w for w in ev.warnings_for(store, people.attorney, people.case_id)
             if w.code == "original_has_details"]
    assert [w.evidence_id for w in found] == [eid]
    assert "photo.jpg" in found[0].message() and "sealed original" in found[0].message()


def test_other_details_kept_in_the_original_are_told_without_a_location(store, people) -> None:
    keep_originals(store, people)
    _, notices = add(store, people, h.hostile_pdf(), "letter.pdf")
    assert "Scripts removed." in notices and notices[-1] == N_ORIGINAL_KEPT
    assert N_ORIGINAL_KEPT_LOCATION not in notices


def test_nothing_said_or_warned_when_no_original_is_kept(store, people) -> None:
    eid, notices = add(store, people, h.jpeg_with_gps_and_comment())
    assert "Location removed." in notices
    assert N_ORIGINAL_KEPT_LOCATION not in notices and N_ORIGINAL_KEPT not in notices
    assert not [w for w in ev.warnings_for(store, people.attorney, people.case_id)
                if w.code == "original_has_details"]


def test_nothing_said_when_nothing_was_removed(store, people) -> None:
    keep_originals(store, people)
    _, notices = add(store, people, h.simple_pdf(1), "plain.pdf")
    assert notices == []
