"""`asylum-prep admin create|deactivate|reactivate|unlock|reset-password | backup | key rotate
| serve` on real stores in temp dirs."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlmodel import select

from asylum_prep.cli.commands_admin import serve_command
from asylum_prep.config import Settings
from asylum_prep.errors import AuthError, LockedOut, WrongKeyError
from asylum_prep.services import accounts, cases, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import open_store
from asylum_prep.storage.tables import AuditEvent
from tests.unit.cli.conftest import Run

PASSWORD = "a long operator password"
PLANTED = "Qorvelian7Marsh"


def test_first_admin_then_staff_accounts(cli: Run, data_dir: Path) -> None:
    assert "admin account boss" in cli("admin", "create", "--username", "boss",
                                       "--password-stdin", stdin=PASSWORD + "\n").ok().err
    made = cli("admin", "create", "--username", "amina", "--role", "paralegal",
               "--display-name", "Amina", "--password-stdin", stdin=PASSWORD + "\n").ok()
    assert "paralegal account amina" in made.err and made.out == ""  # a note, not a result
    store = open_store(Settings(data_dir=data_dir))
    assert users.sign_in(store, username="boss", password=PASSWORD).role is Role.admin
    amina = users.sign_in(store, username="amina", password=PASSWORD)
    assert (amina.role, amina.display_name) == (Role.paralegal, "Amina")
    with store.session() as session:
        creators = [e.actor_name for e in session.exec(select(AuditEvent))
                    if e.action == "user_create"]
    assert creators == ["boss", "cli"]  # the first admin made itself; the operator made amina
    with pytest.raises(AuthError):
        users.sign_in(store, username="cli", password="")  # the operator account cannot sign in
    store.close()


def test_admin_create_refusals(cli: Run) -> None:
    assert "first account must be an admin" in cli(
        "admin", "create", "--username", "para", "--role", "paralegal", "--password-stdin",
        stdin=PASSWORD + "\n").failed().err
    assert "at least" in cli("admin", "create", "--username", "boss", "--password-stdin",
                             stdin="short\n").failed().err
    assert "Nothing was read" in cli("admin", "create", "--username", "boss",
                                     "--password-stdin", stdin="").failed().err
    cli("admin", "create", "--username", "boss", "--password-stdin", stdin=PASSWORD + "\n").ok()
    assert "taken" in cli("admin", "create", "--username", "BOSS", "--password-stdin",
                          stdin=PASSWORD + "\n").failed().err
    cli("admin", "create", "--username", "x", "--role", "applicant", "--password-stdin",
        stdin=PASSWORD + "\n").failed(code=2)
    cli("admin", "create", "--username", "boss2").failed(code=2)


def _live_store_with_planted_case(data_dir: Path):  # type: ignore[no-untyped-def]
    """A store held open (as the app would) with a case whose every part says PLANTED."""
    store = open_store(Settings(data_dir=data_dir))
    admin = users.create_first_admin(store, username="admin", password=PASSWORD)
    attorney = users.create_user(store, admin, username="att", password=PASSWORD,
                                 role=Role.attorney)
    from asylum_prep.samples import load_sample

    record = load_sample()
    record.about.family_name = PLANTED
    record.incidents.items[0].what_happened = f"{PLANTED} beaten at the square"
    case_id = cases.create_case(store, attorney, title=f"{PLANTED} client", record=record)
    return store, attorney, case_id


def test_backup_of_a_live_store(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    store, _attorney, case_id = _live_store_with_planted_case(data_dir)
    assert (data_dir / "asylum-prep.sqlite3-wal").stat().st_size > 0  # data still in the WAL
    out = tmp_path / "backups" / "nightly.sqlite3"
    out.parent.mkdir()
    result = cli("backup", "--out", str(out)).ok()
    assert "NOT in the backup" in result.err and "master.key" in result.err and result.out == ""
    assert "needs master key version(s) 1." in result.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "nightly.sqlite3", "nightly.sqlite3.manifest.json"]
    manifest = json.loads((out.parent / "nightly.sqlite3.manifest.json").read_text())
    assert manifest["key_versions"] == [{"version": 1, "id": store.keyring.primary}]
    assert manifest["cases"] == 1 and manifest["audit_checkpoint"]["entry"] > 0
    assert stat.S_IMODE((out.parent / "nightly.sqlite3.manifest.json").stat().st_mode) == 0o600
    raw = out.read_bytes()
    for needle in (PLANTED, "Kovelli", "Veldania", "FICTIONAL SAMPLE"):
        assert needle.encode() not in raw and needle.encode("utf-16-le") not in raw
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT id FROM cases").fetchall() == [(case_id,)]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    # The copy opens as a store with the original key file and still reads the case.
    restored = tmp_path / "restored"
    restored.mkdir(mode=0o700)
    (restored / "asylum-prep.sqlite3").write_bytes(raw)
    (restored / "master.key").write_bytes((data_dir / "master.key").read_bytes())
    copy = open_store(Settings(data_dir=restored))
    with copy.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent))]
    assert "case_create" in actions
    copy.close()
    store.close()


def test_backup_refusals(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    cli("case", "list").ok()
    assert "folder" in cli("backup", "--out", str(tmp_path)).failed().err
    assert "cannot overwrite" in cli("backup", "--out",
                                     str(data_dir / "asylum-prep.sqlite3")).failed().err
    cli("backup").failed(code=2)


@pytest.mark.skipif(not os.environ.get("ASYLUM_PREP_TEST_POSTGRES_URL"),
                    reason="needs ASYLUM_PREP_TEST_POSTGRES_URL")
def test_backup_of_postgresql_points_to_pg_dump(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import _fresh_pg_database

    url = _fresh_pg_database(os.environ["ASYLUM_PREP_TEST_POSTGRES_URL"])
    monkeypatch.setenv("ASYLUM_PREP_DATABASE_URL", url)
    err = cli("backup", "--out", str(tmp_path / "x")).failed().err
    assert "pg_dump" in err and not (tmp_path / "x").exists()


def test_key_rotate_keeps_every_reader_working(cli: Run, data_dir: Path, tmp_path: Path) -> None:
    before, attorney, case_id = _live_store_with_planted_case(data_dir)  # opened pre-rotation
    old_key_text = (data_dir / "master.key").read_text()
    result = cli("key", "rotate").ok()
    assert "1 case keys re-wrapped under key version 2" in result.err and result.out == ""
    assert "holds versions 1, 2" in result.err
    key_file = data_dir / "master.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    ring = json.loads(key_file.read_text())
    assert [(k["version"], k["status"]) for k in ring["keys"]] == [(1, "retired"), (2, "active")]
    assert ring["keys"][0]["key"] in old_key_text and ring["keys"][1]["key"] not in old_key_text
    # A fresh reader, the CLI and a store opened before the rotation all still read the case.
    assert cli("case", "show", case_id, "--json").ok().out
    assert cases.open_case(before, attorney, case_id).record.about.family_name == PLANTED
    after = open_store(Settings(data_dir=data_dir))
    assert cases.open_case(after, attorney, case_id).title == f"{PLANTED} client"
    # The old key alone no longer opens the store: the message names the version it lacks.
    with pytest.raises(WrongKeyError, match="needs master key version 2"):
        open_store(Settings(data_dir=data_dir, master_key=old_key_text))
    # Given in the environment, the whole ring (the key file's text) opens it.
    ring_store = open_store(Settings(data_dir=data_dir, master_key=key_file.read_text()))
    assert cases.open_case(ring_store, attorney, case_id).title == f"{PLANTED} client"
    ring_store.close()
    assert not list(data_dir.glob("*.tmp"))
    before.close()
    after.close()


def test_key_rotate_refuses_a_key_from_the_environment(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("case", "create", "--title", "T").ok()
    key_text = (data_dir / "master.key").read_text()
    (data_dir / "master.key").unlink()
    monkeypatch.setenv("ASYLUM_PREP_MASTER_KEY", key_text)
    err = cli("key", "rotate").failed().err
    assert "ASYLUM_PREP_MASTER_KEY" in err and "key file" in err
    assert not (data_dir / "master.key").exists()
    assert len(json.loads(cli("case", "list", "--json").ok().out)) == 1  # nothing changed


def test_a_missing_key_is_a_clear_error(cli: Run, data_dir: Path) -> None:
    cli("case", "create", "--title", "T").ok()
    (data_dir / "master.key").unlink()
    for command in (["case", "list"], ["key", "rotate"], ["backup", "--out", "x.db"]):
        assert "master key is missing" in cli(*command).failed().err


def test_serve_command_line(data_dir: Path) -> None:
    args = argparse.Namespace(data_dir=str(data_dir), port=8600, address="0.0.0.0")
    argv, env, _cwd = serve_command(args)
    assert argv[1:4] == ["-m", "asylum_prep.ui.launch", "run"]
    assert argv[4].endswith("asylum_prep/serve_app.py")
    joined = " ".join(argv)
    assert "--server.port 8600" in joined and "--server.address 0.0.0.0" in joined
    assert "--browser.gatherUsageStats false" in joined and "--server.headless true" in joined
    assert "--global.developmentMode false" in joined and "--server.enableCORS true" in joined
    assert "--server.enableXsrfProtection true" in joined
    assert "--server.enableAgentApi false" in joined
    assert env["ASYLUM_PREP_DATA_DIR"] == str(data_dir.resolve())


def test_serve_binds_to_this_machine_only_by_default(data_dir: Path) -> None:
    from asylum_prep.cli import build_parser

    args = build_parser().parse_args(["serve", "--data-dir", str(data_dir)])
    argv, _env, _cwd = serve_command(args)
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"


def test_serve_usage_errors(cli: Run) -> None:
    assert "port" in cli("serve", "--port", "99999").failed(code=2).err
    cli("serve", "--port", "http").failed(code=2)


def test_admin_create_after_other_commands_still_makes_the_admin(cli: Run, data_dir: Path) -> None:
    cli("case", "list").ok()  # creates the operator's service account first
    cli("admin", "create", "--username", "boss", "--password-stdin", stdin=PASSWORD + "\n").ok()
    store = open_store(Settings(data_dir=data_dir))
    assert users.sign_in(store, username="boss", password=PASSWORD).role is Role.admin
    store.close()


def test_admin_keeps_accounts_from_the_command_line(cli: Run, data_dir: Path) -> None:
    """deactivate | reactivate | unlock | reset-password USERNAME, audited as the operator."""
    cli("admin", "create", "--username", "boss", "--password-stdin", stdin=PASSWORD + "\n").ok()
    cli("admin", "create", "--username", "amina", "--role", "paralegal", "--password-stdin",
        stdin=PASSWORD + "\n").ok()
    store = open_store(Settings(data_dir=data_dir))
    try:
        assert "Deactivated the account amina" in cli("admin", "deactivate", "AMINA").ok().err
        with pytest.raises(AuthError):
            users.sign_in(store, username="amina", password=PASSWORD)
        assert "Reactivated" in cli("admin", "reactivate", "amina").ok().err
        for _ in range(store.settings.max_failed_sign_ins):
            with pytest.raises(AuthError):
                users.sign_in(store, username="amina", password="not her password")
        with pytest.raises(LockedOut):
            users.sign_in(store, username="amina", password=PASSWORD)
        assert "Unlocked the account amina" in cli("admin", "unlock", "amina").ok().err
        assert users.sign_in(store, username="amina", password=PASSWORD).role is Role.paralegal
        done = cli("admin", "reset-password", "amina").ok()
        temporary = done.out.strip()  # the password alone on stdout, for a script
        assert len(temporary) == 19 and "new password" in done.err
        amina = users.sign_in(store, username="amina", password=temporary)
        assert accounts.account_status(store, amina).must_change_password
        for action in ("deactivate", "reactivate", "unlock", "reset-password"):
            assert "does not exist" in cli("admin", action, "nobody").failed().err
        assert "does not exist" in cli("admin", "deactivate", "cli").failed().err
        cli("admin", "deactivate").failed(code=2)
        with store.session() as session:
            done = [(e.actor_name, e.action) for e in session.exec(select(AuditEvent))
                    if e.action.startswith(("user_", "password_reset"))]
        assert done == [("boss", "user_create"), ("cli", "user_create"),
                        ("cli", "user_deactivate"), ("cli", "user_reactivate"),
                        ("cli", "user_unlock"), ("cli", "password_reset")]
    finally:
        store.close()
