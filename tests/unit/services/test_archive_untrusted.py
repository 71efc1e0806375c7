"""A correctly sealed archive is still untrusted: its files are cleaned again like uploads, the
import is the importer's act, and what it unpacks to is bounded (memory measured in a child)."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import subprocess
import sys
import tarfile
import zlib
from pathlib import Path

import pikepdf
import pytest
from sqlmodel import select

from asylum_prep.errors import InputRefused
from asylum_prep.evidence import pdf_clean
from asylum_prep.services import archive, cases
from asylum_prep.services import evidence as ev
from asylum_prep.services import packet as packet_service
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import People
from tests.unit.evidence import hostile as h

PASS = "a long archive passphrase"


def _members(payload: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def _payload(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _tampered(sealed: bytes, replace: dict[str, bytes]) -> bytes:
    """The archive with some files replaced, the manifest's hashes updated to match, sealed
    again with the right passphrase: everything an attacker who knows it can do."""
    members = _members(archive.open_sealed(sealed, PASS))
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["blobs"]:
        if entry["id"] in replace:
            data = replace[entry["id"]]
            members[f"blobs/{entry['id']}"] = data
            entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
    members["manifest.json"] = json.dumps(manifest).encode()
    return archive.seal_bytes(_payload(members), PASS)


def uncompressed(data: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, qdf=True, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def test_a_script_smuggled_into_a_sealed_archive_comes_out_clean(
    store: Store, people: People, tmp_path: Path
) -> None:
    version = cases.open_case(store, people.attorney, people.case_id).version
    ev.add_evidence(store, people.paralegal, people.case_id, data=h.simple_pdf(2, "Summons"),
                    filename="summons.pdf", title="Summons", base_version=version)
    out = tmp_path / "case.apa"
    archive.export_case(store, people.attorney, people.case_id, out=out, passphrase=PASS)
    item = cases.open_case(store, people.attorney, people.case_id).record.evidence[0]
    hostile = h.hostile_pdf()
    assert b"/JavaScript" in hostile
    # The stored copy and the safe rendition both replaced by a PDF carrying scripts.
    sealed = _tampered(out.read_bytes(), {item.stored_blob: hostile,
                                          item.safe_rendition_blob: hostile})
    new = archive.import_case(store, people.attorney, data=sealed, passphrase=PASS)
    copy = cases.open_case(store, people.attorney, new.case_id).record.evidence[0]
    stored, _ = ev.get_evidence_file(store, people.attorney, new.case_id, copy.id)
    with pikepdf.Pdf.open(io.BytesIO(stored)) as pdf:
        assert pdf_clean.findings(pdf) == set()
    for data in (stored, ev.get_evidence_file(store, people.attorney, new.case_id, copy.id,
                                              which="safe_rendition")[0]):
        flat = uncompressed(data)
        assert b"/JavaScript" not in flat and b"/Launch" not in flat and b"app.alert" not in flat
    assert copy.stored_sha256 == hashlib.sha256(stored).hexdigest() != item.stored_sha256
    assert "Scripts removed." in copy.removed
    packet = packet_service.render_packet(store, people.attorney, new.case_id).parts[0][1]
    assert b"/JavaScript" not in uncompressed(packet)
    with store.session() as session:
        events = [(e.action, e.actor_id) for e in session.exec(
            select(AuditEvent).where(AuditEvent.case_id == new.case_id))]
    assert events[0] == ("case_import", people.attorney.id)


def test_an_archive_over_the_limits_is_refused(store: Store, people: People) -> None:
    big = _payload({"manifest.json": b"{}", "versions/1.json": b" " * (80 << 20)})
    with pytest.raises(InputRefused, match="unpacks to more than 64 MB"):
        archive.import_case(store, people.attorney, data=archive.seal_bytes(big, PASS),
                            passphrase=PASS)


# --- bombs, measured in a fresh process -------------------------------------------------

ZERO = bytes(1 << 20)


def _deflate(data: bytes) -> bytes:
    """Raw deflate blocks that stand alone (full flush), so they can be repeated."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    return z.compress(data) + z.flush(zlib.Z_FULL_FLUSH)


def _bomb(entries: list[tuple[tarfile.TarInfo, int]]) -> bytes:
    """A gzipped tar of members holding `n` MiB of zeros each, built in a second or so."""
    zero_block = _deflate(ZERO)
    body, crc, size = [], 0, 0
    for info, mib in entries:
        info.size = mib << 20
        header = info.tobuf(format=tarfile.PAX_FORMAT)
        body.append(_deflate(header))
        crc, size = zlib.crc32(header, crc), size + len(header)
        for _ in range(mib):
            body.append(zero_block)
            crc, size = zlib.crc32(ZERO, crc), size + len(ZERO)
    body.append(_deflate(bytes(1024)))
    crc, size = zlib.crc32(bytes(1024), crc), size + 1024
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    gzip_header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return gzip_header + b"".join(body) + end + struct.pack("<II", crc, size & 0xFFFFFFFF)


CHILD = r"""
import resource, sys
from pathlib import Path
from asylum_prep.config import Settings
from asylum_prep.errors import InputRefused
from asylum_prep.services import archive, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import open_store

store = open_store(Settings(data_dir=Path(sys.argv[1]) / "data"))
secret = "a long test password"
admin = users.create_first_admin(store, username="admin", password=secret)
actor = users.create_user(store, admin, username="importer", password=secret, role=Role.attorney)
for path in sys.argv[2:-1]:
    try:
        archive.import_case(store, actor, data=Path(path).read_bytes(), passphrase=sys.argv[-1])
    except InputRefused as exc:
        print("refused:", exc.message())
        continue
    print("imported!")
# ru_maxrss survives execve on Linux: a child of a large pytest process starts with pytest's
# peak. VmHWM is the same peak resident set, for this program's own memory only.
hwm = next(line for line in Path("/proc/self/status").read_text().splitlines()
           if line.startswith("VmHWM:"))
print("peak_mb", int(hwm.split()[1]) / 1024,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def test_decompression_bombs_are_refused_with_memory_bounded(tmp_path: Path) -> None:
    many = [(tarfile.TarInfo(f"versions/{n}.json"), 8) for n in range(1, 65)]  # 512 MiB
    pax = tarfile.TarInfo("manifest.json")
    pax.pax_headers = {"comment": "x" * (96 << 20)}  # a 96 MiB header
    bombs = {
        "one_member": [(tarfile.TarInfo("blobs/x"), 1024)],  # 1 GiB, 1 MB sealed
        "many_members": many,
        "pax_header": [(pax, 1)],
    }
    paths = []
    for name, entries in bombs.items():
        path = tmp_path / f"{name}.apa"
        path.write_bytes(archive.seal_bytes(_bomb(entries), PASS))
        assert path.stat().st_size < 2 << 20
        paths.append(str(path))
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), *paths, PASS],
                          capture_output=True, text=True, timeout=300, check=True)
    lines = done.stdout.splitlines()
    assert lines[:3] == ["refused: This archive unpacks to more than 64 MB, more than an "
                         "import may, so nothing was imported. It may be damaged, or built "
                         "to overload the computer."] * 3, done.stdout + done.stderr
    peak = float(lines[3].split()[1])
    assert peak < 300, peak
