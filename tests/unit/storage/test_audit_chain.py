"""The audit tamper test: the sealed audit log on a real store (SQLite, and PostgreSQL when
configured), changed behind the app's back with plain SQL, the append-only triggers dropped
first as an intruder with database access would. Every change is found and named; an intact
log verifies; a checkpoint catches a log cut short; a log written before sealing is sealed
once, without rewriting it, and changes to it are found from then on."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from asylum_prep.errors import InputRefused
from asylum_prep.services import audit
from asylum_prep.storage import audit_chain
from asylum_prep.storage.audit_chain import (
    BAD_CHECKPOINT,
    BROKEN,
    CUT,
    FORGED,
    MISSING,
    OLD_CHANGED,
    REWRITTEN,
    Checkpoint,
)
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.storage.tables import AuditEvent
from tests.support import People


def _drop_triggers(store: Store) -> None:
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_events_no_update"))
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_change ON audit_events"))


def _sql(store: Store, statement: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement), params)


def _verify(store: Store, mark: Checkpoint | None = None) -> audit_chain.Verification:
    with store.session() as session:
        return audit_chain.verify(session, store.audit_key, mark)


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_events")).scalar() or 0)


def _set_head(store: Store, entry: int) -> None:
    """Make the head name `entry` as the last one, as an intruder hiding a cut would."""
    with store.engine.connect() as conn:
        mac = conn.execute(text("SELECT hash FROM audit_events WHERE id = :i"), {"i": entry}
                           ).scalar()
    _sql(store, "UPDATE meta SET value = :v WHERE key = 'audit_head'",
         v=f"{entry}:{mac}".encode())


def test_an_intact_log_verifies_and_every_column_is_sealed(store: Store, people: People) -> None:
    result = _verify(store)
    assert result.ok and result.entries == _count(store) > 5
    assert audit.verify_chain(store)
    sealed = set(audit_chain._COLUMNS) | {"hash"}
    assert sealed == set(AuditEvent.model_fields)  # a new column must be added to the seal


# Every column of entry 3, changed to something else of its type.
CHANGES = {
    "actor_name": "UPDATE audit_events SET actor_name = 'somebody else' WHERE id = 3",
    "actor_id": "UPDATE audit_events SET actor_id = 999 WHERE id = 3",
    "action": "UPDATE audit_events SET action = 'case_view' WHERE id = 3",
    "case_id": "UPDATE audit_events SET case_id = 'another-case' WHERE id = 3",
    "detail": "UPDATE audit_events SET detail = 'nothing happened' WHERE id = 3",
    "at": "UPDATE audit_events SET at = :at WHERE id = 3",
    "prev_hash": "UPDATE audit_events SET prev_hash = :zeros WHERE id = 3",
    "hash": "UPDATE audit_events SET hash = :zeros WHERE id = 3",
}


@pytest.mark.parametrize("column", list(CHANGES))
def test_changing_any_column_of_an_entry_is_found_and_named(
    store: Store, people: People, column: str
) -> None:
    _drop_triggers(store)
    _sql(store, CHANGES[column], at=datetime(2020, 1, 1, 12), zeros="0" * 64)
    result = _verify(store)
    assert not result.ok and result.params["entry"] == 3
    assert result.problem == FORGED
    assert "Audit log entry 3 was changed or forged" in result.message()
    assert not audit.verify_chain(store)


def test_removing_an_entry_in_the_middle_is_found(store: Store, people: People) -> None:
    _drop_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE id = 4")
    result = _verify(store)
    assert (result.problem, result.params, result.entries) == (MISSING, {"entry": 4}, 3)
    assert "entry 4 is missing" in result.message()


def test_removing_the_first_entries_is_found(store: Store, people: People) -> None:
    _drop_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE id <= 2")
    result = _verify(store)
    assert (result.problem, result.params) == (MISSING, {"entry": 1})


def test_removing_the_last_entries_is_found(store: Store, people: People) -> None:
    last = _count(store)
    _drop_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE id > :n", n=last - 2)
    result = _verify(store)
    assert (result.problem, result.params) == (CUT, {"entry": last - 2, "expected": last})
    assert f"ends at entry {last - 2} but should go on to entry {last}" in result.message()


def test_a_checkpoint_catches_a_log_cut_short_with_its_head(store: Store, people: People) -> None:
    mark = audit.checkpoint(store)
    assert mark.entry == _count(store)
    assert _verify(store, mark).ok
    with store.session() as session:  # the log goes on after the backup
        audit.log(session, people.admin, "case_view", people.case_id)
    assert _verify(store, mark).ok
    # An intruder removes everything from the checkpoint's entry on and moves the head back:
    # the chain alone looks whole, the checkpoint does not.
    _drop_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE id >= :n", n=mark.entry)
    _set_head(store, mark.entry - 1)
    assert _verify(store).ok  # what no chain can see alone
    result = _verify(store, mark)
    assert (result.problem, result.params) == (CUT, {"entry": mark.entry - 1,
                                                     "expected": mark.entry})


def test_a_checkpoint_catches_an_entry_rewritten_with_the_key(
    store: Store, people: People
) -> None:
    """Even someone holding the audit key (who could re-seal a rewritten tail) is caught by a
    checkpoint taken before the rewrite."""
    mark = audit.checkpoint(store)
    _drop_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE id = :n", n=mark.entry)
    _sql(store, "UPDATE meta SET value = :v WHERE key = 'audit_head'",
         v=f"{mark.entry - 1}:{_mac_of(store, mark.entry - 1)}".encode())
    with store.session() as session:
        audit.log(session, people.admin, "case_view", people.case_id, detail="rewritten")
    assert _verify(store).ok
    result = _verify(store, mark)
    assert (result.problem, result.params) == (REWRITTEN, {"entry": mark.entry})


def _mac_of(store: Store, entry: int) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT hash FROM audit_events WHERE id = :i"),
                                {"i": entry}).scalar())


def test_a_forged_or_foreign_checkpoint_is_refused(
    store: Store, people: People, tmp_path
) -> None:
    mark = audit.checkpoint(store)
    moved = Checkpoint(mark.entry - 1, mark.seal, mark.made_at, mark.tag)
    assert _verify(store, moved).problem == BAD_CHECKPOINT
    other = open_store(type(store.settings)(data_dir=tmp_path / "other"))
    assert _verify(store, audit.checkpoint(other)).problem == BAD_CHECKPOINT
    other.close()
    for bad in ({"entry": "3"}, {"entry": -1, "seal": "", "made_at": "", "tag": ""}, [], None):
        with pytest.raises(InputRefused):
            Checkpoint.from_dict(bad)


def test_a_log_rechained_without_the_key_is_found(store: Store, people: People) -> None:
    """The intruder changes entry 3 and re-computes every later link and hash the way the old
    unkeyed chain did (SHA-256 over the columns), then the head: entry 3 is named."""
    _drop_triggers(store)
    with store.engine.begin() as conn:
        rows = conn.execute(text(
            "SELECT id, at, actor_id, action, case_id, detail FROM audit_events ORDER BY id"
        )).all()
        prev = audit_chain.GENESIS
        for row in rows:
            detail = "nothing happened" if row.id == 3 else row.detail
            at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(row.at)
            forged = audit_chain.legacy_digest(prev, at, row.actor_id, row.action,
                                               row.case_id, detail)
            conn.execute(text("UPDATE audit_events SET detail = :d, prev_hash = :p, hash = :h "
                              "WHERE id = :i"), {"d": detail, "p": prev, "h": forged, "i": row.id})
            prev = forged
        conn.execute(text("UPDATE meta SET value = :v WHERE key = 'audit_head'"),
                     {"v": f"{rows[-1].id}:{prev}".encode()})
    result = _verify(store)
    assert (result.problem, result.params) == (FORGED, {"entry": 1})  # every seal is wrong
    # Re-sealed with a key of the intruder's own, only the changed entry's link to the
    # untouched ones before it can be checked, and it fails at entry 3 at the latest.
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET hash = :h WHERE id < 3"),
                     {"h": hashlib.sha256(b"x").hexdigest()})
    assert not _verify(store).ok


def test_an_entry_inserted_out_of_the_app_is_found(store: Store, people: People) -> None:
    last = _count(store)
    _sql(store, "INSERT INTO audit_events (id, at, actor_id, actor_name, action, case_id, "
                "detail, prev_hash, hash) VALUES (:i, :at, NULL, 'x', 'case_view', NULL, '', "
                ":p, :h)", i=last + 1, at=datetime(2030, 1, 1), p=_mac_of(store, last),
         h="f" * 64)
    result = _verify(store)
    assert (result.problem, result.params) == (FORGED, {"entry": last + 1})


# --- a log written before sealing ------------------------------------------------------


def _make_unsealed(store: Store, entries: int) -> None:
    """Turn a fresh store into one of an earlier release: an unkeyed log, its head holding
    only the last hash, no audit key."""
    _sql(store, "DELETE FROM meta WHERE key IN ('audit_key', 'audit_head')")
    prev = audit_chain.GENESIS
    for n in range(1, entries + 1):
        at = datetime(2024, 5, n, 9, 30, tzinfo=UTC)  # as the app wrote and reads them
        digest = audit_chain.legacy_digest(prev, at, 1, "case_view", "case-1", f"n={n}")
        _sql(store, "INSERT INTO audit_events (at, actor_id, actor_name, action, case_id, "
                    "detail, prev_hash, hash) VALUES (:at, 1, 'amina', 'case_view', 'case-1', "
                    ":d, :p, :h)", at=at, d=f"n={n}", p=prev, h=digest)
        prev = digest
    _sql(store, "INSERT INTO meta (key, value) VALUES ('audit_head', :v)", v=prev.encode())


def test_an_unsealed_log_is_sealed_once_without_being_rewritten(settings) -> None:  # noqa: ANN001
    store = open_store(settings)
    assert _count(store) == 0
    _make_unsealed(store, 4)
    store.close()
    with open_store(settings).engine.connect() as conn:  # the upgrade: first open of new code
        rows = conn.execute(text("SELECT id, action, actor_name, detail FROM audit_events "
                                 "ORDER BY id")).all()
    assert [r.actor_name for r in rows[:4]] == ["amina"] * 4  # the old entries as they were
    assert rows[4].action == "audit_sealed" and rows[4].detail.startswith("earlier=4 digest=")
    again = open_store(settings)  # opening again seals nothing more
    with again.session() as session:
        audit.log(session, None, "case_view", "case-1")
    assert _count(again) == 6
    result = _verify(again)
    assert result.ok and result.entries == 6
    again.close()


@pytest.mark.parametrize(("statement", "problem", "entry"), [
    ("UPDATE audit_events SET actor_name = 'someone' WHERE id = 2", OLD_CHANGED, 4),
    ("UPDATE audit_events SET detail = 'n=9' WHERE id = 2", FORGED, 2),
    ("DELETE FROM audit_events WHERE id = 4", BROKEN, 5),
    ("DELETE FROM audit_events WHERE id = 5", FORGED, 1),  # the seal itself removed
])
def test_changes_to_an_unsealed_log_are_found_after_sealing(
    settings, statement: str, problem: str, entry: int  # noqa: ANN001
) -> None:
    store = open_store(settings)
    _make_unsealed(store, 4)
    store.close()
    store = open_store(settings)
    assert _verify(store).ok
    _drop_triggers(store)
    _sql(store, statement)
    result = _verify(store)
    assert (result.problem, result.params.get("entry")) == (problem, entry)
    store.close()
