"""Importing a case archive (services.archive) as a new case, its contents treated as untrusted
even when the seal is right: a correct passphrase proves only that whoever sealed the archive
knew it, not that its files are clean or its history true.

- Bounded reading. The payload is decrypted one chunk at a time, gunzipped by a decompressor
  that stops at a limit (`unpacked_limit`: 40 times the archive's size, at least 64 MB, at most
  what a case may hold plus room for its history), and read as a tar stream whose entries are
  checked (name, type, size, count) before their contents are read. An archive over a limit is
  refused with a clear message; nothing is imported. (Before, a 1 MB archive holding 1 GB of
  zeros was unpacked whole into memory: 1.2 GB.)
- Files. Every stored file goes again through the intake an upload goes through (type from
  the bytes, structural cleaning, PDF rendition, safe rendition in the sandbox); the archive's
  cleaned copies and renditions are never used. Sealed originals (kept only when an attorney
  asked, and only ever given to an attorney) stay as they are: they are by definition the
  untouched upload. Every file gets a new id. A file the intake refuses stops the import.
- History. The records of every version and their dates are kept, but every version and file
  is recorded as the importer's, and so is the import in the audit log: the archive's author
  names are claims about another installation, never mapped to accounts here. References to
  files the archive does not hold are left as they are; they resolve to nothing here. The
  edited declaration's versions (declaration/<n>.json, numbered from 1 without a gap) come
  back the same way, each validated as an `EditedDeclaration`.
"""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
import uuid
import zlib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import IO, Any

from pydantic import ValidationError

from asylum_prep.config import Settings
from asylum_prep.domain.declaration import EditedDeclaration
from asylum_prep.domain.evidence import EvidenceItem, ExhibitText
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, ArchiveError, InputRefused
from asylum_prep.evidence import intake
from asylum_prep.services import audit, ocr
from asylum_prep.services.access import guarded, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.archive import (
    BAD_CONTENTS,
    ArchiveSummary,
    Manifest,
    OpenedPayload,
)
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import CaseMember
from asylum_prep.text import clean_line

EXPANSION = 40  # a case's archive (PDFs, pictures, JSON) unpacks to a few times its size
FLOOR = 64 << 20
HISTORY_ROOM = 256 << 20
MAX_ENTRIES = 100_000
MAX_JSON = 16 << 20
# "ocr_text": what OCR read, accepted but not imported: the files are cleaned again and so
# read again (services.ocr), queued at import.
PURPOSES = frozenset({"stored", "original", "rendition", "safe_rendition", "ocr_text"})
_NAME = re.compile(r"manifest\.json|(versions|declaration)/[1-9][0-9]{0,8}\.json"
                   r"|blobs/[A-Za-z0-9-]{1,36}")
_BLOCK = 1 << 20

N_TOO_LARGE = N_("This archive unpacks to more than {max_mb} MB, more than an import may, so "
                 "nothing was imported. It may be damaged, or built to overload the computer.")
N_FILE_REFUSED = N_("The file “{name}” in this archive was refused when it was checked and "
                    "cleaned again like an upload, so nothing was imported.")


class _TooLarge(Exception):
    pass


def unpacked_limit(archive_size: int, settings: Settings) -> int:
    return min(settings.max_case_evidence_bytes + HISTORY_ROOM,
               max(FLOOR, EXPANSION * archive_size))


class _Gunzip(io.RawIOBase):
    """One gzip member from `raw`, never more than `limit` bytes of output in all."""

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        super().__init__()
        self._raw, self._limit = raw, limit
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            while not self._z.eof:
                data = self._z.unconsumed_tail or self._raw.read(_BLOCK)
                if not data:
                    raise ArchiveError(BAD_CONTENTS)  # the gzip stream stops short
                out = self._z.decompress(data, len(buffer))
                if out:
                    self.total += len(out)
                    if self.total > self._limit:
                        raise _TooLarge()
                    buffer[: len(out)] = out
                    return len(out)
        except zlib.error as exc:
            raise ArchiveError(BAD_CONTENTS) from exc
        if self._z.unused_data or self._raw.read(1):
            raise ArchiveError(BAD_CONTENTS)  # something after the gzip stream
        return 0


@dataclass(frozen=True)
class Contents:
    manifest: Manifest
    records: dict[int, CaseRecord]
    blobs: dict[str, bytes]
    declaration: dict[int, EditedDeclaration] = dataclass_field(default_factory=dict)


def _unpack(data: bytes, passphrase: str, limit: int) -> dict[str, bytes]:
    gz = _Gunzip(io.BufferedReader(OpenedPayload(data, passphrase), _BLOCK), limit)
    files: dict[str, bytes] = {}
    stream = io.BufferedReader(gz, _BLOCK)
    taken = 0  # bytes of member contents, counted apart from what was decompressed
    with tarfile.open(fileobj=stream, mode="r|", bufsize=_BLOCK) as tar:
        for count, member in enumerate(tar, start=1):
            if count > MAX_ENTRIES:
                raise _TooLarge()
            if (not member.isfile() or member.issparse() or member.name in files
                    or not _NAME.fullmatch(member.name)):
                raise ArchiveError(BAD_CONTENTS)
            room = limit - max(gz.total, taken)
            if member.size > (min(MAX_JSON, room) if member.name.endswith(".json") else room):
                raise _TooLarge()
            taken += member.size
            handle = tar.extractfile(member)
            if handle is None:
                raise ArchiveError(BAD_CONTENTS)
            files[member.name] = handle.read()
    while stream.read(_BLOCK):  # the rest (tar padding, gzip trailer, last chunk) is checked
        pass
    return files


def read_contents(data: bytes, passphrase: str, settings: Settings) -> Contents:
    """The archive's manifest, records and files, checked; ArchiveError or InputRefused."""
    limit = unpacked_limit(len(data), settings)
    try:
        files = _unpack(data, passphrase, limit)
        manifest = Manifest.model_validate_json(files.pop("manifest.json"))
        records = {
            v.version: CaseRecord.model_validate_json(files.pop(f"versions/{v.version}.json"))
            for v in manifest.versions
        }
        blobs = {b.id: files.pop(f"blobs/{b.id}") for b in manifest.blobs}
        declaration = {
            d.version: EditedDeclaration.model_validate_json(
                files.pop(f"declaration/{d.version}.json"))
            for d in manifest.declaration
        }
    except _TooLarge:
        raise InputRefused(N_TOO_LARGE, max_mb=f"{limit / 1048576:.0f}") from None
    except (tarfile.TarError, KeyError, ValidationError, EOFError, OSError) as exc:
        raise ArchiveError(BAD_CONTENTS) from exc
    numbers = sorted(records)
    if files or numbers != list(range(1, len(numbers) + 1)) or (
        manifest.case.current_version != len(numbers)
    ) or sorted(declaration) != list(range(1, len(declaration) + 1)):
        raise ArchiveError(BAD_CONTENTS)
    for entry in manifest.blobs:
        if entry.purpose not in PURPOSES or (
            hashlib.sha256(blobs[entry.id]).hexdigest() != entry.sha256
        ):
            raise ArchiveError(BAD_CONTENTS)
    return Contents(manifest, records, blobs, declaration)


@dataclass
class _Fresh:
    records: dict[int, CaseRecord]
    blobs: dict[str, tuple[str, bytes]]  # new id -> (purpose, bytes)
    cleaned: int


def _clean(item: EvidenceItem, data: bytes, settings: Settings, page_size: str,
           blobs: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
    """Run one stored file through the intake; the item fields that describe the result."""
    try:
        cleaned = intake.process(
            data, max_bytes=settings.max_evidence_bytes, page_size=page_size,
            language=item.language or "und", memory_mb=settings.rendition_memory_mb,
            cpu_seconds=settings.rendition_cpu_seconds,
        )
    except InputRefused:
        raise InputRefused(N_FILE_REFUSED, name=(item.filename or item.title)[:120]) from None
    ids = {"stored_blob": str(uuid.uuid4())}
    blobs[ids["stored_blob"]] = ("stored", cleaned.data)
    for field, purpose, content in (("rendition_blob", "rendition", cleaned.rendition),
                                    ("safe_rendition_blob", "safe_rendition",
                                     cleaned.safe_rendition)):
        ids[field] = str(uuid.uuid4()) if content else ""
        if content:
            blobs[ids[field]] = (purpose, content)
    return {
        **ids,
        "mime": cleaned.mime,
        "stored_sha256": hashlib.sha256(cleaned.data).hexdigest(),
        "stored_size": len(cleaned.data),
        "page_count": cleaned.page_count,
        "width": cleaned.width,
        "height": cleaned.height,
        "removed": list(dict.fromkeys([*item.removed, *cleaned.removed])),
        "text": ExhibitText().model_dump(),
    }


def _reclean(contents: Contents, settings: Settings, page_size: str) -> _Fresh:
    """Every version's record pointing at freshly cleaned files with new ids."""
    blobs: dict[str, tuple[str, bytes]] = {}
    cleaned: dict[str, dict[str, Any]] = {}  # archive's stored id -> fields
    originals: dict[str, str] = {}  # archive's original id -> new id
    records: dict[int, CaseRecord] = {}
    for number in sorted(contents.records):
        data = contents.records[number].model_dump()
        for item_data in data["evidence"]:
            item = EvidenceItem.model_validate(item_data)
            old = item.stored_blob
            if old in contents.blobs:
                if old not in cleaned:
                    cleaned[old] = _clean(item, contents.blobs[old], settings, page_size, blobs)
                item_data.update(cleaned[old])
            old = item.original_blob
            if old in contents.blobs:
                if old not in originals:
                    originals[old] = str(uuid.uuid4())
                    blobs[originals[old]] = ("original", contents.blobs[old])
                item_data["original_blob"] = originals[old]
        records[number] = CaseRecord.model_validate(data)
    return _Fresh(records, blobs, len(cleaned))


@guarded
def import_archive(store: Store, actor: Actor, *, data: bytes, passphrase: str) -> ArchiveSummary:
    """Create a new case (new id, new data key, new file ids) from an archive: its records and
    their dates, its files cleaned again, everything recorded as the importer's. All or
    nothing; an attorney only."""
    require_role(actor, Role.attorney)
    contents = read_contents(data, passphrase, store.settings)
    meta = contents.manifest.case
    page_size = paper_name(meta.jurisdiction.value)
    fresh = _reclean(contents, store.settings, page_size)  # slow: outside the transaction
    with store.session() as session:
        row, cipher = repo.new_case_row(
            session, store, title=clean_line(meta.title) or "-",
            jurisdiction=meta.jurisdiction.value, created_by=actor.id,
        )
        row.status, row.current_version, row.updated_at = (
            meta.status, meta.current_version, meta.updated_at)
        session.add(row)
        session.flush()
        session.add(CaseMember(case_id=row.id, user_id=actor.id, role=Role.attorney.value))
        for entry in contents.manifest.versions:
            version = repo.add_version(
                session, cipher, version=entry.version, record=fresh.records[entry.version],
                summary=entry.summary, actor_id=actor.id,
            )
            version.created_at = entry.created_at
        for blob_id, (purpose, content) in fresh.blobs.items():
            repo.put_blob(session, cipher, content, blob_id=blob_id, purpose=purpose,
                          actor_id=actor.id)
        for d in contents.manifest.declaration:
            drow = repo.add_declaration_version(
                session, cipher, version=d.version, body=contents.declaration[d.version],
                action=d.action, actor_id=actor.id)
            drow.created_at = d.created_at
        session.flush()
        current = fresh.records.get(meta.current_version)
        for item in current.evidence if current else []:
            ocr.enqueue(session, row.id, item, actor.id)
        audit.log(session, actor, "case_import", row.id,
                  f"versions={len(fresh.records)} files={len(fresh.blobs)} "
                  f"cleaned={fresh.cleaned}")
        return ArchiveSummary(row.id, len(fresh.records), len(fresh.blobs), len(data))
