"""The exhibit list: case documents tabbed A, B, C... (then AA, AB...), country-conditions
documents numbered 1, 2, 3... (both configurable), in the team's order, with page ranges.

`exhibit_list(record)` is the stable interface the documents module builds its index from.
Pages count as they appear in the packet after its index: each exhibit is one tab page
followed by its own pages (an image is one page; a cited report whose PDF is not stored is a
tab page only, carrying the full citation: a "citation-only" exhibit). A foreign-language
exhibit with a current English translation is followed by the translation's pages and the
translator's certificate (`extra`: their page counts, laid out by evidence.translation_sheets),
which count as part of the exhibit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from asylum_prep.domain.citations import format_citation
from asylum_prep.domain.evidence import EvidenceItem, EvidenceKind, TabStyle
from asylum_prep.domain.record import CaseRecord

CASE, COUNTRY = "case", "country"


@dataclass(frozen=True)
class Exhibit:
    tab: str  # "A", "B", ... or "1", "2", ...
    series: str  # "case" or "country"
    evidence_id: str | None  # None for a citation-only exhibit
    report_id: str | None  # country-library report, when the exhibit is a cited report
    title: str
    description: str
    page_count: int  # the document's own pages (0: citation-only, or no PDF rendition)
    tab_page: int  # page number of the tab sheet
    end_page: int  # last page of the exhibit, its translation and certificate included
    citation_only: bool = False
    citation_text: str = ""  # the full citation(s), for cited reports
    mime: str | None = None
    translation_pages: int = 0  # pages of its English translation after its own pages
    certificate_pages: int = 0  # pages of the translator's certificate after those

    @property
    def own_end(self) -> int:
        """The last of the document's own pages (the tab sheet for a citation-only one)."""
        return self.tab_page + self.page_count

    @property
    def translation_range(self) -> tuple[int, int] | None:
        """First and last page of the English translation, when it has one."""
        if not self.translation_pages:
            return None
        return self.own_end + 1, self.own_end + self.translation_pages

    @property
    def certificate_range(self) -> tuple[int, int] | None:
        """First and last page of the translator's certificate, when it has one."""
        if not self.certificate_pages:
            return None
        first = self.own_end + self.translation_pages + 1
        return first, first + self.certificate_pages - 1

    @property
    def pages(self) -> str:
        """The range shown in an index: tab sheet to last page."""
        return (
            str(self.tab_page)
            if self.end_page == self.tab_page
            else (f"{self.tab_page}\u2013{self.end_page}")
        )


def letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA, 28 -> AB (bijective base 26)."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _label(style: TabStyle, n: int) -> str:
    return letters(n) if style is TabStyle.letters else str(n)


def _ordered(items: list[EvidenceItem]) -> list[EvidenceItem]:
    position = {item.id: i for i, item in enumerate(items)}
    return sorted(items, key=lambda it: (it.exhibit.order, position[it.id]))


def _description(item: EvidenceItem) -> str:
    parts = [item.title or item.filename]
    if item.issuer:
        parts.append(item.issuer)
    if item.document_date:
        parts.append(item.document_date.display())
    text = ", ".join(p for p in parts if p)
    return f"{text}. {item.description}".strip() if item.description else text


def _pages(item: EvidenceItem) -> int:
    return 1 if item.mime.is_image else (item.page_count or 0)


@dataclass(frozen=True)
class _Entry:
    series: str
    item: EvidenceItem | None
    report_id: str | None
    title: str
    description: str
    citation_text: str
    manual_tab: str


def _country_entries(record: CaseRecord, reports: dict[str, EvidenceItem]) -> list[_Entry]:
    settings = record.exhibit_settings
    if not settings.citation_exhibits:
        return []
    grouped: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for c in record.citations:
        grouped.setdefault(c.report_id, []).append(format_citation(c))
        titles.setdefault(c.report_id, f"{c.publisher}, {c.title}")
    rank = {rid: i for i, rid in enumerate(settings.citation_order)}
    order = sorted(grouped, key=lambda rid: (rank.get(rid, len(rank)), list(grouped).index(rid)))
    out = []
    for rid in order:
        if rid in settings.excluded_citations:
            continue
        cites = "\n".join(dict.fromkeys(grouped[rid]))
        item = reports.get(rid)
        out.append(
            _Entry(
                COUNTRY,
                item,
                rid,
                titles[rid],
                titles[rid],
                cites,
                item.exhibit.tab if item else "",
            )
        )
    return out


def entries(record: CaseRecord, *, include_excluded: bool = False) -> list[_Entry]:
    items = [
        it
        for it in _ordered(record.evidence)
        if (include_excluded or it.exhibit.included) and (it.mime.is_image or it.page_count)
    ]
    cited = (
        {c.report_id for c in record.citations}
        if record.exhibit_settings.citation_exhibits
        else set()
    )
    reports = {it.report_id: it for it in items if it.report_id and it.report_id in cited}
    case = [
        _Entry(CASE, it, None, it.title or it.filename, _description(it), "", it.exhibit.tab)
        for it in items
        if it.kind is not EvidenceKind.country_report
    ]
    country = [
        _Entry(
            COUNTRY,
            it,
            it.report_id or None,
            it.title or it.filename,
            _description(it),
            "",
            it.exhibit.tab,
        )
        for it in items
        if it.kind is EvidenceKind.country_report and it.report_id not in cited
    ]
    return case + _country_entries(record, reports) + country


def exhibit_list(
    record: CaseRecord, *, first_page: int = 1, include_excluded: bool = False,
    extra: Mapping[str, tuple[int, int]] | None = None,
) -> list[Exhibit]:
    """The exhibits in packet order. `first_page` is the page number of the first tab sheet
    (the packet passes the index's length + 1; a stand-alone index may keep 1). `extra`:
    evidence id -> (translation pages, certificate pages) printed after its own pages."""
    extra = extra or {}
    settings = record.exhibit_settings
    styles = {CASE: settings.case_tabs, COUNTRY: settings.country_tabs}
    counters = {CASE: 0, COUNTRY: 0}
    shared = settings.case_tabs is settings.country_tabs
    out: list[Exhibit] = []
    page = first_page
    for entry in entries(record, include_excluded=include_excluded):
        key = CASE if shared else entry.series
        counters[key] += 1
        tab = entry.manual_tab or _label(styles[entry.series], counters[key])
        count = _pages(entry.item) if entry.item else 0
        translation, certificate = extra.get(entry.item.id, (0, 0)) if entry.item else (0, 0)
        end = page + count + translation + certificate
        out.append(
            Exhibit(
                tab=tab,
                series=entry.series,
                evidence_id=entry.item.id if entry.item else None,
                report_id=entry.report_id,
                title=entry.title,
                description=entry.description,
                page_count=count,
                tab_page=page,
                end_page=end,
                citation_only=entry.item is None,
                citation_text=entry.citation_text,
                mime=entry.item.mime.value if entry.item else None,
                translation_pages=translation,
                certificate_pages=certificate,
            )
        )
        page = end + 1
    return out


def reorder(record: CaseRecord, evidence_ids: list[str]) -> CaseRecord:
    """A copy of `record` with exhibits in the order given (others keep theirs, after)."""
    rank = {eid: i for i, eid in enumerate(evidence_ids)}
    rest = len(rank)
    new = record.model_copy(deep=True)
    for item in _ordered(new.evidence):
        if item.id in rank:
            item.exhibit.order = (rank[item.id] + 1) * 10
        else:
            rest += 1
            item.exhibit.order = rest * 10
    return new


def set_included(record: CaseRecord, evidence_id: str, included: bool) -> CaseRecord:
    new = record.model_copy(deep=True)
    for item in new.evidence:
        if item.id == evidence_id:
            item.exhibit.included = included
    return new
