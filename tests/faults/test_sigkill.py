"""The server killed with SIGKILL in the middle of saves, then restarted: every acknowledged
answer is there, every acknowledged version opens, the database passes its integrity check
and the audit chain verifies. Also with two writer processes at once.

The writers are real separate processes (tests/faults/saver.py) printing a line only after
`save_record` returned; the test kills them at random moments, several times."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest

from asylum_prep.services import audit, cases
from asylum_prep.storage.engine import open_store
from tests.faults.children import Child, saver, sqlite_integrity
from tests.support import PASSWORD, make_people

ROUNDS = 3


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.kill()


def _check_store(settings, people, acks_by_field, unacked_next) -> None:
    """Every acknowledged save is there; the current answer is the last acknowledged one
    (or the one after it, committed by a writer killed before it could print)."""
    store = open_store(settings)
    try:
        if settings.is_sqlite:
            assert sqlite_integrity(store) == "ok"
        assert audit.verify_chain(store)
        current = cases.open_case(store, people.attorney, people.case_id)
        versions = {v.version for v in cases.list_versions(store, people.attorney, people.case_id)}
        assert versions == set(range(1, current.version + 1)), "versions are contiguous"
        for field, acks in acks_by_field.items():
            assert acks, f"no acknowledged save for {field}: the test proved nothing"
            for version, _, value in acks:
                assert version in versions
                old = cases.view_version(store, people.attorney, people.case_id, version)
                assert getattr(old.about, field) == value  # decrypts and holds the ack
            last = acks[-1][2]
            assert getattr(current.record.about, field) in (last, unacked_next[field])
    finally:
        store.close()


def _next(value: str) -> str:
    tag, n = value.rsplit("-", 1)
    return f"{tag}-{int(n) + 1}"


def test_sigkill_mid_save_loses_no_acknowledged_answer(settings, children):
    store = open_store(settings)
    people = make_people(store)
    store.close()
    rng = random.Random()
    acks: list[tuple[int, str, str]] = []
    for round_no in range(ROUNDS):
        child = saver(settings.data_dir, people.case_id, people.applicant.username, PASSWORD,
                      "family_name", f"r{round_no}", database_url=settings.database_url)
        children.append(child)
        child.wait_for(lambda lines: sum(line.startswith("ACK") for line in lines) >= 3)
        time.sleep(rng.uniform(0.05, 1.0))
        assert child.kill() == -9, child.stderr()
        acks += child.acks()
    _check_store(settings, people, {"family_name": acks}, {"family_name": _next(acks[-1][2])})


def test_two_writer_processes_killed_mid_save_lose_nothing(settings, children):
    store = open_store(settings)
    people = make_people(store)
    store.close()
    rng = random.Random()
    fields = {"family_name": people.applicant.username, "given_names": people.attorney.username}
    acks: dict[str, list[tuple[int, str, str]]] = {f: [] for f in fields}
    for round_no in range(2):
        pair = [
            saver(settings.data_dir, people.case_id, user, PASSWORD, field, f"{field[0]}{round_no}",
                  database_url=settings.database_url)
            for field, user in fields.items()
        ]
        children.extend(pair)
        for child in pair:
            child.wait_for(lambda lines: sum(line.startswith("ACK") for line in lines) >= 3)
        for child in pair:
            time.sleep(rng.uniform(0.05, 0.8))
            assert child.kill() == -9, child.stderr()  # it died of our signal, not an error
        for field, child in zip(fields, pair, strict=True):
            acks[field] += child.acks()
    # Both writers' versions interleave: acknowledged versions are distinct across writers.
    all_versions = [v for field_acks in acks.values() for v, _, _ in field_acks]
    assert len(all_versions) == len(set(all_versions))
    _check_store(settings, people, acks, {f: _next(a[-1][2]) for f, a in acks.items()})
