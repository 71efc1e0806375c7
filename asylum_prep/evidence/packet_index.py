"""The packet's index of supporting documents: its rows, numbered from the page plan, and its
pages, drawn in Noto Sans (evidence.plain_sheets) when its text is Latin script, otherwise
laid out by WeasyPrint from templates/packet/index.html.

The pages column has a fixed width, room for the longest range the packet can print (with a
Bates prefix and a part note), so the index's length never depends on the numbers it prints:
the packet and the stand-alone index, laid out once with the numbers, agree.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

from asylum_prep.evidence import noto_sans, page_plan, plain_sheets
from asylum_prep.evidence.exhibits import Exhibit
from asylum_prep.evidence.html_pdf import html_to_pdf, render_template


@dataclass(frozen=True)
class IndexRow:
    tab: str
    description: str
    first_page: int
    last_page: int
    parts: tuple[int, ...]
    evidence_id: str | None = None
    bates: str = ""

    @property
    def pages(self) -> str:
        """The range as printed: "4–9", or Bates labels "EX000004–EX000009"."""
        return page_plan.span(self.first_page, self.last_page, self.bates)


def translation_rows(ex: Exhibit) -> list[tuple[str, tuple[int, int]]]:
    """(description, page range) of an exhibit's English translation and translator's
    certificate, as the packet's index lists them after the exhibit (none without one)."""
    rows = []
    if ex.translation_range is not None:
        rows.append((f"English translation of Exhibit {ex.tab}", ex.translation_range))
    if ex.certificate_range is not None:
        rows.append((f"Translator's certificate for Exhibit {ex.tab}", ex.certificate_range))
    return rows


def index_rows(
    plan: page_plan.PagePlan, title: str, page_parts: Sequence[int] = ()
) -> list[IndexRow]:
    """One row per exhibit (its tab sheet and own pages), one for its English translation and
    one for the translator's certificate when it has them, and one for the certificate of
    service (`title`), numbered from `plan`; `page_parts[n - 1]`: the part packet page n is
    in, when the packet is split."""

    def row(tab: str, text: str, first: int, last: int, evidence_id: str | None) -> IndexRow:
        parts = (tuple(sorted({page_parts[n - 1] for n in range(first, last + 1)}))
                 if page_parts else ())
        return IndexRow(tab, text, first, last, parts, evidence_id, plan.bates)

    rows = []
    for ex in plan.exhibits:
        rows.append(row(ex.tab, ex.description + (" (cited, not attached)"
                                                  if ex.citation_only else ""),
                        ex.tab_page, ex.own_end, ex.evidence_id))
        rows += [row("", text, first, last, None) for text, (first, last) in translation_rows(ex)]
    first = plan.certificate_first
    if first is not None:
        rows.append(row("", title, first, plan.total, None))
    return rows


def _part_note(parts: tuple[int, ...], n_parts: int) -> str:
    if n_parts <= 1 or not parts:
        return ""
    first, last = min(parts), max(parts)
    return f" (part {first})" if first == last else f" (parts {first}\u2013{last})"


def index_context(rows: list[IndexRow], applicant: str, reference: str,
                  plan: page_plan.PagePlan, n_parts: int) -> dict[str, object]:
    widest = plan.span(10**5, 10**5 + 1) + _part_note((10, 11), 2)
    return {
        "rows": [{"tab": r.tab, "description": r.description,
                  "pages": r.pages + _part_note(r.parts, n_parts)} for r in rows],
        "applicant": applicant,
        "reference": reference,
        "total_pages": plan.total,
        "parts": n_parts,
        "pages_width": round(plain_sheets.pages_width(widest), 1),
    }


def render_index(context: dict[str, object], css_size: str, page_size: tuple[float, float],
                 plain: bool) -> tuple[pikepdf.Pdf, int]:
    if plain:
        pdf = pikepdf.new()
        fonts = noto_sans.Fonts(pdf)
        pages = plain_sheets.index_pages(pdf, context, page_size, fonts)
        fonts.embed()
        return pdf, 8 * 1024 * len(pages)
    data = html_to_pdf(render_template("index.html", **context, page_size=css_size))
    return pikepdf.Pdf.open(io.BytesIO(data)), len(data)
