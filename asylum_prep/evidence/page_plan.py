"""The packet's page plan: the one source of every page number an index prints.

A packet is a cover page, the index, each exhibit (its tab sheet, then its own pages, then for a
foreign-language exhibit its English translation and the translator's certificate) and the
certificate of service, numbered 1, 2, 3... from the cover on, every page stamped (the RPD
Rules r. 31(4): "as if they were one document"), or with Bates labels (EX000001...). The
packet's own index, the stand-alone exhibit index and the stamps all read their numbers from a
`PagePlan`, so they cannot disagree; the caller works out how many pages the cover, the index
and the certificate take (the index's length depends on the numbers it prints: see
`evidence.packet.packet_plan`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from asylum_prep.domain.record import CaseRecord
from asylum_prep.evidence.exhibits import Exhibit, exhibit_list
from asylum_prep.evidence.stamp import page_label


def span(first: int, last: int, bates: str = "") -> str:
    """A range as an index prints it: "4", "4–9", or Bates labels "EX000004–EX000009"."""
    if first == last:
        return page_label(first, bates)
    return f"{page_label(first, bates)}\u2013{page_label(last, bates)}"


@dataclass(frozen=True)
class PagePlan:
    cover_pages: int
    index_pages: int
    exhibits: tuple[Exhibit, ...]  # tab_page and end_page are packet page numbers
    certificate_pages: int
    bates: str = ""  # the cleaned Bates prefix; "" numbers pages 1, 2, 3...

    @property
    def index_first(self) -> int:
        return self.cover_pages + 1

    @property
    def exhibits_end(self) -> int:
        """The last page before the certificate of service."""
        return self.exhibits[-1].end_page if self.exhibits else self.cover_pages + self.index_pages

    @property
    def certificate_first(self) -> int | None:
        return self.exhibits_end + 1 if self.certificate_pages else None

    @property
    def total(self) -> int:
        return self.exhibits_end + self.certificate_pages

    def label(self, number: int) -> str:
        """What the stamp on packet page `number` says."""
        return page_label(number, self.bates)

    def span(self, first: int, last: int) -> str:
        return span(first, last, self.bates)

    def exhibit_span(self, exhibit: Exhibit) -> str:
        """The exhibit's tab sheet and own pages (its translation has rows of its own)."""
        return self.span(exhibit.tab_page, exhibit.own_end)

    def range_span(self, pages: tuple[int, int] | None) -> str:
        return "" if pages is None else self.span(*pages)

    def certificate_span(self) -> str:
        first = self.certificate_first
        return "" if first is None else self.span(first, self.total)


def plan(
    record: CaseRecord,
    *,
    cover_pages: int,
    index_pages: int,
    certificate_pages: int,
    bates: str = "",
    translations: Mapping[str, tuple[int, int]] | None = None,
) -> PagePlan:
    """The plan of `record`'s packet given the length of its own pages; `translations`:
    evidence id -> (translation pages, translator's certificate pages)."""
    first = cover_pages + index_pages + 1
    return PagePlan(
        cover_pages,
        index_pages,
        tuple(exhibit_list(record, first_page=first, extra=translations)),
        certificate_pages,
        bates,
    )
