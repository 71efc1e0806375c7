"""Property-based tests (Hypothesis) for the case record: generated records survive
encryption and a save/open through the store (SQLite and PostgreSQL), the merge's
flatten/unflatten, the trivial three-way merges, and an encrypted archive export/import,
exactly. Example counts are modest: two shared cores."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asylum_prep.config import Settings
from asylum_prep.domain import merge
from asylum_prep.domain.record import CaseRecord
from asylum_prep.services import archive, cases
from asylum_prep.services.access import Permission
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import open_store
from asylum_prep.text import clean_line
from tests.conftest import _fresh_pg_database, _postgres_url
from tests.property.strategies import records
from tests.support import make_people

MODEST = settings(max_examples=50, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", params=["sqlite"] + (["postgresql"] if _postgres_url() else []))
def world(request, tmp_path_factory):
    url = _fresh_pg_database(_postgres_url() or "") if request.param == "postgresql" else None
    settings_ = Settings(data_dir=tmp_path_factory.mktemp("prop") / "data", database_url=url)
    store = open_store(settings_)
    yield store, make_people(store), tmp_path_factory.mktemp("archives")
    store.close()


@MODEST
@given(record=records())
def test_record_survives_field_encryption(record: CaseRecord):
    cipher = crypto.CaseCipher("case-id", crypto.new_key())
    sealed = cipher.seal_text("record:7", record.model_dump_json())
    assert CaseRecord.model_validate_json(cipher.open_text("record:7", sealed)) == record


@MODEST
@given(record=records())
def test_flatten_then_unflatten_is_exact(record: CaseRecord):
    assert merge.unflatten(merge.flatten(record)) == record


@MODEST
@given(base=records(), mine=records())
def test_a_merge_against_an_untouched_base_is_my_record(base: CaseRecord, mine: CaseRecord):
    assert merge.three_way(base, mine, base) == (mine, set())


@MODEST
@given(base=records(), theirs=records())
def test_a_merge_without_my_changes_is_their_record(base: CaseRecord, theirs: CaseRecord):
    assert merge.three_way(base, base, theirs) == (theirs, set())


@settings(MODEST, max_examples=40)
@given(record=records())
def test_record_survives_save_and_open(world, record: CaseRecord):
    store, people, _ = world
    opened = cases.open_case(store, people.attorney, people.case_id, audit_view=False)
    version = cases.save_as_team(store, people.attorney, people.case_id, record=record,
                                 base_version=opened.version, permission=Permission.manage,
                                 action="case_save")
    back = cases.open_case(store, people.paralegal, people.case_id, audit_view=False)
    assert back.version == version
    assert back.record.model_dump_json() == record.model_dump_json()


@settings(MODEST, max_examples=8)  # scrypt with 64 MiB per derivation: a few examples only
@given(record=records(), title=st.text(min_size=1, max_size=40).filter(clean_line))
def test_record_survives_export_and_import(world, record: CaseRecord, title: str):
    store, people, folder = world
    case_id = cases.create_case(store, people.attorney, title=title, record=record)
    out = Path(folder) / f"{case_id}.archive"
    archive.export_case(store, people.attorney, case_id, out=out, passphrase="a long passphrase")
    summary = archive.import_case(store, people.attorney, data=out.read_bytes(),
                                  passphrase="a long passphrase")
    back = cases.open_case(store, people.attorney, summary.case_id, audit_view=False)
    assert back.record.model_dump_json() == record.model_dump_json()
    original = cases.open_case(store, people.attorney, case_id, audit_view=False)
    assert back.title == original.title  # as stored: spaces collapsed, control characters gone
