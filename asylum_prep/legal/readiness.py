"""Readiness: required items still blank, named by where they go.

For the US it is derived from the item map of Form I-589 (`legal.i589_map`): every item the
map marks required for this case and finds blank is listed with its Part and item number and
the label the form prints ("Part A.I, item 12: Date of Birth"; a repeated row also names its
row, "Part A.II, item 5 (Child 2)"), in form order. A blank name in the native alphabet
(Part D) gets filings rejected. An item is blank when the answer is empty or "unknown"; when
the applicant chose "I don't know" or "skip" (record.skipped) the item says so, because the
team then has to find the answer another way. Other jurisdictions get the identity and
account items every claim needs, without form parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.errors import N_
from asylum_prep.legal import i589_map


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    part: str  # the form's Part and item, e.g. "Part A.I, item 12"; "" outside the US
    label: str  # English: the form's own label (US), or N_-marked (elsewhere)
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


def _skipped(record: CaseRecord, paths: str) -> str:
    """What the applicant chose for the first of the item's answers she skipped or did not
    know ("unknown", "skip"), or ""; worked-out items ("computed: ...") and rows ("*") have
    no single answer to look up."""
    for path in paths.split(", "):
        if not any(c in path for c in "*: ") and path in record.skipped:
            return record.skipped[path]
    return ""


def _from_map(record: CaseRecord, today: date | None) -> Iterator[ReadinessItem]:
    for item in i589_map.items(record, today):
        if item.required is None or not item.required(record) or not item.read(record).blank:
            continue
        where = item.where + (f" ({item.group})" if item.group else "")
        yield ReadinessItem(item.key, where, item.label, item.path,
                            _skipped(record, item.path))


def readiness(record: CaseRecord, jurisdiction: str = "us", *,
              today: date | None = None) -> list[ReadinessItem]:
    """Required items still blank for the jurisdiction, in form order."""
    if str(jurisdiction) != "us":
        return list(_from_table(record, OTHER_ITEMS))
    return list(_from_map(record, today))
