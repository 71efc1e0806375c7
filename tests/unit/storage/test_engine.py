"""Opening a store: the key file, and refusing to start over existing data without it."""

import base64

import pytest

from asylum_prep.config import Settings
from asylum_prep.errors import KeyMissingError, WrongKeyError
from asylum_prep.services import cases
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import open_store
from tests.support import make_people


def test_first_start_creates_a_private_key_file_and_data_dir(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    open_store(settings).close()
    assert settings.key_file.stat().st_mode & 0o777 == 0o600
    assert settings.data_dir.stat().st_mode & 0o777 == 0o700


def test_missing_key_with_existing_data_refuses_to_start(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    make_people(store)
    store.close()
    settings.key_file.unlink()
    with pytest.raises(KeyMissingError) as info:
        open_store(settings)
    assert "will not start a new" in info.value.message()
    assert not settings.key_file.exists()  # no fresh key written over existing data


def test_wrong_key_refuses_to_start(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    open_store(settings).close()
    crypto.write_keyring(settings.key_file, crypto.Keyring.single(crypto.new_key()))
    with pytest.raises(WrongKeyError):
        open_store(settings)


def test_key_from_environment_setting(tmp_path):
    key = base64.b64encode(crypto.new_key()).decode()
    settings = Settings(data_dir=tmp_path / "data", master_key=key)
    store = open_store(settings)
    people = make_people(store)
    store.close()
    assert not settings.key_file.exists()
    again = open_store(Settings(data_dir=tmp_path / "data", master_key=key))
    assert cases.open_case(again, people.attorney, people.case_id).title == "Test case A"
    with pytest.raises(KeyMissingError):
        open_store(Settings(data_dir=tmp_path / "data"))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store):
    if not store.settings.is_sqlite:
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
