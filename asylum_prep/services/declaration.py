"""The declaration the team edits: read it, change it paragraph by paragraph, every change a
version (who, when, what), the differences between two versions, and restore.

Until the first change a case's declaration is the generated one (version 0, built from the
answers now and never stored); the first change stores it as version 1 ("start") and the
change as version 2. Every change names the version it was made on (`base_version`); a change
made on an older version is refused (`DeclarationChanged`), nothing is merged silently. The
operations themselves are `domain.declaration`'s; the applicant's confirmation and the
translator's work are in `services/declaration_confirm.py`.

Access: reading is for the whole case team and the applicant; editing for the attorney and the
paralegal. Every read and change is audited with the version and the paragraph count or id,
never words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from asylum_prep.documents.declaration_edited import current_values, generated, source_paths
from asylum_prep.domain import declaration as ed
from asylum_prep.domain.declaration_diff import ParagraphDiff, diff
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, DeclarationChanged, InputRefused, PermissionDenied
from asylum_prep.forms.answer_labels import AnswerLabel, answer_label
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.crypto import CaseCipher
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, User

TEAM = frozenset({Role.attorney, Role.paralegal})
MAX_PARAGRAPH_CHARS = 20_000


@dataclass(frozen=True)
class Source:
    path: str
    label: AnswerLabel
    then: str  # the answer when the paragraph was last edited or confirmed
    now: str

    @property
    def changed(self) -> bool:
        return self.then != self.now


@dataclass(frozen=True)
class ParagraphView:
    id: str
    number: int | None
    kind: ed.Kind
    texts: dict[str, str]
    written_in: str
    translation: dict[str, str]  # language -> current / stale / missing
    state: ed.State
    team_wording: bool
    sources: list[Source]
    questions: list[ed.Question]


@dataclass(frozen=True)
class DeclarationView:
    version: int  # 0: the generated declaration, not edited yet
    language: str
    paragraphs: list[ParagraphView]
    confirmed: bool
    confirmation: ed.Confirmation | None
    open_questions: int = 0
    body: ed.EditedDeclaration = field(default_factory=ed.EditedDeclaration, repr=False)
    # answers the edited declaration does not use yet, as the generator words them now
    not_included: list[ed.Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class VersionEntry:
    version: int
    action: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Loaded:
    role: Role
    case: Case
    cipher: CaseCipher
    record: CaseRecord
    body: ed.EditedDeclaration
    version: int

    def current(self) -> dict[str, str]:
        return current_values(self.record, source_paths(self.body))


def stored(session: Session, store: Store, case: Case,
           version: int | None = None) -> tuple[ed.EditedDeclaration, int] | None:
    """The stored edited declaration (newest, or `version`) and its version; None when the
    team never edited it. No access check: for services that checked already."""
    cipher = store.case_cipher(case)
    row = (repo.latest_declaration_row(session, case.id) if version is None
           else repo.declaration_row(session, case.id, version))
    return (repo.open_declaration(cipher, row), row.version) if row is not None else None


def open_loaded(session: Session, store: Store, actor: Actor, case_id: str, permission: Permission,
          *, lock: bool = False) -> Loaded:
    role = require(session, actor, case_id, permission)
    case = repo.lock_case(session, case_id) if lock else repo.get_case(session, case_id)
    cipher = store.case_cipher(case)
    record = repo.open_record(cipher, repo.get_version_row(session, case_id, case.current_version))
    found = stored(session, store, case)
    if found is None:
        return Loaded(role, case, cipher, record,
                      generated(record, jurisdiction=case.jurisdiction), 0)
    return Loaded(role, case, cipher, record, found[0], found[1])


def view_of(loaded: Loaded) -> DeclarationView:
    body, current = loaded.body, loaded.current()
    numbers = ed.numbers(body)
    out = []
    for p in body.paragraphs:
        out.append(ParagraphView(
            id=p.id, number=numbers.get(p.id) if p.kind is ed.Kind.paragraph else None,
            kind=p.kind, texts={lg: p.text(lg) for lg in body.languages()},
            written_in=p.written_in,
            translation={lg: p.translation_status(lg) for lg in body.languages()},
            state=ed.state(body, p, current), team_wording=p.team_wording,
            sources=[Source(path, answer_label(loaded.record, path), then, current.get(path, ""))
                     for path, then in p.sources.items()],
            questions=[q for q in body.questions if q.paragraph_id == p.id and not q.resolved]))
    fresh = (generated(loaded.record, jurisdiction=loaded.case.jurisdiction)
             if loaded.version else body)
    return DeclarationView(
        version=loaded.version, language=body.language, paragraphs=out,
        confirmed=ed.is_confirmed(body, current), confirmation=body.confirmation,
        open_questions=sum(not q.resolved for q in body.questions), body=body,
        not_included=ed.not_included(body, fresh) if loaded.version else [])


@guarded
def show_declaration(store: Store, actor: Actor, case_id: str) -> DeclarationView:
    """The declaration as it stands, each paragraph with its number, wording per language,
    the answers it came from (then and now), its state and open questions."""
    with store.session() as session:
        loaded = open_loaded(session, store, actor, case_id, Permission.read)
        view = view_of(loaded)
        audit.log(session, actor, "declaration_view", case_id,
                  f"version={loaded.version} paragraphs={len(view.paragraphs)}")
        return view


@guarded
def change(store: Store, actor: Actor, case_id: str, *, base_version: int, action: str,
           permission: Permission, roles: frozenset[Role],
           apply: Callable[[ed.EditedDeclaration, dict[str, str]], ed.EditedDeclaration],
           detail: str = "") -> int:
    """Apply one operation to the declaration at `base_version` and store the result as the
    next version (the first change stores the generated declaration first). Audited."""
    with store.session() as session:
        loaded = open_loaded(session, store, actor, case_id, permission, lock=True)
        if loaded.role not in roles:
            raise PermissionDenied()
        if base_version != loaded.version:
            raise DeclarationChanged(base=base_version, current=loaded.version)
        version = loaded.version
        if version == 0:
            version = 1
            repo.add_declaration_version(session, loaded.cipher, version=1, body=loaded.body,
                                         action="start", actor_id=actor.id)
        new = apply(loaded.body, loaded.current())
        for p in new.paragraphs:
            if any(len(w.text) > MAX_PARAGRAPH_CHARS for w in p.texts.values()):
                raise InputRefused(N_("A paragraph has at most {n} characters."),
                                   n=MAX_PARAGRAPH_CHARS)
        repo.add_declaration_version(session, loaded.cipher, version=version + 1, body=new,
                                     action=action, actor_id=actor.id)
        audit.log(session, actor, f"declaration_{action}", case_id,
                  f"version={version + 1}{detail}")
        return version + 1


def _team(store: Store, actor: Actor, case_id: str, base_version: int, action: str,
          apply: Callable[[ed.EditedDeclaration, dict[str, str]], ed.EditedDeclaration],
          paragraph_id: str = "") -> int:
    return change(store, actor, case_id, base_version=base_version, action=action,
                  permission=Permission.write, roles=TEAM, apply=apply,
                  detail=f" paragraph={paragraph_id[:40]}" if paragraph_id else "")


@guarded
def edit_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str, lang: str,
                   text: str, base_version: int) -> int:
    """Rewrite a paragraph in `lang`; the other language's wording becomes a stale
    translation and the answers it came from are taken as they are now."""
    return _team(store, actor, case_id, base_version, "edit", lambda d, cur: ed.rewrite(
        d, paragraph_id, lang=lang, text=text, current=cur), paragraph_id)


@guarded
def keep_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                   base_version: int) -> int:
    """The changed answers were read; the paragraph's words stay as they are."""
    return _team(store, actor, case_id, base_version, "keep",
                 lambda d, cur: ed.keep(d, paragraph_id, current=cur), paragraph_id)


@guarded
def merge_paragraphs(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                     base_version: int) -> int:
    """Join a paragraph with the one after it."""
    return _team(store, actor, case_id, base_version, "merge",
                 lambda d, cur: ed.merge(d, paragraph_id, current=cur), paragraph_id)


@guarded
def split_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str, at: int,
                    base_version: int) -> int:
    """Cut a paragraph's written wording at character `at` into two paragraphs."""
    return _team(store, actor, case_id, base_version, "split",
                 lambda d, cur: ed.split(d, paragraph_id, at=at, current=cur), paragraph_id)


@guarded
def move_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                   after: str | None, base_version: int) -> int:
    """Put a paragraph right after another (`after=None`: first)."""
    return _team(store, actor, case_id, base_version, "move",
                 lambda d, cur: ed.move(d, paragraph_id, after=after), paragraph_id)


@guarded
def add_paragraph(store: Store, actor: Actor, case_id: str, *, after: str | None, lang: str,
                  text: str, base_version: int, heading: bool = False) -> int:
    """Add the team's own words after a paragraph (a connecting sentence, a heading)."""
    kind = ed.Kind.heading if heading else ed.Kind.paragraph
    return _team(store, actor, case_id, base_version, "add", lambda d, cur: ed.add(
        d, after=after, lang=lang, text=text, kind=kind)[0])


@guarded
def take_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                   after: str | None, base_version: int) -> int:
    """Put a paragraph the answers now give, and the edited declaration does not use yet,
    after `after` (None: first)."""
    with store.session() as session:
        loaded = open_loaded(session, store, actor, case_id, Permission.write)
        fresh = generated(loaded.record, jurisdiction=loaded.case.jurisdiction)
    return _team(store, actor, case_id, base_version, "take", lambda d, cur: ed.take(
        d, fresh, paragraph_id, after=after), paragraph_id)


@guarded
def delete_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                     base_version: int) -> int:
    return _team(store, actor, case_id, base_version, "delete",
                 lambda d, cur: ed.delete(d, paragraph_id), paragraph_id)


@guarded
def restore_declaration(store: Store, actor: Actor, case_id: str, *, version: int,
                        base_version: int) -> int:
    """Make an older version the newest again (as a new version: nothing is lost)."""
    with store.session() as session:
        require(session, actor, case_id, Permission.write)
        found = stored(session, store, repo.get_case(session, case_id), version)
    assert found is not None  # declaration_row raised NotFoundError otherwise
    old = found[0]
    return _team(store, actor, case_id, base_version, "restore", lambda d, cur: old,
                 f"v{version}")


@guarded
def declaration_history(store: Store, actor: Actor, case_id: str) -> list[VersionEntry]:
    """Every stored version, newest first: what was done, by whom, when."""
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        rows = repo.declaration_rows(session, case_id)
        ids = {r.created_by for r in rows}
        names = {u.id: u.display_name or u.username for u in session.exec(
            select(User).where(User.id.in_(ids)))} if ids else {}  # type: ignore[union-attr]
        audit.log(session, actor, "declaration_history", case_id, f"versions={len(rows)}")
        return [VersionEntry(r.version, r.action, names.get(r.created_by, ""), r.created_at)
                for r in rows]


@guarded
def declaration_diff(store: Store, actor: Actor, case_id: str, *, old: int,
                     new: int) -> list[ParagraphDiff]:
    """What changed between two stored versions (0: the generated declaration now)."""
    with store.session() as session:
        loaded = open_loaded(session, store, actor, case_id, Permission.read)
        bodies = []
        for number in (old, new):
            if number == 0:
                bodies.append(generated(loaded.record, jurisdiction=loaded.case.jurisdiction))
            else:
                found = stored(session, store, loaded.case, number)
                assert found is not None  # declaration_row raised otherwise
                bodies.append(found[0])
        audit.log(session, actor, "declaration_diff", case_id, f"old={old} new={new}")
    return diff(bodies[0], bodies[1])
