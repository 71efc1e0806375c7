"""Readiness: required items still blank, named by where they go.

For the US this follows Form I-589 (domain notes, "The US Form I-589"): each item names its
part, e.g. "Part D: name in native alphabet" (a blank there gets filings rejected). An item is
blank when the answer is empty or "unknown"; when the applicant chose "I don't know" or "skip"
(record.skipped) the item says so, because the team then has to find the answer another way.
Other jurisdictions get the identity and account items every claim needs, without form parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.record import CaseRecord, Proceeding, get_path
from asylum_prep.errors import N_
from asylum_prep.legal.deadline import last_arrival, one_year_deadline


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    part: str  # the form part, e.g. "Part A.I"; "" outside the US
    label: str  # English, N_-marked
    path: str  # where the answer belongs in the record
    skipped: str = ""  # "unknown" or "skip" when the applicant chose so

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "part": self.part or None, "label": self.label,
                "path": self.path, "skipped": self.skipped or None}


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, YesNo):
        return value is YesNo.unknown
    if isinstance(value, str | list | tuple | dict):
        return not value if not isinstance(value, str) else not value.strip()
    return False


Check = tuple[str, str, str, str, Callable[[CaseRecord], bool] | None]

# key, part, label, path, extra condition (item required only when it returns True)
US_ITEMS: tuple[Check, ...] = (
    ("a_number", "Part A.I", N_("Alien Registration Number (A-number), required in removal "
                                "proceedings"), "about.a_number",
     lambda r: r.filing.proceeding is Proceeding.defensive),
    ("family_name", "Part A.I", N_("Family name"), "about.family_name", None),
    ("given_names", "Part A.I", N_("Given names"), "about.given_names", None),
    ("birth_date", "Part A.I", N_("Date of birth"), "about.birth_date", None),
    ("birth_place", "Part A.I", N_("City and country of birth"), "about.birth_place", None),
    ("nationalities", "Part A.I", N_("Present nationality"), "about.nationalities", None),
    ("ethnicity", "Part A.I", N_("Race, ethnic or tribal group"), "about.ethnicity", None),
    ("religion", "Part A.I", N_("Religion"), "about.religion", None),
    ("native_language", "Part A.I", N_("Native language"), "about.native_language", None),
    ("grounds", "Part B", N_("The grounds of the claim"), "beliefs.grounds", None),
    ("fear_who", "Part B", N_("Who the applicant fears on return"), "fear.who", None),
    ("fear_what", "Part B", N_("What harm the applicant fears on return"), "fear.what_harm",
     None),
    ("torture_fear", "Part B", N_("Whether the applicant fears torture on return"),
     "fear.torture_fear", None),
    ("prior_applications", "Part C", N_("Earlier applications for protection"),
     "screening.prior_applications", None),
    ("status_elsewhere", "Part C", N_("Status offered or held in another country"),
     "screening.status_elsewhere", None),
    ("harmed_others", "Part C", N_("Whether the applicant ever caused harm to others"),
     "screening.harmed_others", None),
    ("returned_home", "Part C", N_("Returns to the home country"), "screening.returned_home",
     None),
    ("serious_crimes", "Part C", N_("Crimes or arrests anywhere"), "screening.serious_crimes",
     None),
    ("name_native_script", "Part D", N_("Name in native alphabet"), "about.name_native_script",
     None),
)

OTHER_ITEMS: tuple[Check, ...] = (
    ("family_name", "", N_("Family name"), "about.family_name", None),
    ("given_names", "", N_("Given names"), "about.given_names", None),
    ("birth_date", "", N_("Date of birth"), "about.birth_date", None),
    ("nationalities", "", N_("Nationality"), "about.nationalities", None),
    ("grounds", "", N_("The grounds of the claim"), "beliefs.grounds", None),
    ("fear_what", "", N_("What harm the applicant fears on return"), "fear.what_harm", None),
)


def _from_table(record: CaseRecord, table: tuple[Check, ...]) -> Iterator[ReadinessItem]:
    for key, part, label, path, when in table:
        if when is not None and not when(record):
            continue
        if _blank(get_path(record, path)):
            yield ReadinessItem(key, part, label, path, record.skipped.get(path, ""))


def _us_extra(record: CaseRecord, today: date | None) -> Iterator[ReadinessItem]:
    entry = last_arrival(record)
    if entry is None:
        yield ReadinessItem("last_arrival", "Part A.I",
                            N_("Date and place of the last arrival in the United States"),
                            "leaving.entries")
    else:
        if not entry.place.strip():
            yield ReadinessItem("last_arrival_place", "Part A.I",
                                N_("Place of the last arrival in the United States"),
                                f"leaving.entries.{entry.id}.place")
        if not entry.status.strip():
            yield ReadinessItem("last_arrival_status", "Part A.I",
                                N_("Status at the last arrival (visa, parole, without "
                                   "inspection)"), f"leaving.entries.{entry.id}.status")
    for n in record.leaving.entries:
        if n.kind is EntryKind.arrival and n.date is None:
            yield ReadinessItem(f"entry_date_{n.id}", "Part A.I",
                                N_("Date of an arrival in the United States"),
                                f"leaving.entries.{n.id}.date")
    for t in record.leaving.route:
        if t.status_offered is YesNo.unknown:
            yield ReadinessItem(f"transit_status_{t.id}", "Part C",
                                N_("Whether status was offered in a country passed through"),
                                f"leaving.route.{t.id}.status_offered")
    if not record.incidents.items and not record.fear.what_harm.strip():
        yield ReadinessItem("past_harm", "Part B",
                            N_("Past harm, or why the applicant fears harm"), "incidents.items")
    info = one_year_deadline(record, today=today)
    late = info.level == "overdue" or info.filed_in_time is False
    if late and not info.exception_claimed:
        yield ReadinessItem("late_filing_reason", "Part C",
                            N_("Why the application is filed more than one year after arrival"),
                            "timing.changed_circumstances")


def readiness(record: CaseRecord, jurisdiction: str = "us", *,
              today: date | None = None) -> list[ReadinessItem]:
    """Required items still blank for the jurisdiction, in form order."""
    if str(jurisdiction) != "us":
        return list(_from_table(record, OTHER_ITEMS))
    items = list(_from_table(record, US_ITEMS))
    extra = list(_us_extra(record, today))
    part_d = [i for i in items if i.part == "Part D"]
    rest = [i for i in items if i.part != "Part D"]
    return sorted(rest + extra, key=lambda i: i.part) + part_d
