"""Backups across master key rotations: the key file keeps every version, so a backup made
before any number of rotations opens with the key file as it is now, and every case in it
reads; a key file lacking a version the data needs is refused with a message naming it.
Real SQLite stores, real backups, real key files (the backup command copies SQLite only)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from asylum_prep.cli.common import cli_actor
from asylum_prep.config import Settings
from asylum_prep.errors import KeyVersionMissing
from asylum_prep.services import audit, backup_manifest, cases, maintenance
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import Store, open_store
from tests.support import make_people


def _restore(backup: Path, key_text: str, where: Path) -> Settings:
    """What the operator does: the backup becomes the database of a data dir, beside a key
    file."""
    where.mkdir(mode=0o700)
    shutil.copyfile(backup, where / "asylum-prep.sqlite3")
    (where / "master.key").write_text(key_text)
    (where / "master.key").chmod(0o600)
    return Settings(data_dir=where)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Store]:
    store = open_store(Settings(data_dir=tmp_path / "live"))
    yield store
    store.close()


def test_a_backup_from_before_two_rotations_restores_with_the_current_ring(
    live: Store, tmp_path: Path
) -> None:
    people = make_people(live)
    other = make_people(live, suffix="b")
    titles = {people.case_id: "Test case A", other.case_id: "Test case b"}
    operator = cli_actor(live)
    before = maintenance.backup(live, operator, out=tmp_path / "before.sqlite3")
    assert [k.version for k in before.key_versions] == [1]
    first = maintenance.rotate_master_key(live, operator)
    titles[cases.create_case(live, people.attorney, title="Between")] = "Between"
    between = maintenance.backup(live, operator, out=tmp_path / "between.sqlite3")
    assert [k.version for k in between.key_versions] == [2]
    second = maintenance.rotate_master_key(live, operator)
    assert second.versions == [1, 2, 3]
    ring_text = live.settings.key_file.read_text()

    restored = open_store(_restore(before.path, ring_text, tmp_path / "r1"))
    for case_id, title in list(titles.items())[:2]:
        opened = cases.open_case(restored, people.attorney if case_id == people.case_id
                                 else other.attorney, case_id)
        assert opened.title == title and opened.version == 1
    assert cases.open_case(restored, people.applicant, people.case_id).record is not None
    # The restored store wraps new cases under the active version (3), never a retired one.
    made = cases.create_case(restored, people.attorney, title="After restore")
    assert cases.open_case(restored, people.attorney, made).title == "After restore"
    assert restored.keyring.primary == second.new_key_id
    assert audit.verify_chain(restored)
    restored.close()

    again = open_store(_restore(between.path, ring_text, tmp_path / "r2"))
    for case_id, title in titles.items():
        actor = other.attorney if case_id == other.case_id else people.attorney
        assert cases.open_case(again, actor, case_id).title == title
    assert first.new_key_id in again.keyring.keys
    again.close()


def test_a_ring_lacking_a_version_the_backup_needs_is_named(
    live: Store, tmp_path: Path
) -> None:
    people = make_people(live)
    operator = cli_actor(live)
    v1_only = live.settings.key_file.read_text()
    before = maintenance.backup(live, operator, out=tmp_path / "before.sqlite3")
    maintenance.rotate_master_key(live, operator)
    after = maintenance.backup(live, operator, out=tmp_path / "after.sqlite3")
    manifest = json.loads(after.manifest.read_text())
    ring = crypto.read_keyring(live.settings.key_file)
    assert manifest["key_versions"] == [{"version": 2, "id": ring.primary}]
    # An old copy of the key file, from before the rotation: version 2 is missing.
    with pytest.raises(KeyVersionMissing) as err:
        open_store(_restore(after.path, v1_only, tmp_path / "old-key"))
    assert f"needs master key version 2 (key id {ring.primary})" in err.value.message()
    # A ring from which someone removed the retired version 1: the older backup needs it.
    data = json.loads(live.settings.key_file.read_text())
    pruned = {"format": 2, "keys": [k for k in data["keys"] if k["version"] != 1]}
    with pytest.raises(KeyVersionMissing, match="needs master key version 1 "):
        open_store(_restore(before.path, json.dumps(pruned), tmp_path / "pruned"))
    # The whole ring opens both.
    for n, path in enumerate((before.path, after.path)):
        store = open_store(_restore(path, live.settings.key_file.read_text(),
                                    tmp_path / f"full{n}"))
        assert cases.open_case(store, people.attorney, people.case_id).title == "Test case A"
        store.close()


def test_a_backup_checkpoint_checks_the_live_log(live: Store, tmp_path: Path) -> None:
    people = make_people(live)
    operator = cli_actor(live)
    result = maintenance.backup(live, operator, out=tmp_path / "b.sqlite3")
    mark = backup_manifest.read_checkpoint(result.manifest)
    assert mark.entry == result.audit_entries > 0
    cases.open_case(live, people.attorney, people.case_id)  # the log goes on
    assert audit.verify_log(live, operator, checkpoint=mark).ok
    # The restored copy's log ends exactly at the checkpoint (plus the entries of its opening).
    copy = open_store(_restore(result.path, live.settings.key_file.read_text(), tmp_path / "r"))
    verified = audit.verify_log(copy, cli_actor(copy), checkpoint=mark)
    assert verified.ok and verified.entries >= mark.entry
    copy.close()


def test_two_rotations_at_once_keep_every_key(live: Store) -> None:
    """Two operators rotating together: they take turns, so neither drops the other's key."""
    import threading

    people = make_people(live)
    stores = [open_store(live.settings) for _ in range(2)]
    results: list[maintenance.RotationResult] = []
    threads = [threading.Thread(target=lambda s=s: results.append(
        maintenance.rotate_master_key(s, cli_actor(s)))) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    ring = crypto.read_keyring(live.settings.key_file)
    assert sorted(r.new_version for r in results) == [2, 3] and len(ring.keys) == 3
    fresh = open_store(live.settings)
    assert cases.open_case(fresh, people.attorney, people.case_id).title == "Test case A"
    assert audit.verify_chain(fresh)
    for store in (*stores, fresh):
        store.close()
