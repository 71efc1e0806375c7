"""The Form I-589 details the legal team enters, never the applicant: her A-number, SSN and
USCIS account, the US addresses as the form splits them, court history, the current I-94,
the Part B 3.B, C.6 and D answers, the preparer (Part E), and the immigration facts of her
spouse and children (`record.form_details`, `about.a_number`).

Each detail is named by its field (`ssn`, `residence_city`) or, for a spouse or child, by
`relatives.<member id>.<field>`; its label is the form's own, from the item map ("Part A.I,
item 2: U.S. Social Security Number (if any)"), in English as the form prints it. Values are
checked before anything is saved (numbers by their pattern, dates as year-month-day, yes/no
and choices by their values), with a translated message naming the item; a bad value
changes nothing. Saved as a new version by an attorney or paralegal of the case through
`cases.save_as_team` (audited as "form_details_set" with the names changed, never values).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, get_args

from asylum_prep.domain.base import MAX_ANSWER_CHARS, MAX_SHORT_CHARS
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.form_details import FormDetails, RelativeDetails
from asylum_prep.domain.people import A_NUMBER, I94_NUMBER, SSN, USCIS_ACCOUNT
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused, PermissionDenied
from asylum_prep.legal import i589_map
from asylum_prep.legal.i589_part_a import children, spouse
from asylum_prep.services import answers, cases
from asylum_prep.services.access import Permission, guarded
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.text import clean_line

PATTERNS: dict[str, tuple[str, str]] = {  # field -> (pattern, message)
    "a_number": (A_NUMBER, N_("An A-number has nine digits, for example A123-456-789.")),
    "ssn": (SSN, N_("A Social Security number has nine digits, for example 123-45-6789.")),
    "i94_number": (I94_NUMBER, N_("An I-94 number has eleven letters and digits, for example "
                                  "12345678A12.")),
    "uscis_account": (USCIS_ACCOUNT, N_("A USCIS online account number has twelve digits.")),
    "preparer_uscis_account": (USCIS_ACCOUNT,
                               N_("A USCIS online account number has twelve digits.")),
}
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def _labels() -> dict[str, str]:
    """Each detail's label from the item map: "Part A.I, item 2: ..." (the form's words)."""
    out = {"a_number": ""}
    for item in i589_map.items(CaseRecord()):
        for path in item.path.split(", "):
            name = path.removeprefix("form_details.")
            if path.startswith("form_details.") and "." not in name:
                out.setdefault(name, f"{item.where}: {item.label}")
            elif path == "about.a_number":
                out["a_number"] = f"{item.where}: {item.label}"
            elif path.startswith("form_details.relatives.*."):
                key = f"relatives.{name.rsplit('.', 1)[-1]}"
                if item.group == "Child 1":  # a child's wording over the spouse's
                    out[key] = item.label
                elif item.group == "Your spouse":
                    out.setdefault(key, item.label)
    return out


LABELS = _labels()
FIELDS = tuple(n for n in LABELS if not n.startswith("relatives."))
RELATIVE_FIELDS = tuple(n.split(".", 1)[1] for n in LABELS if n.startswith("relatives."))


def label(name: str) -> str:
    """The label of a detail name (`relatives.<id>.<field>` by its field)."""
    if name.startswith("relatives."):
        return LABELS[f"relatives.{name.rsplit('.', 1)[-1]}"]
    return LABELS[name]


def current(record: CaseRecord) -> dict[str, str]:
    """Every detail's name and its value as text ("" when not entered), spouse and children
    included, in the form's order."""
    def shown(value: object) -> str:
        if isinstance(value, FuzzyDate):
            return value.iso.isoformat()
        if isinstance(value, StrEnum):
            return "" if value.value == "unknown" else value.value
        return str(value or "")

    details = record.form_details
    out = {name: shown(record.about.a_number if name == "a_number" else getattr(details, name))
           for name in FIELDS}
    for member, _ in relatives(record):
        staff = details.relatives.get(member, RelativeDetails())
        out.update({f"relatives.{member}.{f}": shown(getattr(staff, f))
                    for f in RELATIVE_FIELDS})
    return out


def relatives(record: CaseRecord) -> list[tuple[str, str]]:
    """(member id, "Your spouse" / "Child 1"...) of the people Part A.II asks about."""
    found = spouse(record)
    out = [(found.id, "Your spouse")] if found else []
    return out + [(c.id, f"Child {n}") for n, c in enumerate(children(record), start=1)]


def field_kind(model: type[FormDetails] | type[RelativeDetails], field: str) -> Any:
    annotation = model.model_fields[field].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if args else annotation


def _parse(name: str, field: str, raw: str, model: Any) -> object:
    shown = label(name)
    kind = field_kind(model, field) if field != "a_number" else str
    text = raw.strip() if kind is not str else raw
    if kind is str:
        limit = MAX_ANSWER_CHARS if field.endswith("_detail") else MAX_SHORT_CHARS
        if not field.endswith("_detail"):
            if "\n" in raw or "\r" in raw:
                raise InputRefused(N_("{field} is one line; remove the line breaks."),
                                   field=shown)
            text = clean_line(raw)
        if len(text) > limit:
            raise InputRefused(N_("{field} has at most {n} characters."), field=shown, n=limit)
        if field in PATTERNS:
            text = text.upper().replace(" ", "")
            pattern, message = PATTERNS[field]
            if not re.fullmatch(pattern, text):
                raise InputRefused(message)
        return text.strip()
    if kind is FuzzyDate:
        if not text:
            return None
        try:
            when = date.fromisoformat(text)
        except ValueError:
            raise InputRefused(N_("Write the date as year-month-day, for example "
                                  "2027-03-15.")) from None
        if not EARLIEST <= when <= LATEST:
            raise InputRefused(N_("The date {date} is not a plausible date."), date=text)
        return FuzzyDate(iso=when)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        choices = [c.value for c in kind if c.value != "unknown"]
        if not text:
            return kind("unknown")
        if text not in choices:
            raise InputRefused(N_("{field}: choose one of {choices}."), field=shown,
                               choices=", ".join(choices))
        return kind(text)
    raise InputRefused(N_("Unknown I-589 detail: {names}."), names=name)  # pragma: no cover


def apply(record: CaseRecord, changes: Mapping[str, str]) -> CaseRecord:
    """The record with `changes` applied ("" clears a value). Refuses, changing nothing, on
    an unknown name, a person the form does not ask about, or a bad value."""
    details = record.form_details.model_dump()
    about = record.about
    people = dict(relatives(record))
    for name, raw in changes.items():
        if name.startswith("relatives."):
            _, member, field = (name.split(".") + ["", ""])[:3]
            if member not in people or field not in RELATIVE_FIELDS:
                raise InputRefused(N_("Unknown I-589 detail: {names}."), names=name)
            staff = details["relatives"].setdefault(member, RelativeDetails().model_dump())
            staff[field] = _parse(name, field, str(raw), RelativeDetails)
        elif name == "a_number":
            about = about.model_copy(update={"a_number": _parse(name, name, str(raw), None)})
        elif name in FIELDS:
            details[name] = _parse(name, name, str(raw), FormDetails)
        else:
            raise InputRefused(N_("Unknown I-589 detail: {names}."), names=name)
    return record.model_copy(update={"form_details": FormDetails.model_validate(details),
                                     "about": about})


@guarded
def set_form_details(store: Store, actor: Actor, case_id: str, *,
                     changes: Mapping[str, str], base_version: int) -> int:
    """Save the changed I-589 details as a new version based on `base_version`; returns the
    version now current (the same one when nothing changed)."""
    role, record, _, _ = answers.load(store, actor, case_id, base_version, Permission.write)
    if role not in (Role.attorney, Role.paralegal):
        raise PermissionDenied()
    changed = apply(record, changes)
    if changed == record:
        return base_version
    names = sorted({n.split(".")[0] if n.startswith("relatives.") else n for n in changes})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.write, action="form_details_set",
                              detail="fields=" + ",".join(names))

