"""Dates as applicants give them: exact, month and year, year only, or "about".

Stored as an ISO date plus a precision and an "approximate" flag; the words the applicant used
are kept beside it so nothing they said is lost.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Model, Short


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class FuzzyDate(Model):
    iso: date
    precision: Precision = Precision.day
    approximate: bool = False
    original: Short = Field(default="", description="The date as the applicant wrote it.")

    @property
    def earliest(self) -> date:
        return self.iso

    @property
    def latest(self) -> date:
        """The last day this date could mean (for overlap and ordering checks)."""
        if self.precision is Precision.year:
            return date(self.iso.year, 12, 31)
        if self.precision is Precision.month:
            if self.iso.month == 12:  # also keeps December 9999 from overflowing
                return date(self.iso.year, 12, 31)
            nxt = date(self.iso.year, self.iso.month + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return self.iso

    def display(self) -> str:
        """A language-neutral rendering; the UI and documents localise through i18n."""
        prefix = "~" if self.approximate else ""
        if self.precision is Precision.year:
            return f"{prefix}{self.iso.year:04d}"
        if self.precision is Precision.month:
            return f"{prefix}{self.iso.year:04d}-{self.iso.month:02d}"
        return f"{prefix}{self.iso.isoformat()}"
