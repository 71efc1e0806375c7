"""Wizard parts 6 to 9: leaving, fear of return, screening questions and timing."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text, YesNo
from asylum_prep.domain.dates import FuzzyDate


class Transit(Item):
    country: Short = ""
    arrived: FuzzyDate | None = None
    left: FuzzyDate | None = None
    status_offered: YesNo = YesNo.unknown
    status_detail: Text = ""
    why_not_stay: Text = ""


class EntryKind(StrEnum):
    arrival = "arrival"
    departure = "departure"


class Entry(Item):
    kind: EntryKind = EntryKind.arrival
    date: FuzzyDate | None = None
    place: Short = ""
    status: Short = Field(default="", description="How: visa type, parole, without inspection")


class Leaving(Model):
    departure_date: FuzzyDate | None = None
    departure_place: Short = ""
    how_left: Text = ""
    passport_used: YesNo = YesNo.unknown
    route: list[Transit] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)


class Fear(Model):
    who: Text = ""
    what_harm: Text = ""
    why: Text = ""
    how_they_would_know: Text = ""
    still_looking: YesNo = YesNo.unknown
    still_looking_detail: Text = ""
    torture_fear: YesNo = YesNo.unknown
    torture_detail: Text = ""
    relocation_possible: YesNo = YesNo.unknown
    relocation_why_not: Text = ""


class Screening(Model):
    prior_applications: YesNo = YesNo.unknown
    prior_applications_detail: Text = ""
    returned_home: YesNo = YesNo.unknown
    returned_home_detail: Text = ""
    harmed_others: YesNo = YesNo.unknown
    harmed_others_detail: Text = ""
    serious_crimes: YesNo = YesNo.unknown
    serious_crimes_detail: Text = ""
    status_elsewhere: YesNo = YesNo.unknown
    status_elsewhere_detail: Text = ""
    armed_groups: YesNo = YesNo.unknown
    armed_groups_detail: Text = ""


class Timing(Model):
    why_now: Text = ""
    changed_circumstances: Text = ""
    extraordinary_circumstances: Text = ""
    filed_on: FuzzyDate | None = None
