"""Evidence items and exhibit settings, kept in the (encrypted, versioned) case record.

The file bytes live in `evidence_blobs` (sealed under the case key); the record holds only
their ids, hashes and what a reader of the exhibit list needs. The uploaded file name is kept
as display metadata only (sanitised), never used as a path.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.text import collapse_spaces, drop_invisible

SHA256 = r"^[0-9a-f]{64}$"

# The legal elements a document may corroborate (keys shared with legal/ and documents/).
ELEMENT_KEYS: tuple[str, ...] = (
    "protected_ground", "nexus", "harm", "agent_state_protection", "subjective_fear",
    "objective_fear", "past_persecution", "internal_relocation", "timeliness", "bars",
    "torture_official",
)


class EvidenceKind(StrEnum):
    identity = "identity"
    membership = "membership"
    summons_warrant = "summons_warrant"
    medical = "medical"
    photo = "photo"
    message = "message"
    news = "news"
    witness_letter = "witness_letter"
    country_report = "country_report"
    other = "other"


class Mime(StrEnum):
    pdf = "application/pdf"
    jpeg = "image/jpeg"
    png = "image/png"
    webp = "image/webp"
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    text = "text/plain"

    @property
    def is_image(self) -> bool:
        return self in (Mime.jpeg, Mime.png, Mime.webp)


class TranslationStatus(StrEnum):
    not_needed = "not_needed"
    needed = "needed"
    translated = "translated"


class TextStatus(StrEnum):
    not_read = "not_read"  # not read yet (or stored before OCR existed)
    read = "read"  # scanned pages read by OCR: `ExhibitText.blob` holds the text
    own_text = "own_text"  # every page has text of its own (born digital): nothing to read
    unreadable = "unreadable"  # OCR failed: the file is kept, its pages are pictures only


class ExhibitText(Model):
    """What OCR read on an exhibit's scanned pages. The text itself is applicant data, sealed
    in its own blob under the case key (one string per page); the record holds its id and
    the SHA-256 of the stored file it was read from, so it is known to be stale when the file
    is replaced. An English translation of the exhibit can sit beside it the same way."""

    status: TextStatus = TextStatus.not_read
    blob: Short = Field(default="", description="Blob of the pages' text (JSON list).")
    source_sha256: str = Field(default="", description="stored_sha256 of the file read.")
    pages_read: int = Field(default=0, ge=0, description="Pages read by OCR.")
    models: Short = Field(default="", description="Tesseract models used, e.g. fas+eng.")
    read_at: datetime | None = None
    dates: list[FuzzyDate] = Field(
        default_factory=list,
        description="Whole dates written in the text (evidence.text_dates), for the "
        "consistency check against the events the exhibit is linked to.")
    words: list[Short] = Field(
        default_factory=list,
        description="Distinct search-folded words of the text (legal.document_words), for the "
        "consistency check of names and places; applicant data, in the sealed record only.")


class ExhibitPlacement(Model):
    included: bool = True
    order: int = Field(default=0, description="Position among exhibits of the same series.")
    tab: Short = Field(default="", description="A tab set by hand; empty means automatic.")


class EvidenceItem(Item):
    title: Short = ""
    kind: EvidenceKind = EvidenceKind.other
    document_date: FuzzyDate | None = None
    issuer: Short = ""
    language: Short = Field(default="", description="BCP 47 code of the document's language.")
    translation: TranslationStatus = TranslationStatus.not_needed
    translation_certificate: Short = Field(
        default="", description="Reference to the certificate (an evidence id or a note)."
    )
    translation_of: Short = Field(default="", description="Evidence id this item translates.")
    report_id: Short = Field(default="", description="Country-library report this file copies.")
    description: Text = ""
    incidents: list[Short] = Field(default_factory=list, description="Incident ids supported.")
    elements: list[Short] = Field(default_factory=list, description="Legal element keys.")

    filename: Short = Field(default="", description="Uploaded name, display only.")
    mime: Mime
    stored_blob: Short
    original_blob: Short = ""
    rendition_blob: Short = Field(default="", description="PDF rendition of DOCX or text.")
    safe_rendition_blob: Short = Field(
        default="",
        description="Every page redrawn as a picture in a sandbox, with its words as an "
        "invisible text layer: what the exhibit packet is built from.",
    )
    original_sha256: str = Field(pattern=SHA256)
    stored_sha256: str = Field(pattern=SHA256)
    original_size: int = Field(ge=0)
    stored_size: int = Field(ge=0)
    page_count: int | None = Field(default=None, ge=0)
    width: int | None = None
    height: int | None = None
    removed: list[Short] = Field(default_factory=list, description="Notices of what was removed.")
    exhibit: ExhibitPlacement = Field(default_factory=ExhibitPlacement)
    text: ExhibitText = Field(default_factory=ExhibitText)
    added_by: int
    added_at: datetime


class ExhibitTranslation(Model):
    """The English translation of a foreign-language exhibit, page by page, made by the case's
    translator, with what the translator's certificate prints. It covers the file whose
    SHA-256 it carries (`EvidenceItem.stored_sha256` when saved): once the exhibit is replaced,
    the hashes differ and the translation is stale. Each save raises `revision`; earlier
    revisions stay in the case's earlier versions."""

    exhibit_sha256: str = Field(pattern=SHA256)
    pages: list[Text] = Field(default_factory=list, description="English text, page by page.")
    translator_name: Short = ""
    translator_address: Short = ""
    competence: Short = Field(default="", description="Why the translator is competent.")
    translator: int = Field(description="User id of the translator who saved it.")
    at: datetime
    revision: int = Field(default=1, ge=1)


def is_foreign(item: EvidenceItem) -> bool:
    """Whether an exhibit needs an English translation: its language (asked at intake) is set
    and is not English, and it is not itself an uploaded translation of another document."""
    code = item.language.strip().lower().replace("_", "-")
    return code.split("-")[0] not in ("", "en", "eng") and not item.translation_of


class TabStyle(StrEnum):
    letters = "letters"
    numbers = "numbers"


class ExhibitSettings(Model):
    case_tabs: TabStyle = TabStyle.letters
    country_tabs: TabStyle = TabStyle.numbers
    keep_originals: bool = Field(
        default=False, description="Keep the sealed original of every upload (attorney only)."
    )
    citation_exhibits: bool = Field(
        default=True, description="List cited country reports as numbered exhibits."
    )
    citation_order: list[Short] = Field(default_factory=list)
    excluded_citations: list[Short] = Field(default_factory=list)


def clean_filename(name: str, limit: int = 120) -> str:
    """A file name safe to show: no path, no control or bidi-override characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return collapse_spaces(drop_invisible(base))[:limit] or "file"
