"""Shared fixtures: a real store on a temporary data dir (SQLite, or PostgreSQL when
ASYLUM_PREP_TEST_POSTGRES_URL is set and the test asks for `pg_store`), and the people of a
case. Nothing of our own is mocked."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from asylum_prep.config import Settings
from asylum_prep.services import users
from asylum_prep.storage.engine import Store, open_store
from tests.support import People, make_people

# Tests hash passwords with argon2id at its cheapest (one pass over 8 KiB) instead of the
# production cost (about 80 ms a hash): most tests create five accounts. The production
# parameters keep their own test, through the `production_hasher` fixture.
_PRODUCTION_HASHER = users._hasher
_TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(users, "_hasher", _TEST_HASHER)
        mp.setattr(users, "_DUMMY_HASH", _TEST_HASHER.hash("not a real password"))
        yield


@pytest.fixture
def production_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """The hasher the app ships with, put back for one test."""
    monkeypatch.setattr(users, "_hasher", _PRODUCTION_HASHER)
    monkeypatch.setattr(users, "_DUMMY_HASH", _PRODUCTION_HASHER.hash("not a real password"))
    return _PRODUCTION_HASHER


def _postgres_url() -> str | None:
    return os.environ.get("ASYLUM_PREP_TEST_POSTGRES_URL")


def _fresh_pg_database(base_url: str) -> str:
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite"] + (["postgresql"] if _postgres_url() else []))
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """Parametrises a test over SQLite and, when configured, PostgreSQL."""
    if request.param == "postgresql":
        return _fresh_pg_database(_postgres_url() or "")
    return None


@pytest.fixture
def settings(tmp_path: Path, db_url: str | None) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    st = open_store(settings)
    yield st
    st.close()


@pytest.fixture
def people(store: Store) -> People:
    """A case with its attorney, paralegal, translator and applicant (who redeemed an invite)."""
    return make_people(store)


@pytest.fixture
def other_people(store: Store, people: People) -> People:
    """A second, unrelated case with its own team, on the same store."""
    return make_people(store, suffix="b")

# Scanned exhibits are read by tests that ask for it (services.ocr.run_next, ocr_worker.drain),
# not by a background thread of every store a UI test opens.
os.environ.setdefault("ASYLUM_PREP_OCR_IN_BACKGROUND", "false")
