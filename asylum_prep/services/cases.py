"""Cases: create, list, open, save (versioned, merge-or-refuse), restore, delete, members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError
from sqlmodel import Session, col, select

from asylum_prep.domain import merge
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused, NotFoundError, PermissionDenied, StaleVersionError
from asylum_prep.services import audit
from asylum_prep.services.access import (
    Permission,
    check_applicant_paths,
    guarded,
    may_change,
    require,
    require_role,
    visible_record,
    with_team_parts,
)
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseMember, User, utcnow
from asylum_prep.text import clean_line

MAX_TITLE = 200


class Jurisdiction(StrEnum):
    us = "us"
    uk = "uk"
    ca = "ca"
    eu = "eu"


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    jurisdiction: Jurisdiction
    status: str
    version: int
    role: Role
    updated_at: datetime


@dataclass(frozen=True)
class OpenCase:
    id: str
    title: str
    jurisdiction: Jurisdiction
    status: str
    version: int
    role: Role
    record: CaseRecord


@dataclass(frozen=True)
class VersionInfo:
    version: int
    created_at: datetime
    created_by: str
    changed: list[str]


UNSTORABLE = N_(
    "Some answers could not be saved: they contain broken characters, a value that cannot be "
    "stored, or a text longer than allowed. Nothing was changed."
)


def checked_record(record: CaseRecord) -> CaseRecord:
    """The record exactly as it will be read back (validated through its stored JSON form).

    A record that skipped validation (`model_copy(update=...)`, `model_construct`) or holds
    what JSON cannot carry (lone surrogates, arbitrary objects in `extensions`) is refused
    here with InputRefused, before any transaction starts."""
    try:
        return CaseRecord.model_validate_json(record.model_dump_json())
    except (ValidationError, PydanticSerializationError, UnicodeError):
        raise InputRefused(UNSTORABLE) from None


def _storable_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clean_title(title: str) -> str:
    title = clean_line(title)  # no control or bidi-override characters; RTL text kept
    if not _storable_text(title):
        raise InputRefused(N_("The title contains broken characters. Type it again."))
    if not title:
        raise InputRefused(N_("Give the case a title (for example the client's name)."))
    if len(title) > MAX_TITLE:
        raise InputRefused(N_("A case title has at most {n} characters."), n=MAX_TITLE)
    return title


@guarded
def create_case(
    store: Store,
    actor: Actor,
    *,
    title: str,
    jurisdiction: str = "us",
    record: CaseRecord | None = None,
) -> str:
    require_role(actor, Role.attorney)
    try:
        juris = Jurisdiction(jurisdiction)
    except ValueError:
        raise InputRefused(N_("Unknown jurisdiction: choose us, uk, ca or eu.")) from None
    record = checked_record(record or CaseRecord())
    with store.session() as session:
        row, cipher = repo.new_case_row(
            session, store, title=_clean_title(title), jurisdiction=juris.value, created_by=actor.id
        )
        row.current_version = 1
        session.add(row)
        session.flush()
        session.add(CaseMember(case_id=row.id, user_id=actor.id, role=Role.attorney.value))
        repo.add_version(
            session, cipher, version=1, record=record, summary=["created"], actor_id=actor.id
        )
        audit.log(session, actor, "case_create", row.id)
        return row.id


@guarded
def list_cases(store: Store, actor: Actor, *, status: str | None = None) -> list[CaseSummary]:
    """The cases the actor is a member of (an applicant sees only their own)."""
    with store.session() as session:
        query = (
            select(Case, CaseMember)
            .join(CaseMember, col(CaseMember.case_id) == col(Case.id))
            .where(CaseMember.user_id == actor.id)
            .order_by(col(Case.updated_at).desc())
        )
        if status:
            query = query.where(Case.status == status)
        out = [
            CaseSummary(
                id=case.id,
                title=repo.read_title(store, case),
                jurisdiction=Jurisdiction(case.jurisdiction),
                status=case.status,
                version=case.current_version,
                role=Role(member.role),
                updated_at=case.updated_at,
            )
            for case, member in session.exec(query)
        ]
        audit.log(session, actor, "case_list", detail=f"count={len(out)}")
        return out


@guarded
def open_case(store: Store, actor: Actor, case_id: str, *, audit_view: bool = True) -> OpenCase:
    """The case at its current version, its record as the actor's role may read it
    (access.visible_record: the applicant does not receive the team's analysis and notes;
    when she saves it back, save_record keeps them as stored)."""
    with store.reading() as session:
        role = require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version)
        )
    if audit_view:
        with store.session() as session:  # logged before it is shown; a short write
            audit.log(session, actor, "case_view", case_id, f"version={case.current_version}")
    return OpenCase(
        id=case.id,
        title=cipher.open_text("title", case.title_enc),
        jurisdiction=Jurisdiction(case.jurisdiction),
        status=case.status,
        version=case.current_version,
        role=role,
        record=visible_record(role, actor.id, record),
    )


def commit_version(
    session: Session,
    store: Store,
    actor: Actor,
    role: Role,
    case: Case,
    *,
    base_version: int,
    record: CaseRecord,
    action: str,
    check_paths: bool = True,
    detail: str = "",
) -> int:
    """Write `record` as the case's next version inside the caller's transaction.

    For services that store files and the record together (evidence) and for team workflows
    that checked their own rules; `check_paths` applies the role's field rules. A stale
    `base_version` is merged by answer or refused with StaleVersionError. The caller must
    have called `access.require` and hold the case row (`with_for_update`)."""
    cipher = store.case_cipher(case)
    base = repo.open_record(cipher, repo.get_version_row(session, case.id, base_version))
    if check_paths and role is Role.applicant:
        record = with_team_parts(base, record)  # she saves what open_case showed her
    mine = merge.flatten(record)
    changed = merge.changed_paths(merge.flatten(base), mine)
    if check_paths and not all(may_change(role, p) for p in changed):
        raise PermissionDenied(N_("Your role cannot change some of these answers."))
    if not changed:
        return case.current_version
    current = base if base_version == case.current_version else repo.open_record(
        cipher, repo.get_version_row(session, case.id, case.current_version))
    if check_paths and role is Role.applicant:  # whatever record she sends
        check_applicant_paths(current, changed)
    if base_version != case.current_version:
        merged, conflicts = merge.three_way(base, record, current)
        if conflicts:
            raise StaleVersionError(
                base=base_version,
                current=case.current_version,
                changed=", ".join(merge.describe(conflicts))[:400],
            )
        record = merged
    new_version = case.current_version + 1
    repo.add_version(
        session,
        cipher,
        version=new_version,
        record=record,
        summary=merge.describe(changed)[:200],
        actor_id=actor.id,
    )
    case.current_version = new_version
    case.updated_at = utcnow()
    session.add(case)
    session.flush()
    audit.log(session, actor, action, case.id,
              f"version={new_version} answers={len(changed)}" + (f" {detail}" if detail else ""))
    return new_version


@guarded
def save_record(
    store: Store, actor: Actor, case_id: str, *, record: CaseRecord, base_version: int
) -> int:
    """Save a new version. Based on an older version, it is merged when the answers touched
    differ and refused (StaleVersionError, naming the answers) when they overlap."""
    return _save(store, actor, case_id, record=record, base_version=base_version,
                 permission=Permission.write, action="case_save", check_paths=True)


@guarded
def save_as_team(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    record: CaseRecord,
    base_version: int,
    permission: Permission,
    action: str,
    detail: str = "",
) -> int:
    """A save by a team workflow that checked its own rules (review, translation, links).
    `detail` is added to the audit event (names and choices, never applicant data)."""
    return _save(store, actor, case_id, record=record, base_version=base_version,
                 permission=permission, action=action, check_paths=False, detail=detail)


def _save(
    store: Store, actor: Actor, case_id: str, *, record: CaseRecord, base_version: int,
    permission: Permission, action: str, check_paths: bool, detail: str = "",
) -> int:
    record = checked_record(record)
    with store.session() as session:
        role = require(session, actor, case_id, permission)
        case = repo.lock_case(session, case_id)
        return commit_version(session, store, actor, role, case, base_version=base_version,
                              record=record, action=action, check_paths=check_paths,
                              detail=detail)


@guarded
def list_versions(store: Store, actor: Actor, case_id: str) -> list[VersionInfo]:
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        cipher = store.case_cipher(repo.get_case(session, case_id))
        names = {u.id: u.username for u in session.exec(select(User))}
        rows = repo.list_version_rows(session, case_id)
        audit.log(session, actor, "history_view", case_id)
        return [
            VersionInfo(
                r.version, r.created_at, names.get(r.created_by, "?"), repo.open_summary(cipher, r)
            )
            for r in rows
        ]


@guarded
def view_version(store: Store, actor: Actor, case_id: str, version: int) -> CaseRecord:
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        cipher = store.case_cipher(repo.get_case(session, case_id))
        record = repo.open_record(cipher, repo.get_version_row(session, case_id, version))
        audit.log(session, actor, "version_view", case_id, f"version={version}")
        return record


@guarded
def restore_version(
    store: Store, actor: Actor, case_id: str, *, version: int, base_version: int
) -> int:
    """Make an earlier version current again, as a new version (history is never rewritten)."""
    with store.session() as session:
        role = require(session, actor, case_id, Permission.review)
        case = repo.lock_case(session, case_id)
        if base_version != case.current_version:
            raise StaleVersionError(
                base=base_version, current=case.current_version, changed=N_("the whole case")
            )
        cipher = store.case_cipher(case)
        old = repo.open_record(cipher, repo.get_version_row(session, case_id, version))
        return commit_version(
            session,
            store,
            actor,
            role,
            case,
            base_version=base_version,
            record=old,
            action="case_restore",
            check_paths=False,
        )


@guarded
def rename_case(store: Store, actor: Actor, case_id: str, *, title: str) -> None:
    with store.session() as session:
        require(session, actor, case_id, Permission.manage)
        case = repo.get_case(session, case_id)
        repo.write_title(store, case, _clean_title(title))
        session.add(case)
        audit.log(session, actor, "case_rename", case_id)


@guarded
def set_status(store: Store, actor: Actor, case_id: str, *, status: str) -> None:
    if status not in ("open", "filed", "closed"):
        raise InputRefused(N_("Unknown case status."))
    with store.session() as session:
        require(session, actor, case_id, Permission.manage)
        case = repo.get_case(session, case_id)
        case.status = status
        session.add(case)
        audit.log(session, actor, "case_status", case_id, f"status={status}")


@guarded
def delete_case(store: Store, actor: Actor, case_id: str) -> None:
    """Delete a case, its versions, files, invites and members. The audit events stay."""
    with store.session() as session:
        require(session, actor, case_id, Permission.delete)
        case = repo.get_case(session, case_id)
        session.delete(case)
        session.flush()
        audit.log(session, actor, "case_delete", case_id)


# One whole sentence per role a member can be added as: a role's stored value never reaches
# the reader, and each language words the sentence its own way.
NOT_THAT_ROLE: dict[Role, str] = {
    Role.attorney: N_("That account is not an attorney's account."),
    Role.paralegal: N_("That account is not a paralegal's account."),
    Role.translator: N_("That account is not a translator's account."),
}


@guarded
def add_member(store: Store, actor: Actor, case_id: str, *, username: str, role: Role) -> None:
    if role in (Role.admin, Role.applicant):
        raise InputRefused(
            N_("Add attorneys, paralegals or translators here; applicants join by invite.")
        )
    with store.session() as session:
        require(session, actor, case_id, Permission.manage)
        user = session.exec(select(User).where(User.username == username.strip().lower())).first()
        if user is None or user.id is None:
            raise NotFoundError(N_("No account with that user name."))
        if Role(user.role) != role:
            raise InputRefused(NOT_THAT_ROLE[role])
        if session.get(CaseMember, (case_id, user.id)) is None:
            session.add(CaseMember(case_id=case_id, user_id=user.id, role=role.value))
        audit.log(session, actor, "member_add", case_id, f"user={user.id} role={role.value}")


@guarded
def remove_member(store: Store, actor: Actor, case_id: str, *, user_id: int) -> None:
    with store.session() as session:
        require(session, actor, case_id, Permission.manage)
        member = session.get(CaseMember, (case_id, user_id))
        if member is None:
            raise NotFoundError()
        if user_id == actor.id:
            raise InputRefused(N_("You cannot remove yourself from a case."))
        session.delete(member)
        audit.log(session, actor, "member_remove", case_id, f"user={user_id}")


@guarded
def list_members(store: Store, actor: Actor, case_id: str) -> list[tuple[int, str, Role]]:
    with store.reading() as session:
        require(session, actor, case_id, Permission.read)
        rows = session.exec(
            select(CaseMember, User)
            .join(User, col(User.id) == col(CaseMember.user_id))
            .where(CaseMember.case_id == case_id)
        )
        return [(u.id or 0, u.display_name or u.username, Role(m.role)) for m, u in rows]
