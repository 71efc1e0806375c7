"""Single sign-on: admins link staff accounts to a provider identity; the identity signs in.

Runs on SQLite and, with ASYLUM_PREP_TEST_POSTGRES_URL set, on PostgreSQL (the `store`
fixture), against the real migration 0004.
"""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlmodel import select

from asylum_prep.errors import AuthError, InputRefused, NotFoundError, PermissionDenied
from asylum_prep.services import users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent, User
from tests.support import PASSWORD, People

ISS = "https://idp.example"
SUB = "00u-subject-12345"


def _events(store: Store) -> list[AuditEvent]:
    with store.session() as session:
        return list(session.exec(select(AuditEvent).order_by(AuditEvent.id)))


def _stored_identity(store: Store, user_id: int) -> str | None:
    with store.session() as session:
        user = session.get(User, user_id)
        assert user is not None
        return user.oidc_subject


def test_the_migration_adds_a_unique_nullable_column(store: Store) -> None:
    inspector = inspect(store.engine)
    column = {c["name"]: c for c in inspector.get_columns("users")}["oidc_subject"]
    assert column["nullable"]
    indexes = {i["name"]: i for i in inspector.get_indexes("users")}
    assert indexes["ix_users_oidc_subject"]["unique"]
    assert indexes["ix_users_oidc_subject"]["column_names"] == ["oidc_subject"]


def test_link_then_sign_in(store: Store, people: People) -> None:
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    assert _stored_identity(store, people.attorney.id) == f"{ISS}|{SUB}"
    actor = users.sign_in_oidc(store, issuer=ISS, subject=SUB)
    assert actor == people.attorney
    last = _events(store)[-1]
    assert (last.action, last.detail, last.actor_id) == ("sign_in", "oidc", people.attorney.id)
    # A trailing slash on the issuer names the same provider (some providers add one).
    assert users.sign_in_oidc(store, issuer=ISS + "/", subject=SUB) == people.attorney


def test_the_password_still_works_and_lockout_does_not_block_sso(
    store: Store, people: People
) -> None:
    users.link_oidc(store, people.admin, user_id=people.paralegal.id, issuer=ISS, subject=SUB)
    for _ in range(store.settings.max_failed_sign_ins):
        with pytest.raises(AuthError):
            users.sign_in(store, username=people.paralegal.username, password="wrong password")
    assert users.sign_in_oidc(store, issuer=ISS, subject=SUB) == people.paralegal


def test_unlinked_identity_is_refused_and_audited_without_the_subject(
    store: Store, people: People
) -> None:
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    with pytest.raises(AuthError) as info:
        users.sign_in_oidc(store, issuer=ISS, subject="someone-else-987")
    assert info.value.message() == (
        "This sign-in is not linked to an account here. Ask your administrator."
    )
    with pytest.raises(AuthError):  # same subject, other provider: not the same person
        users.sign_in_oidc(store, issuer="https://other-idp.example", subject=SUB)
    events = _events(store)
    failed = [e for e in events if e.action == "sign_in_failed"]
    assert len(failed) == 2 and all(e.actor_id is None for e in failed)
    assert failed[0].detail.startswith("oidc unknown id=")
    assert users.oidc_fingerprint(f"{ISS}|someone-else-987") in failed[0].detail
    for event in events:  # no subject and no issuer in clear, anywhere in the log
        assert "someone-else-987" not in event.detail and SUB not in event.detail
        assert "idp.example" not in event.detail


def test_missing_claims_are_refused(store: Store, people: People) -> None:
    for issuer, subject in (("", SUB), (ISS, ""), (ISS, "   ")):
        with pytest.raises(AuthError) as info:
            users.sign_in_oidc(store, issuer=issuer, subject=subject)
        assert "did not say who you are" in info.value.message()
    assert _events(store)[-1].detail == "oidc no identity"


def test_applicant_accounts_cannot_be_linked(store: Store, people: People) -> None:
    with pytest.raises(InputRefused) as info:
        users.link_oidc(store, people.admin, user_id=people.applicant.id, issuer=ISS, subject=SUB)
    assert "Applicant accounts cannot use single sign-on" in info.value.message()
    assert _stored_identity(store, people.applicant.id) is None


def test_an_applicant_row_that_carries_a_link_still_cannot_sign_in(
    store: Store, people: People
) -> None:
    """Defence in depth: even a link written behind the service's back does not work."""
    with store.session() as session:
        user = session.get(User, people.applicant.id)
        assert user is not None
        user.oidc_subject = f"{ISS}|{SUB}"
        session.add(user)
    with pytest.raises(AuthError) as info:
        users.sign_in_oidc(store, issuer=ISS, subject=SUB)
    assert info.value.message() == "This account cannot sign in here. Ask your administrator."
    assert _events(store)[-1].detail == "oidc applicant"


def test_inactive_account_is_refused(store: Store, people: People) -> None:
    users.link_oidc(store, people.admin, user_id=people.translator.id, issuer=ISS, subject=SUB)
    with store.session() as session:
        user = session.get(User, people.translator.id)
        assert user is not None
        user.is_active = False
        session.add(user)
    with pytest.raises(AuthError) as info:
        users.sign_in_oidc(store, issuer=ISS, subject=SUB)
    assert "cannot sign in" in info.value.message()
    last = _events(store)[-1]
    assert (last.action, last.detail) == ("sign_in_refused", "oidc inactive")


@pytest.mark.parametrize("who", ["attorney", "paralegal", "translator", "applicant"])
def test_only_admins_link_and_unlink(store: Store, people: People, who: str) -> None:
    actor = getattr(people, who)
    with pytest.raises(PermissionDenied):
        users.link_oidc(store, actor, user_id=actor.id, issuer=ISS, subject=SUB)
    assert _stored_identity(store, actor.id) is None
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    with pytest.raises(PermissionDenied):
        users.unlink_oidc(store, actor, user_id=people.attorney.id)
    assert _stored_identity(store, people.attorney.id) == f"{ISS}|{SUB}"


def test_one_identity_one_account(store: Store, people: People) -> None:
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    with pytest.raises(InputRefused) as info:
        users.link_oidc(store, people.admin, user_id=people.paralegal.id, issuer=ISS, subject=SUB)
    assert "already linked to the account attorney" in info.value.message()
    assert _stored_identity(store, people.paralegal.id) is None
    # Relinking the same account to a new identity replaces the old one.
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject="new-1")
    with pytest.raises(AuthError):
        users.sign_in_oidc(store, issuer=ISS, subject=SUB)
    assert users.sign_in_oidc(store, issuer=ISS, subject="new-1") == people.attorney


def test_unlink_stops_sso_and_keeps_the_password(store: Store, people: People) -> None:
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    users.unlink_oidc(store, people.admin, user_id=people.attorney.id)
    assert _stored_identity(store, people.attorney.id) is None
    with pytest.raises(AuthError):
        users.sign_in_oidc(store, issuer=ISS, subject=SUB)
    assert users.sign_in(store, username="attorney", password=PASSWORD) == people.attorney
    with pytest.raises(InputRefused):  # nothing to unlink
        users.unlink_oidc(store, people.admin, user_id=people.attorney.id)


def test_link_and_unlink_are_audited_without_the_identity(store: Store, people: People) -> None:
    users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    users.unlink_oidc(store, people.admin, user_id=people.attorney.id)
    fingerprint = users.oidc_fingerprint(f"{ISS}|{SUB}")
    events = [(e.action, e.actor_id, e.detail) for e in _events(store)[-2:]]
    assert events == [
        ("oidc_link", people.admin.id, f"user={people.attorney.id} id={fingerprint}"),
        ("oidc_unlink", people.admin.id, f"user={people.attorney.id} id={fingerprint}"),
    ]


@pytest.mark.parametrize(("issuer", "subject"), [
    ("", SUB), (ISS, ""), ("https://a|b", SUB), (ISS, "x" * 256), (ISS, "line\nbreak"),
    (ISS, "nul\x00"),
])
def test_bad_input_is_refused_and_nothing_changes(
    store: Store, people: People, issuer: str, subject: str
) -> None:
    with pytest.raises(InputRefused):
        users.link_oidc(store, people.admin, user_id=people.attorney.id, issuer=issuer,
                        subject=subject)
    assert _stored_identity(store, people.attorney.id) is None


def test_unknown_account(store: Store, people: People) -> None:
    with pytest.raises(NotFoundError):
        users.link_oidc(store, people.admin, user_id=99999, issuer=ISS, subject=SUB)


def test_staff_roles_can_all_be_linked(store: Store, people: People) -> None:
    for n, actor in enumerate((people.admin, people.attorney, people.paralegal, people.translator)):
        users.link_oidc(store, people.admin, user_id=actor.id, issuer=ISS, subject=f"s{n}")
        signed = users.sign_in_oidc(store, issuer=ISS, subject=f"s{n}")
        assert signed.id == actor.id and signed.role is not Role.applicant
