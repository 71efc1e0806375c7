"""Certificates of translation and of interpretation, tied to one declaration version.

Each prints the case version number and the SHA-256 of the declaration's canonical text
(`Document.canonical_text()`), so a certificate cannot silently cover a later wording. The
translator's name, address and phone come from the caller (CLI options or UI fields); what
is not given is left as a blank line and reported, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asylum_prep.documents import legal_texts
from asylum_prep.documents.answers import babel_locale, document_translator
from asylum_prep.documents.build_declaration import Declaration, running_text
from asylum_prep.documents.model import (
    Block,
    Caption,
    Document,
    Heading,
    Notice,
    Paragraph,
    SignatureBlock,
    SignatureLine,
    Text,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator

BLANK = "________________"


@dataclass(frozen=True)
class TranslatorInfo:
    name: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Confirmed:
    """The edited declaration's version the applicant confirmed (services/declaration_confirm)."""

    version: int
    on: str  # the date written out
    language: str
    read_back_by: str = ""


@dataclass
class Certificate:
    document: Document
    notices: list[Notice] = field(default_factory=list)


def language_name(code: str, in_lang: str = "en") -> str:
    name = babel_locale(in_lang).languages.get(code.replace("-", "_").split("_")[0])
    return str(name) if name else code


def _common(
    record: CaseRecord,
    decl: Declaration,
    version: int,
    title: str,
    body: str,
    info: TranslatorInfo,
    notices: list[Notice],
    kind: str,
    tr: Translator,
    scope: str = "",
    confirmed: str = "",
) -> Document:
    lang = "en"
    doc = decl.document
    digest = doc.sha256()
    covered = tr(
        "Declaration of {name}, case version {version}, content SHA-256 {sha256}.",
        name=doc.running.header[0].text if doc.running.header else BLANK,
        version=version,
        sha256=digest,
    )
    for label, value in (("name", info.name), ("address", info.address), ("phone", info.phone)):
        if not value.strip():
            notices.append(
                Notice(
                    template=N_("The translator's {field} was not given; a blank line is printed."),
                    params={"field": label},
                )
            )
    blocks: list[Block] = [
        Caption(title=Text(text=title, lang=lang), rows=()),
        Paragraph(parts=(Text(text=body, lang=lang),)),
        Heading(text=Text(text=tr("Document covered"), lang=lang), level=2),
        Paragraph(parts=(Text(text=covered, lang=lang),)),
        *([Paragraph(parts=(Text(text=confirmed, lang=lang),))] if confirmed else []),
        *([Paragraph(parts=(Text(text=scope, lang=lang),))] if scope else []),
        SignatureBlock(
            lines=(
                SignatureLine(label=Text(text=tr("Signature"), lang=lang)),
                SignatureLine(
                    label=Text(text=tr("Name"), lang=lang),
                    value=Text(text=info.name, lang=lang) if info.name.strip() else None,
                ),
                SignatureLine(
                    label=Text(text=tr("Address"), lang=lang),
                    value=Text(text=info.address, lang=lang) if info.address.strip() else None,
                ),
                SignatureLine(
                    label=Text(text=tr("Telephone"), lang=lang),
                    value=Text(text=info.phone, lang=lang) if info.phone.strip() else None,
                ),
                SignatureLine(label=Text(text=tr("Date"), lang=lang)),
            )
        ),
    ]
    running = running_text(
        tr, record, lang, doc.running.header[0].text if doc.running.header else ""
    )
    running = running.model_copy(
        update={
            "footer_note": Text(
                text=tr("Version {version} · SHA-256 {sha256}", version=version, sha256=digest),
                lang=lang,
            )
        }
    )
    return Document(
        title=title,
        lang=lang,
        kind=kind,
        running=running,
        blocks=tuple(blocks),
        page_size=doc.page_size,
    )


def _scope(
    record: CaseRecord, declaration: Declaration, notices: list[Notice], tr: Translator
) -> str:
    """Only current translations are certified: name the paragraphs printed untranslated."""
    from asylum_prep.documents.translation_coverage import coverage

    cov = coverage(record, declaration)
    for item in cov.uncovered:
        notices.append(
            Notice(
                template=N_(
                    "The certificate does not cover paragraph {number}: the translation of "
                    "{path} is missing or out of date."
                ),
                params={"number": str(item.paragraph), "path": item.path},
            )
        )
    if not cov.uncovered:
        return ""
    return tr(
        "This certificate covers only the answers with a current English translation. It does "
        "not cover paragraphs {paragraphs}, which print the declarant's own words because "
        "their translation is missing or out of date.",
        paragraphs=", ".join(str(n) for n in cov.paragraphs),
    )


def translation_certificate(
    record: CaseRecord,
    *,
    jurisdiction: str,
    declaration: Declaration,
    version: int,
    info: TranslatorInfo,
    confirmed: Confirmed | None = None,
) -> Certificate:
    """For the English declaration: competent in both languages; true and accurate."""
    notices: list[Notice] = []
    t = document_translator("en", notices)
    pack = legal_texts.load(jurisdiction)
    src = record.filing.answer_language or "en"
    body = t(
        pack.translation_certificate,
        translator=info.name.strip() or BLANK,
        source=language_name(src),
        target=language_name("en"),
    )
    if pack.translation_authority:
        body += " " + t("({authority})", authority=pack.translation_authority)
    scope = _scope(record, declaration, notices, t)
    doc = _common(
        record,
        declaration,
        version,
        t("Certificate of translation"),
        body,
        info,
        notices,
        "translation-certificate",
        t,
        scope,
        t("It covers declaration version {version}, as the declarant confirmed it on {date}.",
          version=confirmed.version, date=confirmed.on) if confirmed else "",
    )
    return Certificate(doc, notices)


def interpretation_certificate(
    record: CaseRecord,
    *,
    jurisdiction: str,
    declaration: Declaration,
    version: int,
    info: TranslatorInfo,
    language: str | None = None,
    confirmed: Confirmed | None = None,
) -> Certificate:
    """The declaration was read back to the declarant in a language they understand."""
    notices: list[Notice] = []
    t = document_translator("en", notices)
    pack = legal_texts.load(jurisdiction)
    name = (
        declaration.document.running.header[0].text
        if declaration.document.running.header
        else BLANK
    )
    body = t(
        pack.interpretation_certificate,
        translator=info.name.strip() or BLANK,
        declarant=name,
        language=language_name(language or record.filing.answer_language or "en"),
    )
    doc = _common(
        record,
        declaration,
        version,
        t("Certificate of interpretation"),
        body,
        info,
        notices,
        "interpretation-certificate",
        t,
        confirmed=_read_back(t, confirmed),
    )
    return Certificate(doc, notices)


def _read_back(t: Translator, confirmed: Confirmed | None) -> str:
    """The read-back the applicant's confirmation recorded."""
    if confirmed is None:
        return ""
    language = language_name(confirmed.language)
    if confirmed.read_back_by:
        return t("Declaration version {version} was read back to the declarant in {language} "
                 "by {reader}, and the declarant confirmed each paragraph on {date}.",
                 version=confirmed.version, language=language, reader=confirmed.read_back_by,
                 date=confirmed.on)
    return t("Declaration version {version} was read back to the declarant in {language}, "
             "and the declarant confirmed each paragraph on {date}.",
             version=confirmed.version, language=language, date=confirmed.on)
