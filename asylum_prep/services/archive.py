"""Encrypted case archives: one case (record, every version, every stored file, metadata) in
one passphrase-protected file, and the way back in as a new case.

File layout, format 1 (integers big-endian):

    header = MAGIC "ASYLPREP" | format (1 byte) | scrypt log2(n) (1) | r (1) | p (1)
             | salt (16) | nonce prefix (7) | chunk size (4)                  -> 39 bytes
    body   = the payload cut into chunks of `chunk size` bytes, each sealed with AES-256-GCM
             under scrypt(passphrase, salt); nonce = prefix | chunk index (4) | last flag (1);
             associated data = the whole header.

Reordered, dropped, truncated or altered chunks, and any change to the header, fail to open.
The payload is a gzip-compressed tar: `manifest.json` (case metadata, versions with authors
and times, file list with SHA-256), `versions/<n>.json` (each record) and `blobs/<id>`.
Plaintext never touches the disk: the archive is sealed as it is written to a private temp
file beside the target, then renamed into place; reading happens in memory.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import struct
import tarfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session, select

from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, ArchiveError, InputRefused
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.cases import MAX_TITLE, Jurisdiction
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseMember, EvidenceBlob, User, utcnow

MAGIC = b"ASYLPREP"
FORMAT = 1
SCRYPT_LOG2_N = 16  # n = 65536, r = 8: 64 MiB of memory per derivation
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK = 1 << 20
_HEADER = struct.Struct(">8sBBBB16s7sI")
_TAG = 16
MIN_PASSPHRASE = 10

NOT_AN_ARCHIVE = N_("This file is not an asylum-prep case archive.")
BAD_CONTENTS = N_("The archive opened but its contents are not a valid case archive.")


# --- the sealed container -------------------------------------------------------------


def _derive(passphrase: str, salt: bytes, log2n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=1 << log2n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


class SealingWriter:
    """A write-only file object that seals what it receives chunk by chunk into `sink`."""

    def __init__(self, sink: io.BufferedIOBase | io.RawIOBase, passphrase: str) -> None:
        salt, self._prefix = secrets.token_bytes(16), secrets.token_bytes(7)
        self._header = _HEADER.pack(MAGIC, FORMAT, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt,
                                    self._prefix, CHUNK)
        self._aead = AESGCM(_derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        self._sink = sink
        self._buf = bytearray()
        self._index = 0
        sink.write(self._header)

    def _emit(self, chunk: bytes, last: bool) -> None:
        nonce = _nonce(self._prefix, self._index, last)
        self._sink.write(self._aead.encrypt(nonce, chunk, self._header))
        self._index += 1

    def write(self, data: bytes) -> int:
        self._buf += data
        while len(self._buf) > CHUNK:  # keep at least one byte back for the last chunk
            self._emit(bytes(self._buf[:CHUNK]), last=False)
            del self._buf[:CHUNK]
        return len(data)

    def finish(self) -> None:
        self._emit(bytes(self._buf), last=True)
        self._buf.clear()


def seal_bytes(plaintext: bytes, passphrase: str) -> bytes:
    out = io.BytesIO()
    writer = SealingWriter(out, passphrase)
    writer.write(plaintext)
    writer.finish()
    return out.getvalue()


def open_sealed(data: bytes, passphrase: str) -> bytes:
    """The payload of a sealed archive, or ArchiveError (wrong passphrase, any alteration)."""
    if len(data) < _HEADER.size + _TAG or not data.startswith(MAGIC):
        raise ArchiveError(NOT_AN_ARCHIVE)
    header = data[: _HEADER.size]
    _, fmt, log2n, r, p, salt, prefix, chunk = _HEADER.unpack(header)
    if fmt != FORMAT or not 15 <= log2n <= 18 or r != SCRYPT_R or not 1 <= p <= 4 or not (
        1 << 12 <= chunk <= 1 << 24
    ):
        raise ArchiveError()
    aead = AESGCM(_derive(passphrase, salt, log2n, r, p))
    body = memoryview(data)[_HEADER.size :]
    step = chunk + _TAG
    count = max(1, -(-len(body) // step))
    out = bytearray()
    try:
        for index in range(count):
            piece = bytes(body[index * step : (index + 1) * step])
            out += aead.decrypt(_nonce(prefix, index, index == count - 1), piece, header)
    except (InvalidTag, ValueError) as exc:
        raise ArchiveError() from exc
    return bytes(out)


# --- the manifest ---------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseMeta(_Strict):
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    jurisdiction: Jurisdiction
    status: Literal["open", "filed", "closed"]
    current_version: int = Field(ge=1)
    created_at: datetime
    updated_at: datetime


class VersionEntry(_Strict):
    version: int = Field(ge=1)
    created_at: datetime
    author: str = Field(max_length=64)
    summary: list[str]


class BlobEntry(_Strict):
    id: str = Field(min_length=1, max_length=36, pattern=r"^[A-Za-z0-9-]+$")
    purpose: str = Field(max_length=16)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    created_at: datetime
    author: str = Field(max_length=64)


class Manifest(_Strict):
    format: Literal[1] = 1
    exported_at: datetime
    case: CaseMeta
    versions: list[VersionEntry]
    blobs: list[BlobEntry]


@dataclass(frozen=True)
class ArchiveSummary:
    case_id: str
    versions: int
    blobs: int
    size: int


# --- export ---------------------------------------------------------------------------


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, 0
    tar.addfile(info, io.BytesIO(data))


def _write_payload(
    session: Session, store: Store, case: Case, sink: SealingWriter
) -> tuple[int, int]:
    cipher = store.case_cipher(case)
    names = {u.id: u.username for u in session.exec(select(User))}
    rows = sorted(repo.list_version_rows(session, case.id), key=lambda r: r.version)
    blobs = list(session.exec(select(EvidenceBlob).where(EvidenceBlob.case_id == case.id)))
    versions: list[VersionEntry] = []
    entries: list[BlobEntry] = []
    with tarfile.open(fileobj=sink, mode="w|gz") as tar:  # type: ignore[call-overload]
        for row in rows:
            record = repo.open_record(cipher, row)
            _add(tar, f"versions/{row.version}.json", record.model_dump_json().encode())
            versions.append(VersionEntry(
                version=row.version, created_at=row.created_at,
                author=names.get(row.created_by, ""), summary=repo.open_summary(cipher, row),
            ))
        for blob in blobs:
            data = repo.get_blob(session, cipher, blob.id)
            _add(tar, f"blobs/{blob.id}", data)
            entries.append(BlobEntry(
                id=blob.id, purpose=blob.purpose, size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), created_at=blob.created_at,
                author=names.get(blob.created_by, ""),
            ))
        manifest = Manifest(
            exported_at=utcnow(), versions=versions, blobs=entries,
            case=CaseMeta(
                title=cipher.open_text("title", case.title_enc), jurisdiction=case.jurisdiction,
                status=case.status, current_version=case.current_version,
                created_at=case.created_at, updated_at=case.updated_at,
            ),
        )
        _add(tar, "manifest.json", manifest.model_dump_json().encode())
    sink.finish()
    return len(versions), len(entries)


@guarded
def export_case(
    store: Store, actor: Actor, case_id: str, *, out: Path, passphrase: str
) -> ArchiveSummary:
    """Write an encrypted archive of the case to `out` (atomically, mode 0600)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputRefused(N_("The passphrase must be at least {n} characters long."),
                           n=MIN_PASSPHRASE)
    out = Path(out)
    if out.is_dir():
        raise InputRefused(N_("{path} is a folder; give a file name for the archive."),
                           path=str(out))
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                sink = SealingWriter(fh, passphrase)
                n_versions, n_blobs = _write_payload(session, store, case, sink)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        audit.log(session, actor, "case_export", case_id, f"versions={n_versions} files={n_blobs}")
        return ArchiveSummary(case_id, n_versions, n_blobs, out.stat().st_size)


# --- import ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Contents:
    manifest: Manifest
    records: dict[int, CaseRecord]
    blobs: dict[str, bytes]


def _read_payload(payload: bytes) -> _Contents:
    try:
        with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as tar:
            files: dict[str, bytes] = {}
            for member in tar.getmembers():
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is None or member.name in files:
                    raise ArchiveError(BAD_CONTENTS)
                files[member.name] = handle.read()
        manifest = Manifest.model_validate_json(files.pop("manifest.json"))
        records = {
            v.version: CaseRecord.model_validate_json(files.pop(f"versions/{v.version}.json"))
            for v in manifest.versions
        }
        blobs = {b.id: files.pop(f"blobs/{b.id}") for b in manifest.blobs}
    except (tarfile.TarError, KeyError, ValidationError, EOFError, OSError) as exc:
        raise ArchiveError(BAD_CONTENTS) from exc
    numbers = sorted(records)
    if files or numbers != list(range(1, len(numbers) + 1)) or (
        manifest.case.current_version != len(numbers)
    ):
        raise ArchiveError(BAD_CONTENTS)
    for entry in manifest.blobs:
        if hashlib.sha256(blobs[entry.id]).hexdigest() != entry.sha256:
            raise ArchiveError(BAD_CONTENTS)
    return _Contents(manifest, records, blobs)


def read_archive(
    data: bytes, passphrase: str
) -> tuple[Manifest, dict[int, CaseRecord], dict[str, bytes]]:
    """Open and check an archive without touching any store (for tests and previews)."""
    contents = _read_payload(open_sealed(data, passphrase))
    return contents.manifest, contents.records, contents.blobs


@guarded
def import_case(store: Store, actor: Actor, *, data: bytes, passphrase: str) -> ArchiveSummary:
    """Create a new case (new id, new data key) from an archive: same record, history and
    files. Stored-file ids are kept, so references to them inside the record still resolve;
    an archive whose file ids already exist here is refused. All or nothing."""
    require_role(actor, Role.attorney)
    contents = _read_payload(open_sealed(data, passphrase))
    meta = contents.manifest.case
    with store.session() as session:
        taken = [b for b in contents.blobs if session.get(EvidenceBlob, b) is not None]
        if taken:
            raise InputRefused(N_(
                "This archive holds {n} stored files that already exist in this database "
                "(was the case imported here before, or is the original still here?). "
                "Nothing was imported."
            ), n=len(taken))
        users = {u.username: u.id for u in session.exec(select(User)) if u.id is not None}

        def author(name: str) -> int:
            return users.get(name, actor.id)

        row, cipher = repo.new_case_row(
            session,
            store, title=meta.title, jurisdiction=meta.jurisdiction.value, created_by=actor.id
        )
        row.status, row.current_version, row.updated_at = (
            meta.status, meta.current_version, meta.updated_at)
        session.add(row)
        session.flush()
        session.add(CaseMember(case_id=row.id, user_id=actor.id, role=Role.attorney.value))
        for entry in contents.manifest.versions:
            version = repo.add_version(
                session, cipher, version=entry.version, record=contents.records[entry.version],
                summary=entry.summary, actor_id=author(entry.author),
            )
            version.created_at = entry.created_at
        for blob in contents.manifest.blobs:
            stored = repo.put_blob(session, cipher, contents.blobs[blob.id], blob_id=blob.id,
                                   purpose=blob.purpose, actor_id=author(blob.author))
            stored.created_at = blob.created_at
        session.flush()
        audit.log(session, actor, "case_import", row.id,
                  f"versions={len(contents.records)} files={len(contents.blobs)}")
        return ArchiveSummary(row.id, len(contents.records), len(contents.blobs), len(data))

