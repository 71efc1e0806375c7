"""Accounts: the first admin, staff accounts, sign-in with lockout, password changes, and
single sign-on (a staff account linked to one identity at the firm's OIDC provider)."""

from __future__ import annotations

import hashlib
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError as DbIntegrityError
from sqlmodel import Session, func, select

from asylum_prep.errors import (
    N_,
    AuthError,
    InputRefused,
    LockedOut,
    NotFoundError,
    PermissionDenied,
)
from asylum_prep.services import audit, lockout
from asylum_prep.services.access import guarded, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.passwords import MAX_PASSWORD, MIN_PASSWORD, check_password_rules
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User, utcnow

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH: str | None = None  # made at the first sign-in, not at import (0.1 s per command)
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
SERVICE_ACCOUNT = "cli"  # the CLI operator's audit identity: never signs in, not a person
__all__ = ["MAX_PASSWORD", "MIN_PASSWORD", "check_password_rules"]  # re-exported


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash("not a real password")
    return _DUMMY_HASH


def normalise_username(username: str) -> str:
    return username.strip().lower()


def _storable(text: str) -> bool:
    """Encodable as UTF-8 (no lone surrogates) and free of NUL, which PostgreSQL text refuses."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def to_actor(user: User) -> Actor:
    assert user.id is not None
    return Actor(
        id=user.id, username=user.username, role=Role(user.role), display_name=user.display_name
    )


def _insert_user(
    session: Session, *, username: str, password: str, role: Role, display_name: str = ""
) -> User:
    username = normalise_username(username)
    if username == SERVICE_ACCOUNT:
        raise InputRefused(N_("That user name is reserved. Choose another."))
    if not USERNAME_RE.match(username):
        raise InputRefused(
            N_(
                "A user name has 3 to 64 characters: lower-case letters, digits, dot, dash or "
                "underscore."
            )
        )
    check_password_rules(password, username=username)
    display_name = display_name.strip()
    if not _storable(display_name) or len(display_name) > 120:
        raise InputRefused(
            N_("A display name has at most 120 characters and no broken or NUL characters.")
        )
    if session.exec(select(User).where(User.username == username)).first() is not None:
        raise InputRefused(N_("That user name is taken. Choose another."))
    user = User(
        username=username,
        password_hash=_hasher.hash(password),
        role=role.value,
        display_name=display_name,
    )
    session.add(user)
    try:
        session.flush()
    except DbIntegrityError as exc:
        raise InputRefused(N_("That user name is taken. Choose another.")) from exc
    return user


def _people_count(session: Session) -> int:
    """Accounts of people: the CLI's service account does not count."""
    query = select(func.count()).select_from(User).where(User.username != SERVICE_ACCOUNT)
    return int(session.exec(query).one() or 0)


def needs_first_admin(store: Store) -> bool:
    with store.session() as session:
        return _people_count(session) == 0


def create_first_admin(
    store: Store, *, username: str, password: str, display_name: str = ""
) -> Actor:
    """The one-time set-up: refused once any account exists."""
    with store.session() as session:
        if _people_count(session) > 0:
            raise PermissionDenied(N_("Set-up is already done. Sign in instead."))
        user = _insert_user(
            session,
            username=username,
            password=password,
            role=Role.admin,
            display_name=display_name,
        )
        actor = to_actor(user)
        audit.log(session, actor, "user_create", detail="first admin")
        return actor


@guarded
def create_user(
    store: Store, actor: Actor, *, username: str, password: str, role: Role, display_name: str = ""
) -> Actor:
    """Admins create any staff account; attorneys may create paralegals and translators."""
    if role is Role.applicant:
        raise InputRefused(N_("Applicants join with an invite code from their attorney."))
    if actor.role is not Role.admin and not (
        actor.role is Role.attorney and role in (Role.paralegal, Role.translator)
    ):
        raise PermissionDenied()
    with store.session() as session:
        user = _insert_user(
            session, username=username, password=password, role=role, display_name=display_name
        )
        audit.log(session, actor, "user_create", detail=f"role={role.value} user={user.id}")
        return to_actor(user)


@guarded
def list_users(store: Store, actor: Actor) -> list[User]:
    require_role(actor, Role.admin, Role.attorney)
    with store.session() as session:
        return list(session.exec(select(User).order_by(User.username)))


def _verify(password_hash: str, secret: bytes) -> bool:
    try:
        return _hasher.verify(password_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def sign_in(store: Store, *, username: str, password: str) -> Actor:
    """Verify a password. Every name typed, whether an active account has it or not, is
    refused and locked out alike (services.lockout): the same answers, one password hash
    checked either way, so failures reveal nothing about which names exist. A switched-off
    account behaves as a name nobody has, whatever the password."""
    settings = store.settings
    name = normalise_username(username)
    # Bytes, so a password with broken characters simply never matches instead of crashing.
    secret = password.encode("utf-8", "surrogatepass")
    with store.session() as session:
        user = (  # a name no account can have is never looked up (NUL breaks PostgreSQL text)
            session.exec(select(User).where(User.username == name)).first()
            if USERNAME_RE.match(name)
            else None
        )
        if user is not None and not user.is_active:
            user = None
        now = utcnow()
        counter: lockout.Counter = (
            user if user is not None else lockout.unknown_counter(session, store, name)
        )
        lockout.forget_stale(counter, now)
        who = to_actor(user) if user is not None else None
        minutes = lockout.locked_minutes(counter, now)
        if minutes:
            audit.log(session, who, "sign_in_refused", detail="locked")
            session.commit()
            raise LockedOut(minutes=minutes)
        right = _verify(user.password_hash if user is not None else _dummy_hash(), secret)
        if user is None or not right:
            locked = lockout.count_failure(counter, now, settings)
            session.add(counter)
            lockout.prune(session, now)
            audit.log(session, who, "sign_in_failed", detail="" if user else "unknown user")
            try:
                session.commit()
            except DbIntegrityError:  # the same unknown name counted meanwhile: not counted
                session.rollback()
            if locked:
                raise LockedOut(minutes=settings.lockout_minutes)
            raise AuthError()
        lockout.clear(user)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        session.add(user)
        actor = to_actor(user)
        audit.log(session, actor, "sign_in")
        return actor


@guarded
def sign_out(store: Store, actor: Actor, *, reason: str = "") -> None:
    with store.session() as session:
        audit.log(session, actor, "sign_out", detail=reason[:40])


# --- single sign-on (OIDC) -------------------------------------------------------------------
OIDC_NOT_LINKED = N_("This sign-in is not linked to an account here. Ask your administrator.")
OIDC_NO_IDENTITY = N_(
    "Your organisation's sign-in did not say who you are. Ask your administrator."
)
OIDC_CANNOT_SIGN_IN = N_("This account cannot sign in here. Ask your administrator.")
OIDC_MAX_PART = 255  # OIDC limits a subject to 255 ASCII characters; an issuer URL fits too


def oidc_identity(issuer: str, subject: str) -> str:
    """The stored form "<issuer>|<subject>". A trailing slash of the issuer is dropped, so
    "https://idp.example/" and "https://idp.example" name the same provider."""
    iss, sub = issuer.strip().rstrip("/"), subject.strip()
    if not iss or not sub:
        raise InputRefused(N_("Enter both the issuer and the subject of the sign-in identity."))
    if (
        len(iss) > OIDC_MAX_PART
        or len(sub) > OIDC_MAX_PART
        or "|" in iss
        or not _storable(iss + sub)
        or any(ord(ch) < 32 for ch in iss + sub)
    ):
        raise InputRefused(
            N_(
                "The issuer and the subject each have at most {n} characters and no line breaks, "
                "and the issuer does not contain the character |."
            ),
            n=OIDC_MAX_PART,
        )
    return f"{iss}|{sub}"


def oidc_fingerprint(identity: str) -> str:
    """What the audit log keeps of an identity: a short SHA-256, never the subject itself."""
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _staff_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.username == SERVICE_ACCOUNT:
        raise NotFoundError(N_("That account does not exist."))
    return user


@guarded
def link_oidc(store: Store, actor: Actor, *, user_id: int, issuer: str, subject: str) -> None:
    """Admins link a staff account to one provider identity (replacing an earlier link).
    Applicants never: they join with an invite code and their own password."""
    require_role(actor, Role.admin)
    identity = oidc_identity(issuer, subject)
    with store.session() as session:
        user = _staff_user(session, user_id)
        if user.role == Role.applicant.value:
            raise InputRefused(
                N_(
                    "Applicant accounts cannot use single sign-on. Applicants sign in with the "
                    "code from their attorney and their own password."
                )
            )
        holder = session.exec(select(User).where(User.oidc_subject == identity)).first()
        if holder is not None and holder.id != user.id:
            raise InputRefused(
                N_(
                    "This sign-in identity is already linked to the account {name}. Unlink it "
                    "there first."
                ),
                name=holder.username,
            )
        user.oidc_subject = identity
        session.add(user)
        try:
            session.flush()
        except DbIntegrityError as exc:  # linked elsewhere meanwhile
            raise InputRefused(
                N_(
                    "This sign-in identity is already linked to another account. Unlink it there "
                    "first."
                )
            ) from exc
        audit.log(
            session, actor, "oidc_link", detail=f"user={user.id} id={oidc_fingerprint(identity)}"
        )


@guarded
def unlink_oidc(store: Store, actor: Actor, *, user_id: int) -> None:
    """Admins remove an account's single sign-on link; its password keeps working."""
    require_role(actor, Role.admin)
    with store.session() as session:
        user = _staff_user(session, user_id)
        if user.oidc_subject is None:
            raise InputRefused(
                N_("The account {name} is not linked to a sign-in identity."), name=user.username
            )
        fingerprint = oidc_fingerprint(user.oidc_subject)
        user.oidc_subject = None
        session.add(user)
        audit.log(session, actor, "oidc_unlink", detail=f"user={user.id} id={fingerprint}")


def sign_in_oidc(store: Store, *, issuer: str, subject: str) -> Actor:
    """Sign in the active staff account linked to the identity the provider confirmed.
    Lockout does not apply (no password is tried); refusals are audited with a fingerprint
    of the identity, never the subject itself."""
    with store.session() as session:
        try:
            identity = oidc_identity(issuer, subject)
        except InputRefused:
            audit.log(session, None, "sign_in_failed", detail="oidc no identity")
            session.commit()
            raise AuthError(OIDC_NO_IDENTITY) from None
        user = session.exec(select(User).where(User.oidc_subject == identity)).first()
        if user is None:
            audit.log(
                session,
                None,
                "sign_in_failed",
                detail=f"oidc unknown id={oidc_fingerprint(identity)}",
            )
            session.commit()
            raise AuthError(OIDC_NOT_LINKED)
        if not user.is_active or user.role == Role.applicant.value:
            reason = "inactive" if not user.is_active else "applicant"
            audit.log(session, to_actor(user), "sign_in_refused", detail=f"oidc {reason}")
            session.commit()
            raise AuthError(OIDC_CANNOT_SIGN_IN)
        actor = to_actor(user)
        audit.log(session, actor, "sign_in", detail="oidc")
        return actor


@guarded
def change_password(store: Store, actor: Actor, *, old_password: str, new_password: str) -> None:
    """Replace the password (the current one proves it is them). Also the way out of a reset:
    the temporary password is the current one, and the new one must differ from it."""
    check_password_rules(new_password, username=actor.username)
    with store.session() as session:
        user = session.get(User, actor.id)
        if user is None:
            raise AuthError()
        if not _verify(user.password_hash, old_password.encode("utf-8", "surrogatepass")):
            raise AuthError()
        if new_password == old_password:
            raise InputRefused(N_("Choose a new password that is different from the current "
                                  "one."))
        user.password_hash = _hasher.hash(new_password)
        user.must_change_password = False
        session.add(user)
        from asylum_prep.services.web_sessions import revoke_all  # it builds on this module

        revoke_all(session, user_id=actor.id, reason="password_change")
        audit.log(session, actor, "password_change")


@guarded
def set_language(store: Store, actor: Actor, language: str) -> None:
    with store.session() as session:
        user = session.get(User, actor.id)
        if user is not None:
            user.language = language[:16]
            session.add(user)


def hash_password(password: str) -> str:
    return _hasher.hash(password)
