"""The exhibit packet: index of supporting documents, a tab page before each exhibit, every
page numbered consecutively at the bottom centre (optional Bates prefix), applicant name and
reference in the footer, an optional certificate of service; split into parts of at most
`max_part_bytes`, exhibits kept whole when they fit, the index giving ranges across parts.

Index, tab and footer pages in Latin script are drawn in Noto Sans (evidence.plain_sheets);
otherwise they and the certificate come from escaped templates in templates/packet/ laid out
by WeasyPrint in one pass (evidence.sheets). Every font the packet adds, page numbers
included, is embedded as a subset of the glyphs it draws (evidence.noto_sans, or WeasyPrint's).
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
from datetime import date

import pikepdf

from asylum_prep.config import Settings
from asylum_prep.domain.evidence import EvidenceItem, Mime
from asylum_prep.domain.paper import paper_name, paper_points
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence import noto_sans, plain_sheets, safe_rendition, sheets, stamp
from asylum_prep.evidence.exhibits import Exhibit, exhibit_list
from asylum_prep.evidence.html_pdf import html_to_pdf, render_template
from asylum_prep.evidence.sandbox import RenditionFailed
from asylum_prep.evidence.split import Slice, plan_parts

PART_OVERHEAD = 120 * 1024  # fonts of the tab and footer pages, repeated in every part
MAX_PART_BYTES = 25 * 1024 * 1024
N_UNDRAWABLE = N_("The document “{title}” could not be redrawn safely as page images, so the "
                  "packet was not built. Leave it out of the packet, or remove it and add a new "
                  "copy.")


@dataclass(frozen=True)
class CertificateOfService:
    served_party: str
    method: str
    signer: str
    served_on: date
    address: str = ""


@dataclass(frozen=True)
class IndexRow:
    tab: str
    description: str
    first_page: int
    last_page: int
    parts: tuple[int, ...]
    evidence_id: str | None = None

    @property
    def pages(self) -> str:
        span = (
            str(self.first_page)
            if self.first_page == self.last_page
            else (f"{self.first_page}\u2013{self.last_page}")
        )
        return span


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
    about = record.about
    name = " ".join(p for p in (about.given_names, about.family_name) if p).strip() or title
    return name, about.a_number or about.reference


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


def _tabs(exhibits: list[Exhibit]) -> list[dict[str, str]]:
    return [
        {
            "label": f"Exhibit {ex.tab}",
            "title": ex.title,
            "note": ("Cited, not attached: " + ex.citation_text) if ex.citation_only else "",
        }
        for ex in exhibits
    ]


def _index_rows(
    exhibits: list[Exhibit], units_parts: list[tuple[int, ...]], cert_page: int | None
) -> list[IndexRow]:
    rows = [
        IndexRow(
            ex.tab,
            ex.description + (" (cited, not attached)" if ex.citation_only else ""),
            ex.tab_page,
            ex.end_page,
            units_parts[i + 1],
            ex.evidence_id,
        )
        for i, ex in enumerate(exhibits)
    ]
    if cert_page is not None:
        rows.append(IndexRow("", "Certificate of service", cert_page, cert_page, units_parts[-1]))
    return rows


def _part_note(parts: tuple[int, ...], n_parts: int) -> str:
    if n_parts <= 1 or not parts:
        return ""
    first, last = min(parts), max(parts)
    return f" (part {first})" if first == last else f" (parts {first}\u2013{last})"


def _index_context(
    rows: list[IndexRow], applicant: str, reference: str, total: int, n_parts: int
) -> dict[str, object]:
    shown = [
        {
            "tab": r.tab,
            "description": r.description,
            "pages": r.pages + _part_note(r.parts, n_parts),
        }
        for r in rows
    ]
    return {
        "rows": shown,
        "applicant": applicant,
        "reference": reference,
        "total_pages": total,
        "parts": n_parts,
    }


def _render_index(
    context: dict[str, object], css_size: str, page_size: tuple[float, float]
) -> tuple[pikepdf.Pdf, int]:
    if plain_sheets.plain_text_ok(context, [], ""):
        pdf = pikepdf.new()
        fonts = noto_sans.Fonts(pdf)
        pages = plain_sheets.index_pages(pdf, context, page_size, fonts)
        fonts.embed()
        return pdf, 8 * 1024 * len(pages)
    data = html_to_pdf(render_template("index.html", **context, page_size=css_size))
    return pikepdf.Pdf.open(io.BytesIO(data)), len(data)


def _assemble(
    plan: list[list[Slice]],
    units: list[list[pikepdf.Page]],
    furniture: sheets.Furniture,
    bates: str,
) -> list[bytes]:
    out: list[bytes] = []
    number = 0
    for part in plan:
        pdf = pikepdf.new()
        for sl in part:
            pdf.pages.extend(units[sl.unit][sl.first : sl.last])
        stamper = stamp.Stamper(pdf, furniture.footer, furniture.numbers)
        for page in pdf.pages:
            number += 1
            stamper.stamp(page, stamp.page_label(number, bates))
        buf = io.BytesIO()
        pdf.save(buf, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        out.append(buf.getvalue())
    return out


def _units(
    exhibits: list[Exhibit],
    tabs: list[pikepdf.Page],
    sources: dict[str, pikepdf.Pdf],
    index: list[pikepdf.Page],
    cert: list[pikepdf.Page],
) -> list[list[pikepdf.Page]]:
    units = [index]
    for i, ex in enumerate(exhibits):
        unit = [tabs[i]]
        if ex.evidence_id is not None:
            unit.extend(sources[ex.evidence_id].pages)
        units.append(unit)
    if cert:
        units.append(cert)
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
) -> PacketResult:
    """The packet of `record` (at `version`), given the bytes of its `packet_files`. `title`
    names the applicant in the footer when the record has no name."""
    page_size = paper_points(jurisdiction)
    css_size = paper_name(jurisdiction)
    applicant, reference = _applicant(record, title)
    bates = stamp.clean_bates_prefix(bates_prefix)
    sources = _open_exhibits(blobs)
    warnings: list[str] = []
    for eid, pdf in sources.items():
        item = next(it for it in record.evidence if it.id == eid)
        if not item.mime.is_image and len(pdf.pages) != item.page_count:
            warnings.append(N_("A document's page count differs from the one recorded."))
    base = exhibit_list(record)
    footer_text = " \u00b7 ".join(p for p in (applicant, reference) if p)
    sizes = {eid: len(data) for eid, data in blobs.items()}
    tab_size = 4 * 1024
    n_index, index_size = 1 + len(base) // 22, 40 * 1024  # about 22 rows fit a page
    budget = max(max_part_bytes - PART_OVERHEAD, max_part_bytes // 2)
    furniture: sheets.Furniture | None = None
    index: list[pikepdf.Page] = []
    parts: list[bytes] = []
    for _attempt in range(8):
        exhibits = exhibit_list(record, first_page=n_index + 1)
        last = exhibits[-1].end_page if exhibits else n_index
        n_cert = len(furniture.cert) if furniture else int(certificate_of_service is not None)
        cert_page = last + 1 if certificate_of_service is not None else None
        total = last + n_cert
        unit_sizes = (
            [(n_index, index_size)]
            + [
                (1 + ex.page_count, tab_size + sizes.get(ex.evidence_id or "", 0))
                for ex in exhibits
            ]
            + ([(n_cert, 30 * 1024)] if n_cert else [])
        )
        plan = plan_parts(unit_sizes, budget)
        unit_parts: list[list[int]] = [[] for _ in unit_sizes]
        for p, part in enumerate(plan, start=1):
            for sl in part:
                unit_parts[sl.unit].append(p)
        rows = _index_rows(exhibits, [tuple(u) for u in unit_parts], cert_page)
        context = _index_context(rows, applicant, reference, total, len(plan))
        if furniture is None:  # first pass: everything in one layout
            furniture = sheets.render_furniture(
                index=context,
                tabs=_tabs(exhibits),
                footer_text=footer_text,
                cert=certificate_of_service,
                page_size=page_size,
                css_size=css_size,
                label_chars=stamp.label_chars(bates),
            )
            index, index_size = furniture.index, 40 * 1024 * len(furniture.index)
            if certificate_of_service is not None and len(furniture.cert) != n_cert:
                continue  # a certificate longer than a page: count again
        else:
            index_pdf, index_size = _render_index(context, css_size, page_size)
            index = list(index_pdf.pages)
        if len(index) != n_index:
            n_index = len(index)
            continue
        parts = _assemble(
            plan,
            _units(exhibits, furniture.tabs, sources, index, furniture.cert),
            furniture,
            bates,
        )
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
    return PacketResult(list(zip(names, parts, strict=True)), rows, total, warnings, version)
