"""The exhibit packet: index of supporting documents, a tab page before each exhibit, every
page numbered consecutively at the bottom centre (optional Bates prefix), applicant name and
reference in the footer, an optional certificate of service; split into parts of at most
`max_part_bytes`, exhibits kept whole when they fit, the index giving ranges across parts.

Index, tab, footer and certificate pages come from escaped templates in templates/packet/
rendered by WeasyPrint; documents are copied and stamped with pikepdf (never re-rendered).
Everything happens in memory; part names are neutral ("exhibits-part-1-of-2.pdf").
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date

import pikepdf

from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.evidence import stamp
from asylum_prep.evidence.exhibits import Exhibit, exhibit_list
from asylum_prep.evidence.html_pdf import html_to_pdf, render_template
from asylum_prep.evidence.split import Slice, plan_parts
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, require
from asylum_prep.services.actor import Actor
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store

PART_OVERHEAD = 120 * 1024  # fonts of the tab and footer pages, repeated in every part
FOOTER_WIDTH = 210


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
        span = str(self.first_page) if self.first_page == self.last_page else (
            f"{self.first_page}\u2013{self.last_page}")
        return span


@dataclass
class PacketResult:
    parts: list[tuple[str, bytes]]
    index: list[IndexRow]
    total_pages: int
    warnings: list[str] = field(default_factory=list)

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


def _load_sources(store: Store, actor: Actor, case_id: str) -> tuple[CaseRecord, str, str, dict[str, bytes]]:
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(cipher, repo.get_version_row(session, case_id, case.current_version))
        title = cipher.open_text("title", case.title_enc)
        items = {it.id: it for it in record.evidence}
        blobs: dict[str, bytes] = {}
        for ex in exhibit_list(record):
            if ex.evidence_id is None:
                continue
            item = items[ex.evidence_id]
            blobs[item.id] = repo.get_blob(session, cipher, item.rendition_blob or item.stored_blob)
        return record, title, case.jurisdiction, blobs


def _open_exhibits(record: CaseRecord, blobs: dict[str, bytes],
                   page_size: tuple[float, float]) -> dict[str, pikepdf.Pdf]:
    items = {it.id: it for it in record.evidence}
    out: dict[str, pikepdf.Pdf] = {}
    for eid, data in blobs.items():
        item = items[eid]
        if item.mime.is_image and not item.rendition_blob:
            pdf = pikepdf.new()
            stamp.image_page(pdf, data, item.mime.value, page_size)
            out[eid] = pdf
        else:
            out[eid] = pikepdf.Pdf.open(io.BytesIO(data))
    return out


def _tab_pages(exhibits: list[Exhibit], css_size: str) -> pikepdf.Pdf:
    tabs = [{"label": f"Exhibit {ex.tab}", "title": ex.title,
             "note": ("Cited, not attached: " + ex.citation_text) if ex.citation_only else ""}
            for ex in exhibits]
    pdf = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(
        render_template("tabs.html", tabs=tabs, page_size=css_size))))
    if len(pdf.pages) == len(tabs):
        return pdf
    whole = pikepdf.new()  # a tab ran over one page: render each alone, keep its first page
    for tab in tabs:
        one = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(
            render_template("tabs.html", tabs=[tab], page_size=css_size))))
        whole.pages.append(one.pages[0])
    return whole


def _index_rows(exhibits: list[Exhibit], units_parts: list[tuple[int, ...]],
                cert_page: int | None) -> list[IndexRow]:
    rows = [IndexRow(ex.tab, ex.description + (" (cited, not attached)" if ex.citation_only else ""),
                     ex.tab_page, ex.end_page, units_parts[i + 1], ex.evidence_id)
            for i, ex in enumerate(exhibits)]
    if cert_page is not None:
        rows.append(IndexRow("", "Certificate of service", cert_page, cert_page,
                             units_parts[-1]))
    return rows


def _part_note(parts: tuple[int, ...], n_parts: int) -> str:
    if n_parts <= 1 or not parts:
        return ""
    first, last = min(parts), max(parts)
    return f" (part {first})" if first == last else f" (parts {first}\u2013{last})"


def _render_index(rows: list[IndexRow], applicant: str, reference: str, total: int,
                  n_parts: int, css_size: str) -> bytes:
    shown = [{"tab": r.tab, "description": r.description,
              "pages": r.pages + _part_note(r.parts, n_parts)} for r in rows]
    return html_to_pdf(render_template("index.html", rows=shown, applicant=applicant,
                                       reference=reference, total_pages=total, parts=n_parts,
                                       page_size=css_size))


def _assemble(plan: list[list[Slice]], units: list[pikepdf.Pdf], footer: pikepdf.Pdf,
              bates: str) -> list[bytes]:
    out: list[bytes] = []
    number = 0
    for part in plan:
        pdf = pikepdf.new()
        stamper = stamp.Stamper(pdf, footer)
        for sl in part:
            src = units[sl.unit]
            for i in range(sl.first, sl.last):
                pdf.pages.append(src.pages[i])
                number += 1
                stamper.stamp(pdf.pages[-1], stamp.page_label(number, bates))
        buf = io.BytesIO()
        pdf.save(buf, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        out.append(buf.getvalue())
    return out


def _unit_pdfs(exhibits: list[Exhibit], tabs: pikepdf.Pdf, sources: dict[str, pikepdf.Pdf],
               index: pikepdf.Pdf, cert: pikepdf.Pdf | None) -> list[pikepdf.Pdf]:
    units = [index]
    for i, ex in enumerate(exhibits):
        unit = pikepdf.new()
        unit.pages.append(tabs.pages[i])
        if ex.evidence_id is not None:
            unit.pages.extend(sources[ex.evidence_id].pages)
        units.append(unit)
    if cert is not None:
        units.append(cert)
    return units


def render_packet(
    store: Store, actor: Actor, case_id: str, *, max_part_bytes: int = 25 * 1024 * 1024,
    bates_prefix: str | None = None, certificate_of_service: CertificateOfService | None = None,
) -> PacketResult:
    record, title, jurisdiction, blobs = _load_sources(store, actor, case_id)
    page_size = stamp.LETTER if jurisdiction == "us" else stamp.A4
    css_size = "letter" if jurisdiction == "us" else "A4"
    applicant, reference = _applicant(record, title)
    bates = stamp.clean_bates_prefix(bates_prefix)
    sources = _open_exhibits(record, blobs, page_size)
    warnings: list[str] = []
    for eid, pdf in sources.items():
        item = next(it for it in record.evidence if it.id == eid)
        if not item.mime.is_image and len(pdf.pages) != item.page_count:
            warnings.append(N_("A document's page count differs from the one recorded."))
    base = exhibit_list(record)
    tabs = _tab_pages(base, css_size)
    footer_text = " \u00b7 ".join(p for p in (applicant, reference) if p)
    footer = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(
        render_template("footer.html", text=footer_text, width=FOOTER_WIDTH))))
    cert = None
    if certificate_of_service is not None:
        cert = pikepdf.Pdf.open(io.BytesIO(html_to_pdf(render_template(
            "certificate.html", cert=certificate_of_service, page_size=css_size))))
    sizes = {eid: len(data) for eid, data in blobs.items()}
    tab_size = 4 * 1024
    n_index, index_size = 1 + len(base) // 22, 40 * 1024  # about 22 rows fit a page
    budget = max(max_part_bytes - PART_OVERHEAD, max_part_bytes // 2)
    parts: list[bytes] = []
    for _attempt in range(8):
        exhibits = exhibit_list(record, first_page=n_index + 1)
        last = exhibits[-1].end_page if exhibits else n_index
        cert_page = last + 1 if cert is not None else None
        total = last + (len(cert.pages) if cert is not None else 0)
        unit_sizes = [(n_index, index_size)] + [
            (1 + ex.page_count, tab_size + sizes.get(ex.evidence_id or "", 0)) for ex in exhibits
        ] + ([(len(cert.pages), 30 * 1024)] if cert is not None else [])
        plan = plan_parts(unit_sizes, budget)
        unit_parts: list[list[int]] = [[] for _ in unit_sizes]
        for p, part in enumerate(plan, start=1):
            for sl in part:
                unit_parts[sl.unit].append(p)
        rows = _index_rows(exhibits, [tuple(u) for u in unit_parts], cert_page)
        index_bytes = _render_index(rows, applicant, reference, total, len(plan), css_size)
        index = pikepdf.Pdf.open(io.BytesIO(index_bytes))
        index_size = len(index_bytes)
        if len(index.pages) != n_index:
            n_index = len(index.pages)
            continue
        parts = _assemble(plan, _unit_pdfs(exhibits, tabs, sources, index, cert), footer, bates)
        biggest = max(len(p) for p in parts)
        if biggest <= max_part_bytes or budget < 8 * 1024:
            break
        budget = int(budget * max_part_bytes / biggest * 0.95)
    if max(len(p) for p in parts) > max_part_bytes:
        warnings.append(N_("A part is larger than the limit because a single page is larger "
                           "than the limit."))
    names = (["exhibits.pdf"] if len(parts) == 1 else
             [f"exhibits-part-{i}-of-{len(parts)}.pdf" for i in range(1, len(parts) + 1)])
    with store.session() as session:
        audit.log(session, actor, "render_packet", case_id,
                  f"exhibits={len(rows) - (cert is not None)} pages={total} parts={len(parts)}")
    return PacketResult(list(zip(names, parts, strict=True)), rows, total, warnings)
