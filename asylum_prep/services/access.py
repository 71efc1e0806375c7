"""Authorization: who may do what on which case. Checked inside every service function.

Case access comes only from membership; an admin manages accounts and reads the audit log but
does not read case content unless added to the case.
"""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session

from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import PermissionDenied
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.tables import CaseMember


class Permission(StrEnum):
    read = "read"
    write = "write"
    review = "review"
    translation = "translate"
    export = "export"
    delete = "delete"
    manage = "manage"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.attorney: frozenset(Permission),
    Role.paralegal: frozenset(
        {Permission.read, Permission.write, Permission.translation, Permission.export}
    ),
    Role.translator: frozenset({Permission.read, Permission.translation}),
    Role.applicant: frozenset({Permission.read, Permission.write}),
}

# Which parts of the record each case role may change (first path element, or a rule).
APPLICANT_SECTIONS = frozenset({*(section.value for section in SectionKey), "skipped"})
WRITABLE: dict[Role, frozenset[str]] = {
    Role.attorney: frozenset({"*"}),
    Role.paralegal: APPLICANT_SECTIONS | {"filing", "extensions", "translations"},
    Role.translator: frozenset({"translations"}),
    Role.applicant: APPLICANT_SECTIONS,
}
COMMENT_REPLY_FIELDS = frozenset({"reply", "replied_at"})


def member_role(session: Session, actor: Actor, case_id: str) -> Role | None:
    if actor.operator:
        # The CLI operator can read the key file and so every case; pretending otherwise
        # would be theatre. Their actions are audited as the `cli` account.
        from asylum_prep.storage.tables import Case

        return Role.attorney if session.get(Case, case_id) is not None else None
    row = session.get(CaseMember, (case_id, actor.id))
    return Role(row.role) if row else None


def require(session: Session, actor: Actor, case_id: str, permission: Permission) -> Role:
    """The actor's role on the case, or PermissionDenied. Unknown cases look the same as
    forbidden ones, so ids cannot be probed."""
    role = member_role(session, actor, case_id)
    if role is None or permission not in ROLE_PERMISSIONS.get(role, frozenset()):
        raise PermissionDenied()
    return role


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles:
        raise PermissionDenied()


def may_change(role: Role, path: tuple[str, ...]) -> bool:
    allowed = WRITABLE.get(role, frozenset())
    if "*" in allowed or (path and path[0] in allowed):
        return True
    # Applicants answer the team's questions: they may write replies to comments.
    return role is Role.applicant and path[:1] == ("comments",) and path[-1] in COMMENT_REPLY_FIELDS
