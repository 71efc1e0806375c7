"""The paper a jurisdiction files on: its name for the layout engines and its size in points.

United States: Letter (8.5 x 11 in), the only size the immigration courts and USCIS take.
Canada: Letter too; the Refugee Protection Division Rules (SOR/2012-256), r. 31(1)-(2), ask
for documents and photocopies on 216 mm by 279 mm (8 1/2 x 11 in) paper. United Kingdom and
the EU: A4. Every document, exhibit rendition and packet page reads its size from here.
"""

from __future__ import annotations

from typing import Literal

PaperName = Literal["letter", "A4"]

LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)
_LETTER_JURISDICTIONS = frozenset({"us", "ca"})


def paper_name(jurisdiction: str) -> PaperName:
    """"letter" or "A4": the CSS page size and the name `Document.page_size` takes."""
    return "letter" if jurisdiction in _LETTER_JURISDICTIONS else "A4"


def paper_points(jurisdiction: str) -> tuple[float, float]:
    """(width, height) of the jurisdiction's paper in PDF points, portrait."""
    return LETTER if paper_name(jurisdiction) == "letter" else A4
