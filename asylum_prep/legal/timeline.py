"""The chronology of a case as data for a chart: points and spans, oldest first.

Birth, memberships (spans), activities, incidents, detentions (spans: an incident with
detention, or a legal event of kind arrest or detention), other legal events, the departure,
stays in transit countries (spans), arrivals and departures in the country of refuge, the
filing date and the filing deadline. Approximate dates are plotted at the first day of
their month or year and marked approximate; spans without an end stop at their start. Labels
are English templates (N_) with their parameters so the UI can translate them; an activity's
or a legal event's kind is a parameter in words (ACTIVITY_LABELS, LEGAL_KIND_LABELS, in the
attorney's register), never the stored value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import ActivityKind
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal.assessment import Params, fill, params_of
from asylum_prep.legal.deadline import DeadlineInfo
from asylum_prep.legal.spans import precise_bounds

KINDS = ("birth", "membership", "activity", "incident", "detention", "legal_event", "departure",
         "transit", "arrival", "refuge_departure", "filed", "deadline")

ACTIVITY_LABELS: dict[ActivityKind, str] = {
    ActivityKind.protest: N_("Protest or demonstration"),
    ActivityKind.writing: N_("Writing"),
    ActivityKind.posts: N_("Social media posts"),
    ActivityKind.speech: N_("Speech"),
    ActivityKind.other: N_("Other activity"),
}
LEGAL_KIND_LABELS: dict[LegalKind, str] = {
    LegalKind.accusation: N_("Accusation"),
    LegalKind.summons: N_("Summons"),
    LegalKind.warrant: N_("Arrest warrant"),
    LegalKind.charge: N_("Criminal charge"),
    LegalKind.arrest: N_("Arrest"),
    LegalKind.detention: N_("Detention"),
    LegalKind.court_case: N_("Court case"),
    LegalKind.conviction: N_("Conviction"),
}


@dataclass(frozen=True)
class TimelineEvent:
    kind: str
    start: date
    end: date
    label_template: str
    label_params: Params
    path: str
    approximate: bool = False

    @property
    def label(self) -> str:
        return fill(self.label_template, self.label_params)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "label": self.label, "path": self.path, "approximate": self.approximate}


def _fuzzy(d: FuzzyDate) -> bool:
    return d.approximate or d.precision is not Precision.day


def _event(kind: str, path: str, start: FuzzyDate, end: FuzzyDate | None, template: str,
           /, **params: object) -> TimelineEvent:
    lo = precise_bounds(start)[0]
    hi = precise_bounds(end)[1] if end is not None else lo
    return TimelineEvent(kind, lo, max(lo, hi), template, params_of(**params), path,
                         _fuzzy(start) or (end is not None and _fuzzy(end)))


def build(record: CaseRecord, deadline: DeadlineInfo | None = None) -> list[TimelineEvent]:
    r = record
    out: list[TimelineEvent] = []
    if r.about.birth_date:
        out.append(_event("birth", "about.birth_date", r.about.birth_date, None, N_("Birth")))
    for m in r.beliefs.memberships:
        if m.start:
            out.append(_event("membership", f"beliefs.memberships.{m.id}", m.start, m.end,
                              N_("Membership: {name}"), name=m.organisation or "?"))
    for a in r.beliefs.activities:
        if a.date:
            out.append(_event("activity", f"beliefs.activities.{a.id}", a.date, None,
                              N_("Activity: {kind}"), kind=ACTIVITY_LABELS[a.kind]))
    for i in r.incidents.items:
        if i.date:
            out.append(_event("incident", f"incidents.items.{i.id}", i.date, None,
                              N_("Incident at {place}"), place=i.place or "?"))
            if i.detained is YesNo.yes:
                out.append(_event("detention", f"incidents.items.{i.id}", i.date, i.end_date,
                                  N_("Detention at {place}"), place=i.place or "?"))
    for e in r.harm_to_others.legal_events:
        if e.start:
            held = e.kind in (LegalKind.arrest, LegalKind.detention)
            out.append(_event("detention" if held else "legal_event",
                              f"harm_to_others.legal_events.{e.id}", e.start,
                              e.end if held else None, N_("Legal event: {kind}"),
                              kind=LEGAL_KIND_LABELS[e.kind]))
    if r.leaving.departure_date:
        out.append(_event("departure", "leaving.departure_date", r.leaving.departure_date, None,
                          N_("Departure from the home country")))
    for t in r.leaving.route:
        if t.arrived:
            out.append(_event("transit", f"leaving.route.{t.id}", t.arrived, t.left,
                              N_("In transit: {country}"), country=t.country or "?"))
    for n in r.leaving.entries:
        if n.date:
            kind = "arrival" if n.kind is EntryKind.arrival else "refuge_departure"
            template = N_("Arrival") if kind == "arrival" else N_("Departure from the country "
                                                                    "of refuge")
            out.append(_event(kind, f"leaving.entries.{n.id}", n.date, None, template))
    if r.timing.filed_on:
        out.append(_event("filed", "timing.filed_on", r.timing.filed_on, None, N_("Filed")))
    if deadline is not None and deadline.deadline is not None:
        out.append(TimelineEvent("deadline", deadline.deadline, deadline.deadline,
                                 N_("Filing deadline"), (), "timing",
                                 deadline.approximate_arrival))
    return sorted(out, key=lambda ev: (ev.start, KINDS.index(ev.kind)))
