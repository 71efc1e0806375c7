"""Authorization: who may do what on which case. Checked inside every service function.

Two layers, both here:

- `SERVICE_RULES`, the single table of which roles may call each public service function
  (`"module.function"`), applied by the `@guarded` decorator every such function carries. The
  decorator also refuses a switched-off account (AccountDisabled) and, until they choose a new
  password after an admin's reset, everything but the password change (PasswordChangeRequired).
  It reads the account's state first thing in the first transaction the call opens
  (storage.engine.FIRST_IN_TRANSACTION), before that transaction's work, so the check and the
  work see one snapshot and the check costs no transaction of its own; a call that opens none,
  or fails before it does, is checked afterwards, and a refused account hears that first.
  Only the outermost call is checked: a service calling another acts on a request already
  admitted (the applicant's `review.submit_section` saves through `cases.save_as_team`, which
  outside callers other than attorneys may not call). tests/unit/services/test_access_matrix.py
  calls every guarded function as every role and fails on a function missing from the table.
- `require(session, actor, case_id, permission)`: case access comes only from membership, with
  the case role's permissions; unknown cases look the same as forbidden ones.

An admin manages accounts and reads the audit log but does not read case content unless added
to the case. What an applicant sees of her case record is `visible_record`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlmodel import Session

from asylum_prep.domain.evidence import ExhibitSettings
from asylum_prep.domain.record import CaseRecord, SectionKey
from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import N_, AccountDisabled, PasswordChangeRequired, PermissionDenied
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import FIRST_IN_TRANSACTION
from asylum_prep.storage.tables import CaseMember, User

if TYPE_CHECKING:
    from asylum_prep.storage.engine import Store


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
    Role.paralegal: APPLICANT_SECTIONS | {"filing", "form_details", "extensions",
                                          "translations"},
    Role.translator: frozenset({"translations", "exhibit_translations"}),
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


# --- sections the applicant may still change ------------------------------------------------
APPROVED_MESSAGE = N_("Your legal team has approved this part, so it cannot be changed here. "
                      "If something needs correcting, tell your legal team.")
SUBMITTED_MESSAGE = N_("This part was sent to your legal team for review and cannot be changed "
                       "until they reply. If something needs correcting, tell your legal team.")


def section_status(record: CaseRecord, section: str) -> SectionStatus:
    try:
        review = record.reviews.get(SectionKey(section))
    except ValueError:
        return SectionStatus.draft
    return review.status if review else SectionStatus.draft


def check_applicant_section(record: CaseRecord, section: str) -> None:
    """PermissionDenied when the applicant may not change `section` now: approved, or sent
    for review and not yet answered."""
    status = section_status(record, section)
    if status is SectionStatus.approved:
        raise PermissionDenied(APPROVED_MESSAGE)
    if status is SectionStatus.submitted:
        raise PermissionDenied(SUBMITTED_MESSAGE)


def check_applicant_paths(record: CaseRecord, paths: Iterable[tuple[str, ...]]) -> None:
    """check_applicant_section for the part of every changed answer path (a "skipped" entry
    names its answer)."""
    parts = {p[1].split(".", 1)[0] if p[0] == "skipped" and len(p) > 1 else p[0] for p in paths}
    for section in sorted(parts):
        check_applicant_section(record, section)


# --- what an applicant sees of her record ---------------------------------------------------
def visible_record(role: Role, actor_id: int, record: CaseRecord) -> CaseRecord:
    """The record as `role` may read it. The team reads everything; the applicant reads her
    answers, the review states, the team's comments to her, and the documents she added
    herself without the team's notes on them. Legal analysis (element links, the attorney's
    judgments, dismissed flags, citations), translations, other people's documents, exhibit
    settings and module extensions are the team's."""
    if role is not Role.applicant:
        return record
    own = [
        item.model_copy(update={"description": "", "elements": []})
        for item in record.evidence
        if item.added_by == actor_id
    ]
    return record.model_copy(update={
        "translations": {}, "element_links": [], "element_judgments": [],
        "dismissed_flags": {}, "citations": [],
        "extensions": {}, "exhibit_settings": ExhibitSettings(), "evidence": own,
        "exhibit_translations": {},
    })


TEAM_PARTS = ("translations", "element_links", "element_judgments", "dismissed_flags",
              "citations", "extensions", "exhibit_settings", "evidence", "exhibit_translations")


def with_team_parts(stored: CaseRecord, record: CaseRecord) -> CaseRecord:
    """`record` (an applicant's, built from what she can see) with the parts only the team
    sees taken from `stored`: what she cannot see, she neither erases nor changes. Her
    documents change through services.evidence."""
    return record.model_copy(update={name: getattr(stored, name) for name in TEAM_PARTS})


# --- the table of who may call which service function ---------------------------------------
@dataclass(frozen=True)
class Rule:
    """Who may call one service function from outside the service layer."""

    roles: frozenset[Role]
    operator: bool = False  # the CLI operator may call it (else: as the attorney it acts as)
    personal: bool = False  # about the caller's own account: never the operator's `cli`
    inactive: bool = False  # a switched-off account may still call it (signing out)
    before_new_password: bool = False  # allowed while a reset password waits to be replaced


def _rule(*roles: Role, operator: bool = False, personal: bool = False,
          inactive: bool = False, before_new_password: bool = False) -> Rule:
    return Rule(frozenset(roles), operator, personal, inactive, before_new_password)


_AD, _AT, _PA, _TR, _AP = (Role.admin, Role.attorney, Role.paralegal, Role.translator,
                           Role.applicant)
_ALL = tuple(Role)
INTERNAL = _rule()  # reached only through another service function

SERVICE_RULES: dict[str, Rule] = {
    # answers: the applicant and the legal team answer; `load` serves the other services.
    "answers.load": INTERNAL,
    "answers.save_answer": _rule(_AT, _PA, _AP),
    "answers.mark_unknown": _rule(_AT, _PA, _AP),
    "answers.add_item": _rule(_AT, _PA, _AP),
    "answers.move_item": _rule(_AT, _PA, _AP),
    "answers.delete_item": _rule(_AT, _PA, _AP),
    # archive: exports leave the store, imports create cases.
    "archive.export_case": _rule(_AT, _PA),
    "archive.import_case": _rule(_AT),
    "archive_import.import_archive": INTERNAL,  # archive.import_case's work
    # audit: admins read the whole log, attorneys their cases'.
    "audit.list_events": _rule(_AD, _AT),
    "audit.verify_log": _rule(_AD, operator=True),
    "backup_manifest.export_checkpoint": _rule(_AD, operator=True),
    # cases
    "cases.create_case": _rule(_AT),
    "cases.list_cases": _rule(_AT, _PA, _TR, _AP),
    "cases.open_case": _rule(_AT, _PA, _TR, _AP),
    "cases.save_record": _rule(_AT, _PA, _AP),
    "cases.save_as_team": _rule(_AT),
    "cases.list_versions": _rule(_AT, _PA),
    "cases.view_version": _rule(_AT, _PA),
    # filing: the caption facts the legal team enters
    "filing.set_filing_details": _rule(_AT, _PA),
    # form_details: the I-589 details only the legal team enters
    "form_details.set_form_details": _rule(_AT, _PA),
    "cases.restore_version": _rule(_AT),
    "cases.rename_case": _rule(_AT),
    "cases.set_status": _rule(_AT),
    "cases.delete_case": _rule(_AT),
    "cases.add_member": _rule(_AT),
    "cases.remove_member": _rule(_AT),
    "cases.list_members": _rule(_AT, _PA),
    # checks: the legal analysis is the team's; decisions over it the attorney's.
    "checks.run_checks": _rule(_AT, _PA),
    "checks.link_fact": _rule(_AT),
    "checks.unlink_fact": _rule(_AT),
    "checks.dismiss_flag": _rule(_AT),
    "checks.restore_flag": _rule(_AT),
    "checks.deadline_for_cases": _rule(_AT, _PA),
    "judgments.record_judgment": _rule(_AT),
    "judgments.judgment_history": _rule(_AT, _PA),
    # coi: the country library is public material kept by the team and the admin.
    "coi.import_files": _rule(_AT, _PA, _AD),
    "coi.import_paths": _rule(_AT, _PA, _AD),
    "coi.list_reports": _rule(_AT, _PA, _AD),
    "coi.list_publishers": _rule(_AT, _PA, _AD),
    "coi.delete_report": _rule(_AT, _AD),
    "coi.search": _rule(_AT, _PA, _AD),
    "coi.suggest": _rule(_AT, _PA),
    "coi.cite": _rule(_AT, _PA),
    "coi.uncite": _rule(_AT, _PA),
    "coi.reject": _rule(_AT, _PA),
    "coi.citation_warnings": _rule(_AT, _PA),
    "coi.edit_report": _rule(_AT, _PA, _AD),
    "coi.library_warnings": _rule(_AT, _PA, _AD),
    # declaration: the team edits it, the translator translates it, the applicant (or staff
    # with her present) confirms it and asks about it; everyone on the case reads it.
    "declaration.show_declaration": _rule(_AT, _PA, _TR, _AP),
    "declaration.change": INTERNAL,  # every change below goes through it
    "declaration.edit_paragraph": _rule(_AT, _PA),
    "declaration.keep_paragraph": _rule(_AT, _PA),
    "declaration.merge_paragraphs": _rule(_AT, _PA),
    "declaration.split_paragraph": _rule(_AT, _PA),
    "declaration.move_paragraph": _rule(_AT, _PA),
    "declaration.add_paragraph": _rule(_AT, _PA),
    "declaration.delete_paragraph": _rule(_AT, _PA),
    "declaration.take_paragraph": _rule(_AT, _PA),
    "declaration.restore_declaration": _rule(_AT, _PA),
    "declaration.declaration_history": _rule(_AT, _PA, _TR),
    "declaration.declaration_diff": _rule(_AT, _PA, _TR),
    "declaration_confirm.translate_paragraph": _rule(_AT, _PA, _TR),
    "declaration_confirm.translation_queue": _rule(_AT, _PA, _TR),
    "declaration_confirm.confirm_paragraph": _rule(_AT, _PA, _AP),
    "declaration_confirm.confirm_declaration": _rule(_AT, _PA, _AP),
    "declaration_confirm.ask_about_paragraph": _rule(_AT, _PA, _AP),
    "declaration_confirm.resolve_question": _rule(_AT, _PA),
    # evidence: the applicant adds and reads her own documents.
    "evidence.add_evidence": _rule(_AT, _PA, _AP),
    "evidence.list_evidence": _rule(_AT, _PA, _AP),
    "evidence.get_evidence_file": _rule(_AT, _PA, _AP),
    "evidence.update_evidence": _rule(_AT, _PA, _AP),
    "evidence.set_exhibit_order": _rule(_AT, _PA),
    "evidence.set_exhibit_included": _rule(_AT, _PA),
    "evidence.set_exhibit_tab": _rule(_AT, _PA),
    "evidence.update_exhibit_settings": _rule(_AT, _PA),
    "evidence.remove_evidence": _rule(_AT),
    "evidence.warnings_for": _rule(_AT, _PA),
    "evidence.thumbnail": _rule(_AT, _PA),
    # forms: the official forms the firm imports (public documents; the admin imports them)
    "forms.import_form": _rule(_AD, operator=True),
    "forms.list_forms": _rule(_AD, _AT, _PA, operator=True),
    "forms.form_fields": _rule(_AD, _AT, _PA, operator=True),
    "forms.prepared_form": INTERNAL,  # render.render_document's work
    # invites
    "invites.create_invite": _rule(_AT),
    # maintenance: the command line's operator only.
    "maintenance.create_account": _rule(operator=True),
    "maintenance.list_all_cases": _rule(operator=True),
    "maintenance.backup": _rule(operator=True),
    # the exhibit packet, from the safe renditions (missing ones drawn first: internal).
    "packet.render_packet": _rule(_AT, _PA),
    "renditions.store_missing_renditions": INTERNAL,
    # reading scanned exhibits (OCR): queued by staff who build the packet, the text read by
    # whoever may read the exhibit.
    "ocr.read_exhibits": _rule(_AT, _PA),
    "ocr.reading_progress": _rule(_AT, _PA, _TR),
    "ocr.exhibit_text": _rule(_AT, _PA, _TR, _AP),
    "case_search.search_case": _rule(_AT, _PA, _TR),
    "maintenance.rotate_master_key": _rule(operator=True),
    # render: documents leave the app.
    "render.render_document": _rule(_AT, _PA),
    # review
    "review.submit_section": _rule(_AT, _PA, _AP),
    "review.request_changes": _rule(_AT),
    "review.approve_section": _rule(_AT),
    "review.add_comment": _rule(_AT, _PA),
    "review.reply_comment": _rule(_AT, _AP),
    "review.resolve_comment": _rule(_AT, _PA),
    "review.answer_history": _rule(_AT, _PA),
    "review.review_items": _rule(_AT, _PA),
    # translations: the translator's functions; the answer language also the applicant's.
    "translations.list_translation_items": _rule(_AT, _PA, _TR),
    "translations.save_translation": _rule(_AT, _PA, _TR),
    "translations.translate_comment": _rule(_AT, _PA, _TR),
    "translations.set_answer_language": _rule(_AT, _PA, _AP),
    "exhibit_translations.list_exhibit_translations": _rule(_AT, _PA, _TR),
    "exhibit_translations.exhibit_pages": _rule(_AT, _PA, _TR),
    "exhibit_translations.save_exhibit_translation": _rule(_TR),
    # users and accounts
    "users.create_user": _rule(_AD, _AT),
    "users.list_users": _rule(_AD, _AT),
    "users.link_oidc": _rule(_AD),
    "users.unlink_oidc": _rule(_AD),
    "users.sign_out": _rule(*_ALL, personal=True, inactive=True, before_new_password=True),
    "users.change_password": _rule(*_ALL, personal=True, before_new_password=True),
    "users.set_language": _rule(*_ALL, personal=True, before_new_password=True),
    "accounts.account_status": _rule(*_ALL, personal=True, inactive=True,
                                     before_new_password=True),
    "accounts.deactivate": _rule(_AD, operator=True),
    # the session cookie's token (services/web_sessions.py): about one's own browser session
    "web_sessions.create_session": _rule(*_ALL, personal=True, before_new_password=True),
    "web_sessions.touch_session": _rule(*_ALL, personal=True, before_new_password=True),
    "web_sessions.revoke_session": _rule(*_ALL, personal=True, inactive=True,
                                         before_new_password=True),
    "accounts.reactivate": _rule(_AD, operator=True),
    "accounts.reset_password": _rule(_AD, operator=True),
    "accounts.unlock": _rule(_AD, operator=True),
}

# Public functions taking `actor` that run inside a transaction their caller opened (their
# first parameter is that session) after checking access itself: not entry points.
BUILDING_BLOCKS = frozenset({"audit.log", "cases.commit_version", "declaration.open_loaded"})

OPERATOR_ONLY = N_("Only the operator of the command line may do this.")
_INSIDE: ContextVar[bool] = ContextVar("asylum_prep_inside_service", default=False)
P = ParamSpec("P")
R = TypeVar("R")


def rule_name(func: Callable[..., Any]) -> str:
    return f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}"


def check_role(actor: Actor, rule: Rule) -> bool:
    """Raise unless the actor's role may call a function under `rule`; True when the
    account's state (switched off, new password due) must still be read to decide."""
    if actor.operator:
        if rule.operator or (actor.role in rule.roles and not rule.personal):
            return False
        raise PermissionDenied()
    if actor.role not in rule.roles:
        raise PermissionDenied(OPERATOR_ONLY if rule.operator and not rule.roles else None)
    return not (rule.inactive and rule.before_new_password)


def check_account(session: Session, actor: Actor, rule: Rule) -> None:
    """Raise if the account's state, read in `session`, forbids a call under `rule`."""
    user = session.get(User, actor.id)
    active = user is not None and user.is_active and user.role == actor.role.value
    if not active and not rule.inactive:
        raise AccountDisabled()
    if user is not None and user.must_change_password and not rule.before_new_password:
        raise PasswordChangeRequired()


def check_rule(store: Store, actor: Actor, rule: Rule) -> None:
    """Raise unless `actor` may call a function under `rule` now (see the module docstring),
    reading the account in a transaction of its own."""
    if check_role(actor, rule):
        with store.reading() as session:
            check_account(session, actor, rule)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Check the caller against the function's entry in SERVICE_RULES (a missing entry fails
    at import). The function's first two parameters must be `store` and `actor`."""
    name = rule_name(func)
    try:
        rule = SERVICE_RULES[name]
    except KeyError:
        raise LookupError(f"{name} has no entry in access.SERVICE_RULES") from None
    if list(inspect.signature(func).parameters)[:2] != ["store", "actor"]:
        raise TypeError(f"{name}: a guarded function starts with (store, actor, ...)")

    @functools.wraps(func)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        if _INSIDE.get():
            return func(*args, **kwargs)
        store = args[0] if args else kwargs["store"]
        actor = args[1] if len(args) > 1 else kwargs["actor"]
        if not isinstance(actor, Actor):
            raise PermissionDenied()
        if not check_role(actor, rule):
            return _admitted(func, args, kwargs)
        return _checked_in_first_transaction(store, actor, rule,  # type: ignore[arg-type]
                                             lambda: _admitted(func, args, kwargs))

    checked.__service_rule__ = rule  # type: ignore[attr-defined]
    return checked


def _admitted(func: Callable[P, R], args: Any, kwargs: Any) -> R:
    token = _INSIDE.set(True)
    try:
        return func(*args, **kwargs)
    finally:
        _INSIDE.reset(token)


def _checked_in_first_transaction(store: Store, actor: Actor, rule: Rule,
                                  call: Callable[[], R]) -> R:
    """Run `call` with the account's state read inside the first transaction it opens, before
    that transaction's own work (storage.engine.FIRST_IN_TRANSACTION): the check reads the
    same snapshot as the work it admits, without a transaction of its own. A call that opens
    none, or fails before opening one, is checked in a transaction afterwards, and a refused
    account is told so rather than the call's own error."""
    def check(session: Session) -> None:
        check_account(session, actor, rule)

    token = FIRST_IN_TRANSACTION.set(check)
    try:
        try:
            result = call()
        except BaseException:
            if FIRST_IN_TRANSACTION.get() is check:
                check_rule(store, actor, rule)
            raise
        if FIRST_IN_TRANSACTION.get() is check:
            check_rule(store, actor, rule)
        return result
    finally:
        FIRST_IN_TRANSACTION.reset(token)
