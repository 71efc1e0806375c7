"""Planning how a packet is split into files of at most a byte budget.

Units (the index, each exhibit with its tab page, the certificate) stay whole in one part when
they fit; a unit larger than the budget on its own is cut between pages, as evenly as its
estimated bytes per page allow. Pure arithmetic on estimates; the packet checks real sizes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slice:
    unit: int
    first: int  # first page index in the unit (0-based)
    last: int  # one past the last page index


def plan_parts(units: list[tuple[int, int]], budget: int) -> list[list[Slice]]:
    """`units` are (pages, estimated bytes); returns parts, each a list of page slices."""
    parts: list[list[Slice]] = [[]]
    used = 0.0
    for u, (pages, size) in enumerate(units):
        if pages <= 0:
            continue
        if parts[-1] and used + size > budget:
            parts.append([])
            used = 0.0
        if size <= budget or pages == 1:
            parts[-1].append(Slice(u, 0, pages))
            used += size
            continue
        per_page = size / pages
        start = 0
        while start < pages:
            fit = int((budget - used) // per_page)
            if fit < 1 and parts[-1]:
                parts.append([])
                used = 0.0
                continue
            end = min(pages, start + max(1, fit))
            parts[-1].append(Slice(u, start, end))
            used += per_page * (end - start)
            start = end
    return [p for p in parts if p]
