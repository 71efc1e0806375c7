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
file beside the target, then renamed into place; reading happens in memory, one chunk
decrypted at a time (`OpenedPayload`), and what it unpacks to is bounded
(services.archive_import, which also treats every imported file and author as untrusted).
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
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, select

from asylum_prep.errors import N_, ArchiveError, InputRefused
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.cases import MAX_TITLE, Jurisdiction
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, EvidenceBlob, User, utcnow

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


class OpenedPayload(io.RawIOBase):
    """The payload of a sealed archive as a stream, decrypted one chunk at a time as it is
    read, so no more than a chunk of it is ever held at once. Reading raises ArchiveError at
    the first chunk that fails (wrong passphrase, any alteration); a reader must not act on
    what it read until the stream has ended cleanly."""

    def __init__(self, data: bytes, passphrase: str) -> None:
        super().__init__()
        if len(data) < _HEADER.size + _TAG or not data.startswith(MAGIC):
            raise ArchiveError(NOT_AN_ARCHIVE)
        self._header = data[: _HEADER.size]
        _, fmt, log2n, r, p, salt, self._prefix, chunk = _HEADER.unpack(self._header)
        if fmt != FORMAT or not 15 <= log2n <= 18 or r != SCRYPT_R or not 1 <= p <= 4 or not (
            1 << 12 <= chunk <= 1 << 24
        ):
            raise ArchiveError()
        self._aead = AESGCM(_derive(passphrase, salt, log2n, r, p))
        self._body = memoryview(data)[_HEADER.size :]
        self._step = chunk + _TAG
        self._count = max(1, -(-len(self._body) // self._step))
        self._index = 0
        self._plain = memoryview(b"")

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        index, step = self._index, self._step
        piece = bytes(self._body[index * step : (index + 1) * step])
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, index, index == self._count - 1), piece, self._header
            )
        except (InvalidTag, ValueError) as exc:
            raise ArchiveError() from exc
        self._plain = memoryview(plain)
        self._index += 1

    def readinto(self, buffer: Any) -> int:
        while not self._plain and self._index < self._count:
            self._next_chunk()
        n = min(len(buffer), len(self._plain))
        buffer[:n] = self._plain[:n]
        self._plain = self._plain[n:]
        return n


def open_sealed(data: bytes, passphrase: str) -> bytes:
    """The payload of a sealed archive, or ArchiveError (wrong passphrase, any alteration)."""
    return OpenedPayload(data, passphrase).readall()


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


class DeclarationEntry(_Strict):
    """One version of the edited declaration (its body: declaration/<version>.json)."""

    version: int = Field(ge=1)
    action: str = Field(max_length=32)
    created_at: datetime
    author: str = Field(max_length=64)


class Manifest(_Strict):
    format: Literal[1] = 1
    exported_at: datetime
    case: CaseMeta
    versions: list[VersionEntry]
    blobs: list[BlobEntry]
    declaration: list[DeclarationEntry] = Field(default_factory=list)  # none before issue 20


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
    rows = sorted(repo.list_version_rows(session, case.id, records=True), key=lambda r: r.version)
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
        declaration = []
        for drow in sorted(repo.declaration_rows(session, case.id), key=lambda r: r.version):
            body = repo.open_declaration(cipher, drow)
            _add(tar, f"declaration/{drow.version}.json", body.model_dump_json().encode())
            declaration.append(DeclarationEntry(
                version=drow.version, action=drow.action, created_at=drow.created_at,
                author=names.get(drow.created_by, "")))
        for blob in blobs:
            data = repo.get_blob(session, cipher, blob.id)
            _add(tar, f"blobs/{blob.id}", data)
            entries.append(BlobEntry(
                id=blob.id, purpose=blob.purpose, size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), created_at=blob.created_at,
                author=names.get(blob.created_by, ""),
            ))
        manifest = Manifest(
            exported_at=utcnow(), versions=versions, blobs=entries, declaration=declaration,
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


# --- import (services.archive_import) ------------------------------------------------


@guarded
def import_case(store: Store, actor: Actor, *, data: bytes, passphrase: str) -> ArchiveSummary:
    """A new case from an archive, its contents treated as untrusted: see
    services.archive_import.import_archive."""
    from asylum_prep.services.archive_import import import_archive

    return import_archive(store, actor, data=data, passphrase=passphrase)
