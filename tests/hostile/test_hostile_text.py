"""Hostile input at the service level, on SQLite and PostgreSQL: HTML and script, template,
SQL and FTS syntax, 100,000-character text, right-to-left overrides, zero-width characters,
NUL bytes, emoji and broken Unicode in every text field of the case record, case titles,
comments, user and display names, sign-in and country search.

Nothing breaks, nothing is executed (a template stays its literal text), stored text
round-trips byte for byte after the store is closed and reopened (case titles excepted: they
are kept as one line without control or bidi-override characters), and over-limit or
unstorable text is refused with our own error while nothing changes."""

from __future__ import annotations

import pytest
from sqlmodel import select

from asylum_prep.config import Settings
from asylum_prep.domain.base import MAX_ANSWER_CHARS
from asylum_prep.errors import AsylumPrepError, AuthError, InputRefused
from asylum_prep.services import audit, cases, coi, review, users
from asylum_prep.services.access import Permission
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import open_store
from asylum_prep.storage.tables import AuditEvent, CaseVersion
from asylum_prep.text import clean_line
from tests.conftest import _fresh_pg_database, _postgres_url
from tests.hostile.payloads import LONE_SURROGATES, LONG, PAYLOADS, hostile_record, string_leaves
from tests.support import PASSWORD, make_people

ALL = {**PAYLOADS, "long": LONG}


@pytest.fixture(scope="module", params=["sqlite"] + (["postgresql"] if _postgres_url() else []))
def world(request, tmp_path_factory):
    """One store and case team per backend for the whole module (set-up is the slow part)."""
    url = _fresh_pg_database(_postgres_url() or "") if request.param == "postgresql" else None
    settings = Settings(data_dir=tmp_path_factory.mktemp("hostile") / "data", database_url=url)
    shared = open_store(settings)
    yield shared, make_people(shared)
    shared.close()


@pytest.fixture
def store(world):
    return world[0]


@pytest.fixture
def people(world):
    return world[1]


def _versions(store, case_id: str) -> int:
    with store.session() as session:
        return len(list(session.exec(select(CaseVersion).where(CaseVersion.case_id == case_id))))


def _audit_text(store) -> str:
    with store.session() as session:
        return "\n".join(f"{e.action} {e.detail} {e.actor_name}"
                         for e in session.exec(select(AuditEvent)))


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_text_field_round_trips_exactly_after_reopening(store, people, name):
    text = ALL[name]
    record = hostile_record(text)
    planted = [where for where, value in string_leaves(record) if text[:400] in value]
    assert len(planted) >= 60, "the filler must reach the record's text fields"
    opened = cases.open_case(store, people.attorney, people.case_id)
    version = cases.save_as_team(store, people.attorney, people.case_id, record=record,
                                 base_version=opened.version, permission=Permission.manage,
                                 action="case_save")
    assert version == opened.version + 1

    again = open_store(store.settings)  # a second, fresh connection pool: read from disk
    try:
        back = cases.open_case(again, people.paralegal, people.case_id)  # all of it
        assert back.record.model_dump_json() == record.model_dump_json()  # byte-identical
        assert string_leaves(back.record) == string_leaves(record)
        history = cases.view_version(again, people.attorney, people.case_id, version)
        assert history == record
        if name == "long":
            assert back.record.fear.what_harm == LONG  # the full 100,000 characters
        if name == "jinja_expr":
            assert "49" not in back.record.fear.what_harm  # kept as text, never evaluated
        assert text[:400] not in _audit_text(again)  # details never carry applicant text
        assert audit.verify_chain(again)
    finally:
        again.close()


def test_text_over_the_limit_is_refused_and_nothing_changes(store, people):
    opened = cases.open_case(store, people.attorney, people.case_id)  # the whole record
    too_long = "x" * (MAX_ANSWER_CHARS + 1)
    with pytest.raises(ValueError):  # the model itself refuses on assignment
        opened.record.fear.what_harm = too_long
    # A record that skipped validation (model_copy does not validate) reaches the service:
    fear = opened.record.fear.model_copy(update={"what_harm": too_long})
    smuggled = opened.record.model_copy(update={"fear": fear})
    with pytest.raises(InputRefused) as info:
        cases.save_record(store, people.applicant, people.case_id, record=smuggled,
                          base_version=opened.version)
    assert "Nothing was changed" in info.value.message()
    after = cases.open_case(store, people.attorney, people.case_id)
    assert after.version == opened.version and after.record == opened.record
    assert _versions(store, people.case_id) == opened.version


@pytest.mark.parametrize("bad", LONE_SURROGATES)
def test_broken_unicode_is_refused_cleanly_and_nothing_changes(store, people, bad):
    opened = cases.open_case(store, people.attorney, people.case_id)  # the whole record
    with pytest.raises(ValueError):
        opened.record.about.family_name = bad
    about = opened.record.about.model_copy(update={"family_name": bad})
    attempts = [
        opened.record.model_copy(update={"about": about}),
        opened.record.model_copy(update={"extensions": {"x": {"note": bad}}}),
        opened.record.model_copy(update={"extensions": {"x": object()}}),
    ]
    for smuggled in attempts:
        with pytest.raises(InputRefused):
            cases.save_record(store, people.applicant, people.case_id, record=smuggled,
                              base_version=opened.version)
    with pytest.raises(InputRefused):
        cases.create_case(store, people.attorney, title=f"Case {bad}")
    with pytest.raises(InputRefused):
        cases.rename_case(store, people.attorney, people.case_id, title=bad)
    after = cases.open_case(store, people.attorney, people.case_id)
    assert after.version == opened.version and after.record == opened.record
    assert after.title == "Test case A"


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_case_titles_round_trip_or_are_refused(store, people, name):
    text = PAYLOADS[name]
    # Titles are one line (whitespace runs become a space) without control or bidi-override
    # characters, which would drive a terminal or reorder what a reader sees.
    expected = clean_line(text)
    assert not any(c in expected for c in "\x00\x07\x1b\x7f\r\n\t\u202b\u202c\u202e")
    case_id = cases.create_case(store, people.attorney, title=f"T {text}")
    listed = {c.id: c.title for c in cases.list_cases(store, people.attorney)}
    assert listed[case_id] == f"T {expected}"
    cases.rename_case(store, people.attorney, case_id, title=text)
    assert cases.open_case(store, people.attorney, case_id).title == expected


def test_overlong_title_is_refused(store, people):
    before = len(cases.list_cases(store, people.attorney))
    with pytest.raises(InputRefused):
        cases.create_case(store, people.attorney, title=LONG)
    assert len(cases.list_cases(store, people.attorney)) == before


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_comments_round_trip(store, people, name):
    text = PAYLOADS[name].strip()
    opened = cases.open_case(store, people.attorney, people.case_id)
    comment_id, _ = review.add_comment(store, people.attorney, people.case_id,
                                       path="about.family_name", text=text,
                                       base_version=opened.version)
    back = cases.open_case(store, people.applicant, people.case_id).record
    assert next(c.text for c in back.comments if c.id == comment_id) == text


def test_overlong_comment_is_refused(store, people):
    opened = cases.open_case(store, people.attorney, people.case_id)
    with pytest.raises(InputRefused):
        review.add_comment(store, people.attorney, people.case_id, path="about.family_name",
                           text=LONG, base_version=opened.version)
    assert cases.open_case(store, people.attorney, people.case_id).version == opened.version


HOSTILE_NAMES = [*PAYLOADS.values(), LONG, *LONE_SURROGATES, "", "admin\x00", "ADMIN\u200b"]


@pytest.mark.parametrize("index", range(len(HOSTILE_NAMES)))
def test_hostile_user_names_are_refused_cleanly(store, people, index):
    name = HOSTILE_NAMES[index]
    before = len(users.list_users(store, people.admin))
    with pytest.raises(InputRefused):
        users.create_user(store, people.admin, username=name, password=PASSWORD,
                          role=Role.paralegal)
    assert len(users.list_users(store, people.admin)) == before


@pytest.mark.parametrize("index", range(len(HOSTILE_NAMES)))
def test_sign_in_with_hostile_names_and_passwords_is_an_auth_error(store, people, index):
    text = HOSTILE_NAMES[index]
    with pytest.raises(AuthError):
        users.sign_in(store, username=text, password=PASSWORD)
    with pytest.raises(AuthError):
        users.sign_in(store, username=people.paralegal.username, password=text or "x")
    assert audit.verify_chain(store)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_display_names_round_trip_or_are_refused(store, people, name):
    text = PAYLOADS[name][:120]
    try:
        actor = users.create_user(store, people.admin, username=f"u{len(name)}x{name[:3]}",
                                  password=PASSWORD, role=Role.paralegal, display_name=text)
    except InputRefused:
        assert any(ord(c) < 32 and c not in "\t\n\r" for c in text), "only control characters"
        return
    stored = {u.id: u.display_name for u in users.list_users(store, people.admin)}
    assert stored[actor.id] == text.strip()


@pytest.mark.parametrize("index", range(len(HOSTILE_NAMES)))
def test_country_search_with_hostile_queries_never_breaks(store, people, index):
    try:
        page = coi.search(store, people.attorney, query=HOSTILE_NAMES[index])
    except AsylumPrepError:
        return  # refused with our own, clear message
    assert page.total >= 0


@pytest.mark.parametrize("code", [*PAYLOADS.values(), LONG, *LONE_SURROGATES, ""])
def test_redeeming_a_hostile_invite_code_is_an_auth_error(store, people, code):
    from asylum_prep.services import invites

    with pytest.raises(AsylumPrepError):
        invites.redeem_invite(store, code=code, password=PASSWORD)
