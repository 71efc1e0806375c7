"""Form I-589, Parts A.I (the applicant) and A.II (spouse and children), item by item.

The applicant's own facts come from the wizard (`about`, `family`, `leaving`); the numbers
and US addresses from the team (`form_details`, and the staff fields of each family member).
Entries into the US (item 19.C) are the arrivals of `leaving.entries`, the most recent first.
A spouse is the first family member whose relation is "spouse"; children are listed in the
order the applicant added them (four on the form, the rest on Supplement A).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asylum_prep import countries
from asylum_prep.domain.base import YesNo
from asylum_prep.domain.form_details import CourtHistory, RelativeDetails
from asylum_prep.domain.journey import Entry, EntryKind
from asylum_prep.domain.people import FamilyMember, MaritalStatus, Relation
from asylum_prep.domain.record import CaseRecord, Proceeding
from asylum_prep.legal.i589_items import (
    BLANK,
    Answer,
    Builder,
    By,
    FormItem,
    Kind,
    Piece,
    Reader,
    always,
    box,
    country,
    fixed,
    joined,
    value_of,
    words,
)

CHILDREN_ON_FORM = 4  # the rest go on Supplement A
CHILDREN_ON_SUPPLEMENT_A = 2
ENTRIES_ON_FORM = 3
SEXES = ("male", "female")
MARITAL = ("single", "married", "divorced", "widowed")
COURT = (CourtHistory.never.value, CourtHistory.now.value, CourtHistory.past.value)
NOT_SPLIT = "Full name as given, not yet split"  # the lead of a name given whole


def _nationalities(record: CaseRecord) -> Answer:
    shown = [countries.name(v, "en") if countries.is_country(v) else v
             for v in record.about.nationalities if v.strip()]
    return Answer(", ".join(shown)) if shown else BLANK


def _other_names(record: CaseRecord) -> Answer:
    names = [n for n in record.about.other_names if n.strip()]
    return Answer(", ".join(names)) if names else BLANK


def _languages(record: CaseRecord) -> Answer:
    names = [n for n in record.about.other_languages if n.strip()]
    return Answer(", ".join(names)) if names else BLANK


def arrivals(record: CaseRecord) -> list[Entry]:
    """Arrivals in the US, the most recent first (undated ones last)."""
    dated = [e for e in record.leaving.entries if e.kind is EntryKind.arrival]
    return sorted(dated, key=lambda e: e.date.latest.toordinal() if e.date else 0, reverse=True)


def _entry(index: int, field: str) -> Reader:
    def read(record: CaseRecord) -> Answer:
        found = arrivals(record)
        if index >= len(found):
            return BLANK
        entry = found[index]
        if field in ("place", "status"):
            return words(f"leaving.entries.{entry.id}.{field}")(record)
        return value_of(getattr(entry, field))
    return read


def _defensive(record: CaseRecord) -> bool:
    return record.filing.proceeding is Proceeding.defensive


def applicant_items(record: CaseRecord) -> list[FormItem]:
    b = Builder("A.I")
    s = Builder("A.I", by=By.staff)
    fd = "form_details"
    need = always
    out = [
        s.item("", "Check this box if you also want to apply for withholding of removal "
               "under the Convention Against Torture", Kind.checkbox, f"{fd}.cat_requested",
               box(f"{fd}.cat_requested"), sub="CAT"),
        s.item("1", "Alien Registration Number (A-Number) (if any)", Kind.text,
               "about.a_number", fixed("about.a_number"), required=_defensive),
        s.item("2", "U.S. Social Security Number (if any)", Kind.text, f"{fd}.ssn",
               fixed(f"{fd}.ssn")),
        s.item("3", "USCIS Online Account Number (if any)", Kind.text, f"{fd}.uscis_account",
               fixed(f"{fd}.uscis_account")),
        b.item("4", "Complete Last Name", Kind.text, "about.family_name",
               words("about.family_name"), required=need, latin=True),
        b.item("5", "First Name", Kind.text, "about.given_names", words("about.given_names"),
               required=need, latin=True),
        s.item("6", "Middle Name", Kind.text, "form_details.middle_name",
               fixed("form_details.middle_name"), latin=True),
        b.item("7", "What other names have you used (include maiden name and aliases)?",
               Kind.text, "about.other_names", _other_names, latin=True),
    ]
    for sub, label, field, req in (
            ("street", "Street Number and Name", "residence_street", True),
            ("apt", "Apt. Number", "residence_apt", False),
            ("city", "City", "residence_city", True),
            ("state", "State", "residence_state", True),
            ("zip", "Zip Code", "residence_zip", True),
            ("phone", "Telephone Number", "residence_phone", False)):
        out.append(s.item("8", f"Residence in the U.S. (where you physically reside): {label}",
                          Kind.text, f"{fd}.{field}", fixed(f"{fd}.{field}"), sub=sub,
                          required=need if req else None, latin=True))
    for sub, label, field in (
            ("in_care_of", "In Care Of (if applicable)", "mailing_in_care_of"),
            ("street", "Street Number and Name", "mailing_street"),
            ("apt", "Apt. Number", "mailing_apt"), ("city", "City", "mailing_city"),
            ("state", "State", "mailing_state"), ("zip", "Zip Code", "mailing_zip"),
            ("phone", "Telephone Number", "mailing_phone")):
        out.append(s.item("9", f"Mailing Address in the U.S. (if different): {label}",
                          Kind.text, f"{fd}.{field}", fixed(f"{fd}.{field}"), sub=sub,
                          latin=True))
    out += [
        b.item("10", "Gender", Kind.choice, "about.sex", fixed("about.sex"), required=need,
               choices=SEXES),
        b.item("11", "Marital Status", Kind.choice, "about.marital_status",
               fixed("about.marital_status"), required=need, choices=MARITAL),
        b.item("12", "Date of Birth (mm/dd/yyyy)", Kind.date, "about.birth_date",
               fixed("about.birth_date"), required=need),
        b.item("13", "City and Country of Birth", Kind.text,
               "about.birth_place, about.birth_country",
               joined(words("about.birth_place"), country("about.birth_country")),
               required=need, latin=True),
        b.item("14", "Present Nationality (Citizenship)", Kind.text, "about.nationalities",
               _nationalities, required=need),
        b.item("15", "Nationality at Birth", Kind.text, "about.nationality_at_birth",
               country("about.nationality_at_birth")),
        b.item("16", "Race, Ethnic, or Tribal Group", Kind.text, "about.ethnicity",
               words("about.ethnicity"), required=need),
        b.item("17", "Religion", Kind.text, "about.religion", words("about.religion"),
               required=need),
        s.item("18", "Immigration Court proceedings: A. never; B. now; C. not now, but in "
               "the past", Kind.choice, f"{fd}.court_history", fixed(f"{fd}.court_history"),
               required=need, choices=COURT),
        b.item("19.A", "When did you last leave your country? (mm/dd/yyyy)", Kind.date,
               "leaving.departure_date", fixed("leaving.departure_date"), required=need),
        s.item("19.B", "What is your current I-94 Number, if any?", Kind.text,
               f"{fd}.i94_number", fixed(f"{fd}.i94_number")),
    ]
    for n in range(max(ENTRIES_ON_FORM, len(arrivals(record)))):
        e = Builder("A.I", prefix=f"A.I.19.C.{n + 1}.", group=f"Entry {n + 1}", numbered=False)
        first = n == 0
        out += [
            e.item("19.C", "Entry into the U.S.: Date", Kind.date, "leaving.entries.*.date",
                   _entry(n, "date"), sub="date", required=need if first else None),
            e.item("19.C", "Entry into the U.S.: Place", Kind.text, "leaving.entries.*.place",
                   _entry(n, "place"), sub="place", required=need if first else None,
                   latin=True),
            e.item("19.C", "Entry into the U.S.: Status", Kind.text,
                   "leaving.entries.*.status", _entry(n, "status"), sub="status",
                   required=need if first else None),
        ]
        if first:
            out.append(e.item("19.C", "Entry into the U.S.: Date Status Expires", Kind.date,
                              "form_details.status_expires", fixed("form_details.status_expires"),
                              sub="expires", by=By.staff))
    out += [
        b.item("20", "What country issued your last passport or travel document?", Kind.text,
               "about.passport_country", country("about.passport_country")),
        b.item("21", "Passport Number", Kind.text, "about.passport_number",
               fixed("about.passport_number"), sub="passport"),
        s.item("21", "Travel Document Number", Kind.text,
               "form_details.travel_document_number",
               fixed("form_details.travel_document_number"), sub="travel_document"),
        s.item("22", "Expiration Date (mm/dd/yyyy)", Kind.date, "form_details.passport_expiry",
               fixed("form_details.passport_expiry")),
        b.item("23", "What is your native language (include dialect, if applicable)?",
               Kind.text, "about.native_language", words("about.native_language"),
               required=need),
        b.item("24", "Are you fluent in English?", Kind.yes_no, "about.english_fluent",
               fixed("about.english_fluent"), required=need),
        b.item("25", "What other languages do you speak fluently?", Kind.text,
               "about.other_languages", _languages),
    ]
    return out


# -- Part A.II -------------------------------------------------------------------------------

def spouse(record: CaseRecord) -> FamilyMember | None:
    return next((m for m in record.family.members if m.relation is Relation.spouse), None)


def children(record: CaseRecord) -> list[FamilyMember]:
    return [m for m in record.family.members if m.relation is Relation.child]


Pick = Callable[[CaseRecord], FamilyMember | None]


STAFF_FIELDS = frozenset(RelativeDetails.model_fields)


def _member(pick: Pick, field: str, how: str = "fixed") -> Reader:
    def read(record: CaseRecord) -> Answer:
        m = pick(record)
        if m is None:
            return BLANK
        if field in STAFF_FIELDS:
            staff = record.form_details.relatives.get(m.id)
            return value_of(getattr(staff, field)) if staff is not None else BLANK
        path = f"family.members.{m.id}.{field}"
        if how == "words":
            return words(path)(record)
        if how == "country":
            return country(path)(record)
        return value_of(getattr(m, field))
    return read


def _name_part(pick: Pick, field: str) -> Reader:
    """Last or first name as split by the applicant; when she gave the name whole, the whole
    name for the team to split (never split by guess)."""
    def read(record: CaseRecord) -> Answer:
        m = pick(record)
        if m is None:
            return BLANK
        if getattr(m, field).strip():
            return words(f"family.members.{m.id}.{field}")(record)
        if field == "family_name" and m.name.strip() and not m.given_names.strip():
            return Answer(pieces=(Piece(f"family.members.{m.id}.name", NOT_SPLIT),))
        return BLANK
    return read


def _where(pick: Pick) -> Reader:
    def read(record: CaseRecord) -> Answer:
        m = pick(record)
        if m is None or m.in_us is YesNo.yes:
            return BLANK
        return words(f"family.members.{m.id}.where_now")(record)
    return read


def _has(pick: Pick) -> Callable[[CaseRecord], bool]:
    return lambda record: pick(record) is not None


# number, label, field, kind, how, by, required when the person exists, latin
Row = tuple[str, str, str, Kind, str, By, bool, bool]
A, S = By.applicant, By.staff
SPOUSE_ROWS: tuple[Row, ...] = (
    ("1", "Alien Registration Number (A-Number) (if any)", "a_number", Kind.text, "fixed", S,
     False, False),
    ("2", "Passport/ID Card Number (if any)", "passport_number", Kind.text, "fixed", S, False,
     False),
    ("3", "Date of Birth (mm/dd/yyyy)", "birth_date", Kind.date, "fixed", A, True, False),
    ("4", "U.S. Social Security Number (if any)", "ssn", Kind.text, "fixed", S, False, False),
    ("5", "Complete Last Name", "family_name", Kind.text, "name", A, True, True),
    ("6", "First Name", "given_names", Kind.text, "name", A, True, True),
    ("7", "Middle Name", "middle_name", Kind.text, "fixed", S, False, True),
    ("8", "Other names used (include maiden name and aliases)", "other_names", Kind.text,
     "fixed", S, False, True),
    ("9", "Date of Marriage (mm/dd/yyyy)", "marriage_date", Kind.date, "fixed", A, True,
     False),
    ("10", "Place of Marriage", "marriage_place", Kind.text, "words", A, True, True),
    ("11", "City and Country of Birth", "birth_place", Kind.text, "words", A, True, True),
    ("12", "Nationality (Citizenship)", "nationality", Kind.text, "country", A, True, False),
    ("13", "Race, Ethnic, or Tribal Group", "ethnicity", Kind.text, "words", A, False, False),
    ("14", "Gender", "sex", Kind.choice, "fixed", A, True, False),
    ("15", "Is this person in the U.S.?", "in_us", Kind.yes_no, "fixed", A, True, False),
    ("16", "Place of last entry into the U.S.", "last_entry_place", Kind.text, "fixed", S,
     False, True),
    ("17", "Date of last entry into the U.S. (mm/dd/yyyy)", "last_entry_date", Kind.date,
     "fixed", S, False, False),
    ("18", "I-94 Number (if any)", "i94_number", Kind.text, "fixed", S, False, False),
    ("19", "Status when last admitted (Visa type, if any)", "status_at_entry", Kind.text,
     "fixed", S, False, False),
    ("20", "What is your spouse's current status?", "current_status", Kind.text, "fixed", S,
     False, False),
    ("21", "What is the expiration date of his/her authorized stay, if any? (mm/dd/yyyy)",
     "stay_expires", Kind.date, "fixed", S, False, False),
    ("22", "Is your spouse in Immigration Court proceedings?", "in_court", Kind.yes_no,
     "fixed", S, False, False),
    ("23", "If previously in the U.S., date of previous arrival (mm/dd/yyyy)",
     "previous_arrival", Kind.date, "fixed", S, False, False),
    ("24", "If in the U.S., is your spouse to be included in this application?", "included",
     Kind.yes_no, "fixed", S, False, False),
)
CHILD_ROWS: tuple[Row, ...] = (
    SPOUSE_ROWS[0], SPOUSE_ROWS[1],
    ("3", "Marital Status (Married, Single, Divorced, Widowed)", "marital_status", Kind.choice,
     "fixed", A, True, False),
    SPOUSE_ROWS[3],
    ("5", "Complete Last Name", "family_name", Kind.text, "name", A, True, True),
    ("6", "First Name", "given_names", Kind.text, "name", A, True, True),
    ("7", "Middle Name", "middle_name", Kind.text, "fixed", S, False, True),
    ("8", "Date of Birth (mm/dd/yyyy)", "birth_date", Kind.date, "fixed", A, True, False),
    ("9", "City and Country of Birth", "birth_place", Kind.text, "words", A, True, True),
    ("10", "Nationality (Citizenship)", "nationality", Kind.text, "country", A, True, False),
    ("11", "Race, Ethnic, or Tribal Group", "ethnicity", Kind.text, "words", A, False, False),
    ("12", "Gender", "sex", Kind.choice, "fixed", A, True, False),
    ("13", "Is this child in the U.S.?", "in_us", Kind.yes_no, "fixed", A, True, False),
    ("14", "Place of last entry into the U.S.", "last_entry_place", Kind.text, "fixed", S,
     False, True),
    ("15", "Date of last entry into the U.S. (mm/dd/yyyy)", "last_entry_date", Kind.date,
     "fixed", S, False, False),
    ("16", "I-94 Number (if any)", "i94_number", Kind.text, "fixed", S, False, False),
    ("17", "Status when last admitted (Visa type, if any)", "status_at_entry", Kind.text,
     "fixed", S, False, False),
    ("18", "What is your child's current status?", "current_status", Kind.text, "fixed", S,
     False, False),
    ("19", "What is the expiration date of his/her authorized stay, if any? (mm/dd/yyyy)",
     "stay_expires", Kind.date, "fixed", S, False, False),
    ("20", "Is your child in Immigration Court proceedings?", "in_court", Kind.yes_no,
     "fixed", S, False, False),
    ("21", "If in the U.S., is this child to be included in this application?", "included",
     Kind.yes_no, "fixed", S, False, False),
)


def person_items(b: Builder, rows: tuple[Row, ...], pick: Pick) -> list[FormItem]:
    out: list[FormItem] = []
    exists = _has(pick)
    for number, label, field, kind, how, by, req, latin in rows:
        path = (f"form_details.relatives.*.{field}" if field in STAFF_FIELDS
                else f"family.members.*.{field}")
        read = _name_part(pick, field) if how == "name" else _member(pick, field, how)
        choices: tuple[str, ...] = SEXES if field == "sex" else (
            MARITAL if field == "marital_status" else ())
        out.append(b.item(number, label, kind, path, read, by=by,
                          required=exists if req else None, choices=choices, latin=latin))
        if field == "in_us":
            out.append(b.item(number, "If no, specify location", Kind.text,
                              "family.members.*.where_now", _where(pick), sub="location",
                              latin=True))
    return out


def _not_married(record: CaseRecord) -> Answer:
    single = record.about.marital_status in (MaritalStatus.single, MaritalStatus.divorced,
                                             MaritalStatus.widowed)
    return Answer(True) if single and spouse(record) is None else BLANK


def _children_box(record: CaseRecord) -> Answer:
    return Answer("have") if children(record) else BLANK


def _children_total(record: CaseRecord) -> Answer:
    return Answer(str(len(children(record)))) if children(record) else BLANK


def family_items(record: CaseRecord) -> list[FormItem]:
    c = Builder("A.II", by=By.computed)
    out = [c.item("", "I am not married", Kind.checkbox,
                  "computed: about.marital_status and no spouse in family.members",
                  _not_married, sub="not_married")]
    out += person_items(Builder("A.II", prefix="A.II.spouse.", group="Your spouse"),
                        SPOUSE_ROWS, spouse)
    out += [
        c.item("", "Your children: I do not have any children / I have children",
               Kind.choice, "computed: children in family.members", _children_box,
               choices=("none", "have"), sub="children"),
        c.item("", "Total number of children", Kind.text,
               "computed: children in family.members", _children_total,
               sub="children.total"),
    ]
    slots = CHILDREN_ON_FORM + CHILDREN_ON_SUPPLEMENT_A
    for n in range(max(slots, len(children(record)))):
        def pick(r: CaseRecord, i: int = n) -> Any:
            found = children(r)
            return found[i] if i < len(found) else None
        group = f"Child {n + 1}" + (" (Supplement A)" if n >= CHILDREN_ON_FORM else "")
        out += person_items(Builder("A.II", prefix=f"A.II.child.{n + 1}.", group=group),
                            CHILD_ROWS, pick)
    return out
