"""The document model: a small set of frozen blocks that every renderer reads.

Shaped after mammoth's `documents.py`: plain data, no behaviour beyond what every renderer
needs (direction of a text, canonical text for hashing). Builders (`build_*.py`) turn a case
into a `Document`; `docx.render` and `pdf.render` turn a `Document` into bytes plus warnings.
Every text-bearing block carries its own `lang`, so an untranslated Persian answer inside an
English declaration is still shaped and marked right-to-left.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from asylum_prep.i18n import RTL_LANGUAGES, Translator
from asylum_prep.text import canonical

# Languages written right to left beyond those the UI ships (Kurdish Sorani, Sindhi, ...).
DOC_RTL = frozenset(RTL_LANGUAGES | {"ckb", "sd", "ug", "yi", "dv", "syr", "ku-arab"})


def base_lang(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


# Languages whose script our fonts set without a real italic face (Arabic script, Ethiopic,
# CJK, Hebrew): an italic there is a synthetic slant, which readers of those scripts take for
# a typesetting fault, so quotations in them stay upright (indented, and ruled in the PDF).
UPRIGHT_LANGS = frozenset({"ar", "fa", "ps", "prs", "ur", "ckb", "sd", "ug", "am", "ti", "zh",
                           "ja", "ko", "he", "yi"})


# Scripts written without spaces between words and sentences: the parts of a paragraph (a
# fixed phrase, then the applicant's words) are joined without a space.
UNSPACED_LANGS = frozenset({"zh", "ja"})
# The full stop each language ends a sentence with, where it is not ".".
FULL_STOPS = {"zh": "。", "ja": "。", "am": "።", "ti": "።", "ur": "۔"}
# What may already end a sentence or a label, in the scripts the app writes.
ENDINGS = tuple(".!?:;…。！？：；።፧۔؟»”\"')")


def joiner(lang: str) -> str:
    """What goes between two parts of one paragraph in `lang`."""
    return "" if base_lang(lang) in UNSPACED_LANGS else " "


def full_stop(lang: str) -> str:
    return FULL_STOPS.get(base_lang(lang), ".")


def has_italic(lang: str) -> bool:
    return base_lang(lang) not in UPRIGHT_LANGS


def direction_of(text: str, lang: str | None = None) -> Literal["ltr", "rtl"]:
    """The direction of a text: by its first strong character, else by its language."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "rtl" if lang and base_lang(lang) in DOC_RTL else "ltr"


def lang_direction(lang: str) -> Literal["ltr", "rtl"]:
    return "rtl" if base_lang(lang) in DOC_RTL else "ltr"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A run of text in one language (an answer, or a fixed phrase)."""

    text: str
    lang: str = "en"

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        return direction_of(self.text, self.lang)


class Caption(Frozen):
    kind: Literal["caption"] = "caption"
    title: Text
    rows: tuple[tuple[Text, Text], ...] = ()


class Heading(Frozen):
    kind: Literal["heading"] = "heading"
    text: Text
    level: int = 1
    anchor: str = ""  # a target for a table of contents (letters, digits, hyphens)


class Contents(Frozen):
    """A table of contents: each heading's text and anchor. The PDF prints each entry's page
    number (CSS target-counter); the DOCX lists the headings without page numbers."""

    kind: Literal["contents"] = "contents"
    entries: tuple[tuple[Text, str], ...]


class Paragraph(Frozen):
    """An unnumbered paragraph: a fixed statement (closing, certificate wording)."""

    kind: Literal["paragraph"] = "paragraph"
    parts: tuple[Text, ...]
    sources: tuple[str, ...] = ()


class NumberedParagraph(Frozen):
    """A declaration paragraph: an optional fixed lead-in, then the answer verbatim.

    `sources` lists the answer paths the content came from (traceability, brief citations);
    `flag` is an attorney-facing note, e.g. that a translation is missing or stale.
    """

    kind: Literal["numbered"] = "numbered"
    number: int
    parts: tuple[Text, ...]
    sources: tuple[str, ...] = ()
    flag: Text | None = None


class Quotation(Frozen):
    kind: Literal["quotation"] = "quotation"
    text: Text
    sources: tuple[str, ...] = ()
    flag: Text | None = None


class Table(Frozen):
    kind: Literal["table"] = "table"
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths, optional


class SignatureLine(Frozen):
    label: Text
    value: Text | None = None  # printed under/after the line when known; else a blank line


class SignatureBlock(Frozen):
    kind: Literal["signature"] = "signature"
    lines: tuple[SignatureLine, ...]


class Citation(Frozen):
    kind: Literal["citation"] = "citation"
    text: Text
    as_of: str = ""


class Gap(Frozen):
    """An attorney-facing marker for a missing answer; only in draft documents."""

    kind: Literal["gap"] = "gap"
    text: Text
    path: str = ""


class PageBreak(Frozen):
    kind: Literal["page_break"] = "page_break"


class BilingualRow(Frozen):
    """Two aligned columns: the applicant's words and the translation."""

    kind: Literal["bilingual"] = "bilingual"
    number: int | None = None
    left: tuple[Text, ...]
    right: tuple[Text, ...]
    # "columns": the column headings (each language's name), repeated on every page
    style: Literal["paragraph", "heading", "gap", "columns"] = "paragraph"
    flag: Text | None = None


Block = Annotated[
    Caption
    | Contents
    | Heading
    | Paragraph
    | NumberedParagraph
    | Quotation
    | Table
    | SignatureBlock
    | Citation
    | Gap
    | PageBreak
    | BilingualRow,
    Field(discriminator="kind"),
]


class RunningText(Frozen):
    """Header (applicant name and reference) and footer ("Page {page} of {pages}")."""

    header: tuple[Text, ...] = ()
    page_template: str = "Page {page} of {pages}"
    footer_note: Text | None = None  # e.g. version and hash on certificates


# The file's own title (PDF info and XMP, DOCX core properties): what the paper is, never
# whose (the applicant's name) or what claim; the page itself prints the full title.
NEUTRAL_TITLES = {
    "declaration": "Declaration",
    "declaration-bilingual": "Declaration",
    "brief": "Brief",
    "worksheet": "Worksheet",
    "exhibit-index": "Index",
    "translation-certificate": "Certificate of translation",
    "interpretation-certificate": "Certificate of interpretation",
}


class Document(Frozen):
    title: str
    lang: str = "en"
    running: RunningText = Field(default_factory=RunningText)
    blocks: tuple[Block, ...] = ()
    kind: str = "document"
    page_size: Literal["A4", "letter"] = "A4"
    # Printed across every page when set ("DRAFT", in the document's language); never part of
    # the canonical text, so a draft and its final share one hash.
    watermark: str = ""
    named_metadata: bool = False  # the file's metadata may carry the full (named) title

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        return lang_direction(self.lang)

    @property
    def file_title(self) -> str:
        """The title the file's metadata carries: neutral (`NEUTRAL_TITLES`) unless the firm
        chose named metadata (`named_metadata`, set from the settings by services.render)."""
        if self.named_metadata:
            return self.title
        return NEUTRAL_TITLES.get(self.kind, "Document")

    def canonical_text(self) -> str:
        """The document's words in reading order, normalised (NFC, single spaces).

        What the certificates hash: two renders of the same content give the same hash.
        """
        return "\n".join(canonical(t) for t in block_texts(self))

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_text().encode("utf-8")).hexdigest()


def _join(parts: tuple[Text, ...]) -> str:
    return joiner(parts[0].lang).join(p.text for p in parts if p.text) if parts else ""


def block_texts(doc: Document) -> list[str]:
    """One string per block, in order (renderers and tests share this reading order)."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Caption):
            out.append(b.title.text)
            out.extend(f"{k.text}{joiner(k.lang)}{v.text}" for k, v in b.rows)
        elif isinstance(b, Quotation):
            out.append(b.text.text + (f" {b.flag.text}" if b.flag else ""))
        elif isinstance(b, Heading | Citation | Gap):
            out.append(b.text.text)
        elif isinstance(b, Contents):
            out.extend(entry.text for entry, _ in b.entries)
        elif isinstance(b, Paragraph):
            out.append(_join(b.parts))
        elif isinstance(b, NumberedParagraph):
            out.append(f"{b.number}. {_join(b.parts)}" + (f" {b.flag.text}" if b.flag else ""))
        elif isinstance(b, Table):
            out.append(" ".join(c.text for c in b.header))
            out.extend(" ".join(c.text for c in row) for row in b.rows)
        elif isinstance(b, SignatureBlock):
            out.extend(f"{ln.label.text} {ln.value.text if ln.value else ''}" for ln in b.lines)
        elif isinstance(b, BilingualRow):
            num = f"{b.number}. " if b.number is not None else ""
            flag = f" {b.flag.text}" if b.flag else ""
            out.append(f"{num}{_join(b.left)} {num}{_join(b.right)}{flag}")
    return [t for t in out if t.strip()]


def plural(singular: str, other: str) -> tuple[str, str]:
    """Mark a counted notice's two English forms for extraction (keyword `plural:1,2`)."""
    return singular, other


class Notice(Frozen):
    """A soft problem a builder or renderer reports instead of raising (shown to the team).

    Parameters hold paths, numbers and kinds, never answer text. Those named in `labels` are
    N_() sources (an element's title) and are translated along with the template. A notice
    that counts something has a `plural` msgid beside its singular `template` (both marked
    with `plural(...)` for extraction) and its count in the parameter `n`; a `Translator`
    picks the form the language needs, anything else the English one.
    """

    template: str
    params: dict[str, str] = Field(default_factory=dict)
    labels: tuple[str, ...] = ()
    plural: str = ""

    @classmethod
    def counted(cls, forms: tuple[str, str], n: int) -> Notice:
        """A notice with a count: `forms` from `plural(singular, plural)`."""
        return cls(template=forms[0], plural=forms[1], params={"n": str(n)})

    def message(self, translate: object = None) -> str:
        params = {k: str(translate(v)) if callable(translate) and k in self.labels else v
                  for k, v in self.params.items()}
        if self.plural:
            n = int(params.pop("n", "0") or 0)
            if isinstance(translate, Translator):
                return translate.plural(self.template, self.plural, n, **params)
            english = self.template if n == 1 else self.plural
            return english.format(n=n, **params)
        text = translate(self.template) if callable(translate) else self.template
        try:
            return str(text).format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template
