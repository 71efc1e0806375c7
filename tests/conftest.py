"""Shared fixtures: a real store on a temporary data dir (SQLite, or PostgreSQL when
ASYLUM_PREP_TEST_POSTGRES_URL is set and the test asks for `pg_store`), and the people of a
case. Nothing of our own is mocked."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from asylum_prep.config import Settings
from asylum_prep.services import cases, invites, users
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store, open_store

PASSWORD = "a long test password"


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


@dataclass
class People:
    admin: Actor
    attorney: Actor
    paralegal: Actor
    translator: Actor
    applicant: Actor
    case_id: str
    invite_code: str


def make_people(store: Store, suffix: str = "") -> People:
    if users.needs_first_admin(store):
        admin = users.create_first_admin(store, username="admin", password=PASSWORD)
    else:
        admin = users.sign_in(store, username="admin", password=PASSWORD)
    attorney = users.create_user(store, admin, username=f"attorney{suffix}", password=PASSWORD, role=Role.attorney)
    paralegal = users.create_user(store, admin, username=f"paralegal{suffix}", password=PASSWORD, role=Role.paralegal)
    translator = users.create_user(store, admin, username=f"translator{suffix}", password=PASSWORD, role=Role.translator)
    case_id = cases.create_case(store, attorney, title=f"Test case {suffix or 'A'}", jurisdiction="us")
    cases.add_member(store, attorney, case_id, username=paralegal.username, role=Role.paralegal)
    cases.add_member(store, attorney, case_id, username=translator.username, role=Role.translator)
    code = invites.create_invite(store, attorney, case_id)
    applicant = invites.redeem_invite(store, code=code, password=PASSWORD)
    return People(admin, attorney, paralegal, translator, applicant, case_id, code)


@pytest.fixture
def people(store: Store) -> People:
    """A case with its attorney, paralegal, translator and applicant (who redeemed an invite)."""
    return make_people(store)


@pytest.fixture
def other_people(store: Store, people: People) -> People:
    """A second, unrelated case with its own team, on the same store."""
    return make_people(store, suffix="b")
