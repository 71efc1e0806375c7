"""The case's answers for the fields of the official Form I-589 (edition 04/09/19 names).

For now only a handful of Part A.I items: A-Number, last name, first name, date of birth,
sex and present nationality. The full item map (every Part and item, issue 17) replaces the
body of `i589_field_values` and the two tables below; `KNOWN_FIELDS` is what an imported
edition is checked against, `ITEM_LABELS` names the item a field belongs to on the
continuation pages. Nothing is invented: an answer the case does not have is left out, and
a date is written only as precisely as it was given.
"""

from __future__ import annotations

import re

from asylum_prep.countries import name as country_name
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.people import Sex
from asylum_prep.domain.record import CaseRecord

_A = "form1[0].#subform[0]."
A_NUMBER = f"{_A}PtAILine1_ANumber[0]"
LAST_NAME = f"{_A}PtAILine4_LastName[0]"
FIRST_NAME = f"{_A}PtAILine5_FirstName[0]"
BIRTH_DATE = f"{_A}DateTimeField1[0]"
SEX_MALE = f"{_A}PartALine9Gender[0]"
SEX_FEMALE = f"{_A}PartALine9Gender[1]"
NATIONALITY = f"{_A}TextField1[3]"

ITEM_LABELS: dict[str, str] = {
    A_NUMBER: "Part A.I, item 1 (Alien Registration Number)",
    LAST_NAME: "Part A.I, item 4 (complete last name)",
    FIRST_NAME: "Part A.I, item 5 (first name)",
    BIRTH_DATE: "Part A.I, item 12 (date of birth)",
    SEX_MALE: "Part A.I, item 10 (gender)",
    SEX_FEMALE: "Part A.I, item 10 (gender)",
    NATIONALITY: "Part A.I, item 14 (present nationality)",
}
KNOWN_FIELDS: tuple[str, ...] = tuple(ITEM_LABELS)


def form_date(value: FuzzyDate | None) -> str:
    """mm/dd/yyyy as the form asks, or as much of it as was given ("04/1990", "1990"),
    marked "about" when the applicant gave it as approximate."""
    if value is None:
        return ""
    day = value.iso
    text = {Precision.day: f"{day.month:02d}/{day.day:02d}/{day.year:04d}",
            Precision.month: f"{day.month:02d}/{day.year:04d}"}.get(value.precision,
                                                                    f"{day.year:04d}")
    return f"about {text}" if value.approximate else text


def a_number_digits(value: str) -> str:
    """The nine digits of an A-Number as the form's field takes them."""
    return re.sub(r"\D", "", value)


def i589_field_values(record: CaseRecord) -> dict[str, str | bool]:
    """Field name -> value (text, or True for the checkbox to check) for what the case has."""
    about = record.about
    values: dict[str, str | bool] = {}
    if about.a_number:
        values[A_NUMBER] = a_number_digits(about.a_number)
    if about.family_name:
        values[LAST_NAME] = about.family_name
    if about.given_names:
        values[FIRST_NAME] = about.given_names
    if about.birth_date is not None:
        values[BIRTH_DATE] = form_date(about.birth_date)
    if about.sex is Sex.male:
        values[SEX_MALE] = True
    elif about.sex is Sex.female:
        values[SEX_FEMALE] = True
    if about.nationalities:
        values[NATIONALITY] = ", ".join(country_name(c, "en") for c in about.nationalities)
    return values
