"""Review of the applicant's answers: section states, comments on single answers, history.

Each wizard part (section) moves draft -> submitted -> changes_requested | approved, and
back to submitted when the applicant sends it again:

    submit_section      draft | changes_requested -> submitted    applicant, attorney, paralegal
    request_changes     submitted | changes_requested | approved -> changes_requested  (review)
    approve_section     submitted | changes_requested -> approved                      (review)

Only attorneys hold Permission.review. Every change of state is kept in
`SectionReview.history`. Comments are written by the attorney or paralegal on one answer;
the applicant may only fill in the reply (enforced by services.access.may_change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from asylum_prep.domain import merge
from asylum_prep.domain.record import CaseRecord, SectionKey, get_path
from asylum_prep.domain.review import Comment, SectionReview, SectionStatus, StatusChange
from asylum_prep.errors import N_, InputRefused, NotFoundError, PermissionDenied
from asylum_prep.forms.requests import checked_template
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.answers import load, section_status
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User, utcnow

TEAM = frozenset({Role.attorney, Role.paralegal})
SUBMITTABLE = frozenset({SectionStatus.draft, SectionStatus.changes_requested})
REVIEWABLE = frozenset({SectionStatus.submitted, SectionStatus.changes_requested,
                        SectionStatus.approved})
APPROVABLE = frozenset({SectionStatus.submitted, SectionStatus.changes_requested})


def _section(section: str | SectionKey) -> SectionKey:
    try:
        return SectionKey(section)
    except ValueError:
        raise InputRefused(N_("There is no such part of the questionnaire.")) from None


def _set_status(record: CaseRecord, section: SectionKey, status: SectionStatus, by: int) -> None:
    review = record.reviews.get(section) or SectionReview()
    history = [*review.history, StatusChange(status=status, by=by, at=utcnow())]
    record.reviews[section] = SectionReview(status=status, history=history)


def _transition(
    store: Store, actor: Actor, case_id: str, *, section: str | SectionKey, base_version: int,
    allowed_from: frozenset[SectionStatus], to: SectionStatus, permission: Permission,
    action: str, refused: str, change: Callable[[CaseRecord], None] | None = None,
) -> int:
    key = _section(section)
    role, base, current, version = load(store, actor, case_id, base_version, permission)
    if permission is Permission.write and role not in (TEAM | {Role.applicant}):
        raise PermissionDenied()
    if section_status(base, key.value) != section_status(current, key.value):
        raise InputRefused(N_("The state of this part changed meanwhile. Reload the page and "
                              "try again."))
    if section_status(current, key.value) not in allowed_from:
        raise InputRefused(refused)
    record = current  # read for this call alone: changed in place, not copied
    _set_status(record, key, to, actor.id)
    if change is not None:
        change(record)
    return cases.save_as_team(store, actor, case_id, record=record, base_version=version,
                              permission=permission, action=action)


@guarded
def submit_section(
    store: Store, actor: Actor, case_id: str, *, section: str | SectionKey, base_version: int
) -> int:
    """Send a part to the legal team for review (applicant, attorney or paralegal)."""
    return _transition(
        store, actor, case_id, section=section, base_version=base_version,
        allowed_from=SUBMITTABLE, to=SectionStatus.submitted, permission=Permission.write,
        action="section_submit",
        refused=N_("This part has already been sent for review."),
    )


def _new_comment(actor: Actor, path: str, text: str, limit: int, template: str = "") -> Comment:
    text = text.strip()
    template = checked_template(template)
    if not text and not template:
        raise InputRefused(N_("Please write the comment first."))
    if len(text) > limit:
        raise InputRefused(N_("A comment has at most {limit} characters."), limit=limit)
    if path.split(".", 1)[0] not in {s.value for s in SectionKey}:
        raise InputRefused(N_("Comments are made on an answer of the questionnaire."))
    return Comment(path=path[:500], author=actor.id, at=utcnow(), text=text, template=template)


@guarded
def request_changes(
    store: Store, actor: Actor, case_id: str, *, section: str | SectionKey, path: str,
    comment: str = "", base_version: int, template: str = "",
) -> int:
    """Ask the applicant to change or explain one answer (attorney only), in a request
    template (forms/requests.py), in the attorney's own words, or both."""
    key = _section(section)
    if path.split(".", 1)[0] != key.value:
        raise InputRefused(N_("This answer is not part of that section."))
    note = _new_comment(actor, path, comment, store.settings.max_answer_chars, template)
    return _transition(
        store, actor, case_id, section=key, base_version=base_version,
        allowed_from=REVIEWABLE, to=SectionStatus.changes_requested,
        permission=Permission.review, action="section_request_changes",
        refused=N_("This part has not been sent for review yet. You can add a comment instead."),
        change=lambda record: record.comments.append(note),
    )


@guarded
def approve_section(
    store: Store, actor: Actor, case_id: str, *, section: str | SectionKey, base_version: int
) -> int:
    """Approve a part (attorney only). The applicant can no longer change it."""
    return _transition(
        store, actor, case_id, section=section, base_version=base_version,
        allowed_from=APPROVABLE, to=SectionStatus.approved, permission=Permission.review,
        action="section_approve",
        refused=N_("Only a part that was sent for review can be approved."),
    )


def _team_role(store: Store, actor: Actor, case_id: str) -> Role:
    with store.reading() as session:
        role = require(session, actor, case_id, Permission.read)
    if role not in TEAM:
        raise PermissionDenied()
    return role


@guarded
def add_comment(
    store: Store, actor: Actor, case_id: str, *, path: str, text: str = "", base_version: int,
    template: str = "",
) -> tuple[str, int]:
    """A comment on one answer (attorney or paralegal), in a request template, the team's own
    words, or both: (comment id, new version)."""
    _team_role(store, actor, case_id)
    note = _new_comment(actor, path, text, store.settings.max_answer_chars, template)
    base = load(store, actor, case_id, base_version).base
    record = base.model_copy(deep=True)
    record.comments.append(note)
    version = cases.save_as_team(store, actor, case_id, record=record, base_version=base_version,
                                 permission=Permission.write, action="comment_add")
    return note.id, version


def _find(record: CaseRecord, comment_id: str) -> Comment:
    found = next((c for c in record.comments if c.id == comment_id), None)
    if found is None:
        raise NotFoundError(N_("This comment no longer exists."))
    return found


@guarded
def reply_comment(
    store: Store, actor: Actor, case_id: str, *, comment_id: str, text: str, base_version: int
) -> int:
    """The applicant's answer to a comment (only the reply fields change)."""
    text = text.strip()
    if not text:
        raise InputRefused(N_("Please write your answer first."))
    if len(text) > store.settings.max_answer_chars:
        raise InputRefused(N_("This answer is {count} characters long; the limit is {limit}."),
                           count=len(text), limit=store.settings.max_answer_chars)
    base = load(store, actor, case_id, base_version).base
    record = base.model_copy(deep=True)
    comment = _find(record, comment_id)
    comment.reply = text
    comment.replied_at = utcnow()
    return cases.save_record(store, actor, case_id, record=record, base_version=base_version)


@guarded
def resolve_comment(
    store: Store, actor: Actor, case_id: str, *, comment_id: str, base_version: int
) -> int:
    """Mark a comment done (attorney or paralegal)."""
    _team_role(store, actor, case_id)
    base = load(store, actor, case_id, base_version).base
    record = base.model_copy(deep=True)
    _find(record, comment_id).resolved = True
    return cases.save_as_team(store, actor, case_id, record=record, base_version=base_version,
                              permission=Permission.write, action="comment_resolve")


def open_requests(record: CaseRecord, section: str | None = None) -> list[Comment]:
    """Unresolved comments (for the applicant's wizard and the review page)."""
    return [c for c in record.comments if not c.resolved
            and (section is None or c.path.split(".", 1)[0] == section)]


# --- history and review items --------------------------------------------------------------

@dataclass(frozen=True)
class HistoryEntry:
    version: int
    at: datetime
    who: str
    value: Any


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _mentions(summary: list[str], path: str) -> bool:
    return len(summary) >= 200 or any(
        s == path or s.startswith(path + ".") or path.startswith(s + ".") for s in summary)


@guarded
def answer_history(store: Store, actor: Actor, case_id: str, path: str) -> list[HistoryEntry]:
    """Every value the answer at `path` had: (version, when, who, value), oldest first."""
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        cipher = store.case_cipher(repo.get_case(session, case_id))
        names = {u.id: (u.display_name or u.username) for u in session.exec(_users())}
        out: list[HistoryEntry] = []
        previous: Any = None
        for row in sorted(repo.list_version_rows(session, case_id), key=lambda r: r.version):
            if row.version > 1 and not _mentions(repo.open_summary(cipher, row), path):
                continue
            value = _plain(get_path(repo.open_record(cipher, row), path))
            if (value != previous) and (out or value not in (None, "", [])):
                out.append(HistoryEntry(row.version, row.created_at,
                                        names.get(row.created_by, "?"), value))
            previous = value
        audit.log(session, actor, "answer_history_view", case_id, f"entries={len(out)}")
        return out


def _users() -> Any:
    from sqlmodel import select

    return select(User)


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # screening_yes | changed_after_approval | reply_waiting | submitted
    #            | declaration_question (the applicant asked about a declaration paragraph)
    section: str
    path: str
    comment_id: str = ""
    paragraph: int = 0  # declaration_question: the paragraph's number now


def _declaration_questions(session: Any, store: Store, case: Any) -> list[ReviewItem]:
    """The applicant's open questions on declaration paragraphs, like replies waiting."""
    from asylum_prep.domain.declaration import numbers
    from asylum_prep.services.declaration import stored

    found = stored(session, store, case)
    if found is None:
        return []
    body = found[0]
    where = numbers(body)
    return [ReviewItem("declaration_question", "declaration", q.paragraph_id, q.id,
                       where.get(q.paragraph_id, 0))
            for q in body.questions if not q.resolved]


def _approval_version(rows: list[Any], summaries: dict[int, list[str]], section: str) -> int:
    status_path = f"reviews.{section}.status"
    for row in reversed(rows):
        if status_path in summaries[row.version]:
            return int(row.version)
    return 0


@guarded
def review_items(store: Store, actor: Actor, case_id: str) -> list[ReviewItem]:
    """What needs the attorney's eye: screening "yes" answers, answers changed after their
    part was approved, replies to comments, parts waiting for review."""
    from asylum_prep.forms.screening import ALERT_FIELDS

    with store.reading() as session:
        if require(session, actor, case_id, Permission.read) not in TEAM:
            raise PermissionDenied()
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        rows = sorted(repo.list_version_rows(session, case_id), key=lambda r: r.version)
        current = repo.open_record(cipher, rows[-1])
        items: list[ReviewItem] = []
        for name in ALERT_FIELDS:
            if getattr(current.screening, name) == "yes":
                items.append(ReviewItem("screening_yes", "screening", f"screening.{name}"))
        summaries = {r.version: repo.open_summary(cipher, r) for r in rows}
        for key, review in current.reviews.items():
            if review.status is SectionStatus.submitted:
                items.append(ReviewItem("submitted", key.value, key.value))
            if review.status is not SectionStatus.approved:
                continue
            approved_at = _approval_version(rows, summaries, key.value)
            later = [v for v in summaries if v > approved_at
                     and any(s.split(".", 1)[0] == key.value for s in summaries[v])]
            if approved_at and later:
                approved = repo.open_record(
                    cipher, next(r for r in rows if r.version == approved_at))
                before = merge.flatten(approved)
                after = merge.flatten(current)
                changed = merge.describe({p for p in merge.changed_paths(before, after)
                                          if p[0] == key.value})
                items.extend(ReviewItem("changed_after_approval", key.value, p) for p in changed)
        for comment in current.comments:
            if comment.reply and not comment.resolved:
                items.append(ReviewItem("reply_waiting", comment.path.split(".", 1)[0],
                                        comment.path, comment.id))
        items.extend(_declaration_questions(session, store, case))
    with store.session() as session:
        audit.log(session, actor, "review_items_view", case_id, f"count={len(items)}")
    return items
