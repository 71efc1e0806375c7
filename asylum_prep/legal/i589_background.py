"""Form I-589, Part A.III (background), item by item, from the applicant's background part
and her family list.

Which residences fill which rows is worked out from the dates she gave, never asked twice:
item 1 row 1 is the last address outside the US before she came (the latest one by moving-in
date), row 2 the last address in the country she fears return to, when that is another one;
item 2 lists the residences of the last five years (counted back from `today`), the present
one first. Schools and jobs are listed the most recent first. Parents and siblings come from
the family list: the mother and the father are the parents whose sex she gave (never
placed by the order she added them), the siblings in the order she added them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from asylum_prep.domain.background import Residence
from asylum_prep.domain.people import Relation, Sex
from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.i589_items import (
    BLANK,
    Answer,
    Builder,
    FormItem,
    Kind,
    Reader,
    country,
    value_of,
    words,
)

RESIDENCE_ROWS, SCHOOL_ROWS, JOB_ROWS, SIBLING_ROWS = 5, 4, 3, 4
FIVE_YEARS = timedelta(days=5 * 365 + 1)


def _recent_first(items: list[Any], start: str) -> list[Any]:
    return sorted(items, key=lambda i: getattr(i, start).iso if getattr(i, start) else date.min,
                  reverse=True)


def before_us(record: CaseRecord) -> list[Residence]:
    """Item 1: the last address outside the US, then the last one in the feared country."""
    outside = _recent_first([r for r in record.background.residences if r.country != "US"],
                            "moved_in")
    rows = outside[:1]
    feared = record.about.country_of_return
    if rows and feared and rows[0].country != feared:
        rows += [r for r in outside if r.country == feared][:1]
    return rows


def last_five_years(record: CaseRecord, today: date | None = None) -> list[Residence]:
    """Item 2: residences not left before five years ago, the present one first."""
    cutoff = (today or date.today()) - FIVE_YEARS
    kept = [r for r in record.background.residences
            if r.moved_out is None or r.moved_out.latest >= cutoff]
    return sorted(kept, key=lambda r: (r.moved_out is None,
                                       r.moved_in.iso if r.moved_in else date.min),
                  reverse=True)


def _row(rows: Callable[[CaseRecord], list[Any]], index: int, section: str, field: str,
         how: str) -> Reader:
    def read(record: CaseRecord) -> Answer:
        found = rows(record)
        if index >= len(found):
            return BLANK
        item = found[index]
        path = f"{section}.{item.id}.{field}"
        if how == "words":
            return words(path)(record)
        if how == "country":
            return country(path)(record)
        return value_of(getattr(item, field))
    return read


def _rows(record: CaseRecord, part_number: str, title: str, count: int,
          rows: Callable[[CaseRecord], list[Any]], section: str,
          fields: tuple[tuple[str, str, str, Kind, str, bool], ...],
          required_first: bool = False) -> list[FormItem]:
    out: list[FormItem] = []
    for n in range(max(count, len(rows(record)))):
        b = Builder("A.III", prefix=f"A.III.{part_number}.{n + 1}.", group=f"{title} {n + 1}",
                    numbered=False)
        for sub, label, field, kind, how, latin in fields:
            required = (lambda r: True) if required_first and n == 0 and sub != "to" else None
            out.append(b.item(part_number, label, kind, f"{section}.*.{field}",
                              _row(rows, n, section, field, how), sub=sub, latin=latin,
                              required=required))
    return out


ADDRESS = (
    ("street", "Number and Street", "street", Kind.text, "words", True),
    ("city", "City/Town", "city", Kind.text, "words", True),
    ("province", "Department, Province, or State", "province", Kind.text, "words", True),
    ("country", "Country", "country", Kind.text, "country", False),
    ("from", "Dates: From (Mo/Yr)", "moved_in", Kind.date, "fixed", False),
    ("to", "Dates: To (Mo/Yr)", "moved_out", Kind.date, "fixed", False),
)
SCHOOL = (
    ("name", "Name of School", "name", Kind.text, "words", True),
    ("type", "Type of School", "kind", Kind.text, "words", False),
    ("location", "Location (Address)", "location", Kind.text, "words", True),
    ("from", "Attended: From (Mo/Yr)", "started", Kind.date, "fixed", False),
    ("to", "Attended: To (Mo/Yr)", "finished", Kind.date, "fixed", False),
)
JOB = (
    ("employer", "Name and Address of Employer", "employer", Kind.text, "words", True),
    ("occupation", "Your Occupation", "occupation", Kind.text, "words", False),
    ("from", "Dates: From (Mo/Yr)", "started", Kind.date, "fixed", False),
    ("to", "Dates: To (Mo/Yr)", "finished", Kind.date, "fixed", False),
)


def _relatives(relation: Relation) -> Callable[[CaseRecord], list[Any]]:
    return lambda r: [m for m in r.family.members if m.relation is relation]


def _parent(sex: Sex) -> Callable[[CaseRecord], list[Any]]:
    """The mother or the father: a parent whose sex the applicant gave (never by order)."""
    return lambda r: [m for m in _relatives(Relation.parent)(r) if m.sex is sex][:1]


def _deceased(rows: Callable[[CaseRecord], list[Any]], index: int) -> Reader:
    def read(record: CaseRecord) -> Answer:
        found = rows(record)
        if index >= len(found) or found[index].deceased.value == "unknown":
            return BLANK
        return Answer(found[index].deceased.value == "yes")
    return read


def _relative_items(rows: Callable[[CaseRecord], list[Any]], index: int, prefix: str,
                    group: str, required: bool) -> list[FormItem]:
    b = Builder("A.III", prefix=prefix, group=group, numbered=False)
    section = "family.members"
    need = (lambda r: True) if required else None
    return [
        b.item("5", "Full Name", Kind.text, f"{section}.*.name",
               _row(rows, index, section, "name", "words"), sub="name", latin=True,
               required=need),
        b.item("5", "City/Town and Country of Birth", Kind.text, f"{section}.*.birth_place",
               _row(rows, index, section, "birth_place", "words"), sub="birthplace",
               latin=True, required=need),
        b.item("5", "Current Location", Kind.text, f"{section}.*.where_now",
               _row(rows, index, section, "where_now", "words"), sub="location", latin=True),
        b.item("5", "Deceased", Kind.checkbox, f"{section}.*.deceased",
               _deceased(rows, index), sub="deceased"),
    ]


def background_items(record: CaseRecord, today: date | None = None) -> list[FormItem]:
    section = "background.residences"
    out = _rows(record, "1", "Last address before coming to the U.S.", 2, before_us, section,
                ADDRESS, required_first=True)
    out += _rows(record, "2", "Residence", RESIDENCE_ROWS,
                 lambda r: last_five_years(r, today), section, ADDRESS, required_first=True)
    out += _rows(record, "3", "School", SCHOOL_ROWS,
                 lambda r: _recent_first(r.background.schools, "started"),
                 "background.schools", SCHOOL)
    out += _rows(record, "4", "Employment", JOB_ROWS,
                 lambda r: _recent_first(r.background.jobs, "started"), "background.jobs", JOB)
    out += _relative_items(_parent(Sex.female), 0, "A.III.5.mother.", "Mother", True)
    out += _relative_items(_parent(Sex.male), 0, "A.III.5.father.", "Father", True)
    siblings = _relatives(Relation.sibling)
    for n in range(max(SIBLING_ROWS, len(siblings(record)))):
        out += _relative_items(siblings, n, f"A.III.5.sibling.{n + 1}.", f"Sibling {n + 1}",
                               False)
    return out
