"""Keeping accounts: switch one off and on again, reset its password, lift its lockout; and the
state of the signed-in account, which every page asks for on every run.

Switching an account off ends its sessions at once: every service call re-checks the account
(services.access.check_rule), and every page run and the pages' minute timer ask
`account_status`, signing the person out when it is off. A reset gives the account a
temporary password, shown once to the admin, and until its holder chooses their own every
service call but the password change is refused (PasswordChangeRequired). Admins act in the
app; the command line's operator (`asylum-prep admin deactivate|reactivate|reset-password|
unlock`) too. Every action is audited with the account's id only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlmodel import Session, select

from asylum_prep.errors import N_, InputRefused, NotFoundError
from asylum_prep.services import audit, lockout, passwords, users, web_sessions
from asylum_prep.services.access import guarded
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User

_TEMPORARY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off paper
NO_SUCH_ACCOUNT = N_("That account does not exist.")


@dataclass(frozen=True)
class AccountStatus:
    active: bool
    must_change_password: bool


def _account(session: Session, username: str) -> User:
    name = users.normalise_username(username)
    user = (session.exec(select(User).where(User.username == name)).first()
            if users.USERNAME_RE.match(name) else None)
    if user is None or user.id is None or user.username == users.SERVICE_ACCOUNT:
        raise NotFoundError(NO_SUCH_ACCOUNT)
    return user


def temporary_password() -> str:
    """Sixteen letters and digits in four groups (about 79 bits), passing the password rules."""
    while True:
        raw = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(16))
        text = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
        try:
            passwords.check_password_rules(text)
        except InputRefused:
            continue
        return text


@guarded
def account_status(store: Store, actor: Actor) -> AccountStatus:
    """Whether the signed-in account is still on, and whether it must choose a new password
    first. Not audited: pages ask on every run."""
    with store.reading() as session:
        user = session.get(User, actor.id)
        if user is None or user.role != actor.role.value:
            return AccountStatus(active=False, must_change_password=False)
        return AccountStatus(active=user.is_active,
                             must_change_password=user.must_change_password)


@guarded
def deactivate(store: Store, actor: Actor, *, username: str) -> None:
    """Switch an account off: it cannot sign in, and its open sessions end at their next
    action. Its cases, answers and audit trail stay."""
    with store.session() as session:
        user = _account(session, username)
        if user.id == actor.id:
            raise InputRefused(N_("You cannot deactivate your own account."))
        user.is_active = False
        session.add(user)
        web_sessions.revoke_all(session, user_id=user.id or 0, reason="deactivated")
        audit.log(session, actor, "user_deactivate", detail=f"user={user.id}")


@guarded
def reactivate(store: Store, actor: Actor, *, username: str) -> None:
    """Switch an account on again (its password and lockout are as they were)."""
    with store.session() as session:
        user = _account(session, username)
        user.is_active = True
        session.add(user)
        audit.log(session, actor, "user_reactivate", detail=f"user={user.id}")


@guarded
def reset_password(store: Store, actor: Actor, *, username: str) -> str:
    """Give the account a new temporary password (returned, to be handed over in person) and
    lift its lockout. Its holder must choose a password of their own before anything else."""
    temporary = temporary_password()
    with store.session() as session:
        user = _account(session, username)
        user.password_hash = users.hash_password(temporary)
        user.must_change_password = True
        lockout.clear(user)
        session.add(user)
        web_sessions.revoke_all(session, user_id=user.id or 0, reason="password_reset")
        audit.log(session, actor, "password_reset", detail=f"user={user.id}")
    return temporary


@guarded
def unlock(store: Store, actor: Actor, *, username: str) -> None:
    """Lift a lockout after failed sign-ins now, instead of when it runs out."""
    with store.session() as session:
        user = _account(session, username)
        lockout.clear(user)
        session.add(user)
        audit.log(session, actor, "user_unlock", detail=f"user={user.id}")
