"""Operator maintenance: accounts, the full case list, backups and master-key rotation."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlmodel import select

from asylum_prep.cli.common import cli_actor
from asylum_prep.config import Settings
from asylum_prep.errors import ConfigError, IntegrityError, KeyVersionMissing, PermissionDenied
from asylum_prep.services import audit, cases, maintenance, users
from asylum_prep.services.actor import Role
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.storage.tables import AuditEvent, Case
from tests.support import PASSWORD, People


def test_accounts_and_full_list_need_the_operator(
    store: Store, people: People, other_people: People
) -> None:
    for actor in (people.admin, people.attorney):
        with pytest.raises(PermissionDenied):
            maintenance.create_account(store, actor, username="reza", password=PASSWORD,
                                       role=Role.translator)
        with pytest.raises(PermissionDenied):
            maintenance.list_all_cases(store, actor)
    operator = cli_actor(store)
    made = maintenance.create_account(store, operator, username="reza", password=PASSWORD,
                                      role=Role.translator, display_name="Reza")
    assert made.role is Role.translator
    assert users.sign_in(store, username="reza", password=PASSWORD).id == made.id
    assert operator.role is Role.attorney  # the elevation was for that one call only
    listed = maintenance.list_all_cases(store, operator)
    assert {r.id for r in listed} == {people.case_id, other_people.case_id}
    assert {r.title for r in listed} == {"Test case A", "Test case b"}


def test_backup_of_postgresql_is_refused_with_pg_dump_hint(store: Store, tmp_path: Path) -> None:
    operator = cli_actor(store)
    if store.settings.is_sqlite:
        with pytest.raises(PermissionDenied):
            maintenance.backup(store, _plain(operator),
                               out=tmp_path / "b.db")
        assert maintenance.backup(store, operator, out=tmp_path / "b.db").cases == 0
    else:
        with pytest.raises(ConfigError, match="pg_dump"):
            maintenance.backup(store, operator, out=tmp_path / "b.db")
        assert not (tmp_path / "b.db").exists()


def _plain(actor):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(actor, operator=False)


def _with_env_key(settings: Settings, key_text: str) -> Settings:
    return Settings(data_dir=settings.data_dir, database_url=settings.database_url,
                    master_key=key_text)


def _key_ids(store: Store) -> set[str]:
    with store.session() as session:
        return {c.key_id for c in session.exec(select(Case))}


def test_rotation_rewraps_every_case_and_retires_the_old_key(
    store: Store, settings: Settings, people: People, other_people: People
) -> None:
    reader = open_store(settings)  # another process that opened the store before rotation
    old_text = settings.key_file.read_text()
    old_id = store.keyring.primary
    result = maintenance.rotate_master_key(store, cli_actor(store))
    assert result.cases == 2 and result.retired_key_id == old_id and result.new_key_id != old_id
    assert (result.new_version, result.versions) == (2, [1, 2])
    assert _key_ids(store) == {result.new_key_id}
    ring = crypto.read_keyring(settings.key_file)
    assert ring.primary == result.new_key_id and ring.retired == [old_id]
    assert ring.versions == {old_id: 1, result.new_key_id: 2}
    assert stat.S_IMODE(settings.key_file.stat().st_mode) == 0o600
    for st in (store, reader, open_store(settings)):
        assert cases.open_case(st, people.applicant, people.case_id).title == "Test case A"
        assert cases.open_case(st, other_people.attorney, other_people.case_id).version == 1
    assert reader.keyring.primary == result.new_key_id  # it reloaded on meeting the new key id
    with pytest.raises(KeyVersionMissing) as missing:  # the old key alone lacks version 2
        open_store(_with_env_key(settings, old_text))
    assert f"version 2 (key id {result.new_key_id})" in missing.value.message()
    new_id = cases.create_case(store, people.attorney, title="After rotation")
    assert cases.open_case(reader, people.attorney, new_id).title == "After rotation"
    assert _key_ids(store) == {result.new_key_id}  # never wrapped under the retired key
    with store.session() as session:
        details = [e.detail for e in session.exec(select(AuditEvent)) if e.action == "key_rotate"]
    assert details == [f"cases=2 key={result.new_key_id} version=2"]
    assert audit.verify_chain(store)
    reader.close()


def test_rotating_twice_and_from_a_stale_store(
    store: Store, settings: Settings, people: People
) -> None:
    first = maintenance.rotate_master_key(store, cli_actor(store))
    stale = open_store(settings)
    second = maintenance.rotate_master_key(stale, cli_actor(stale))
    assert second.retired_key_id == first.new_key_id and second.versions == [1, 2, 3]
    assert cases.open_case(store, people.attorney, people.case_id).version == 1
    assert audit.verify_chain(store)


def test_a_failed_rotation_changes_no_data_and_keeps_the_old_key_active(
    store: Store, settings: Settings, people: People
) -> None:
    other = cases.create_case(store, people.attorney, title="Second")
    with store.session() as session:
        case = session.get(Case, other)
        assert case is not None
        case.wrapped_key = case.wrapped_key[:-1] + bytes([case.wrapped_key[-1] ^ 1])
        session.add(case)
    before = crypto.read_keyring(settings.key_file)
    ids_before = _key_ids(store)
    with pytest.raises(IntegrityError):
        maintenance.rotate_master_key(store, cli_actor(store))
    after = crypto.read_keyring(settings.key_file)
    assert after.primary == before.primary and _key_ids(store) == ids_before
    # The unused new key stays in the ring, retired: a process that read the key file during
    # the attempt may have wrapped a case under it.
    (new_id,) = set(after.keys) - set(before.keys)
    assert after.retired == [new_id] and after.versions[new_id] == 2
    assert cases.open_case(open_store(settings), people.attorney, people.case_id).version == 1
    assert audit.verify_chain(store)


def test_rotation_refuses_a_key_from_the_environment(store: Store, settings: Settings) -> None:
    env_store = open_store(_with_env_key(settings, settings.key_file.read_text()))
    with pytest.raises(ConfigError, match="ASYLUM_PREP_MASTER_KEY"):
        maintenance.rotate_master_key(env_store, cli_actor(env_store))
    assert crypto.read_keyring(settings.key_file).primary == store.keyring.primary
    with pytest.raises(PermissionDenied):
        maintenance.rotate_master_key(store, _plain(cli_actor(store)))


def test_a_case_created_by_a_stale_process_after_rotation_stays_readable(
    store: Store, settings: Settings, people: People
) -> None:
    stale = open_store(settings)
    maintenance.rotate_master_key(store, cli_actor(store))
    made = cases.create_case(stale, people.attorney, title="Made by a stale process")
    assert _key_ids(store) == {crypto.read_keyring(settings.key_file).primary}  # not the retired
    fresh = open_store(settings)
    assert cases.open_case(fresh, people.attorney, made).title == "Made by a stale process"
