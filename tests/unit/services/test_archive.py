"""Encrypted case archives: export then import restores record, history and files exactly;
any alteration or a wrong passphrase is refused and creates nothing."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from asylum_prep.cli.common import cli_actor
from asylum_prep.config import Settings
from asylum_prep.domain.evidence import EvidenceItem, Mime
from asylum_prep.errors import ArchiveError, InputRefused, PermissionDenied
from asylum_prep.samples import load_sample
from asylum_prep.services import archive, audit, cases
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
PHOTO = os.urandom(2_500_000)  # incompressible: the archive spans three 1 MiB chunks
LETTER = f"{PHRASE} summons letter text".encode()


def _blob(store: Store, people: People, data: bytes) -> str:
    with store.session() as session:
        cipher = store.case_cipher(repo.get_case(session, people.case_id))
        return repo.put_blob(session, cipher, data, actor_id=people.paralegal.id).id


def _evidence(blob_id: str, data: bytes, by: int) -> EvidenceItem:
    digest = hashlib.sha256(data).hexdigest()
    return EvidenceItem(
        title=f"{PHRASE} exhibit", mime=Mime.pdf, stored_blob=blob_id, original_sha256=digest,
        stored_sha256=digest, original_size=len(data), stored_size=len(data), added_by=by,
        added_at=datetime(2026, 9, 1, tzinfo=UTC),
    )


@pytest.fixture
def rich_case(store: Store, people: People) -> tuple[str, list[str]]:
    """The people's case with three versions by two authors and two stored files that the
    record references by blob id."""
    blobs = [_blob(store, people, PHOTO), _blob(store, people, LETTER)]
    record = load_sample()
    record.about.family_name = PHRASE
    record.fear.who = f"{PHRASE} officers"
    cases.save_record(store, people.paralegal, people.case_id, record=record, base_version=1)
    record = cases.open_case(store, people.attorney, people.case_id).record
    record.evidence = [_evidence(blobs[0], PHOTO, people.paralegal.id),
                       _evidence(blobs[1], LETTER, people.paralegal.id)]
    cases.save_record(store, people.attorney, people.case_id, record=record, base_version=2)
    return people.case_id, blobs


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
    case_id, blobs = rich_case
    out = tmp_path / "case.apa"
    summary = archive.export_case(store, people.paralegal, case_id, out=out, passphrase=PASS)
    assert (summary.versions, summary.blobs) == (3, 2)
    assert out.stat().st_mode & 0o777 == 0o600
    raw = out.read_bytes()
    for needle in (PHRASE, "Kovelli", "FICTIONAL SAMPLE", "Test case A"):
        assert needle.encode() not in raw
    assert PHOTO[1000:1100] not in raw

    operator = cli_actor(second_store)
    new = archive.import_case(second_store, operator, data=raw, passphrase=PASS)
    assert new.case_id != case_id
    original = cases.open_case(store, people.attorney, case_id)
    copy = cases.open_case(second_store, operator, new.case_id)
    assert copy.record == original.record and copy.record.about.family_name == PHRASE
    assert (copy.title, copy.jurisdiction, copy.status, copy.version) == (
        original.title, original.jurisdiction, original.status, 3)
    for version in (1, 2):
        assert cases.view_version(second_store, operator, new.case_id, version) == \
            cases.view_version(store, people.attorney, case_id, version)
    history = _history(second_store, operator, new.case_id)
    assert history == _history(store, people.attorney, case_id)
    # Authors unknown to the new installation are attributed to the importer.
    versions = cases.list_versions(second_store, operator, new.case_id)
    assert {v.created_by for v in versions} == {"cli"}
    with second_store.session() as session:
        row = repo.get_case(session, new.case_id)
        cipher = second_store.case_cipher(row)
        assert repo.get_blob(session, cipher, blobs[0]) == PHOTO
        assert repo.get_blob(session, cipher, blobs[1]) == LETTER
        assert {e.stored_blob for e in copy.record.evidence} == set(blobs)
        with store.session() as old_session:
            old_key = store.case_cipher(repo.get_case(old_session, case_id)).key
        assert cipher.key != old_key  # a new data key, not a copy of the old one


def test_import_in_the_same_store_keeps_authors_and_blob_ids(
    store: Store, people: People, rich_case: tuple[str, list[str]], tmp_path: Path
) -> None:
    case_id, blobs = rich_case
    out = tmp_path / "case.apa"
    archive.export_case(store, people.attorney, case_id, out=out, passphrase=PASS)
    before = _history(store, people.attorney, case_id)
    authors = [v.created_by for v in cases.list_versions(store, people.attorney, case_id)]
    with pytest.raises(InputRefused, match="already exist"):  # the original still holds them
        archive.import_case(store, people.attorney, data=out.read_bytes(), passphrase=PASS)
    assert _case_count(store) == 1
    cases.delete_case(store, people.attorney, case_id)
    new = archive.import_case(store, people.attorney, data=out.read_bytes(), passphrase=PASS)
    assert _history(store, people.attorney, new.case_id) == before
    versions = cases.list_versions(store, people.attorney, new.case_id)
    assert [v.created_by for v in versions] == authors
    assert authors == ["attorney", "paralegal", "attorney"]
    with store.session() as session:
        assert {b.id for b in session.exec(select(EvidenceBlob))} == set(blobs)
        events = [(e.action, e.case_id, e.detail) for e in session.exec(select(AuditEvent))]
    assert ("case_export", case_id, "versions=3 files=2") in events
    assert ("case_import", new.case_id, "versions=3 files=2") in events
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
    chunks = [sealed[header + i * step : header + (i + 1) * step] for i in range(3)]
    assert len(chunks[2]) > 16 and b"".join(chunks) == sealed[header:]
    variants = {
        "dropped last chunk": sealed[: header + 2 * step],
        "dropped middle chunk": sealed[:header] + chunks[0] + chunks[2],
        "swapped chunks": sealed[:header] + chunks[1] + chunks[0] + chunks[2],
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
    assert archive.import_case(store, people.attorney, data=sealed, passphrase=PASS).versions == 3


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
