"""Render a case document (declaration, certificates, exhibit index, brief, packet) to PDF or DOCX.

Access: `export` (paralegal, attorney). Audited as "render" with the document kind and format
only. File names are neutral (`document-<short id>-<kind>.<ext>`): they never say what the
case is about. Builders read one case version; certificates print that version and the hash
of the declaration they cover, and the declaration's footer carries the same pair.

A final (non-draft) declaration or brief is refused while consistency flags are open
(`services.render_gate`), and a final brief while an answer it quotes has no current English
translation; a draft carries a DRAFT watermark in the document's language. The worksheet
(the team's notes, never filed) always carries NOT FOR FILING.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from asylum_prep.documents import authority_refs
from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.brief_argument import Mode
from asylum_prep.documents.build_brief import Brief, build_brief, exhibit_refs
from asylum_prep.documents.build_certificates import (
    TranslatorInfo,
    interpretation_certificate,
    translation_certificate,
)
from asylum_prep.documents.build_declaration import Declaration, build_bilingual, build_declaration
from asylum_prep.documents.build_index import build_index, rows_from_plan
from asylum_prep.documents.build_worksheet import WATERMARK as WORKSHEET_MARK
from asylum_prep.documents.build_worksheet import build_worksheet
from asylum_prep.documents.model import Document, Notice, Text
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused
from asylum_prep.i18n import Translator
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.render_gate import check_final, refuse_untranslated
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


def _read(store: Store, actor: Actor, case_id: str) -> tuple[CaseRecord, str, int, str]:
    """The case's current record, jurisdiction, version and title."""
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version)
        )
        title = cipher.open_text("title", case.title_enc)
        return record, case.jurisdiction, case.current_version, title


def _stamp(decl: Declaration, version: int) -> Declaration:
    """Put the version and content hash in the declaration's footer (outside the hashed text)."""
    note = Text(text=f"v{version} · SHA-256 {decl.document.sha256()[:16]}", lang="en")
    running = decl.document.running.model_copy(update={"footer_note": note})
    return Declaration(
        decl.document.model_copy(update={"running": running}), decl.paragraphs, decl.notices
    )


def _brief(record: CaseRecord, jurisdiction: str, *, draft: bool, unjudged: Mode) -> Brief:
    from asylum_prep.domain.citations import citations_by_element
    from asylum_prep.legal.elements import assess

    decl = build_declaration(record, jurisdiction=jurisdiction, lang="en", draft=False)
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
) -> tuple[Document, list[Notice]]:
    """The document model for one case version (no storage, no audit: used by the service,
    the benchmark and tests). A final brief with answers that have no current English
    translation is refused, naming them; a draft shows them as gaps. The exhibit index numbers
    pages as the packet made with the same `bates_prefix` does (`title`: the case title, which
    the packet prints when the record has no name)."""
    info = translator_info or TranslatorInfo()
    if doc == "declaration":
        d = (
            build_bilingual(record, jurisdiction=jurisdiction, draft=draft)
            if bilingual
            else build_declaration(record, jurisdiction=jurisdiction, lang=lang, draft=draft)
        )
        d = _stamp(d, version)
        if draft:
            return _watermarked(d.document), d.notices
        return d.document, d.notices
    if doc in ("translation-certificate", "interpretation-certificate"):
        decl = build_declaration(record, jurisdiction=jurisdiction, lang="en", draft=False)
        if doc == "translation-certificate":
            cert = translation_certificate(
                record, jurisdiction=jurisdiction, declaration=decl, version=version, info=info
            )
        else:
            cert = interpretation_certificate(
                record,
                jurisdiction=jurisdiction,
                declaration=decl,
                version=version,
                info=info,
                language=interpretation_language,
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
        return build_index(record, rows, jurisdiction=jurisdiction, lang=lang or "en")
    if doc == "brief":
        brief = _brief(record, jurisdiction, draft=draft, unjudged=brief_unjudged)
        if brief.untranslated and not draft:
            refuse_untranslated(record, brief.untranslated, translate=translate)
        if draft:
            return _watermarked(brief.document), brief.notices
        return brief.document, brief.notices
    if doc == "worksheet":
        from asylum_prep.domain.citations import citations_by_element
        from asylum_prep.legal.elements import assess

        sheet, notes = build_worksheet(record, jurisdiction=jurisdiction, assessments=assess(
            record, jurisdiction, country_evidence=citations_by_element(record)))
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
    record, jurisdiction, version, title = _read(store, actor, case_id)
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
    zipped = len(result.parts) > 1
    return RenderResult(
        filename=f"document-{case_id[:8]}-packet.{'zip' if zipped else 'pdf'}",
        content=bytes(result.content),
        warnings=[translate(str(w)) if translate else str(w) for w in result.warnings],
        mime="application/zip" if zipped else MIME["pdf"],
        version=result.version,
    )
