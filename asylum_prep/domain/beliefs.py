"""Wizard part 3: the protected grounds, memberships and public activity."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text
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
    attributed_opinion_description: Text = ""
    memberships: list[Membership] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
