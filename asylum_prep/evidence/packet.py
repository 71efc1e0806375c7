"""The exhibit packet: a cover page with the caption, the index of supporting documents, a tab
page before each exhibit, after each foreign-language exhibit its English translation and the
translator's certificate (evidence.translation_sheets; warned about when it has no current
one: evidence.translated), a certificate of service; every page on the jurisdiction's paper
(evidence.fit), numbered consecutively at the bottom centre from the cover on (optional Bates
prefix), applicant name and reference in the footer; bookmarks for the index, each exhibit and
the certificate; split into parts of at most `max_part_bytes`, exhibits kept whole when they
fit, the index giving ranges across parts. Every page number printed comes from one
`page_plan.PagePlan` (`packet_plan` settles it), the stand-alone index's too. `pdf_a` makes
each part PDF/A-2b, checked by pikepdf's validator on the bytes written, or refuses.

Index, tab and footer pages in Latin script are drawn in Noto Sans (evidence.plain_sheets);
otherwise they come from escaped templates in templates/packet/ laid out by WeasyPrint in one
pass (evidence.sheets); the cover and the certificate always do (`sheets.render_bookends`).
Every font the packet adds, page numbers included, is embedded as a subset of the glyphs it
draws (evidence.noto_sans, or WeasyPrint's).
Exhibits come from their safe renditions (evidence.safe_rendition: every page redrawn as a
picture in a sandbox, with an invisible text layer), never from the uploaded files' own pages.
Those pages are copied and
stamped with pikepdf, each page copied once, straight into its part. Only the index is laid
out again when its own length or the split into parts changes its page numbers. Everything
happens in memory; part names are neutral ("exhibits-part-1-of-2.pdf").

This module only builds: `services.packet` checks access, draws any missing rendition
(`services.renditions`), reads the decrypted renditions (`packet_files` names them) and
writes the audit record.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import pikepdf

from asylum_prep.config import Settings
from asylum_prep.domain.evidence import EvidenceItem, Mime
from asylum_prep.domain.paper import paper_name, paper_points
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence import (
    page_plan,
    pdfa,
    plain_sheets,
    safe_rendition,
    sheets,
    stamp,
    translation_sheets,
)
from asylum_prep.evidence.cover import (
    CertificateOfService,
    PacketTexts,
    applicant_name,
    certificate_context,
    cover_context,
)
from asylum_prep.evidence.exhibits import Exhibit, exhibit_list
from asylum_prep.evidence.fit import fit_pages
from asylum_prep.evidence.packet_index import (
    IndexRow,
    index_context,
    index_rows,
    render_index,
    translation_rows,
)
from asylum_prep.evidence.sandbox import RenditionFailed
from asylum_prep.evidence.split import Slice, plan_parts
from asylum_prep.evidence.translated import untranslated

PART_OVERHEAD = 120 * 1024  # fonts of the tab and footer pages, repeated in every part
MAX_PART_BYTES = 25 * 1024 * 1024
N_UNTRANSLATED = N_("Some documents in another language have no current English translation, so "
                    "the packet has no translation or translator's certificate for them. The "
                    "evidence page lists them.")
N_UNDRAWABLE = N_("The document “{title}” could not be redrawn safely as page images, so the "
                  "packet was not built. Leave it out of the packet, or remove it and add a new "
                  "copy.")


__all__ = ["CertificateOfService", "PacketTexts", "build_packet", "packet_plan"]


@dataclass
class PacketResult:
    parts: list[tuple[str, bytes]]
    index: list[IndexRow]
    total_pages: int
    warnings: list[str] = field(default_factory=list)
    version: int = 0  # the case version the packet was built from

    @property
    def content(self) -> bytes:
        """The one PDF, or a zip of the parts (neutral names) when the packet was split."""
        if len(self.parts) == 1:
            return self.parts[0][1]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
            for name, data in self.parts:
                zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        return buf.getvalue()


def _applicant(record: CaseRecord, title: str) -> tuple[str, str]:
    return applicant_name(record) or title, record.about.a_number or record.about.reference


def packet_files(record: CaseRecord) -> dict[str, str]:
    """The stored file each attached exhibit is printed from (evidence id -> blob id): its safe
    rendition, never the uploaded file's own pages. InputRefused, naming the document, when one
    has none (services.renditions draws the missing ones before a packet is built)."""
    items = {it.id: it for it in record.evidence}
    files: dict[str, str] = {}
    for ex in exhibit_list(record):
        if ex.evidence_id is None:
            continue
        item = items[ex.evidence_id]
        if not item.safe_rendition_blob:
            raise InputRefused(N_UNDRAWABLE, title=item.title or item.filename)
        files[item.id] = item.safe_rendition_blob
    return files


def rendition_source(item: EvidenceItem) -> str:
    """The blob a safe rendition is drawn from: the cleaned PDF or picture, or the PDF
    rendition of a Word document or a text file."""
    return item.rendition_blob or item.stored_blob


def make_rendition(
    item: EvidenceItem, source: bytes, jurisdiction: str, settings: Settings
) -> safe_rendition.Rendition:
    """The safe rendition of a stored item from its `rendition_source`; RenditionFailed when
    it cannot be drawn (or a Word document without its PDF)."""
    if item.mime is Mime.docx and not item.rendition_blob:
        raise RenditionFailed("a Word document without its PDF rendition")
    return safe_rendition.make(
        source,
        item.mime if item.mime.is_image else Mime.pdf,
        page_size=paper_name(jurisdiction),
        pages=None if item.mime.is_image else item.page_count,
        memory_mb=settings.rendition_memory_mb,
        cpu_seconds=settings.rendition_cpu_seconds,
    )


def _open_exhibits(blobs: dict[str, bytes]) -> dict[str, pikepdf.Pdf]:
    return {eid: pikepdf.Pdf.open(io.BytesIO(data)) for eid, data in blobs.items()}


def _tabs(exhibits: tuple[Exhibit, ...] | list[Exhibit]) -> list[dict[str, str]]:
    return [
        {
            "label": f"Exhibit {ex.tab}",
            "title": ex.title,
            "note": ("Cited, not attached: " + ex.citation_text) if ex.citation_only else "",
        }
        for ex in exhibits
    ]


@dataclass
class Settled:
    """A packet's page plan with the pages it was settled with."""

    plan: page_plan.PagePlan
    bookends: sheets.Bookends
    plain: bool  # index, tabs and footer drawn in Noto Sans (plain_sheets), not WeasyPrint
    applicant: str
    reference: str
    footer_text: str
    translations: dict[str, translation_sheets.TranslationPages] = field(default_factory=dict)

    @property
    def translation_counts(self) -> dict[str, tuple[int, int]]:
        """Evidence id -> (translation pages, translator's certificate pages)."""
        return {eid: (len(tp.translation), len(tp.certificate))
                for eid, tp in self.translations.items()}


def packet_plan(record: CaseRecord, *, title: str, jurisdiction: str,
                bates_prefix: str | None = None, texts: PacketTexts | None = None,
                certificate_of_service: CertificateOfService | None = None) -> Settled:
    """The page plan of the packet `build_packet` makes with the same arguments: the cover and
    the certificate are laid out, then the index until its length no longer changes the
    numbers it prints (the stand-alone index prints the same numbers through this)."""
    texts = texts or PacketTexts()
    css_size, paper = paper_name(jurisdiction), paper_points(jurisdiction)
    bates = stamp.clean_bates_prefix(bates_prefix)
    applicant, reference = _applicant(record, title)
    footer_text = " \u00b7 ".join(p for p in (applicant, reference) if p)
    bookends = sheets.render_bookends(
        cover=cover_context(record, jurisdiction, texts),
        cert=certificate_context(certificate_of_service, texts), css_size=css_size)
    listed = exhibit_list(record)
    tabs = _tabs(listed)
    translations = translation_sheets.render_all(
        record, listed, certificate=texts.translation_certificate,
        authority=texts.translation_authority, css_size=css_size)
    counts = {eid: (len(tp.translation), len(tp.certificate))
              for eid, tp in translations.items()}
    n_index, seen = 1, set()
    while True:
        plan = page_plan.plan(record, cover_pages=len(bookends.cover), index_pages=n_index,
                              certificate_pages=len(bookends.cert), bates=bates,
                              translations=counts)
        context = index_context(index_rows(plan, texts.service_title), applicant, reference,
                                 plan, 1)
        plain = plain_sheets.plain_text_ok(context, tabs, footer_text)
        pages = len(render_index(context, css_size, paper, plain)[0].pages)
        if pages == n_index or pages in seen:  # settled (or flip-flopping: keep the longer)
            n_index = max(pages, n_index)
            break
        seen.add(n_index)
        n_index = pages
    plan = page_plan.plan(record, cover_pages=len(bookends.cover), index_pages=n_index,
                          certificate_pages=len(bookends.cert), bates=bates,
                          translations=counts)
    return Settled(plan, bookends, plain, applicant, reference, footer_text, translations)


def _outline(plan: page_plan.PagePlan, service_title: str) -> list[tuple[str, int]]:
    """Bookmarks (title, packet page number): the index, each exhibit (its translation and
    translator's certificate), the certificate of service."""
    marks = [("Index of Supporting Documents", plan.index_first)]
    for ex in plan.exhibits:
        marks.append((f"Exhibit {ex.tab}: {ex.title}", ex.tab_page))
        marks += [(text, first) for text, (first, _) in translation_rows(ex)]
    if plan.certificate_first is not None:
        marks.append((service_title, plan.certificate_first))
    return marks


def _assemble(
    plan: list[list[Slice]],
    units: list[list[pikepdf.Page]],
    furniture: sheets.Furniture,
    bates: str,
    marks: list[tuple[str, int]],
    pdf_a: bool,
) -> list[bytes]:
    out: list[bytes] = []
    number = 0
    for part in plan:
        pdf = pikepdf.new()
        for sl in part:
            pdf.pages.extend(units[sl.unit][sl.first : sl.last])
        stamper = stamp.Stamper(pdf, furniture.footer, furniture.numbers)
        first = number + 1
        for page in pdf.pages:
            number += 1
            stamper.stamp(page, stamp.page_label(number, bates))
        with pdf.open_outline() as outline:
            for title, page_number in marks:
                if first <= page_number <= number:
                    outline.root.append(pikepdf.OutlineItem(title, page_number - first))
        buf = io.BytesIO()
        if pdf_a:
            pdfa.save(pdf, buf)
        else:
            pdf.save(buf, compress_streams=True,
                     object_stream_mode=pikepdf.ObjectStreamMode.generate)
        out.append(buf.getvalue())
    return out


def _units(
    settled: Settled,
    tabs: list[pikepdf.Page],
    sources: dict[str, pikepdf.Pdf],
    index: list[pikepdf.Page],
) -> list[list[pikepdf.Page]]:
    units = [settled.bookends.cover, index]
    for i, ex in enumerate(settled.plan.exhibits):
        unit = [tabs[i]]
        if ex.evidence_id is not None:
            unit.extend(sources[ex.evidence_id].pages)
            done = settled.translations.get(ex.evidence_id)
            if done is not None:
                unit.extend([*done.translation, *done.certificate])
        units.append(unit)
    units.append(settled.bookends.cert)
    return units


def build_packet(
    record: CaseRecord,
    *,
    title: str,
    jurisdiction: str,
    blobs: dict[str, bytes],
    version: int,
    max_part_bytes: int = MAX_PART_BYTES,
    bates_prefix: str | None = None,
    certificate_of_service: CertificateOfService | None = None,
    texts: PacketTexts | None = None,
    pdf_a: bool = False,
) -> PacketResult:
    """The packet of `record` (at `version`), given the bytes of its `packet_files`. `title`
    names the applicant in the footer when the record has no name; `texts`: the cover and
    certificate wording of the jurisdiction's legal text pack."""
    if pdf_a:
        pdfa.require()
    texts = texts or PacketTexts()
    page_size, css_size = paper_points(jurisdiction), paper_name(jurisdiction)
    bates = stamp.clean_bates_prefix(bates_prefix)
    settled = packet_plan(record, title=title, jurisdiction=jurisdiction,
                          bates_prefix=bates_prefix, texts=texts,
                          certificate_of_service=certificate_of_service)
    sources = _open_exhibits(blobs)
    warnings: list[str] = [N_UNTRANSLATED] if untranslated(record) else []
    for eid, pdf in sources.items():
        item = next(it for it in record.evidence if it.id == eid)
        if not item.mime.is_image and len(pdf.pages) != item.page_count:
            warnings.append(N_("A document's page count differs from the one recorded."))
        fit_pages(pdf, page_size)
    sizes = {eid: len(data) for eid, data in blobs.items()}
    n_index, index_size = settled.plan.index_pages, 40 * 1024
    budget = max(max_part_bytes - PART_OVERHEAD, max_part_bytes // 2)
    furniture: sheets.Furniture | None = None
    index: list[pikepdf.Page] = []
    parts: list[bytes] = []
    plan = settled.plan
    for _attempt in range(8):
        plan = page_plan.plan(record, cover_pages=plan.cover_pages, index_pages=n_index,
                              certificate_pages=plan.certificate_pages, bates=bates,
                              translations=settled.translation_counts)
        settled.plan = plan
        unit_sizes = (
            [(plan.cover_pages, 30 * 1024), (n_index, index_size)]
            + [(ex.end_page - ex.tab_page + 1,
                4 * 1024 + sizes.get(ex.evidence_id or "", 0)
                + 20 * 1024 * (ex.translation_pages + ex.certificate_pages))
               for ex in plan.exhibits]
            + [(plan.certificate_pages, 30 * 1024)]
        )
        split = plan_parts(unit_sizes, budget)
        page_parts = [p for p, part in enumerate(split, start=1)
                      for sl in part for _ in range(sl.first, sl.last)]
        rows = index_rows(plan, texts.service_title, page_parts)
        context = index_context(rows, settled.applicant, settled.reference, plan, len(split))
        if furniture is None:  # first pass: index, tabs and footer in one layout
            furniture = sheets.render_furniture(
                index=context, tabs=_tabs(plan.exhibits), footer_text=settled.footer_text,
                page_size=page_size, css_size=css_size, plain=settled.plain,
                label_chars=stamp.label_chars(bates))
            index, index_size = furniture.index, 40 * 1024 * len(furniture.index)
        else:
            index_pdf, index_size = render_index(context, css_size, page_size, settled.plain)
            index = list(index_pdf.pages)
        if len(index) != n_index:
            n_index = len(index)
            continue
        parts = _assemble(split, _units(settled, furniture.tabs, sources, index), furniture,
                          bates, _outline(plan, texts.service_title), pdf_a)
        biggest = max(len(p) for p in parts)
        if biggest <= max_part_bytes or budget < 8 * 1024:
            break
        budget = int(budget * max_part_bytes / biggest * 0.95)
    if max(len(p) for p in parts) > max_part_bytes:
        warnings.append(
            N_("A part is larger than the limit because a single page is larger than the limit.")
        )
    names = (
        ["exhibits.pdf"]
        if len(parts) == 1
        else [f"exhibits-part-{i}-of-{len(parts)}.pdf" for i in range(1, len(parts) + 1)]
    )
    return PacketResult(list(zip(names, parts, strict=True)), rows, plan.total, warnings, version)
