"""What Form I-589 asks that the legal team enters, not the applicant: immigration numbers,
the US addresses as the form splits them, court history, the Part D questions about help with
the form, and the preparer (Part E). Every field is optional: what is not entered stays blank
on the sheet and is listed by the readiness check, never guessed."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Model, Short, Text, YesNo
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.people import A_NUMBER, I94_NUMBER, SSN, USCIS_ACCOUNT


class CourtHistory(StrEnum):
    """Part A.I, item 18: A never, B now, C not now but in the past."""

    never = "never"
    now = "now"
    past = "past"
    unknown = "unknown"


class RelativeDetails(Model):
    """The immigration facts of a spouse or child (Part A.II) the team enters, keyed in
    `FormDetails.relatives` by the family member's id."""

    middle_name: Short = ""
    other_names: Short = ""  # a spouse's maiden name or other names
    a_number: Short = Field(default="", pattern=A_NUMBER)
    passport_number: Short = ""
    ssn: Short = Field(default="", pattern=SSN)
    last_entry_place: Short = ""
    last_entry_date: FuzzyDate | None = None
    i94_number: Short = Field(default="", pattern=I94_NUMBER)
    status_at_entry: Short = ""
    current_status: Short = ""
    stay_expires: FuzzyDate | None = None
    previous_arrival: FuzzyDate | None = None
    in_court: YesNo = YesNo.unknown
    included: YesNo = YesNo.unknown


class FormDetails(Model):
    middle_name: Short = ""  # the applicant's, as the form splits her name
    travel_document_number: Short = ""
    passport_expiry: FuzzyDate | None = None  # a future date: the wizard takes past dates only
    ssn: Short = Field(default="", pattern=SSN)
    uscis_account: Short = Field(default="", pattern=USCIS_ACCOUNT)
    residence_street: Short = ""
    residence_apt: Short = ""
    residence_city: Short = ""
    residence_state: Short = ""
    residence_zip: Short = ""
    residence_phone: Short = ""
    mailing_in_care_of: Short = ""
    mailing_street: Short = ""
    mailing_apt: Short = ""
    mailing_city: Short = ""
    mailing_state: Short = ""
    mailing_zip: Short = ""
    mailing_phone: Short = ""
    court_history: CourtHistory = CourtHistory.unknown
    i94_number: Short = Field(default="", pattern=I94_NUMBER)
    status_expires: FuzzyDate | None = None  # the stay granted at the most recent entry
    groups_continue: YesNo = YesNo.unknown  # Part B, 3.B: still in the groups of 3.A
    groups_continue_detail: Text = ""  # in English, from the team's interview notes
    crimes_in_us: YesNo = YesNo.unknown  # Part C, 6: the wizard asks of crimes anywhere
    cat_requested: YesNo = YesNo.unknown  # the box above Part A.I: also withholding under CAT
    family_helped: YesNo = YesNo.unknown  # Part D: did a spouse, parent or child help
    helper_1_name: Short = ""
    helper_1_relationship: Short = ""
    helper_2_name: Short = ""
    helper_2_relationship: Short = ""
    other_preparer: YesNo = YesNo.unknown  # Part D: did someone else prepare it (Part E)
    counsel_list_given: YesNo = YesNo.unknown  # Part D: given the list of free legal help
    preparer_name: Short = ""
    preparer_street: Short = ""
    preparer_apt: Short = ""
    preparer_city: Short = ""
    preparer_state: Short = ""
    preparer_zip: Short = ""
    preparer_phone: Short = ""
    preparer_is_representative: YesNo = YesNo.unknown  # attorney or accredited rep. (G-28)
    preparer_bar_number: Short = ""
    preparer_uscis_account: Short = Field(default="", pattern=USCIS_ACCOUNT)
    relatives: dict[Short, RelativeDetails] = Field(default_factory=dict)
