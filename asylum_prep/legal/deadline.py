"""Filing deadlines: the US one-year rule, and what we can say elsewhere.

US reading (as of 2026-11-21; verify before relying on it; the citations are ids in the
authorities library, legal/authorities.toml):
- INA 208(a)(2)(B) and 8 CFR 1208.4(a)(2)(ii): file "within 1 year after the date of arrival";
  the period runs from the *last* arrival. The day of arrival is day zero (Minasyan v.
  Mukasey, 553 F.3d 1224 (9th Cir. 2009); USCIS Asylum Division officer training "One-Year
  Filing Deadline", 2013), so the last day to file is the one-year anniversary: last arrival
  2023-03-15 -> file on or before 2024-03-15.
- Leap day: an arrival on 29 February has no anniversary; we use 28 February of the next
  year, the earlier of the two possible readings, so the date shown is never later than the
  law allows. Likewise a deadline falling on a weekend or holiday is NOT moved to the next
  business day (some sources allow it); the note says so.
- Arrivals before 1 April 1997 (when IIRIRA's one-year rule took effect): the year runs from
  that date, whichever is later (8 CFR 1208.4(a)(2)(ii)), so the deadline is 1 April 1998 and
  a note says so.
- Approximate arrivals (month or year only, or "about"): the earliest day the answer could mean
  (see legal.spans) is used, so the deadline is never overstated, and a note says so.
- Exceptions (INA 208(a)(2)(D)): when the applicant described changed or extraordinary
  circumstances, "exception claimed" is shown; the date is still computed and shown.
- Filed (timing.filed_on): the result says whether it was filed in time.
- Levels: overdue (< 0 days left), urgent (<= 7), warning (<= 30), notice (<= 90), ok.
- No arrival recorded: the deadline is unknown (date None, level "unknown"); readiness lists
  the missing arrival.

Canada: the Basis of Claim form is due 15 days after a port-of-entry claim. The record does
not say where or when a claim was made, so the date is None with that note. UK and EU: no
statutory filing deadline in the domain notes; `deadline_for` returns None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.journey import Entry, EntryKind
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import spans
from asylum_prep.legal.jurisdictions import C, Citation

Level = Literal["ok", "notice", "warning", "urgent", "overdue", "filed", "unknown"]
LEVEL_DAYS: tuple[tuple[int, Level], ...] = ((7, "urgent"), (30, "warning"), (90, "notice"))
# ids in the authorities library (legal/authorities.toml)
US_CITATIONS = C("ina-208-a-2-b", "ina-208-a-2-d", "8-cfr-1208-4-a", "minasyan")
CA_CITATIONS = C("irpr-159-8")

Note = tuple[str, tuple[tuple[str, str], ...]]
RULE_IN_FORCE = date(1997, 4, 1)  # the one-year rule counts from here for earlier arrivals


def note(template: str, **params: object) -> Note:
    return template, tuple((k, str(v)) for k, v in params.items())


def fill(n: Note) -> str:
    template, params = n
    return template.format(**dict(params)) if params else template


@dataclass(frozen=True)
class DeadlineInfo:
    rule: Literal["us_one_year", "ca_boc"]
    deadline: date | None
    last_arrival: date | None = None
    last_arrival_path: str = ""
    approximate_arrival: bool = False
    days_left: int | None = None
    level: Level = "unknown"
    exception_claimed: bool = False
    filed_on: date | None = None
    filed_in_time: bool | None = None
    notes: tuple[Note, ...] = ()
    citations: tuple[Citation, ...] = field(default=US_CITATIONS)

    @property
    def red(self) -> bool:
        """Shown in red: under 30 days left or overdue (and not filed)."""
        return self.level in ("overdue", "urgent", "warning")

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "date": self.deadline.isoformat() if self.deadline else None,
            "last_arrival": self.last_arrival.isoformat() if self.last_arrival else None,
            "last_arrival_path": self.last_arrival_path or None,
            "approximate_arrival": self.approximate_arrival,
            "days_left": self.days_left,
            "level": self.level,
            "exception_claimed": self.exception_claimed,
            "filed_on": self.filed_on.isoformat() if self.filed_on else None,
            "filed_in_time": self.filed_in_time,
            "notes": [fill(n) for n in self.notes],
            "citations": [{"id": c.id, "text": c.text, "as_of": c.as_of, "verify": c.verify}
                          for c in self.citations],
        }


def last_arrival(record: CaseRecord) -> Entry | None:
    """The arrival entry that could be the latest: compared by the last day each could mean,
    so an approximate later arrival is not overlooked."""
    arrivals = [e for e in record.leaving.entries if e.kind is EntryKind.arrival and e.date]
    if not arrivals:
        return None
    return max(arrivals, key=lambda e: (spans.latest(e.date), spans.earliest(e.date))
               if e.date else (date.min, date.min))


def level_for(days_left: int) -> Level:
    if days_left < 0:
        return "overdue"
    for limit, level in LEVEL_DAYS:
        if days_left <= limit:
            return level
    return "ok"


def _is_approximate(d: FuzzyDate) -> bool:
    return d.approximate or d.precision is not Precision.day


def one_year_deadline(record: CaseRecord, *, today: date | None = None) -> DeadlineInfo:
    """The US one-year asylum deadline for this record (see the module docstring)."""
    today = today or date.today()
    timing = record.timing
    exception = bool(timing.changed_circumstances.strip()
                     or timing.extraordinary_circumstances.strip())
    notes: list[Note] = []
    if exception:
        notes.append(note(N_("An exception is claimed (changed or extraordinary "
                             "circumstances); the attorney decides whether it applies.")))
    filed = spans.latest(timing.filed_on) if timing.filed_on else None
    entry = last_arrival(record)
    if entry is None or entry.date is None:
        notes.append(note(N_("No arrival date is recorded, so the deadline cannot be "
                             "computed. Ask for the date of the last arrival.")))
        return DeadlineInfo("us_one_year", None, exception_claimed=exception, filed_on=filed,
                            level="filed" if filed else "unknown", notes=tuple(notes))
    arrived = spans.earliest(entry.date)
    approximate = _is_approximate(entry.date)
    if approximate:
        notes.append(note(N_("The last arrival date is approximate ({given}); the deadline "
                             "counts from the earliest day it could mean ({day}), so it may be "
                             "earlier than the real one. Confirm the exact date."),
                          given=entry.date.display(), day=arrived.isoformat()))
    if arrived.month == 2 and arrived.day == 29:
        notes.append(note(N_("The last arrival was on 29 February; the deadline is taken as 28 "
                             "February, the earlier reading.")))
    start = max(arrived, RULE_IN_FORCE)
    if arrived < RULE_IN_FORCE:
        notes.append(note(N_("The last arrival was before 1 April 1997, when the one-year rule "
                             "took effect; the year runs from that date, so the deadline is 1 "
                             "April 1998 (8 CFR 1208.4(a)(2)(ii)).")))
    deadline = spans.add_years(start, 1)
    notes.append(note(N_("A deadline on a weekend or public holiday is not moved to the next "
                         "working day here; file by the date shown.")))
    days_left = (deadline - today).days
    level: Level = level_for(days_left)
    filed_in_time: bool | None = None
    if timing.filed_on is not None and filed is not None:
        level = "filed"
        filed_in_time = filed <= deadline  # said by the banner, so no note repeats it
    return DeadlineInfo(
        "us_one_year", deadline, last_arrival=arrived,
        last_arrival_path=f"leaving.entries.{entry.id}.date", approximate_arrival=approximate,
        days_left=days_left, level=level, exception_claimed=exception, filed_on=filed,
        filed_in_time=filed_in_time, notes=tuple(notes),
    )


def deadline_for(record: CaseRecord, jurisdiction: str, *,
                 today: date | None = None) -> DeadlineInfo | None:
    """The deadline that applies in the jurisdiction, or None where none is known."""
    code = str(jurisdiction)
    if code == "us":
        return one_year_deadline(record, today=today)
    if code == "ca":
        return DeadlineInfo(
            "ca_boc", None, level="unknown", citations=CA_CITATIONS,
            notes=(note(N_("The Basis of Claim form is due 15 days after a claim made at a port "
                           "of entry. The record does not say where or when the claim was made, "
                           "so no date is computed; check the claim documents.")),),
        )
    return None
