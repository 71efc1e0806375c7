"""A full disk or a read-only data dir: a clear error (StorageUnavailable, a human message, no
traceback), no partial write, and the store still opens and passes its integrity check.

Read-only: as root, chmod does not stop writes, so the child process runs in a private mount
namespace (`unshare -m`) and bind-mounts the data dir read-only under itself; as another
user it uses chmod 0500/0400. Full disk: SQLite's own page limit (`PRAGMA max_page_count`,
which fails exactly like a full disk, SQLITE_FULL) in this process, and, as root, a real
tiny tmpfs in a child's mount namespace."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from asylum_prep.config import Settings
from asylum_prep.errors import StorageUnavailable
from asylum_prep.services import audit, cases
from asylum_prep.storage.engine import Store, open_store
from tests.faults.children import Child, sqlite_integrity
from tests.support import PASSWORD, People, make_people

CHILD = Path(__file__).with_name("storage_child.py")
IS_ROOT = os.geteuid() == 0


def _can_unshare_mounts() -> bool:
    if not IS_ROOT or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "mount", "-t", "tmpfs", "tmpfs", "/mnt"],
                           capture_output=True, timeout=20)
    return probe.returncode == 0


@pytest.fixture
def prepared(tmp_path: Path) -> Iterator[tuple[Settings, People]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    people = make_people(store)
    store.close()
    yield settings, people
    for path in [settings.data_dir, *settings.data_dir.glob("*")]:  # undo a chmod child
        if path.exists():
            path.chmod(0o700 if path.is_dir() else 0o600)


def _run_child(args: list[str], prefix: list[str]) -> list[dict]:
    child = Child([*prefix, sys.executable, str(CHILD), *args])
    code = child.finish(timeout=180)
    assert code == 0, child.stderr()
    return [json.loads(line) for line in child.lines if line.startswith("{")]


def _save(store: Store, actor, case_id: str, value: str) -> int:
    opened = cases.open_case(store, actor, case_id, audit_view=False)
    record = opened.record.model_copy(deep=True)
    record.fear.what_harm = value
    return cases.save_record(store, actor, case_id, record=record, base_version=opened.version)


def _assert_intact(settings: Settings, people: People, version: int, value: str) -> None:
    store = open_store(settings)
    try:
        assert sqlite_integrity(store) == "ok"
        assert audit.verify_chain(store)
        current = cases.open_case(store, people.attorney, people.case_id)
        assert (current.version, current.record.fear.what_harm) == (version, value)
        history = cases.list_versions(store, people.attorney, people.case_id)
        assert max(v.version for v in history) == version
        assert _save(store, people.applicant, people.case_id, "writable again") == version + 1
    finally:
        store.close()


def test_read_only_data_dir_gives_a_clear_error_and_changes_nothing(prepared):
    settings, people = prepared
    if IS_ROOT:
        if not _can_unshare_mounts():
            pytest.skip("running as root without permission to mount: "
                        "cannot make a directory read-only for root")
        mode, prefix = "readonly-mount", ["unshare", "-m"]
    else:
        mode, prefix = "readonly-chmod", []
    args = [mode, str(settings.data_dir), people.case_id, people.applicant.username, PASSWORD]
    steps = {s["step"]: s for s in _run_child(args, prefix)}
    before = int(steps["before"]["result"])
    for step in ("save", "open"):
        assert steps[step]["outcome"] == "refused", steps[step]
        assert steps[step]["kind"] == "StorageUnavailable", steps[step]
        assert "Nothing was changed" in steps[step]["message"]
        assert "Traceback" not in steps[step]["message"]
        assert "sqlite" not in steps[step]["message"].lower()
    if not IS_ROOT:  # make it writable again before reopening
        for path in [settings.data_dir, *settings.data_dir.glob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)
    _assert_intact(settings, people, before, "before the disk turned read-only")


def _limit_pages(store: Store, extra: int) -> None:
    """From now on the database may grow by `extra` pages only (SQLITE_FULL beyond)."""
    with store.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn, _record) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + extra}")

    store.engine.dispose()


def test_full_disk_refuses_the_save_clearly_and_keeps_the_previous_version(prepared):
    settings, people = prepared
    store = open_store(settings)
    version = _save(store, people.applicant, people.case_id, "the last good answer")
    _limit_pages(store, extra=3)
    with pytest.raises(StorageUnavailable) as info:
        _save(store, people.applicant, people.case_id, secrets.token_hex(40_000))
    assert "storage is full" in info.value.message()
    # The same process can still read, and the previous version is current.
    current = cases.open_case(store, people.attorney, people.case_id, audit_view=False)
    assert (current.version, current.record.fear.what_harm) == (version, "the last good answer")
    store.close()
    _assert_intact(settings, people, version, "the last good answer")


def test_a_really_full_filesystem_refuses_cleanly_and_the_store_reopens(prepared, tmp_path):
    if not _can_unshare_mounts():
        pytest.skip("needs root with permission to mount a tmpfs in a private namespace")
    settings, people = prepared
    stage = tmp_path / "stage"
    shutil.copytree(settings.data_dir, stage)
    target = tmp_path / "small"
    target.mkdir()
    size = os.path.getsize(stage / "asylum-prep.sqlite3") + 1_500_000
    steps = _run_child(["fill-tmpfs", str(target), people.case_id, people.applicant.username,
                        PASSWORD, str(stage), str(size)], ["unshare", "-m"])
    saves = [s for s in steps if s["step"] == "save"]
    full = next(s for s in steps if s["step"] == "full")
    reopen = next(s for s in steps if s["step"] == "reopen")
    assert saves, "some saves must fit before the disk is full"
    assert full["outcome"] == "refused" and full["kind"] == "StorageUnavailable", full
    assert reopen["integrity"] == "ok" and reopen["chain"] is True
    assert reopen["version"] == int(saves[-1]["result"]) and reopen["kept_last"] is True
    assert not any(target.iterdir()), "the tmpfs lived only in the child's namespace"


def test_read_only_postgresql_gives_the_same_clear_error(settings):
    if settings.is_sqlite:
        pytest.skip("PostgreSQL only (runs when ASYLUM_PREP_TEST_POSTGRES_URL is set)")
    from sqlalchemy import create_engine, text

    store = open_store(settings)
    people = make_people(store)
    version = _save(store, people.applicant, people.case_id, "the last good answer")
    name = settings.resolved_database_url.rsplit("/", 1)[1]
    admin = create_engine(settings.resolved_database_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        store.engine.dispose()  # new sessions pick the setting up
        with pytest.raises(StorageUnavailable):
            _save(store, people.applicant, people.case_id, "must not be kept")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" RESET default_transaction_read_only'))
        admin.dispose()
    store.engine.dispose()
    current = cases.open_case(store, people.attorney, people.case_id)
    assert (current.version, current.record.fear.what_harm) == (version, "the last good answer")
    store.close()
