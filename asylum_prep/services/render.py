"""Render a case document (declaration, certificates, exhibit index, brief, packet, the official
I-589) to PDF or DOCX.

Access: `export` (paralegal, attorney). Audited as "render" with the document kind and format
only. File names are neutral (`document-<short id>-<kind>.<ext>`): they never say what the
case is about. Builders read one case version; certificates print that version and the hash
of the declaration they cover, and the declaration's footer carries the same pair.

A final (non-draft) declaration or brief is refused while consistency flags are open
(`services.render_gate`), and a final brief while an answer it quotes has no current English
translation; a draft carries a DRAFT watermark in the document's language. The worksheet
(the team's notes, never filed) always carries NOT FOR FILING. The official I-589 is filled
on the edition the firm imported (`services.forms`), or refused, saying so, when none was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from babel.dates import format_date

from asylum_prep.documents import authority_refs
from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.brief_argument import Mode
from asylum_prep.documents.build_brief import Brief, build_brief, exhibit_refs
from asylum_prep.documents.build_certificates import (
    Confirmed,
    TranslatorInfo,
    interpretation_certificate,
    translation_certificate,
)
from asylum_prep.documents.build_declaration import Declaration, build_bilingual, build_declaration
from asylum_prep.documents.build_index import build_index, currency_notices, rows_from_plan
from asylum_prep.documents.build_worksheet import WATERMARK as WORKSHEET_MARK
from asylum_prep.documents.build_worksheet import build_worksheet
from asylum_prep.documents.model import Document, Notice, Text
from asylum_prep.domain.citation_currency import CurrencyWarning
from asylum_prep.domain.declaration import EditedDeclaration
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused
from asylum_prep.i18n import Translator
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.render_gate import check_final, refuse_unconfirmed, refuse_untranslated
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store

DOCS = (
    "declaration",
    "translation-certificate",
    "interpretation-certificate",
    "exhibit-index",
    "brief",
    "worksheet",
    "i589-sheet",
    "packet",
    "i589",
)
FORMATS = ("pdf", "docx")
UNJUDGED = ("omit", "alternative")
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class RenderResult:
    filename: str
    content: bytes
    warnings: list[str] = field(default_factory=list)
    mime: str = "application/pdf"
    version: int = 0


@dataclass(frozen=True)
class Edited:
    """The team's edited declaration at one version (None in `build`: the generated one)."""

    body: EditedDeclaration
    version: int

    def confirmed(self) -> Confirmed | None:
        """What the certificates print of her confirmation (None: never confirmed)."""
        c = self.body.confirmation
        if c is None:
            return None
        return Confirmed(version=self.version, on=format_date(c.at.date(), "long", locale="en"),
                         language=c.language, read_back_by=c.read_back_by)


def _read(store: Store, actor: Actor,
          case_id: str) -> tuple[CaseRecord, str, int, str, Edited | None]:
    """The case's current record, jurisdiction, version, title and edited declaration."""
    from asylum_prep.services.declaration import stored

    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version)
        )
        title = cipher.open_text("title", case.title_enc)
        found = stored(session, store, case)
        edited = Edited(found[0], found[1]) if found else None
        return record, case.jurisdiction, case.current_version, title, edited


def _stamp(decl: Declaration, version: int) -> Declaration:
    """Put the version and content hash in the declaration's footer (outside the hashed text)."""
    note = Text(text=f"v{version} · SHA-256 {decl.document.sha256()[:16]}", lang="en")
    running = decl.document.running.model_copy(update={"footer_note": note})
    return Declaration(
        decl.document.model_copy(update={"running": running}), decl.paragraphs, decl.notices,
        decl.ids, decl.edited_uncovered,
    )


def _brief(record: CaseRecord, jurisdiction: str, *, draft: bool, unjudged: Mode,
           edited: EditedDeclaration | None = None) -> Brief:
    from asylum_prep.domain.citations import citations_by_element
    from asylum_prep.legal.elements import assess

    decl = build_declaration(record, jurisdiction=jurisdiction, lang="en", draft=False,
                             edited=edited)
    assessments = assess(record, jurisdiction, country_evidence=citations_by_element(record))
    return build_brief(record, jurisdiction=jurisdiction, declaration=decl,
                       assessments=assessments, exhibits=exhibit_refs(record), draft=draft,
                       cite=authority_refs.cite, unjudged=unjudged)


def _watermarked(document: Document, mark: str = N_("DRAFT")) -> Document:
    return document.model_copy(update={"watermark": Translator(document.lang)(mark)})


def build(
    record: CaseRecord,
    *,
    jurisdiction: str,
    version: int,
    doc: str,
    lang: str | None = None,
    bilingual: bool = False,
    draft: bool = False,
    translator_info: TranslatorInfo | None = None,
    interpretation_language: str | None = None,
    brief_unjudged: Mode = "omit",
    translate: Callable[[str], str] | None = None,
    bates_prefix: str | None = None,
    title: str = "",
    currency: Mapping[str, Sequence[CurrencyWarning]] | None = None,
    edited: Edited | None = None,
) -> tuple[Document, list[Notice]]:
    """The document model for one case version (no storage, no audit: used by the service,
    the benchmark and tests). A final brief with answers that have no current English
    translation is refused, naming them; a draft shows them as gaps. The exhibit index numbers
    pages as the packet made with the same `bates_prefix` does (`title`: the case title, which
    the packet prints when the record has no name). `currency`: the citations' currency
    warnings (services.coi), printed in the worksheet and given as notices with the index and
    the brief (both filed). `edited`: the team's edited declaration, which the declaration,
    the brief and the certificates then print instead of the generated one."""
    info = translator_info or TranslatorInfo()
    body = edited.body if edited else None
    if doc == "declaration":
        d = (
            build_bilingual(record, jurisdiction=jurisdiction, draft=draft, edited=body)
            if bilingual
            else build_declaration(record, jurisdiction=jurisdiction, lang=lang, draft=draft,
                                   edited=body)
        )
        d = _stamp(d, version)
        if draft:
            return _watermarked(d.document), d.notices
        return d.document, d.notices
    if doc in ("translation-certificate", "interpretation-certificate"):
        decl = build_declaration(record, jurisdiction=jurisdiction, lang="en", draft=False,
                                 edited=body)
        confirmed = edited.confirmed() if edited else None
        if doc == "translation-certificate":
            cert = translation_certificate(
                record, jurisdiction=jurisdiction, declaration=decl, version=version, info=info,
                confirmed=confirmed,
            )
        else:
            cert = interpretation_certificate(
                record,
                jurisdiction=jurisdiction,
                declaration=decl,
                version=version,
                info=info,
                language=interpretation_language,
                confirmed=confirmed,
            )
        return cert.document, cert.notices
    if doc == "exhibit-index":
        from asylum_prep.evidence.packet import packet_plan
        from asylum_prep.services.packet import packet_texts

        texts = packet_texts(jurisdiction)
        settled = packet_plan(record, title=title, jurisdiction=jurisdiction,
                              bates_prefix=bates_prefix, texts=texts)
        certificate = texts.service_title if (lang or "en") == "en" else None
        rows = (rows_from_plan(settled.plan, certificate=certificate) if certificate
                else rows_from_plan(settled.plan))
        index, notices = build_index(record, rows, jurisdiction=jurisdiction, lang=lang or "en")
        return index, notices + currency_notices(record, currency or {})
    if doc == "brief":
        brief = _brief(record, jurisdiction, draft=draft, unjudged=brief_unjudged, edited=body)
        if brief.untranslated and not draft:
            refuse_untranslated(record, brief.untranslated, translate=translate)
        notices = brief.notices + currency_notices(record, currency or {})
        if draft:
            return _watermarked(brief.document), notices
        return brief.document, notices
    if doc == "worksheet":
        from asylum_prep.domain.citations import citations_by_element
        from asylum_prep.legal.elements import assess

        sheet, notes = build_worksheet(record, jurisdiction=jurisdiction, assessments=assess(
            record, jurisdiction, country_evidence=citations_by_element(record)),
            currency=currency)
        return _watermarked(sheet, WORKSHEET_MARK), notes
    if doc == "i589-sheet":
        from asylum_prep.documents.build_i589_sheet import build_i589_sheet

        return build_i589_sheet(record)
    raise InputRefused(N_("Unknown document: choose one of {choices}."), choices=", ".join(DOCS))


@guarded
def render_document(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    doc: str,
    fmt: str,
    lang: str | None = None,
    bilingual: bool = False,
    draft: bool = False,
    translator_info: TranslatorInfo | None = None,
    interpretation_language: str | None = None,
    pdf_a: bool = False,
    translate: Callable[[str], str] | None = None,
    brief_unjudged: str = "omit",
    bates_prefix: str | None = None,
) -> RenderResult:
    """`bates_prefix` numbers the packet, and the exhibit index with it, with Bates labels;
    `pdf_a` makes PDF/A-2b or refuses (the packet: with the validator's reasons)."""
    if doc not in DOCS:
        raise InputRefused(
            N_("Unknown document: choose one of {choices}."), choices=", ".join(DOCS)
        )
    if fmt not in FORMATS:
        raise InputRefused(N_("Unknown format: choose pdf or docx."))
    if brief_unjudged not in UNJUDGED:
        raise InputRefused(N_("Elements nobody has judged are either left out of the brief "
                              "or argued in the alternative: choose omit or alternative."))
    if doc == "packet":
        return _packet(store, actor, case_id, fmt=fmt, translate=translate,
                       bates_prefix=bates_prefix, pdf_a=pdf_a)
    if doc == "i589":
        return _official_i589(store, actor, case_id, fmt=fmt, translate=translate)
    record, jurisdiction, version, title, edited = _read(store, actor, case_id)
    currency = (_currency(store, record) if doc in ("worksheet", "exhibit-index", "brief")
                else None)
    refuse_unconfirmed(record, edited.body if edited else None, doc, draft=draft)
    if not draft:
        check_final(record, doc, translate=translate)
    document, notices = build(
        record,
        jurisdiction=jurisdiction,
        version=version,
        doc=doc,
        lang=lang,
        bilingual=bilingual,
        draft=draft,
        translator_info=translator_info,
        interpretation_language=interpretation_language,
        brief_unjudged="alternative" if brief_unjudged == "alternative" else "omit",
        translate=translate,
        bates_prefix=bates_prefix,
        title=title,
        currency=currency,
        edited=edited,
    )
    if store.settings.named_document_metadata:
        document = document.model_copy(update={"named_metadata": True})
    if fmt == "pdf":
        content, more = pdf_renderer.render(document, pdf_a=pdf_a)
    else:
        content, more = docx_renderer.render(document)
    with store.session() as session:
        audit.log(session, actor, "render", case_id, f"doc={doc} format={fmt}")
    suffix = "-bilingual" if bilingual and doc == "declaration" else (f"-{lang}" if lang else "")
    return RenderResult(
        filename=f"document-{case_id[:8]}-{doc}{suffix}.{fmt}",
        content=content,
        warnings=[n.message(translate) for n in [*notices, *more]],
        mime=MIME[fmt],
        version=version,
    )


def _official_i589(store: Store, actor: Actor, case_id: str, *, fmt: str,
                   translate: Callable[[str], str] | None = None) -> RenderResult:
    """The official Form I-589, filled on the newest imported edition (services.forms); when
    none was imported, refused with a message pointing to the item-by-item sheet."""
    if fmt != "pdf":
        raise InputRefused(N_("The official form is made as PDF only."))
    from asylum_prep.documents.official_i589 import build_i589
    from asylum_prep.services.forms import prepared_form

    record, _jurisdiction, version, _title, _edited = _read(store, actor, case_id)
    form_pdf, edition = prepared_form(store, actor, kind="i589")
    content, notices = build_i589(record, form_pdf=form_pdf)
    with store.session() as session:
        audit.log(session, actor, "render", case_id, f"doc=i589 format=pdf edition={edition}")
    return RenderResult(
        filename=f"document-{case_id[:8]}-i589.pdf", content=content,
        warnings=[n.message(translate) for n in notices], mime=MIME["pdf"], version=version,
    )


def _currency(store: Store, record: CaseRecord) -> dict[str, list[CurrencyWarning]]:
    from asylum_prep.services.coi_currency import currency_by_citation

    with store.session() as session:
        return currency_by_citation(session, record.citations,
                                    stale_after_years=store.settings.coi_stale_years)


def _packet(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    fmt: str,
    translate: Callable[[str], str] | None = None,
    bates_prefix: str | None = None,
    pdf_a: bool = False,
) -> RenderResult:
    """The exhibit packet (services.packet checks access and audits it). A packet split
    into parts comes as a zip of the parts."""
    if fmt != "pdf":
        raise InputRefused(N_("The exhibit packet is made as PDF only."))
    from asylum_prep.services.packet import render_packet

    result = render_packet(store, actor, case_id, bates_prefix=bates_prefix, pdf_a=pdf_a)
    record = _read(store, actor, case_id)[0]
    currency = currency_notices(record, _currency(store, record))
    zipped = len(result.parts) > 1
    return RenderResult(
        filename=f"document-{case_id[:8]}-packet.{'zip' if zipped else 'pdf'}",
        content=bytes(result.content),
        warnings=[translate(str(w)) if translate else str(w) for w in result.warnings]
        + [n.message(translate) for n in currency],
        mime="application/zip" if zipped else MIME["pdf"],
        version=result.version,
    )
