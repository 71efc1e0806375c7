"""The master key rotated in a loop by a separate process killed with SIGKILL at random
moments, while another process saves answers: after each kill the key file is a whole ring,
the store opens with it, every case and every acknowledged save reads, every case key is
wrapped under a version the ring holds, and the audit log verifies. Kills land anywhere:
while the key file is written, inside the re-wrap transaction, between the two passes.

Real processes, a real SQLite store and key file; every wait is bounded."""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from asylum_prep.config import Settings
from asylum_prep.services import audit, cases
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import open_store
from asylum_prep.storage.tables import Case
from tests.faults.children import Child, saver, sqlite_integrity
from tests.support import PASSWORD, make_people

ROTATOR = Path(__file__).with_name("rotator.py")
ROUNDS = 3


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.kill()


def test_sigkill_mid_rotation_loses_no_key_and_no_case(tmp_path: Path, children) -> None:  # noqa: ANN001
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    people = make_people(store)
    extra = [cases.create_case(store, people.attorney, title=f"Case {n}") for n in range(3)]
    store.close()
    rng = random.Random()
    writer = saver(settings.data_dir, people.case_id, people.applicant.username, PASSWORD,
                   "family_name", "w")
    children.append(writer)
    writer.wait_for(lambda lines: "READY" in lines)
    rotated = 0
    for _round in range(ROUNDS):
        child = Child([sys.executable, str(ROTATOR), str(settings.data_dir), "200"])
        children.append(child)
        child.wait_for(lambda lines: any(line.startswith("ROTATED") for line in lines))
        time.sleep(rng.uniform(0.0, 0.4))
        assert child.kill() == -9, child.stderr()
        rotated += sum(line.startswith("ROTATED") for line in child.lines)
        ring = crypto.read_keyring(settings.key_file)  # a whole ring, never a torn file
        assert len(ring.keys) >= rotated + 1
        _check(settings, people, extra, ring)
    assert writer.kill() == -9
    acks = writer.acks()
    assert acks, f"the writer saved nothing: the test proved nothing ({writer.stderr()})"
    store = open_store(settings)
    try:
        for version, _field, value in acks:
            old = cases.view_version(store, people.attorney, people.case_id, version)
            assert old.about.family_name == value
    finally:
        store.close()


def _check(settings: Settings, people, extra: list[str], ring: crypto.Keyring) -> None:  # noqa: ANN001
    store = open_store(settings)
    try:
        assert sqlite_integrity(store) == "ok"
        assert audit.verify_chain(store)
        with store.session() as session:
            used = {c.key_id for c in session.exec(select(Case))}
        assert used <= set(store.keyring.keys) and store.keyring.primary == ring.primary
        assert cases.open_case(store, people.attorney, people.case_id).title == "Test case A"
        for case_id in extra:
            assert cases.open_case(store, people.attorney, case_id).version >= 0
    finally:
        store.close()
