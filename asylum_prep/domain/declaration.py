"""The declaration as the team edits it and the applicant confirms it: ordered paragraphs.

The generated declaration (documents/build_declaration.py) is the starting point; from then on
the team rewrites, merges, splits, moves, adds and deletes paragraphs here, and every change is
stored as a new version (services/declaration.py, the `declaration_versions` table). Numbers
are never stored: a paragraph is known by its id, and `numbers` counts the paragraphs at the
time of rendering, so "Decl. ¶ N" in the brief follows every move.

Each paragraph carries:
- its wording per language (the applicant's language and English). The language the team
  last wrote in is `written_in`; the other wording is a translation of it, current while its
  `basis_sha256` is the hash of the written wording (so an edit makes it stale at once);
- the answers it came from, each with the value it had when the paragraph was last edited or
  confirmed: when an answer changes afterwards the paragraph is "source changed" and shows the
  old value beside the new one; nothing is rewritten by itself;
- `team_wording`: words the team added (a connecting sentence, a new paragraph), marked as
  theirs until the applicant confirms them;
- `confirmed_sha256`: the digest of the wording the applicant confirmed (see `digest`).

The declaration as a whole is confirmed when every paragraph is, and its `confirmation` names
the digest of the whole (`whole_digest`); a move after that asks for the whole again.
Pure: no storage, no access checks, no translation. Differences between two versions:
`domain/declaration_diff.py`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from asylum_prep.domain.base import Item, Model, Short, Text, new_id
from asylum_prep.errors import N_, InputRefused, NotFoundError


class Kind(StrEnum):
    heading = "heading"
    paragraph = "paragraph"
    quote = "quote"  # the persecutors' words, quoted under the paragraph before it


class State(StrEnum):
    generated = "generated"
    edited = "edited"
    source_changed = "source-changed"
    confirmed = "confirmed"


class Wording(Model):
    text: Text = ""
    basis_sha256: Short = ""  # a translation: the hash of the written wording it renders


class Paragraph(Item):
    kind: Kind = Kind.paragraph
    texts: dict[Short, Wording] = Field(default_factory=dict)
    written_in: Short = "en"
    sources: dict[Short, Text] = Field(default_factory=dict)  # answer path -> value then
    edited: bool = False
    team_wording: bool = False
    confirmed_sha256: Short = ""

    def text(self, lang: str) -> str:
        wording = self.texts.get(lang)
        return wording.text if wording else ""

    def translation_status(self, lang: str) -> str:
        """"current", "stale" or "missing" for the wording in `lang`."""
        if lang == self.written_in:
            return "current"
        wording = self.texts.get(lang)
        if wording is None or not wording.text.strip() or not wording.basis_sha256:
            return "missing"
        return "current" if wording.basis_sha256 == sha(self.text(self.written_in)) else "stale"


class Question(Item):
    """The applicant's question on one paragraph, for the team (answered by editing)."""

    paragraph_id: Short
    text: Text
    asked_by: int
    at: datetime
    resolved: bool = False


class Confirmation(Model):
    by: int  # the applicant, or the staff member who recorded her confirmation
    at: datetime
    whole_sha256: Short
    language: Short  # the language it was read in
    read_back_by: Short = ""  # the interpreter who read it back, when one did


class EditedDeclaration(Model):
    language: Short = "en"  # the applicant's language (the record's answer language)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    left_out: list[Short] = Field(default_factory=list)  # answer paths deliberately deleted
    questions: list[Question] = Field(default_factory=list)
    confirmation: Confirmation | None = None

    def languages(self) -> tuple[str, ...]:
        return (self.language,) if self.language == "en" else (self.language, "en")

    def find(self, paragraph_id: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == paragraph_id:
                return p
        raise NotFoundError(N_("The declaration has no paragraph {paragraph}."),
                            paragraph=str(paragraph_id)[:40])

    def index(self, paragraph_id: str) -> int:
        return self.paragraphs.index(self.find(paragraph_id))


def sha(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def answer_value(value: Any) -> str:
    """An answer as comparable text: a string as written, anything else as its JSON."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, list):
        return json.dumps([v.model_dump(mode="json") if isinstance(v, BaseModel) else v
                           for v in value], sort_keys=True, default=str)
    return json.dumps(value, sort_keys=True, default=str)


def digest(decl: EditedDeclaration, p: Paragraph) -> str:
    """What confirming a paragraph covers: its kind and its wording in every language."""
    body = json.dumps([p.kind.value, *(p.text(lang).strip() for lang in decl.languages())],
                      ensure_ascii=False)
    return sha(body)


def whole_digest(decl: EditedDeclaration) -> str:
    """The digest of the whole declaration: every paragraph's digest, in order."""
    return sha(" ".join(digest(decl, p) for p in decl.paragraphs))


def numbers(decl: EditedDeclaration) -> dict[str, int]:
    """Paragraph id -> the number it prints; a quotation takes the number of the paragraph
    it follows; headings have none."""
    out: dict[str, int] = {}
    n = 0
    for p in decl.paragraphs:
        if p.kind is Kind.paragraph:
            n += 1
            out[p.id] = n
        elif p.kind is Kind.quote and n:
            out[p.id] = n
    return out


def changed_sources(p: Paragraph, current: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Answer path -> (value when last edited or confirmed, value now), for each that differs."""
    return {path: (old, current.get(path, "")) for path, old in p.sources.items()
            if current.get(path, "") != old}


def state(decl: EditedDeclaration, p: Paragraph, current: dict[str, str]) -> State:
    if changed_sources(p, current):
        return State.source_changed
    if p.confirmed_sha256 and p.confirmed_sha256 == digest(decl, p):
        return State.confirmed
    return State.edited if p.edited else State.generated


def is_confirmed(decl: EditedDeclaration, current: dict[str, str]) -> bool:
    """Every paragraph confirmed as it reads now, and the whole in this order."""
    return (decl.confirmation is not None
            and decl.confirmation.whole_sha256 == whole_digest(decl)
            and all(state(decl, p, current) is State.confirmed for p in decl.paragraphs))


# --- the operations: each returns a new declaration ------------------------------------------


def _copy(decl: EditedDeclaration) -> EditedDeclaration:
    return decl.model_copy(deep=True)


def _clean(text: str) -> str:
    text = text.strip()
    if not text:
        raise InputRefused(N_("Write the paragraph's words first."))
    return text


def _check_lang(decl: EditedDeclaration, lang: str) -> None:
    if lang not in decl.languages():
        raise InputRefused(
            N_("The declaration is written in {languages}; choose one of them."),
            languages=", ".join(decl.languages()))


def _rebase(p: Paragraph, current: dict[str, str]) -> None:
    p.sources = {path: current.get(path, "") for path in p.sources}


def rewrite(decl: EditedDeclaration, paragraph_id: str, *, lang: str, text: str,
            current: dict[str, str]) -> EditedDeclaration:
    """New words in `lang`, which becomes the written language: the other language's wording
    is kept but is now a stale translation. The answers it came from are taken as they are
    now (the team has read them)."""
    _check_lang(decl, lang)
    out = _copy(decl)
    p = out.find(paragraph_id)
    old = p.text(lang)
    other = [lg for lg in out.languages() if lg != lang]
    for lg in other:
        w = p.texts.get(lg)
        if w is not None and lg == p.written_in:  # the old original renders the old `lang` words
            p.texts[lg] = Wording(text=w.text, basis_sha256=sha(old) if old else "")
    p.texts[lang] = Wording(text=_clean(text))
    p.written_in = lang
    p.edited = True
    _rebase(p, current)
    return out


def keep(decl: EditedDeclaration, paragraph_id: str, *,
         current: dict[str, str]) -> EditedDeclaration:
    """The team read the changed answers and keeps the paragraph's words as they are."""
    out = _copy(decl)
    p = out.find(paragraph_id)
    _rebase(p, current)
    p.edited = True
    return out


def translate(decl: EditedDeclaration, paragraph_id: str, *, lang: str,
              text: str) -> EditedDeclaration:
    """The translator's wording in `lang` of the paragraph's written wording."""
    _check_lang(decl, lang)
    out = _copy(decl)
    p = out.find(paragraph_id)
    if lang == p.written_in:
        raise InputRefused(N_("This paragraph was written in that language; choose the other "
                              "language to translate it into."))
    p.texts[lang] = Wording(text=_clean(text), basis_sha256=sha(p.text(p.written_in)))
    return out


UNSPACED = frozenset({"zh", "ja"})  # scripts that join sentences without a space


def _join(a: str, b: str, lang: str) -> str:
    glue = "" if lang.replace("_", "-").split("-")[0] in UNSPACED else " "
    return glue.join(x for x in (a.strip(), b.strip()) if x)


def merge(decl: EditedDeclaration, paragraph_id: str, *,
          current: dict[str, str]) -> EditedDeclaration:
    """Join a paragraph and the next one (the next one's words follow in each language).
    Translations that were current for both stay current: no word changed."""
    out = _copy(decl)
    i = out.index(paragraph_id)
    if i + 1 >= len(out.paragraphs) or out.paragraphs[i + 1].kind is not out.paragraphs[i].kind:
        raise InputRefused(N_("Only a paragraph followed by another paragraph can be joined "
                              "with it."))
    a, b = out.paragraphs[i], out.paragraphs[i + 1]
    current_both = {lg: a.translation_status(lg) == b.translation_status(lg) == "current"
                    and a.written_in == b.written_in for lg in out.languages()}
    texts = {lg: _join(a.text(lg), b.text(lg), lg) for lg in out.languages()}
    a.texts = {lg: Wording(text=t) for lg, t in texts.items() if t}
    for lg in a.texts:
        if lg != a.written_in:
            a.texts[lg].basis_sha256 = (sha(texts[a.written_in]) if current_both[lg] else "")
    a.sources = {**a.sources, **b.sources}
    _rebase(a, current)
    a.edited = True
    a.team_wording = a.team_wording or b.team_wording
    a.confirmed_sha256 = ""
    del out.paragraphs[i + 1]
    return out


def split(decl: EditedDeclaration, paragraph_id: str, *, at: int,
          current: dict[str, str]) -> EditedDeclaration:
    """Cut the written wording at character `at`: the second part becomes a new paragraph
    right after, with the same answers; each part's translation must be made again."""
    out = _copy(decl)
    i = out.index(paragraph_id)
    p = out.paragraphs[i]
    written = p.text(p.written_in)
    first, second = written[:at].strip(), written[at:].strip()
    if not first or not second:
        raise InputRefused(N_("Split a paragraph between two of its words, with words on "
                              "both sides."))
    q = p.model_copy(deep=True, update={"id": new_id()})
    # The first part keeps the old translation, now stale; the second has none yet.
    p.texts = {lg: Wording(text=w.text, basis_sha256=sha(written) if w.basis_sha256 else "")
               for lg, w in p.texts.items() if lg != p.written_in}
    p.texts[p.written_in] = Wording(text=first)
    q.texts = {q.written_in: Wording(text=second)}
    for part in (p, q):
        part.edited = True
        part.confirmed_sha256 = ""
        _rebase(part, current)
    out.paragraphs.insert(i + 1, q)
    return out


def move(decl: EditedDeclaration, paragraph_id: str, *, after: str | None) -> EditedDeclaration:
    """Put a paragraph right after another one (`after=None`: first)."""
    out = _copy(decl)
    p = out.find(paragraph_id)
    if after == paragraph_id:
        return _copy(decl)  # after itself: where it is
    if after is not None:
        out.find(after)
    out.paragraphs.remove(p)
    at = 0 if after is None else out.index(after) + 1
    out.paragraphs.insert(at, p)
    p.edited = True
    return out


def add(decl: EditedDeclaration, *, after: str | None, lang: str, text: str,
        kind: Kind = Kind.paragraph) -> tuple[EditedDeclaration, str]:
    """New words of the team's (a connecting sentence, a paragraph, a heading), marked as the
    team's wording until the applicant confirms them. Returns the new paragraph's id."""
    _check_lang(decl, lang)
    out = _copy(decl)
    p = Paragraph(kind=kind, texts={lang: Wording(text=_clean(text))}, written_in=lang,
                  edited=True, team_wording=True)
    at = 0 if after is None else out.index(after) + 1
    out.paragraphs.insert(at, p)
    return out, p.id


def not_included(decl: EditedDeclaration, fresh: EditedDeclaration) -> list[Paragraph]:
    """Paragraphs of a freshly generated declaration built from answers the edited one neither
    uses nor left out on purpose (an incident added after the team started editing, say)."""
    known = {s for p in decl.paragraphs for s in p.sources} | set(decl.left_out)
    return [p for p in fresh.paragraphs
            if p.kind is not Kind.heading and p.sources and not set(p.sources) & known]


def take(decl: EditedDeclaration, fresh: EditedDeclaration, paragraph_id: str, *,
         after: str | None) -> EditedDeclaration:
    """Put a paragraph of the freshly generated declaration (`not_included`) into the edited
    one, right after `after` (None: first)."""
    found = next((p for p in not_included(decl, fresh) if p.id == paragraph_id), None)
    if found is None:
        raise NotFoundError(N_("The declaration has no paragraph {paragraph}."),
                            paragraph=str(paragraph_id)[:40])
    out = _copy(decl)
    at = 0 if after is None else out.index(after) + 1
    taken = found.model_copy(deep=True)
    if any(p.id == taken.id for p in out.paragraphs):
        taken.id = new_id()
    out.paragraphs.insert(at, taken)
    return out


def delete(decl: EditedDeclaration, paragraph_id: str) -> EditedDeclaration:
    """Remove a paragraph; its answers are remembered as left out on purpose."""
    out = _copy(decl)
    p = out.find(paragraph_id)
    out.paragraphs.remove(p)
    kept = {s for q in out.paragraphs for s in q.sources}
    out.left_out = sorted({*out.left_out, *(s for s in p.sources if s not in kept)})
    return out


def confirm(decl: EditedDeclaration,
            paragraph_ids: Iterable[str] | None = None) -> EditedDeclaration:
    """Mark paragraphs (all when None) as confirmed as they read now."""
    out = _copy(decl)
    wanted = set(paragraph_ids) if paragraph_ids is not None else None
    for p in out.paragraphs:
        if wanted is None or p.id in wanted:
            p.confirmed_sha256 = digest(out, p)
    return out
