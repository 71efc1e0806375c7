"""Wizard part 3: the protected grounds, memberships and public activity."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text, YesNo
from asylum_prep.domain.dates import FuzzyDate


class Ground(StrEnum):
    political_opinion = "political_opinion"
    imputed_political_opinion = "imputed_political_opinion"
    religion = "religion"
    race = "race"
    nationality = "nationality"
    particular_social_group = "particular_social_group"


class Membership(Item):
    organisation: Short = ""
    role: Short = ""
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    description: Text = ""


class ActivityKind(StrEnum):
    protest = "protest"
    writing = "writing"
    posts = "posts"
    speech = "speech"
    other = "other"


class Activity(Item):
    kind: ActivityKind = ActivityKind.other
    date: FuzzyDate | None = None
    place: Short = ""
    description: Text = ""
    membership_id: str = ""


class Beliefs(Model):
    grounds: list[Ground] = Field(default_factory=list)
    beliefs_description: Text = ""
    social_group_description: Text = ""
    # A particular social group, asked plainly (immutability, particularity, social distinction)
    social_group_name: Short = ""  # the group as the applicant would name it
    group_shared_trait: Text = ""  # what members share apart from being harmed (circularity)
    group_can_change: YesNo = YesNo.unknown  # could a member stop being one (immutability)
    group_should_not_change: Text = ""  # why they should not have to (fundamental to identity)
    group_who_belongs: Text = ""  # how one tells who is in and who is out (particularity)
    group_seen_as_group: YesNo = YesNo.unknown  # society sees them as a group (distinction)
    group_seen_detail: Text = ""
    # A political opinion expressed through work (whistleblowing, refusing orders)
    opinion_through_work: YesNo = YesNo.unknown
    wrongdoing_by_state: YesNo = YesNo.unknown  # officials took part in or protected it
    spoke_out: YesNo = YesNo.unknown
    spoke_out_to: Text = ""  # to whom, and beyond the job's duties or not
    attributed_opinion_description: Text = ""
    memberships: list[Membership] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
