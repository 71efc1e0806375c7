"""Which exhibits need an English translation, and whether theirs is current.

An exhibit in a language other than English (asked at intake: `EvidenceItem.language`) must
be filed with a full English translation and the translator's certificate. The translation
made on the translator's page (`CaseRecord.exhibit_translations`, one per evidence id) covers
the file whose SHA-256 it carries: *current* while the exhibit's stored file has that hash,
*stale* once the exhibit is replaced, *missing* when none was saved. An exhibit that another
uploaded document translates (`EvidenceItem.translation_of`) counts as translated.

Pure: the packet (evidence.packet), the worksheet (documents.build_worksheet), the services
and the pages all read the same answer from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from asylum_prep.domain.evidence import (
    EvidenceItem,
    ExhibitTranslation,
    TranslationStatus,
    is_foreign,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_

Status = Literal["missing", "stale", "current"]


def page_total(item: EvidenceItem) -> int:
    """The pages of the exhibit as the packet prints them (a picture is one page)."""
    return 1 if item.mime.is_image else (item.page_count or 0)


def status_of(item: EvidenceItem, translation: ExhibitTranslation | None) -> Status:
    if translation is None or not any(p.strip() for p in translation.pages):
        return "missing"
    return "current" if translation.exhibit_sha256 == item.stored_sha256 else "stale"


def current_translation(record: CaseRecord, item: EvidenceItem) -> ExhibitTranslation | None:
    """The exhibit's translation when it is current, else None."""
    tr = record.exhibit_translations.get(item.id)
    return tr if status_of(item, tr) == "current" else None


def _uploaded_translations(record: CaseRecord) -> set[str]:
    return {it.translation_of for it in record.evidence if it.translation_of}


def foreign_exhibits(record: CaseRecord, *, included_only: bool = True) -> list[EvidenceItem]:
    """The case's documents that need an English translation (in another language than
    English, or marked as needing one) and have no uploaded translation, in the record's
    order; by default only those in the packet."""
    uploaded = _uploaded_translations(record)
    return [
        it for it in record.evidence
        if (is_foreign(it) or it.translation is TranslationStatus.needed)
        and not it.translation_of and it.id not in uploaded and page_total(it) > 0
        and (it.exhibit.included or not included_only)
    ]


@dataclass(frozen=True)
class Untranslated:
    evidence_id: str
    title: str
    status: Status  # "missing" or "stale"


def untranslated(record: CaseRecord) -> list[Untranslated]:
    """The packet's foreign-language exhibits without a current English translation (those
    the team marked as translated elsewhere are not counted)."""
    out = []
    for item in foreign_exhibits(record):
        if item.translation is TranslationStatus.translated:
            continue
        status = status_of(item, record.exhibit_translations.get(item.id))
        if status != "current":
            out.append(Untranslated(item.id, item.title or item.filename, status))
    return out



# "missing" reuses the evidence page's long-standing warning.
N_MISSING = N_("\u201c{title}\u201d is not in English and has no certified English translation "
               "yet.")
N_STALE = N_("\u201c{title}\u201d was replaced after it was translated, so its English "
             "translation is out of date and is left out of the packet. The case's translator "
             "can translate it again.")


def warning_template(status: Status) -> str:
    """The warning (an N_ template with `{title}`) for an exhibit with this status."""
    return N_STALE if status == "stale" else N_MISSING
