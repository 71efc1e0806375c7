"""Upgrading a populated store: a store in use at revision 0002 (before the country library's
facet column, the OIDC identity column and the account controls) is opened by the current
code, which migrates it to head. Nothing is lost: the case and its history open, the audit
chain verifies, and the country library is searchable with the same results, filters included
(the facet words are filled for passages imported before 0003). On SQLite and PostgreSQL.

The populated 0002 store is made by filling a store at head through the services, then
downgrading it to 0002 (which also proves the downgrades keep the data)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlmodel import select

from asylum_prep.config import Settings
from asylum_prep.errors import AuthError, LockedOut
from asylum_prep.services import accounts, answers, audit, cases, coi, users
from asylum_prep.storage import engine as storage_engine
from asylum_prep.storage.engine import Store, head_revision, open_store
from asylum_prep.storage.tables import OcrJob, SignInFailure, User, WorkerLease
from tests.support import PASSWORD, make_people
from tests.unit.country_info.conftest import report, write


def _alembic(store: Store, target: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(storage_engine._MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def _revision(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar())


def _columns(store: Store, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(store.engine).get_columns(table)}


def _hits(store: Store, actor: object, **filters: object) -> list[tuple[int, str]]:
    page = coi.search(store, actor, query="students police", **filters)  # type: ignore[arg-type]
    return [(h.passage_id, h.country) for h in page.hits]


def test_a_populated_0002_store_upgrades_without_loss(settings: Settings, tmp_path: Path) -> None:
    store = open_store(settings)
    people = make_people(store)
    version = cases.open_case(store, people.attorney, people.case_id).version
    for path, value in (("about.given_names", "Nasrin"), ("about.family_name", "Ahmadi"),
                        ("about.given_names", "Nasrin Sadat")):
        version = answers.save_answer(store, people.applicant, people.case_id, path=path,
                                      value=value, base_version=version)
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder / "ir.md", report("IR", "Publisher One", "Report 2023", "2023-05-01",
                                   "The police arrested students at the university."))
    write(folder / "sv.md", report("SV", "Publisher Two", "Report 2019", "2019-02-01",
                                   "Gangs and police threatened students in the capital."))
    assert {o.status for o in coi.import_paths(store, people.paralegal, paths=[folder])} == {
        "imported"}
    before = {name: _hits(store, people.attorney, **kw) for name, kw in (
        ("all", {}), ("iran", {"country": "IR"}), ("two", {"publisher": "Publisher Two"}))}
    assert len(before["all"]) == 2 and len(before["iran"]) == 1 and len(before["two"]) == 1

    _alembic(store, "0002")
    assert _revision(store) == "0002"
    assert "facets" not in _columns(store, "coi_passages")
    assert "must_change_password" not in _columns(store, "users")
    store.close()

    store = open_store(settings)  # the current code migrates the old store to head
    try:
        assert _revision(store) == head_revision()
        assert "facets" in _columns(store, "coi_passages")
        assert {"must_change_password", "failed_at"} <= _columns(store, "users")
        opened = cases.open_case(store, people.attorney, people.case_id)
        assert opened.version == version
        assert opened.record.about.given_names == "Nasrin Sadat"
        assert opened.record.about.family_name == "Ahmadi"
        first = cases.view_version(store, people.attorney, people.case_id, version - 2)
        assert first.about.given_names == "Nasrin"
        assert audit.verify_chain(store)
        after = {name: _hits(store, people.attorney, **kw) for name, kw in (
            ("all", {}), ("iran", {"country": "IR"}), ("two", {"publisher": "Publisher Two"}))}
        assert after == before
        # And the upgraded store takes new work: an answer and a new report.
        answers.save_answer(store, people.applicant, people.case_id, path="about.family_name",
                            value="Ahmadi-Rad", base_version=version)
        write(folder / "et.md", report("ET", "Publisher Three", "Report 2024", "2024-01-01",
                                       "Police detained students after the protest."))
        coi.import_paths(store, people.paralegal, paths=[folder / "et.md"])
        assert len(_hits(store, people.attorney, country="ET")) == 1
    finally:
        store.close()


def test_a_populated_0004_store_gains_the_account_controls(settings: Settings) -> None:
    """Accounts made before 0005 keep their password, role, state and lockout; none is asked
    for a new password; the new failure table starts empty."""
    store = open_store(settings)
    people = make_people(store)
    accounts.deactivate(store, people.admin, username=people.translator.username)
    for _ in range(store.settings.max_failed_sign_ins):
        with pytest.raises(AuthError):
            users.sign_in(store, username=people.paralegal.username, password="wrong password")
    _alembic(store, "0004")
    assert _revision(store) == "0004"
    assert "must_change_password" not in _columns(store, "users")
    assert "sign_in_failures" not in sa.inspect(store.engine).get_table_names()
    store.close()

    store = open_store(settings)
    try:
        assert _revision(store) == head_revision()
        with store.session() as session:
            rows = {u.username: u for u in session.exec(select(User))}
            assert not any(u.must_change_password for u in rows.values())
            assert not rows[people.translator.username].is_active
            assert rows[people.paralegal.username].locked_until is not None
            assert session.exec(select(SignInFailure)).first() is None
        assert users.sign_in(store, username=people.attorney.username,
                             password=PASSWORD).id == people.attorney.id
        with pytest.raises(LockedOut):
            users.sign_in(store, username=people.paralegal.username, password=PASSWORD)
        with pytest.raises(AuthError):
            users.sign_in(store, username=people.translator.username, password=PASSWORD)
        assert audit.verify_chain(store)
    finally:
        store.close()


def test_a_0005_store_gains_the_official_forms_table_and_loses_it_going_back(
        settings: Settings) -> None:
    """0007: the table of imported official forms is added empty, and dropped again on the
    way down, with the accounts and cases kept."""
    from asylum_prep.services import forms
    from tests.unit.documents.form_pdfs import small_form

    store = open_store(settings)
    people = make_people(store)
    forms.import_form(store, people.admin, kind="i589", data=small_form())
    _alembic(store, "0005")
    assert "official_forms" not in sa.inspect(store.engine).get_table_names()
    store.close()
    store = open_store(settings)
    try:
        assert _revision(store) == head_revision()
        assert "data" in _columns(store, "official_forms")
        assert forms.list_forms(store, people.admin) == []
        assert cases.list_cases(store, people.attorney)
    finally:
        store.close()


def test_a_populated_0005_store_gains_an_empty_job_table_and_the_ocr_lease(
        settings: Settings) -> None:
    store = open_store(settings)
    people = make_people(store)
    _alembic(store, "0005")
    assert "ocr_jobs" not in sa.inspect(store.engine).get_table_names()
    store.close()
    store = open_store(settings)
    try:
        assert _revision(store) == head_revision()
        with store.session() as session:
            assert list(session.exec(select(OcrJob))) == []
            lease = session.get(WorkerLease, "ocr")
            assert lease is not None and lease.owner is None
            assert session.get(User, people.attorney.id) is not None
    finally:
        store.close()


def test_a_0005_library_is_reindexed_with_word_forms(settings: Settings, tmp_path: Path) -> None:
    """Passages indexed before 0011 (folded words, no stems) are found by other forms of their
    words after the upgrade, and new imports still index."""
    from asylum_prep.text import search_tokens

    store = open_store(settings)
    people = make_people(store)
    write(tmp_path / "ir.md", report("IR", "Publisher One", "Report 2023", "2023-05-01",
                                     "Members of house churches were detained in Shiraz."))
    coi.import_paths(store, people.paralegal, paths=[tmp_path / "ir.md"])
    _alembic(store, "0005")
    with store.engine.begin() as conn:  # the index as 0005's code wrote it
        for pid, section, text in conn.execute(sa.text(
                "SELECT id, section, text FROM coi_passages")).all():
            conn.execute(sa.text("UPDATE coi_passages SET norm = :n WHERE id = :i"),
                         {"n": " ".join(search_tokens(f"{section} {text}")), "i": pid})
    store.close()
    store = open_store(settings)
    try:
        assert _revision(store) == head_revision()
        for query in ("church", "detention", '"house church"', "detain*"):
            assert coi.search(store, people.attorney, query=query).total == 1, query
        write(tmp_path / "sv.md", report("SV", "Publisher Two", "Report 2024", "2024-01-01",
                                         "Gangs detained a pastor of an evangelical church."))
        coi.import_paths(store, people.paralegal, paths=[tmp_path / "sv.md"])
        assert coi.search(store, people.attorney, query="churches").total == 2
    finally:
        store.close()
