"""`asylum-prep audit verify | checkpoint` on real stores in temp dirs: exit 0 and "N entries
verified" on stdout for an intact log; exit 1 and the first bad entry on stderr otherwise."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.unit.cli.conftest import Run


def _entries(out: str) -> int:
    match = re.fullmatch(r"(\d+) entries verified(; .*)?\.\n", out)
    assert match, out
    return int(match.group(1))


def _db(data_dir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data_dir / "asylum-prep.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    return conn


def test_verify_an_intact_log_then_a_changed_one(cli: Run, data_dir: Path) -> None:
    cli("case", "create", "--title", "T").ok()
    cli("case", "list").ok()
    first = _entries(cli("audit", "verify").ok().out)
    assert first >= 2
    assert _entries(cli("audit", "verify").ok().out) == first + 1  # the check is logged too
    conn = _db(data_dir)
    conn.execute("UPDATE audit_events SET actor_name = 'someone else' WHERE id = 2")
    conn.close()
    err = cli("audit", "verify").failed().err
    assert "Audit log entry 2 was changed or forged" in err


def test_verify_against_a_backup_checkpoint_catches_a_cut(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    cli("case", "create", "--title", "T").ok()
    cli("case", "list").ok()
    cli("case", "list").ok()
    out = cli("backup", "--out", str(tmp_path / "b.sqlite3")).ok().err
    manifest = tmp_path / "b.sqlite3.manifest.json"
    assert str(manifest) in out
    entry = json.loads(manifest.read_text())["audit_checkpoint"]["entry"]
    assert entry >= 3
    assert f"entry {entry} matches the checkpoint" in cli(
        "audit", "verify", "--checkpoint", str(manifest)).ok().out
    # An intruder cuts the log back to before the backup and moves the head to match.
    conn = _db(data_dir)
    conn.execute("DELETE FROM audit_events WHERE id >= ?", (entry,))
    last, mac = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC").fetchone()
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{last}:{mac}".encode(),))
    conn.close()
    assert _entries(cli("audit", "verify").ok().out) == last  # the chain alone cannot tell
    # That check was logged as a new entry numbered like the checkpoint's own: the entry the
    # checkpoint recorded is gone, replaced.
    err = cli("audit", "verify", "--checkpoint", str(manifest)).failed().err
    assert f"Audit log entry {entry} is not the one the checkpoint recorded" in err


def test_checkpoint_command_and_bad_checkpoint_files(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    cli("case", "create", "--title", "T").ok()
    out = cli("audit", "checkpoint", "--out", str(tmp_path / "cp.json")).ok().err
    assert "Checkpoint of audit log entry" in out
    assert (tmp_path / "cp.json").stat().st_mode & 0o777 == 0o600
    cli("audit", "verify", "--checkpoint", str(tmp_path / "cp.json")).ok()
    data = json.loads((tmp_path / "cp.json").read_text())
    data["audit_checkpoint"]["entry"] -= 1
    (tmp_path / "forged.json").write_text(json.dumps(data))
    (tmp_path / "junk.json").write_text("not json")
    for name in ("forged.json", "junk.json"):
        err = cli("audit", "verify", "--checkpoint", str(tmp_path / name)).failed().err
        assert "checkpoint does not belong to this audit log" in err
    assert "No such file" in cli("audit", "verify", "--checkpoint",
                                 str(tmp_path / "missing.json")).failed().err
    cli("audit").failed(code=2)
