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


class RelocationReason(StrEnum):
    """Why she could not live elsewhere in her country: the danger would follow her, or life
    there would be too hard (no home, work or family; a camp), or both."""

    safety = "safety"
    hardship = "hardship"
    both = "both"
    unknown = "unknown"


class Fear(Model):
    who: Text = ""
    what_harm: Text = ""
    why: Text = ""
    how_they_would_know: Text = ""
    would_hide: YesNo = YesNo.unknown  # to be safe, would she have to hide who she is (HJ (Iran))
    would_hide_detail: Text = ""
    still_looking: YesNo = YesNo.unknown
    still_looking_detail: Text = ""
    torture_fear: YesNo = YesNo.unknown
    torture_detail: Text = ""
    relocation_possible: YesNo = YesNo.unknown
    relocation_why_not: Text = ""
    relocation_reason: RelocationReason = RelocationReason.unknown
    lived_elsewhere: YesNo = YesNo.unknown  # lived in another part of the country since
    lived_elsewhere_harmed: YesNo = YesNo.unknown  # ... and was found or harmed there
    lived_elsewhere_detail: Text = ""


class Voluntariness(StrEnum):
    voluntary = "voluntary"
    forced = "forced"  # under threat or by force
    both = "both"  # some of it by choice, some of it forced
    unknown = "unknown"


class ArmedGroupKind(StrEnum):
    state_forces = "state_forces"  # the national army or police (e.g. military service)
    non_state = "non_state"  # a rebel, guerrilla, militia or other armed group
    unknown = "unknown"


class HelpKind(StrEnum):
    """What help was given to an armed group (material support, asked plainly)."""

    fought = "fought"
    food = "food"  # food, cooking
    money = "money"
    shelter = "shelter"  # a place to stay or hide
    transport = "transport"  # carrying people or things
    labour = "labour"  # other work: cleaning, building, carrying
    information = "information"
    recruiting = "recruiting"
    other = "other"


class Duration(StrEnum):
    once = "once"
    days = "days"
    weeks = "weeks"
    months = "months"
    years = "years"
    unknown = "unknown"


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
    armed_group_kind: ArmedGroupKind = ArmedGroupKind.unknown
    armed_group_help: list[HelpKind] = Field(default_factory=list)
    armed_group_voluntary: Voluntariness = Voluntariness.unknown
    armed_group_duration: Duration = Duration.unknown
    harmed_others_voluntary: Voluntariness = Voluntariness.unknown


class Timing(Model):
    why_now: Text = ""
    changed_circumstances: Text = ""
    changed_circumstances_date: FuzzyDate | None = None  # when the change happened
    extraordinary_circumstances: Text = ""
    extraordinary_circumstances_end: FuzzyDate | None = None  # when it stopped preventing filing
    filed_on: FuzzyDate | None = None
