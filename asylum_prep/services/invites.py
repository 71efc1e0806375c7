"""Invite codes: an attorney invites the applicant of a case; the applicant redeems the code
by setting a password. The code then is their sign-in name, so no real name is needed."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import select

from asylum_prep.errors import N_, AuthError
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.users import _insert_user, check_password_rules, to_actor
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import CaseMember, Invite, utcnow

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read off paper


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in _ALPHABET)


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def format_code(code: str) -> str:
    raw = _normalise(code)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@guarded
def create_invite(store: Store, actor: Actor, case_id: str) -> str:
    """A new one-time code for the applicant of this case (shown once, stored hashed)."""
    code = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    with store.session() as session:
        require(session, actor, case_id, Permission.manage)
        session.add(
            Invite(
                code_hash=_hash(code),
                case_id=case_id,
                created_by=actor.id,
                expires_at=utcnow() + timedelta(days=store.settings.invite_valid_days),
            )
        )
        audit.log(session, actor, "invite_create", case_id)
    return format_code(code)


def redeem_invite(store: Store, *, code: str, password: str) -> Actor:
    """Create the applicant's account, joined to the invite's case. The formatted code is the
    user name they sign in with afterwards."""
    check_password_rules(password, username=format_code(code).lower())
    with store.session() as session:
        invite = session.exec(
            select(Invite).where(Invite.code_hash == _hash(code)).with_for_update()
        ).first()
        if invite is None or invite.used_at is not None or invite.expires_at < utcnow():
            audit.log(session, None, "invite_refused")
            session.commit()
            raise AuthError(
                N_(
                    "This invite code is not valid. Check it against the paper, or ask your "
                    "attorney for a new one."
                )
            )
        user = _insert_user(
            session, username=format_code(code).lower(), password=password, role=Role.applicant
        )
        assert user.id is not None
        invite.used_at = utcnow()
        invite.user_id = user.id
        session.add(invite)
        session.add(CaseMember(case_id=invite.case_id, user_id=user.id, role=Role.applicant.value))
        actor = to_actor(user)
        audit.log(session, actor, "invite_redeem", invite.case_id)
        return actor
