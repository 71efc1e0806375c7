"""The English translation of a foreign-language exhibit and its translator's certificate, as
packet pages: right after the exhibit's own pages, the translation text page by page under a
heading naming the exhibit's tab, then the certificate (the legal pack's wording: competent in
both languages, the translation complete and accurate; the exhibit named by tab, title, pages
and the SHA-256 of its stored file; the translator's competence, a signature line, name,
address and a date line; what the translator did not give is a blank line to fill in).

Laid out by WeasyPrint from templates/packet/translation.html (escaped; fonts for the names
in any script), in English: it is filed in English. Only current translations are printed
(evidence.translated); the page numbers are the packet's stamps, so these pages do not depend
on where they fall and the page plan counts them before numbering anything.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from babel import Locale

from asylum_prep.domain.evidence import EvidenceItem, ExhibitTranslation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.evidence.exhibits import Exhibit
from asylum_prep.evidence.html_pdf import html_to_document, render_template
from asylum_prep.evidence.translated import current_translation, foreign_exhibits

BLANK = "________________________"


@dataclass(frozen=True)
class TranslationPages:
    """One exhibit's translation pages and certificate pages (in one PDF, `pdf`)."""

    pdf: pikepdf.Pdf
    translation: list[pikepdf.Page]
    certificate: list[pikepdf.Page]


def language_name(code: str) -> str:
    """The language's English name ("Persian"), or the code when Babel has none."""
    base = code.strip().replace("-", "_")
    name = Locale.parse("en").languages.get(base) or Locale.parse("en").languages.get(
        base.split("_")[0].lower())
    return str(name) if name else code


def certificate_body(template: str, translation: ExhibitTranslation, source: str) -> str:
    return template.format(translator=translation.translator_name.strip() or BLANK,
                           source=source, target="English")


def render(exhibit: Exhibit, item: EvidenceItem, translation: ExhibitTranslation, *,
           certificate: str, authority: str, css_size: str) -> TranslationPages:
    source = language_name(item.language) if item.language.strip() else "the original language"
    html = render_template(
        "translation.html", page_size=css_size, tab=exhibit.tab, title=exhibit.title,
        source=source, pages=translation.pages,
        body=certificate_body(certificate, translation, source), authority=authority,
        sha256=translation.exhibit_sha256, competence=translation.competence.strip(),
        translator=translation.translator_name.strip(),
        address=translation.translator_address.strip(),
        blank=BLANK)
    doc = html_to_document(html)
    pdf = pikepdf.Pdf.open(io.BytesIO(doc.write_pdf()))
    first_cert = next(i for i, page in enumerate(doc.pages) if "cert" in page.anchors)
    pages = list(pdf.pages)
    return TranslationPages(pdf, pages[:first_cert], pages[first_cert:])


def render_all(record: CaseRecord, exhibits: list[Exhibit] | tuple[Exhibit, ...], *,
               certificate: str, authority: str,
               css_size: str) -> dict[str, TranslationPages]:
    """Evidence id -> the pages of its current translation, for every exhibit that has one."""
    items = {it.id: it for it in foreign_exhibits(record)}  # a document now in English: none
    out: dict[str, TranslationPages] = {}
    for ex in exhibits:
        item = items.get(ex.evidence_id or "")
        translation = current_translation(record, item) if item else None
        if item is not None and translation is not None:
            out[item.id] = render(ex, item, translation, certificate=certificate,
                                  authority=authority, css_size=css_size)
    return out
