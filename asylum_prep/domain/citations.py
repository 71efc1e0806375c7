"""Country-conditions citations: a passage of a public report pinned to a legal element.

Citations belong to a case, so they live in the (encrypted) case record. Each carries
everything needed to trace it (report id, passage id, the report file's content hash) and the
exact quoted text copied from the stored passage at the time of citing.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import Field

from asylum_prep.domain.base import Item, Short, Text

if TYPE_CHECKING:
    from asylum_prep.domain.record import CaseRecord

REJECTIONS_KEY = "coi_rejections"  # record.extensions key: suggestions the team turned down


class ElementKey(StrEnum):
    protected_ground = "protected_ground"
    nexus = "nexus"
    harm = "harm"
    agent_state_protection = "agent_state_protection"
    subjective_fear = "subjective_fear"
    objective_fear = "objective_fear"
    past_persecution = "past_persecution"
    internal_relocation = "internal_relocation"
    timeliness = "timeliness"
    bars = "bars"
    torture_official = "torture_official"


class Citation(Item):
    element: ElementKey
    report_id: Short
    passage_id: int = Field(gt=0)
    report_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    country: Short = ""
    publisher: Short
    title: Short
    published: date | None = None
    page: int | None = None
    page_end: int | None = None  # the passage runs over a page break onto this page
    page_label: Short = ""  # the printed page label (PDF /PageLabels), when it has one
    page_end_label: Short = ""
    section: Short = ""
    url: Short = ""
    accessed: date = Field(description="When the report was retrieved into the library.")
    quote: Text = Field(description="The stored passage, copied exactly.")
    note: Text = ""
    by: int
    at: datetime


class Rejection(Item):
    """A suggested passage the team turned down for one target (an incident, or the fear)."""

    passage_id: int = Field(gt=0)
    target: Short
    by: int
    at: datetime


_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec.")
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def pinpoint(section: str, page: int | None, *, page_end: int | None = None,
             label: str = "", end_label: str = "") -> str:
    """`sec. 1.d`, `p. 12`, `pp. 4–5`, or a section and pages. A numbered heading is cited by
    its number; others by their words, without a leading 'Section'; a year at the start of a
    title ("2023 Country Reports ...") is no section number. Pages are cited by their printed
    label when the report has labels."""
    parts = []
    if section:
        sec = re.sub(r"^(section|sec\.?)\s+", "", section.strip(), flags=re.I)
        number = re.match(r"^(?!(?:1[89]|20)\d\d\b)(\d+(?:\.[0-9a-z]+)*)\.?(?:\s|$)", sec,
                          flags=re.I)
        if number:
            sec = number.group(1)  # "1.d Arbitrary Arrest" is cited as "sec. 1.d"
        sec = sec if len(sec) <= 80 else sec[:79].rstrip() + "…"
        parts.append(f"sec. {sec}")
    first = label or (str(page) if page else "")
    last = end_label or (str(page_end) if page_end else "")
    if first and last and last != first:
        parts.append(f"pp. {first}\u2013{last}")
    elif first:
        parts.append(f"p. {first}")
    return ", ".join(parts)


def citation_pinpoint(c: Citation) -> str:
    return pinpoint(c.section, c.page, page_end=c.page_end, label=c.page_label,
                    end_label=c.page_end_label)


def format_citation(c: Citation) -> str:
    """`U.S. Dep't of State, 2023 Country Reports on Human Rights Practices: Iran, sec. 1.d
    (Apr. 22, 2024), https://..., accessed 1 June 2024.`"""
    text = f"{c.publisher}, {c.title}"
    if pin := citation_pinpoint(c):
        text += f", {pin}"
    if c.published:
        text += f" ({_MONTHS[c.published.month - 1]} {c.published.day}, {c.published.year})"
    else:
        text += " (n.d.)"
    if c.url:
        text += f", {c.url}"
    accessed = c.accessed
    return text + f", accessed {accessed.day} {_LONG_MONTHS[accessed.month - 1]} {accessed.year}."


def citations_by_element(record: CaseRecord) -> dict[str, int]:
    """How many country-conditions citations back each element (for the legal assessment)."""
    counts: dict[str, int] = {}
    for citation in record.citations:
        counts[citation.element.value] = counts.get(citation.element.value, 0) + 1
    return counts


def rejections(record: CaseRecord) -> list[Rejection]:
    raw = record.extensions.get(REJECTIONS_KEY) or []
    return [Rejection.model_validate(item) for item in raw]
