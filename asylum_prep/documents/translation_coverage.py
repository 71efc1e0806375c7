"""Which answers of an English declaration a certificate of translation may cover.

A certificate of translation vouches for the translator's English. It may cover only answers
whose stored translation is current (its source hash matches the original now, the same test
documents/answers.py uses to print it). An answer printed in the declarant's own words because
its translation is missing or out of date is named as not covered, never silently included.
An answer whose words need no translation (`forms.answer_kinds.needs_translation`: numbers,
names, Latin-script words in a declaration answered in another script) is neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from asylum_prep.documents.build_declaration import Declaration
from asylum_prep.domain.record import CaseRecord, get_path, text_sha256
from asylum_prep.forms.answer_kinds import needs_translation


@dataclass(frozen=True)
class Uncovered:
    path: str
    status: str  # "missing" | "stale"
    paragraph: int


@dataclass(frozen=True)
class Coverage:
    covered: list[str] = field(default_factory=list)  # answer paths with a current translation
    uncovered: list[Uncovered] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[int]:
        """Paragraph numbers not covered, ascending, each once."""
        return sorted({u.paragraph for u in self.uncovered})


def _text(value: object) -> str | None:
    if isinstance(value, str) and not isinstance(value, StrEnum) and value.strip():
        return value.strip()
    return None


def coverage(record: CaseRecord, declaration: Declaration) -> Coverage:
    """Split the declaration's free-text answers into covered and not covered."""
    out = Coverage()
    source = record.filing.answer_language or "en"
    if source == "en":
        return out
    if declaration.edited_uncovered is not None:  # the team's paragraphs: their own English
        out.uncovered.extend(Uncovered(path, status, number)
                             for path, status, number in declaration.edited_uncovered)
        return out
    for path, number in sorted(declaration.paragraphs.items(), key=lambda kv: (kv[1], kv[0])):
        original = _text(get_path(record, path))
        if original is None or not needs_translation(path, original, source):
            continue
        tr = record.translations.get(path)
        if tr is not None and tr.text.strip() and tr.source_sha256 == text_sha256(original):
            out.covered.append(path)
        else:
            out.uncovered.append(Uncovered(path, "stale" if tr is not None else "missing", number))
    return out
