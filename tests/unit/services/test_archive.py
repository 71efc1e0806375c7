"""Encrypted case archives: export then import restores record, history and files (cleaned
again, under new ids, as the importer's); any alteration or a wrong passphrase is refused and
creates nothing."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import func, select

from asylum_prep.cli.common import cli_actor
from asylum_prep.config import Settings
from asylum_prep.errors import ArchiveError, InputRefused, PermissionDenied
from asylum_prep.samples import load_sample
from asylum_prep.services import archive, audit, cases
from asylum_prep.services import evidence as ev
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.storage.tables import AuditEvent, Case, EvidenceBlob
from tests.support import People

PASS = "a long archive passphrase"


def seal_bytes(plaintext: bytes, passphrase: str) -> bytes:
    """`plaintext` sealed the way an export seals its payload."""
    out = io.BytesIO()
    writer = archive.SealingWriter(out, passphrase)
    writer.write(plaintext)
    writer.finish()
    return out.getvalue()
PHRASE = "Velmorak9Zt"
LETTER = f"{PHRASE} summons letter text".encode()
BLOB_FIELDS = {"stored_blob", "rendition_blob", "safe_rendition_blob"}


def _noise_png() -> bytes:
    """A real picture of random pixels: incompressible, so the archive spans three 1 MiB
    chunks."""
    out = io.BytesIO()
    Image.frombytes("RGB", (1000, 900), os.urandom(2_700_000)).save(out, "PNG")
    return out.getvalue()


PHOTO = _noise_png()


def _add(store: Store, actor, case_id: str, data: bytes, title: str) -> str:  # type: ignore[no-untyped-def]
    version = cases.open_case(store, actor, case_id, audit_view=False).version
    return ev.add_evidence(store, actor, case_id, data=data, filename=f"{title}.bin",
                           title=f"{PHRASE} {title}", base_version=version)[0]


@pytest.fixture
def rich_case(store: Store, people: People) -> tuple[str, list[str]]:
    """The people's case with four versions by two authors and two documents added through
    the intake (a picture, a letter): five stored files, counting renditions."""
    record = load_sample()
    record.about.family_name = PHRASE
    record.fear.who = f"{PHRASE} officers"
    cases.save_record(store, people.paralegal, people.case_id, record=record, base_version=1)
    ids = [_add(store, people.paralegal, people.case_id, PHOTO, "photo"),
           _add(store, people.attorney, people.case_id, LETTER, "letter")]
    return people.case_id, ids


def _files(store: Store, actor, case_id: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """Each evidence item's stored copy, by title."""
    items = cases.open_case(store, actor, case_id, audit_view=False).record.evidence
    return {it.title: ev.get_evidence_file(store, actor, case_id, it.id)[0] for it in items}


def _without_blob_ids(record):  # type: ignore[no-untyped-def]
    data = record.model_dump()
    for item in data["evidence"]:
        for field in BLOB_FIELDS:
            item.pop(field)
    return data


@pytest.fixture
def second_store(tmp_path: Path, db_url: str | None) -> Iterator[Store]:
    """Another installation: its own data dir, master key and database."""
    url = None
    if db_url is not None:
        from tests.conftest import _fresh_pg_database

        url = _fresh_pg_database(os.environ["ASYLUM_PREP_TEST_POSTGRES_URL"])
    st = open_store(Settings(data_dir=tmp_path / "elsewhere", database_url=url))
    yield st
    st.close()


def _history(store: Store, actor, case_id: str):  # type: ignore[no-untyped-def]
    versions = cases.list_versions(store, actor, case_id)
    return [(v.version, v.created_at, v.changed) for v in versions]


def _case_count(store: Store) -> int:
    with store.session() as session:
        return int(session.exec(select(func.count()).select_from(Case)).one())


def test_export_then_import_elsewhere_restores_everything(
    store: Store, people: People, rich_case: tuple[str, list[str]], second_store: Store,
    tmp_path: Path,
) -> None:
    case_id, _ = rich_case
    out = tmp_path / "case.apa"
    summary = archive.export_case(store, people.paralegal, case_id, out=out, passphrase=PASS)
    assert (summary.versions, summary.blobs) == (4, 5)
    assert out.stat().st_mode & 0o777 == 0o600
    raw = out.read_bytes()
    for needle in (PHRASE, "Kovelli", "FICTIONAL SAMPLE", "Test case A"):
        assert needle.encode() not in raw
    assert PHOTO[1000:1100] not in raw

    operator = cli_actor(second_store)
    new = archive.import_case(second_store, operator, data=raw, passphrase=PASS)
    assert new.case_id != case_id and (new.versions, new.blobs) == (4, 5)
    original = cases.open_case(store, people.attorney, case_id)
    copy = cases.open_case(second_store, operator, new.case_id)
    # The same record, its files cleaned again under new ids.
    assert _without_blob_ids(copy.record) == _without_blob_ids(original.record)
    assert copy.record.about.family_name == PHRASE
    old_ids = {getattr(it, f) for it in original.record.evidence for f in BLOB_FIELDS} - {""}
    new_ids = {getattr(it, f) for it in copy.record.evidence for f in BLOB_FIELDS} - {""}
    assert len(new_ids) == 5 and not old_ids & new_ids
    assert (copy.title, copy.jurisdiction, copy.status, copy.version) == (
        original.title, original.jurisdiction, original.status, 4)
    for version in (1, 2):
        assert cases.view_version(second_store, operator, new.case_id, version) == \
            cases.view_version(store, people.attorney, case_id, version)
    assert _history(second_store, operator, new.case_id) == _history(
        store, people.attorney, case_id)
    # Every version is the importer's, whoever the archive says wrote it.
    versions = cases.list_versions(second_store, operator, new.case_id)
    assert {v.created_by for v in versions} == {"cli"}
    files = _files(second_store, operator, new.case_id)
    assert files == _files(store, people.attorney, case_id)
    assert files[f"{PHRASE} letter"] == LETTER
    with second_store.session() as session:
        row = repo.get_case(session, new.case_id)
        cipher = second_store.case_cipher(row)
        with store.session() as old_session:
            old_key = store.case_cipher(repo.get_case(old_session, case_id)).key
        assert cipher.key != old_key  # a new data key, not a copy of the old one


def test_import_in_the_same_store_is_the_importers_act(
    store: Store, people: People, rich_case: tuple[str, list[str]], tmp_path: Path
) -> None:
    case_id, _ = rich_case
    out = tmp_path / "case.apa"
    archive.export_case(store, people.attorney, case_id, out=out, passphrase=PASS)
    before = _history(store, people.attorney, case_id)
    authors = [v.created_by for v in cases.list_versions(store, people.attorney, case_id)]
    assert authors == ["attorney", "paralegal", "paralegal", "attorney"]
    # The original is still here: the copy gets files of its own.
    new = archive.import_case(store, people.attorney, data=out.read_bytes(), passphrase=PASS)
    assert _case_count(store) == 2
    assert _history(store, people.attorney, new.case_id) == before
    versions = cases.list_versions(store, people.attorney, new.case_id)
    assert [v.created_by for v in versions] == ["attorney"] * 4
    with store.session() as session:
        new_blobs = list(session.exec(select(EvidenceBlob).where(
            EvidenceBlob.case_id == new.case_id)))
        events = [(e.action, e.case_id, e.actor_id, e.detail)
                  for e in session.exec(select(AuditEvent))]
    assert len(new_blobs) == 5 and {b.created_by for b in new_blobs} == {people.attorney.id}
    assert ("case_export", case_id, people.attorney.id, "versions=4 files=5") in events
    assert ("case_import", new.case_id, people.attorney.id,
            "versions=4 files=5 cleaned=2") in events
    assert {actor for _, cid, actor, _ in events if cid == new.case_id} == {people.attorney.id}
    assert audit.verify_chain(store)


@pytest.fixture
def sealed(store: Store, people: People, rich_case: tuple[str, list[str]], tmp_path: Path) -> bytes:
    out = tmp_path / "case.apa"
    archive.export_case(store, people.attorney, rich_case[0], out=out, passphrase=PASS)
    cases.delete_case(store, people.attorney, rich_case[0])  # so a good import would succeed
    return out.read_bytes()


def test_flipping_any_byte_is_refused_and_creates_nothing(
    store: Store, people: People, sealed: bytes
) -> None:
    # magic, format, scrypt n, r, p, salt, nonce prefix, chunk size, each chunk, the last tag
    for index in (0, 8, 9, 10, 11, 12, 20, 28, 33, 38, 39, 60, len(sealed) // 2, -17, -1):
        data = bytearray(sealed)
        data[index] ^= 0x04
        with pytest.raises(ArchiveError):
            archive.import_case(store, people.attorney, data=bytes(data), passphrase=PASS)
        assert _case_count(store) == 0, index


def test_wrong_passphrase_truncation_and_reordering_are_refused(
    store: Store, people: People, sealed: bytes
) -> None:
    header, step = 39, (1 << 20) + 16
    count = -(-(len(sealed) - header) // step)
    chunks = [sealed[header + i * step : header + (i + 1) * step] for i in range(count)]
    assert count >= 3 and len(chunks[-1]) > 16 and b"".join(chunks) == sealed[header:]
    variants = {
        "dropped last chunk": sealed[:header] + b"".join(chunks[:-1]),
        "dropped middle chunk": sealed[:header] + chunks[0] + b"".join(chunks[2:]),
        "swapped chunks": sealed[:header] + chunks[1] + chunks[0] + b"".join(chunks[2:]),
        "cut short": sealed[:-5],
        "extra bytes": sealed + b"\x00",
        "header only": sealed[:header],
    }
    for name, data in variants.items():
        with pytest.raises(ArchiveError):
            archive.import_case(store, people.attorney, data=data, passphrase=PASS)
        assert _case_count(store) == 0, name
    with pytest.raises(ArchiveError, match="passphrase is wrong"):
        archive.import_case(store, people.attorney, data=sealed, passphrase=PASS + "x")
    with pytest.raises(ArchiveError, match="not an asylum-prep case archive"):
        archive.import_case(store, people.attorney, data=b"SQLite format 3\x00" * 8,
                            passphrase=PASS)
    assert archive.import_case(store, people.attorney, data=sealed, passphrase=PASS).versions == 4


def test_authenticated_but_malformed_contents_are_refused(store: Store, people: People) -> None:
    for payload in (b"", b"not a tar at all", b"\x1f\x8b" + b"\x00" * 40):
        with pytest.raises(ArchiveError, match="contents are not a valid"):
            archive.import_case(store, people.attorney, data=seal_bytes(payload, PASS),
                                passphrase=PASS)
    assert _case_count(store) == 1  # only the people's own case


def test_sealing_round_trips_at_chunk_boundaries() -> None:
    for size in (0, 1, 1 << 20, (1 << 20) + 1):
        payload = os.urandom(size)
        sealed = seal_bytes(payload, PASS)
        assert archive.open_sealed(sealed, PASS) == payload


def test_who_may_export_and_import(
    store: Store, people: People, other_people: People, tmp_path: Path
) -> None:
    out = tmp_path / "x.apa"
    for actor in (people.applicant, people.translator, other_people.attorney):
        with pytest.raises(PermissionDenied):
            archive.export_case(store, actor, people.case_id, out=out, passphrase=PASS)
    assert not out.exists()
    archive.export_case(store, people.paralegal, people.case_id, out=out, passphrase=PASS)
    data = out.read_bytes()
    for actor in (people.paralegal, people.applicant, people.translator):
        with pytest.raises(PermissionDenied):
            archive.import_case(store, actor, data=data, passphrase=PASS)
    with pytest.raises(InputRefused):
        archive.export_case(store, people.attorney, people.case_id, out=out, passphrase="short")
    assert list(tmp_path.glob(".*.tmp")) == []
