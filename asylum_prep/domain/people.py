"""Wizard parts 1 and 2: the applicant and their family."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text, YesNo
from asylum_prep.domain.dates import FuzzyDate

# An Alien Registration Number: nine digits, optionally after "A" and grouped by dashes.
A_NUMBER = r"^$|^A?-?\d{3}-?\d{3}-?\d{3}$"
# A US Social Security Number: nine digits, optionally grouped 3-2-4 by dashes.
SSN = r"^$|^\d{3}-?\d{2}-?\d{4}$"
# A USCIS online account number: twelve digits.
USCIS_ACCOUNT = r"^$|^\d{12}$"
# An I-94 (arrival/departure record) number: eleven letters and digits.
I94_NUMBER = r"^$|^[0-9A-Z]{11}$"


class Sex(StrEnum):
    """As the asylum form asks it; in Russian and Ukrainian it also decides the grammatical
    gender of the declaration's first-person sentences ("я родился" / "я родилась")."""

    female = "female"
    male = "male"
    unknown = "unknown"


class MaritalStatus(StrEnum):
    """As Form I-589 asks it (Part A.I, item 11)."""

    single = "single"
    married = "married"
    divorced = "divorced"
    widowed = "widowed"
    unknown = "unknown"


class AboutYou(Model):
    family_name: Short = ""
    given_names: Short = ""
    name_native_script: Short = ""
    sex: Sex = Sex.unknown
    other_names: list[Short] = Field(default_factory=list)
    birth_date: FuzzyDate | None = None
    birth_place: Short = ""
    birth_country: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    nationalities: list[Short] = Field(default_factory=list)
    country_of_return: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    ethnicity: Short = ""
    religion: Short = ""
    native_language: Short = ""
    other_languages: list[Short] = Field(default_factory=list)
    a_number: Short = Field(default="", pattern=A_NUMBER)
    reference: Short = ""
    marital_status: MaritalStatus = MaritalStatus.unknown
    nationality_at_birth: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    english_fluent: YesNo = YesNo.unknown
    passport_country: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    passport_number: Short = ""


class Relation(StrEnum):
    spouse = "spouse"
    child = "child"
    parent = "parent"
    sibling = "sibling"
    other = "other"


class FamilyMember(Item):
    relation: Relation = Relation.other
    name: Short = ""
    birth_date: FuzzyDate | None = None
    where_now: Short = ""
    harmed: YesNo = YesNo.unknown
    harm_description: Text = ""
    # What Form I-589 asks of a spouse, a child, a parent or a sibling (Parts A.II, A.III).
    # The name split as the form prints it; when blank, `name` is shown whole for the team.
    family_name: Short = ""
    given_names: Short = ""
    sex: Sex = Sex.unknown
    birth_place: Short = ""  # city and country of birth
    nationality: Short = Field(default="", description="ISO 3166-1 alpha-2 code")
    ethnicity: Short = ""
    marital_status: MaritalStatus = MaritalStatus.unknown
    deceased: YesNo = YesNo.unknown
    in_us: YesNo = YesNo.unknown
    marriage_date: FuzzyDate | None = None
    marriage_place: Short = ""


class Family(Model):
    members: list[FamilyMember] = Field(default_factory=list)
