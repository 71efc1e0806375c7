"""Wizard part 3, Your background: where the applicant lived, studied and worked (Form I-589,
Part A.III). Each list item has its own dates; which addresses the form's rows take (the last
five years, the last address before coming) is worked out from them when the form is
filled, never asked twice."""

from __future__ import annotations

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short
from asylum_prep.domain.dates import FuzzyDate


class Residence(Item):
    street: Short = ""  # number and street
    city: Short = ""  # city or town
    province: Short = ""  # department, province or state
    country: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    moved_in: FuzzyDate | None = None
    moved_out: FuzzyDate | None = None  # None: she still lives there


class School(Item):
    name: Short = ""
    kind: Short = ""  # primary, secondary, university, religious school...
    location: Short = ""
    started: FuzzyDate | None = None
    finished: FuzzyDate | None = None


class Job(Item):
    employer: Short = ""  # name and address of the employer
    occupation: Short = ""
    started: FuzzyDate | None = None
    finished: FuzzyDate | None = None  # None: she still works there


class Background(Model):
    residences: list[Residence] = Field(default_factory=list)
    schools: list[School] = Field(default_factory=list)
    jobs: list[Job] = Field(default_factory=list)
