"""The item map of Form I-589: every Part and item number, its label as printed, where its
answer lives in the case record (or how it is worked out from the applicant's answers), its
kind and who supplies it.

Keys are stable strings naming the Part and item: "A.I.12" (date of birth), "A.I.8.city",
"A.II.spouse.5", "A.II.child.2.8", "A.III.2.1.city" (residence row 1), "B.1.A.explain". The
readiness list (`legal.readiness`), the item-by-item sheet (`documents.build_i589_sheet`) and
the filled official PDF (through `legal.i589_fields_2019`, the field names of the 2019
edition) all read this one map.

An answer is either a fixed value (a date as mm/dd/yyyy, a country's English name, yes/no, a
choice, a checked box) or the applicant's own words (`Piece`: a record path, read by the
document through its current English translation, never invented). A computed item (B.1.A
"have you, your family... experienced harm") says "yes" only when the answers show it and
is left blank otherwise, for the team to decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from asylum_prep import countries
from asylum_prep.domain.base import YesNo
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.record import CaseRecord, get_path


class Kind(StrEnum):
    text = "text"
    date = "date"  # mm/dd/yyyy on the form
    yes_no = "yes_no"
    choice = "choice"  # one of `choices`, each a box on the form
    checkbox = "checkbox"  # one box, checked or not


class By(StrEnum):
    applicant = "applicant"  # asked in the wizard
    staff = "staff"  # entered by the legal team (filing or form details)
    computed = "computed"  # worked out from the applicant's answers


@dataclass(frozen=True)
class Piece:
    """The applicant's own words at `path`, led in by an English `lead` ("Incident 1")."""

    path: str
    lead: str = ""


@dataclass(frozen=True)
class Answer:
    value: str | bool | None = None  # a fixed value: printed as it is, in English
    pieces: tuple[Piece, ...] = ()  # the applicant's words, read through translations

    @property
    def blank(self) -> bool:
        return self.value is None and not self.pieces


BLANK = Answer()
Reader = Callable[[CaseRecord], Answer]
Condition = Callable[[CaseRecord], bool]


@dataclass(frozen=True)
class FormItem:
    key: str  # "A.I.12"
    part: str  # "A.I"
    number: str  # "12", "19.C", "1.A": the item number as printed
    label: str  # English, as printed on the form
    kind: Kind
    by: By
    path: str  # where the answer lives, or how it is worked out ("computed: ...")
    read: Reader
    required: Condition | None = None  # listed by readiness when blank and this holds
    choices: tuple[str, ...] = ()
    latin: bool = False  # a name or place: the form needs it in Latin script
    group: str = ""  # a repeated row's heading: "Child 2", "Residence 1"

    @property
    def where(self) -> str:
        """"Part A.I, item 12" as the readiness list and the sheet name it ("Part D" for
        the lines the form does not number)."""
        return f"Part {self.part}, item {self.number}" if self.number else f"Part {self.part}"


# -- readers ---------------------------------------------------------------------------------

def form_date(fd: FuzzyDate | None) -> str | None:
    """A date as the form writes it (mm/dd/yyyy), with only the precision the applicant gave:
    "05/2022" for a month, "2022" for a year, "about" before an approximate date."""
    if fd is None:
        return None
    d = fd.iso
    shown = {Precision.day: f"{d:%m/%d/%Y}", Precision.month: f"{d:%m/%Y}",
             Precision.year: f"{d:%Y}"}[fd.precision]
    return f"about {shown}" if fd.approximate else shown


def value_of(node: Any) -> Answer:
    """A fixed value: dates, yes/no and choices, empty for blank or unknown."""
    if node is None:
        return BLANK
    if isinstance(node, FuzzyDate):
        return Answer(form_date(node))
    if isinstance(node, YesNo):
        return BLANK if node is YesNo.unknown else Answer(node.value)
    if isinstance(node, StrEnum):
        return BLANK if node.value in ("unknown", "") else Answer(node.value)
    text = str(node).strip()
    return Answer(text) if text else BLANK


def words(path: str, lead: str = "") -> Reader:
    """The applicant's free text at `path`."""
    def read(record: CaseRecord) -> Answer:
        value = get_path(record, path)
        if isinstance(value, str) and value.strip():
            return Answer(pieces=(Piece(path, lead),))
        return BLANK
    return read


def lines(path: str) -> Reader:
    """A list of short answers (other names, languages): each its own piece."""
    def read(record: CaseRecord) -> Answer:
        values = get_path(record, path) or []
        return Answer(pieces=tuple(Piece(f"{path}.{i}") for i, v in enumerate(values)
                                   if str(v).strip()))
    return read


def fixed(path: str) -> Reader:
    """A value that is not translated: a date, a choice, a number the team entered."""
    return lambda record: value_of(get_path(record, path))


def box(path: str) -> Reader:
    """A yes/no answer shown as one box: checked for yes, unchecked for no."""
    def read(record: CaseRecord) -> Answer:
        value = get_path(record, path)
        return BLANK if value in (None, YesNo.unknown) else Answer(value is YesNo.yes)
    return read


def country(path: str) -> Reader:
    """A country code, printed as its English name."""
    def read(record: CaseRecord) -> Answer:
        code = get_path(record, path)
        return Answer(countries.name(code, "en")) if code else BLANK
    return read


def joined(*readers: Reader, sep: str = ", ") -> Reader:
    """Several answers in one item (a phone number after an address, pieces after values)."""
    def read(record: CaseRecord) -> Answer:
        got = [r(record) for r in readers]
        values = [str(a.value) for a in got if a.value not in (None, "")]
        pieces = tuple(p for a in got for p in a.pieces)
        if not values and not pieces:
            return BLANK
        value = sep.join(values) if values else None
        return Answer(value, pieces)
    return read


def always(record: CaseRecord) -> bool:
    return True


@dataclass(frozen=True)
class Builder:
    """Makes the items of one Part: `b.item("12", "Date of Birth", Kind.date, ...)`."""

    part: str
    prefix: str = ""  # key prefix for a repeated row: "A.II.child.2."
    group: str = ""
    by: By = By.applicant
    numbered: bool = True  # False: the row's prefix names the item, keys end in the `sub`

    def item(self, number: str, label: str, kind: Kind, path: str, read: Reader, *,
             by: By | None = None, required: Condition | None = None, sub: str = "",
             choices: tuple[str, ...] = (), latin: bool = False) -> FormItem:
        if self.numbered:
            key = (self.prefix or self.part + ".") + ".".join(x for x in (number, sub) if x)
        else:
            key = f"{self.prefix}{sub}"
        return FormItem(key=key, part=self.part, number=number, label=label, kind=kind,
                        by=by or self.by, path=path, read=read, required=required,
                        choices=choices, latin=latin, group=self.group)

