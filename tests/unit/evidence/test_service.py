"""Evidence through the service: sealed storage, hashes, refusals leave nothing, access rules."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import select

from asylum_prep.errors import InputRefused, NotFoundError, PermissionDenied
from asylum_prep.services import audit, cases
from asylum_prep.services import evidence as ev
from asylum_prep.storage.tables import AuditEvent, EvidenceBlob

from . import hostile as h


def version(store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def test_add_photo_stores_clean_copy_sealed_with_hashes(store, people) -> None:
    data = h.jpeg_with_gps_and_comment()
    eid, ver, notices = ev.add_evidence(
        store,
        people.applicant,
        people.case_id,
        data=data,
        filename="../../etc/IMG_0001.jpg",
        title="Summons photo",
        kind="summons_warrant",
        base_version=version(store, people),
    )
    assert "Location removed." in notices
    stored, item = ev.get_evidence_file(store, people.paralegal, people.case_id, eid)
    assert item.filename == "IMG_0001.jpg"  # display only, no path
    assert item.original_sha256 == hashlib.sha256(data).hexdigest()
    assert item.stored_sha256 == hashlib.sha256(stored).hexdigest() != item.original_sha256
    assert b"safe house" not in stored and item.page_count == 1 and item.original_blob == ""
    with store.session() as s:
        rows = list(s.exec(select(EvidenceBlob).where(EvidenceBlob.case_id == people.case_id)))
    assert sorted(r.purpose for r in rows) == ["safe_rendition", "stored"]
    assert all(
        b"\xff\xd8\xff" not in r.data_enc[:64] and stored[100:140] not in r.data_enc for r in rows
    )  # ciphertext, not the JPEG
    current, items = ev.list_evidence(store, people.attorney, people.case_id)
    assert current == ver and [i.id for i in items] == [eid]
    with pytest.raises(PermissionDenied):  # the translator works on answers only
        ev.list_evidence(store, people.translator, people.case_id)


def test_refused_file_leaves_existing_evidence_untouched(store, people) -> None:
    ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(2),
        filename="a.pdf",
        base_version=version(store, people),
    )
    before_version, before = ev.list_evidence(store, people.attorney, people.case_id)
    with store.session() as s:
        blobs_before = len(list(s.exec(select(EvidenceBlob))))
    for bad in (h.encrypted_pdf(), h.truncated_pdf(), h.elf_as_pdf(), b"", h.huge_png()):
        with pytest.raises(InputRefused):
            ev.add_evidence(
                store,
                people.paralegal,
                people.case_id,
                data=bad,
                filename="x.pdf",
                base_version=before_version,
            )
    after_version, after = ev.list_evidence(store, people.attorney, people.case_id)
    assert after_version == before_version and after == before
    with store.session() as s:
        assert len(list(s.exec(select(EvidenceBlob)))) == blobs_before
        refusals = s.exec(select(AuditEvent).where(AuditEvent.action == "evidence_refused")).all()
    assert len(refusals) == 5
    assert audit.verify_chain(store)


def test_case_limit_refuses(store, people) -> None:
    store.settings.max_case_evidence_bytes = 3000
    with pytest.raises(InputRefused, match="storage limit"):
        ev.add_evidence(
            store,
            people.paralegal,
            people.case_id,
            data=h.jpeg_with_gps_and_comment(),
            filename="p.jpg",
            base_version=version(store, people),
        )


def test_original_kept_only_for_the_attorney(store, people) -> None:
    data = h.jpeg_with_gps_and_comment()
    with pytest.raises(PermissionDenied):
        ev.add_evidence(
            store,
            people.paralegal,
            people.case_id,
            data=data,
            filename="p.jpg",
            base_version=version(store, people),
            keep_original=True,
        )
    eid, _, _ = ev.add_evidence(
        store,
        people.attorney,
        people.case_id,
        data=data,
        filename="p.jpg",
        base_version=version(store, people),
        keep_original=True,
    )
    original, _ = ev.get_evidence_file(
        store, people.attorney, people.case_id, eid, which="original"
    )
    assert original == data
    for who in (people.paralegal, people.applicant, people.translator):
        with pytest.raises(PermissionDenied):
            ev.get_evidence_file(store, who, people.case_id, eid, which="original")


def test_other_case_people_and_non_members_are_refused(store, people, other_people) -> None:
    eid, _, _ = ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(1),
        filename="a.pdf",
        base_version=version(store, people),
    )
    for outsider in (
        other_people.applicant,
        other_people.translator,
        other_people.attorney,
        people.admin,
    ):
        with pytest.raises(PermissionDenied):
            ev.add_evidence(
                store,
                outsider,
                people.case_id,
                data=h.simple_pdf(1),
                filename="b.pdf",
                base_version=1,
            )
        with pytest.raises(PermissionDenied):
            ev.get_evidence_file(store, outsider, people.case_id, eid)
        with pytest.raises(PermissionDenied):
            ev.list_evidence(store, outsider, people.case_id)
    with pytest.raises(PermissionDenied):  # a translator member reads but cannot add
        ev.add_evidence(
            store,
            people.translator,
            people.case_id,
            data=h.simple_pdf(1),
            filename="b.pdf",
            base_version=version(store, people),
        )


def test_metadata_edit_versioned_and_applicant_limited_to_own(store, people) -> None:
    mine, _, _ = ev.add_evidence(
        store,
        people.applicant,
        people.case_id,
        data=h.small_png(),
        filename="s.png",
        base_version=version(store, people),
    )
    theirs, _, _ = ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(1),
        filename="a.pdf",
        base_version=version(store, people),
    )
    v = ev.update_evidence(
        store,
        people.applicant,
        people.case_id,
        mine,
        base_version=version(store, people),
        title="My summons",
        language="fa",
        elements=["harm"],
    )
    with pytest.raises(PermissionDenied):
        ev.update_evidence(
            store, people.applicant, people.case_id, theirs, base_version=v, title="x"
        )
    with pytest.raises(InputRefused):
        ev.update_evidence(
            store, people.paralegal, people.case_id, theirs, base_version=v, stored_sha256="0" * 64
        )
    with pytest.raises(PermissionDenied):  # exhibit order is the team's
        ev.set_exhibit_order(
            store, people.applicant, people.case_id, evidence_ids=[theirs, mine], base_version=v
        )
    v2 = ev.set_exhibit_order(
        store, people.paralegal, people.case_id, evidence_ids=[theirs, mine], base_version=v
    )
    assert v2 == v + 1
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    by_id = {i.id: i for i in items}
    assert (
        by_id[mine].title == "My summons"
        and by_id[theirs].exhibit.order < by_id[mine].exhibit.order
    )
    codes = {
        (w.code, w.evidence_id) for w in ev.warnings_for(store, people.attorney, people.case_id)
    }
    assert ("untranslated", mine) in codes and ("small_image", mine) in codes
    assert ("uncorroborated", None) in codes


def test_remove_deletes_blobs(store, people) -> None:
    eid, v, _ = ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(1),
        filename="a.pdf",
        base_version=version(store, people),
    )
    with pytest.raises(PermissionDenied):
        ev.remove_evidence(store, people.paralegal, people.case_id, eid, base_version=v)
    ev.remove_evidence(store, people.attorney, people.case_id, eid, base_version=v)
    with pytest.raises(NotFoundError):
        ev.get_evidence_file(store, people.attorney, people.case_id, eid)
    with store.session() as s:
        assert s.exec(select(EvidenceBlob)).all() == []


def test_thumbnail_of_pdf_is_png(store, people) -> None:
    eid, _, _ = ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(1),
        filename="a.pdf",
        base_version=version(store, people),
    )
    png = ev.thumbnail(store, people.paralegal, people.case_id, eid, width=120)
    assert png.startswith(b"\x89PNG")


def test_concurrent_adds_both_kept(store, people) -> None:
    base = version(store, people)
    a, _, _ = ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=h.simple_pdf(1),
        filename="a.pdf",
        base_version=base,
    )
    b, _, _ = ev.add_evidence(
        store,
        people.applicant,
        people.case_id,
        data=h.small_png(),
        filename="b.png",
        base_version=base,
    )
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    assert {i.id for i in items} == {a, b}
