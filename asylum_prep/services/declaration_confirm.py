"""The declaration in the applicant's language: the translator's queue, her confirmation
paragraph by paragraph (or staff recording it with her present), and her questions.

- The translator (or the attorney, the paralegal) renders each edited paragraph into the other
  language (`translate_paragraph`); `translation_queue` lists the paragraphs whose wording in a
  language is missing or stale, each with the words changed since the last confirmed version.
- A paragraph can be confirmed only while its answers are unchanged and both wordings are
  current; `confirm_declaration` confirms the whole (each paragraph and the order) and records
  who confirmed, the language it was read in and who read it back. Certificates and the final
  declaration cover exactly that confirmed version (services/render_gate.py).
- A question on a paragraph reaches the team with the declaration (open questions on the
  staff page); the team resolves it, usually after editing.

Access: the applicant herself, or the attorney or paralegal recording her confirmation; the
translator translates. Everything audited with versions and ids, never words.
"""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.domain import declaration as ed
from asylum_prep.domain.declaration_diff import word_diff
from asylum_prep.errors import N_, InputRefused, PermissionDenied
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.declaration import TEAM, change, open_loaded, stored
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import utcnow

CONFIRMERS = TEAM | {Role.applicant}
TRANSLATORS = TEAM | {Role.translator}
MAX_QUESTION_CHARS = 5_000


@dataclass(frozen=True)
class TranslationTask:
    paragraph_id: str
    number: int | None
    lang: str  # the language to translate into
    status: str  # missing / stale
    source_lang: str
    source: str  # the written wording now
    translation: str  # the stale wording, "" when missing
    changed: list[str]  # words removed / added since the last confirmed version


def _not_ready(body: ed.EditedDeclaration, p: ed.Paragraph, current: dict[str, str]) -> None:
    # a heading has no number: it is named by its words
    number = ed.numbers(body).get(p.id) or f"\u201c{p.text(p.written_in)[:60]}\u201d"
    if ed.changed_sources(p, current):
        raise InputRefused(N_("Paragraph {number} cannot be confirmed yet: an answer it comes "
                              "from has changed. The legal team must look at it first."),
                           number=number)
    if any(p.translation_status(lg) != "current" for lg in body.languages()):
        raise InputRefused(N_("Paragraph {number} cannot be confirmed yet: its translation is "
                              "missing or out of date."), number=number)


@guarded
def translate_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                        lang: str, text: str, base_version: int) -> int:
    """The wording of a paragraph in `lang`, translated from the language it was written in."""
    return change(store, actor, case_id, base_version=base_version, action="translate",
                  permission=Permission.translation, roles=TRANSLATORS,
                  apply=lambda d, cur: ed.translate(d, paragraph_id, lang=lang, text=text),
                  detail=f" paragraph={paragraph_id[:40]}")


@guarded
def translation_queue(store: Store, actor: Actor, case_id: str) -> list[TranslationTask]:
    """Each paragraph wording that is missing or stale, with the written words changed since
    the last confirmed version (or since the generated draft, when none was confirmed)."""
    with store.session() as session:
        loaded = open_loaded(session, store, actor, case_id, Permission.translation)
        if loaded.role not in TRANSLATORS:
            raise PermissionDenied()
        confirmed: ed.EditedDeclaration | None = None
        for row in repo.declaration_rows(session, case_id):
            body = repo.open_declaration(loaded.cipher, row)
            if body.confirmation is not None:
                confirmed = body
                break
        if confirmed is None:
            first = stored(session, store, loaded.case, 1) if loaded.version else None
            confirmed = first[0] if first else loaded.body
        before = {p.id: p for p in confirmed.paragraphs}
        numbers = ed.numbers(loaded.body)
        out = []
        for p in loaded.body.paragraphs:
            for lg in loaded.body.languages():
                status = p.translation_status(lg)
                if status == "current":
                    continue
                now = p.text(p.written_in)
                old = before.get(p.id)
                then = old.text(p.written_in) if old is not None else ""
                out.append(TranslationTask(
                    paragraph_id=p.id, number=numbers.get(p.id), lang=lg, status=status,
                    source_lang=p.written_in, source=now, translation=p.text(lg),
                    changed=word_diff(then, now)))
        audit.log(session, actor, "declaration_queue", case_id,
                  f"version={loaded.version} tasks={len(out)}")
        return out


@guarded
def confirm_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                      base_version: int) -> int:
    """The applicant confirms one paragraph as it reads now (or staff record that she did)."""
    def apply(d: ed.EditedDeclaration, cur: dict[str, str]) -> ed.EditedDeclaration:
        _not_ready(d, d.find(paragraph_id), cur)
        return ed.confirm(d, [paragraph_id])

    return change(store, actor, case_id, base_version=base_version, action="confirm_paragraph",
                  permission=Permission.read, roles=CONFIRMERS, apply=apply,
                  detail=f" paragraph={paragraph_id[:40]}")


@guarded
def confirm_declaration(store: Store, actor: Actor, case_id: str, *, base_version: int,
                        language: str = "", read_back_by: str = "") -> int:
    """The applicant confirms the whole declaration as it reads now, after it was read to her
    in `language` (by `read_back_by`, an interpreter, when one read it). Refused while any
    paragraph's answers changed or a translation is not current."""
    def apply(d: ed.EditedDeclaration, cur: dict[str, str]) -> ed.EditedDeclaration:
        if not d.paragraphs:
            raise InputRefused(N_("The declaration has no paragraphs to confirm."))
        for p in d.paragraphs:
            _not_ready(d, p, cur)
        out = ed.confirm(d)
        out.confirmation = ed.Confirmation(
            by=actor.id, at=utcnow(), whole_sha256=ed.whole_digest(out),
            language=(language or d.language)[:16], read_back_by=read_back_by.strip()[:200])
        return out

    return change(store, actor, case_id, base_version=base_version, action="confirm",
                  permission=Permission.read, roles=CONFIRMERS, apply=apply,
                  detail=" read_back=yes" if read_back_by.strip() else "")


@guarded
def ask_about_paragraph(store: Store, actor: Actor, case_id: str, *, paragraph_id: str,
                        question: str, base_version: int) -> int:
    """The applicant's question on a paragraph, for the legal team."""
    question = question.strip()
    if not question:  # her question is a comment to her team
        raise InputRefused(N_("Please write the comment first."))
    if len(question) > MAX_QUESTION_CHARS:
        raise InputRefused(N_("A comment has at most {limit} characters."),
                           limit=MAX_QUESTION_CHARS)

    def apply(d: ed.EditedDeclaration, cur: dict[str, str]) -> ed.EditedDeclaration:
        out = d.model_copy(deep=True)
        out.find(paragraph_id)
        out.questions.append(ed.Question(paragraph_id=paragraph_id, text=question,
                                         asked_by=actor.id, at=utcnow()))
        return out

    return change(store, actor, case_id, base_version=base_version, action="question",
                  permission=Permission.read, roles=CONFIRMERS, apply=apply,
                  detail=f" paragraph={paragraph_id[:40]}")


@guarded
def resolve_question(store: Store, actor: Actor, case_id: str, *, question_id: str,
                     base_version: int) -> int:
    """The team answered the applicant's question (usually by editing the paragraph)."""
    def apply(d: ed.EditedDeclaration, cur: dict[str, str]) -> ed.EditedDeclaration:
        out = d.model_copy(deep=True)
        found = next((q for q in out.questions if q.id == question_id), None)
        if found is None:
            raise InputRefused(N_("This question no longer exists."))
        found.resolved = True
        return out

    return change(store, actor, case_id, base_version=base_version, action="resolve",
                  permission=Permission.write, roles=TEAM, apply=apply,
                  detail=f" question={question_id[:40]}")
