"""Test helpers shared across suites: the people of a case on a real store."""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.services import cases, invites, users
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store

PASSWORD = "a long test password"


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
    attorney = users.create_user(
        store, admin, username=f"attorney{suffix}", password=PASSWORD, role=Role.attorney
    )
    paralegal = users.create_user(
        store, admin, username=f"paralegal{suffix}", password=PASSWORD, role=Role.paralegal
    )
    translator = users.create_user(
        store, admin, username=f"translator{suffix}", password=PASSWORD, role=Role.translator
    )
    case_id = cases.create_case(
        store, attorney, title=f"Test case {suffix or 'A'}", jurisdiction="us"
    )
    cases.add_member(store, attorney, case_id, username=paralegal.username, role=Role.paralegal)
    cases.add_member(store, attorney, case_id, username=translator.username, role=Role.translator)
    code = invites.create_invite(store, attorney, case_id)
    applicant = invites.redeem_invite(store, code=code, password=PASSWORD)
    return People(admin, attorney, paralegal, translator, applicant, case_id, code)
