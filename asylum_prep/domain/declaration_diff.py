"""What changed between two versions of the edited declaration (domain/declaration.py),
paragraph by paragraph: added, removed, changed (the words removed and added, per language)
and moved (those not in the longest run kept in the same order), with the numbers each
paragraph printed before and after."""

from __future__ import annotations

import difflib
from enum import StrEnum

from pydantic import BaseModel, Field

from asylum_prep.domain.declaration import EditedDeclaration, numbers


class Change(StrEnum):
    added = "added"
    removed = "removed"
    changed = "changed"
    moved = "moved"


class ParagraphDiff(BaseModel):
    paragraph_id: str
    change: Change
    old_number: int | None = None
    new_number: int | None = None
    lang: str = ""
    old_text: str = ""
    new_text: str = ""
    lines: list[str] = Field(default_factory=list)  # a unified diff of the words


def word_diff(old: str, new: str) -> list[str]:
    """The words removed ("- ") and added ("+ ") between two wordings, in order."""
    out: list[str] = []
    for line in difflib.ndiff(old.split(), new.split()):
        if line[:2] in ("- ", "+ "):
            out.append(line)
    return out


def diff(old: EditedDeclaration, new: EditedDeclaration) -> list[ParagraphDiff]:
    """What changed from `old` to `new`, paragraph by paragraph, in `new`'s order (removed
    paragraphs at the end)."""
    on, nn = numbers(old), numbers(new)
    old_by = {p.id: p for p in old.paragraphs}
    old_order = [p.id for p in old.paragraphs]
    new_order = [p.id for p in new.paragraphs if p.id in old_by]
    kept_old = [i for i in old_order if i in set(new_order)]
    moved = _moved(kept_old, new_order)
    out: list[ParagraphDiff] = []
    for p in new.paragraphs:
        before = old_by.get(p.id)
        if before is None:
            out.append(ParagraphDiff(paragraph_id=p.id, change=Change.added,
                                     new_number=nn.get(p.id), lang=p.written_in,
                                     new_text=p.text(p.written_in)))
            continue
        for lang in new.languages():
            if before.text(lang) != p.text(lang):
                out.append(ParagraphDiff(
                    paragraph_id=p.id, change=Change.changed, old_number=on.get(p.id),
                    new_number=nn.get(p.id), lang=lang, old_text=before.text(lang),
                    new_text=p.text(lang), lines=word_diff(before.text(lang), p.text(lang))))
        if p.id in moved:
            out.append(ParagraphDiff(paragraph_id=p.id, change=Change.moved,
                                     old_number=on.get(p.id), new_number=nn.get(p.id)))
    new_ids = {p.id for p in new.paragraphs}
    for p in old.paragraphs:
        if p.id not in new_ids:
            out.append(ParagraphDiff(paragraph_id=p.id, change=Change.removed,
                                     old_number=on.get(p.id), lang=p.written_in,
                                     old_text=p.text(p.written_in)))
    return out


def _moved(old: list[str], new: list[str]) -> set[str]:
    """The ids not in the longest run kept in the same order (what the team moved)."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    stayed = {old[b.a + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
    return set(new) - stayed
