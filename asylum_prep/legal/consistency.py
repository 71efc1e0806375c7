"""Consistency flags: what a decision-maker would catch when reading the account. `check` is
the entry point; the date rules live here, the rules between answers of different parts in
`legal.consistency_answers`, the flag itself in `legal.consistency_flags`.

Every date comparison uses the full range an answer could mean (legal.spans.bounds: precision
and "about" widen it), and a flag fires only when *no* reading of the dates is consistent, so
approximate dates do not raise false alarms. Only structured answers (yes/no, choices, dates,
whether an answer is given) fire rules: free text is never pattern-matched, only compared for
exact equality after normalisation. An unknown or skipped answer never fires a rule.

Date rules (key: fires when ...):
- incident_after_departure: an incident certainly happened after the departure from the home
  country and no return is recorded (screening.returned_home is not "yes" and no departure from
  the country of refuge is dated on or before it), unless its place names a country passed
  through (harm on the way).
- held_after_departure: the same, for a legal event of kind arrest or detention (the applicant
  was there to be held), when it is also certainly before every arrival in the country of
  refuge dated after the departure (at least one is recorded) and outside every stay in transit
  (each with a start date; a stay without an end runs on): an arrest on arrival in the country
  of refuge or on the way is not flagged. Summonses, warrants, charges, court cases and
  convictions after the departure are not flagged (they come in absence), nor is harm to others
  after it (harm to family left behind is common and supports the claim).
- before_birth: an incident, membership, activity, legal event, departure, transit or arrival
  is certainly before the applicant's birth.
- impossible_age: birth date in the future, an age above 120 today, or an activity or
  membership begun certainly before the age of 5.
- membership_before_start: an activity or incident tied to a membership (membership_id) is
  certainly before that membership began.
- ends_before_start: an incident, membership, legal event or stay in transit ends certainly
  before it starts.
- arrival_before_departure: every recorded arrival in the country of refuge is certainly before
  the departure from home (none after it), or a stay in transit certainly began before it.
- detention_overlaps_travel: a detention (an incident with detained = yes, or a legal event of
  kind arrest or detention) certainly covers a day of travel (the departure, a stay in a transit
  country, an arrival). The certain part of a range runs from its latest start to its earliest
  end; a detention in the transit country itself (its place names that country) is not flagged.
- same_event_two_dates: one event told twice with different dates. Heuristic: an incident with
  detention and a legal event of kind arrest or detention at the same place (same words, case
  and spacing ignored), whose date ranges do not overlap but lie within 45 days of each other;
  or two incidents with the same non-empty "what happened" or "words said" text and
  non-overlapping dates.

The dates, names and places written in exhibits against the story and the events they are
linked to: legal.consistency_documents (document_date_vs_event, document_name_vs_story,
document_place_vs_event).

Rules between answers, dates included (legal.consistency_answers):
- crimes_answer_vs_legal_event: screening.serious_crimes is "no" and a legal event of kind
  accusation, warrant, charge, court case or conviction is recorded (one flag per event). The
  message asks the attorney to reconcile them, since a charge brought by the persecutor is often
  part of the persecution. A summons, arrest or detention alone does not fire it (they happen
  without an accusation).
- status_answer_vs_transit: screening.status_elsewhere is "no" and a stay in transit has
  status_offered = "yes" (one flag per stay).
- screening_no_but_details: screening.armed_groups is "no" and one of its follow-up choices is
  answered (armed_group_help not empty, or armed_group_kind, armed_group_voluntary or
  armed_group_duration not unknown; the first in that order is named); or
  screening.harmed_others is "no" and harmed_others_voluntary is not unknown.
- injury_none_but_treated: an incident's injury_level is "none" and its treatment text says
  something other than a bare "no" (the word "No" of any of our catalogs, case, spacing and
  punctuation ignored).
- incident_no_but_details: an incident with detained = "no" and a detention_length other than
  unknown; or with threatened = "no" and a threat_frequency other than unknown or
  threat_carried_out = "yes".
- family_harm_vs_harm_to_others: a person in harm to others whose name equals, after
  normalisation (NFKC, case folded, single spaces), the name of exactly one family member, and
  that member's "harmed" answer is "no".
- family_birth_order: a family member whose relation is parent is certainly born after the
  applicant, or one whose relation is child certainly before (most often a mistyped year; a
  step-parent younger than the applicant is dismissed with that reason).
- detention_longer_than_dates: an incident not answered detained = no, whose detention_length
  is "weeks" (more than a week) while its dates (date to end_date, both given) allow at most 7
  days, or "months" (more than a month) while they allow at most 28 days. A short detention
  within a long incident is not flagged: the detention may be one part of it.

Not flagged, because no structured answer decides them: prior applications (no structured
answer besides the yes/no), a return home told only in text or suggested by a departure from
the country of refuge and a later arrival (the trip may have been elsewhere), armed-group help
told only in text, "minor" injuries with treatment described (minor care is not a
contradiction), the country of return differing from the nationality (statelessness, habitual
residence), relations named in free text ("my brother").

Each flag names both places (record paths, each also labelled by its wizard question) and has a
stable id: a hash of the rule and the places, so a dismissal (record.dismissed_flags[id])
survives edits and saves. Dismissed flags are returned with dismissed=True and the reason,
never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.i18n import DEFAULT, translator
from asylum_prep.legal.consistency_answers import answer_rules
from asylum_prep.legal.consistency_documents import document_rules, name_place_rules
from asylum_prep.legal.consistency_flags import Flag, flag_id
from asylum_prep.legal.consistency_flags import make_flag as _flag
from asylum_prep.legal.spans import add_years, bounds, definitely_before, show
from asylum_prep.text import fold_case

__all__ = ["Flag", "check", "flag_id"]

SAME_EVENT_DAYS = 45
MIN_ACTIVITY_AGE = 5
MAX_AGE = 120
HELD = (LegalKind.arrest, LegalKind.detention)


@dataclass(frozen=True)
class Dated:
    kind: str
    path: str  # path of the date answer
    when: FuzzyDate


# Dates stand in brackets after what they date ("The incident (1990) is dated before the
# applicant's birth (May 1992)."), never after "on", so a day, a month, a year or "about" any of
# them reads right, in English and in the languages whose prepositions change with the kind of
# date (French "le 3 mai" / "en mai", Russian "3 мая" / "в мае").
KIND_BEFORE_BIRTH = {
    "incident": N_("The incident ({date}) is dated before the applicant's birth ({birth})."),
    "membership": N_("The membership starts ({date}) before the applicant's birth ({birth})."),
    "activity": N_("The activity ({date}) is dated before the applicant's birth ({birth})."),
    "legal_event": N_("The legal event ({date}) is dated before the applicant's birth "
                      "({birth})."),
    "departure": N_("The departure ({date}) is dated before the applicant's birth ({birth})."),
    "transit": N_("The stay in transit starts ({date}) before the applicant's birth "
                  "({birth})."),
    "arrival": N_("The arrival ({date}) is dated before the applicant's birth ({birth})."),
}


def dated_events(r: CaseRecord) -> Iterator[Dated]:
    for i in r.incidents.items:
        if i.date:
            yield Dated("incident", f"incidents.items.{i.id}.date", i.date)
    for m in r.beliefs.memberships:
        if m.start:
            yield Dated("membership", f"beliefs.memberships.{m.id}.start", m.start)
    for a in r.beliefs.activities:
        if a.date:
            yield Dated("activity", f"beliefs.activities.{a.id}.date", a.date)
    for e in r.harm_to_others.legal_events:
        if e.start:
            yield Dated("legal_event", f"harm_to_others.legal_events.{e.id}.start", e.start)
    if r.leaving.departure_date:
        yield Dated("departure", "leaving.departure_date", r.leaving.departure_date)
    for t in r.leaving.route:
        if t.arrived:
            yield Dated("transit", f"leaving.route.{t.id}.arrived", t.arrived)
    for n in r.leaving.entries:
        if n.date and n.kind is EntryKind.arrival:
            yield Dated("arrival", f"leaving.entries.{n.id}.date", n.date)


def _birth_rules(r: CaseRecord, today: date) -> Iterator[Flag]:
    birth = r.about.birth_date
    if birth is None:
        return
    b_lo, b_hi = bounds(birth)
    if b_lo > today:
        yield _flag("impossible_age", N_("The birth date {birth} is in the future."),
                    ("about.birth_date",), birth=show(birth))
    elif add_years(b_hi, MAX_AGE) < today:
        yield _flag("impossible_age", N_("The birth date {birth} makes the applicant older than "
                                         "{years} years."),
                    ("about.birth_date",), birth=show(birth), years=MAX_AGE)
    for ev in dated_events(r):
        if definitely_before(ev.when, birth):
            yield _flag("before_birth", KIND_BEFORE_BIRTH[ev.kind], (ev.path, "about.birth_date"),
                        date=show(ev.when), birth=show(birth))
        elif ev.kind in ("activity", "membership") and \
                bounds(ev.when)[1] < add_years(b_lo, MIN_ACTIVITY_AGE):
            yield _flag("impossible_age",
                        N_("The activity or membership ({date}) would have begun before the "
                           "applicant was {years} years old (born {birth})."),
                        (ev.path, "about.birth_date"), date=show(ev.when), birth=show(birth),
                        years=MIN_ACTIVITY_AGE)


def _membership_rules(r: CaseRecord) -> Iterator[Flag]:
    starts = {m.id: m.start for m in r.beliefs.memberships if m.start}
    tied: list[tuple[str, FuzzyDate | None, str]] = [
        (f"beliefs.activities.{a.id}.date", a.date, a.membership_id) for a in r.beliefs.activities
    ] + [(f"incidents.items.{i.id}.date", i.date, i.membership_id) for i in r.incidents.items]
    for path, when, mid in tied:
        start = starts.get(mid)
        if when and start and definitely_before(when, start):
            yield _flag("membership_before_start",
                        N_("This is dated {date}, before the membership it is tied to began "
                           "({start})."),
                        (path, f"beliefs.memberships.{mid}.start"), date=show(when),
                        start=show(start))


def _spans(r: CaseRecord) -> Iterator[tuple[str, str, FuzzyDate | None, FuzzyDate | None]]:
    for i in r.incidents.items:
        yield f"incidents.items.{i.id}.date", f"incidents.items.{i.id}.end_date", i.date, i.end_date
    for m in r.beliefs.memberships:
        yield f"beliefs.memberships.{m.id}.start", f"beliefs.memberships.{m.id}.end", m.start, m.end
    for e in r.harm_to_others.legal_events:
        base = f"harm_to_others.legal_events.{e.id}"
        yield f"{base}.start", f"{base}.end", e.start, e.end
    for t in r.leaving.route:
        yield f"leaving.route.{t.id}.arrived", f"leaving.route.{t.id}.left", t.arrived, t.left


def _order_rules(r: CaseRecord) -> Iterator[Flag]:
    for start_path, end_path, start, end in _spans(r):
        if start and end and definitely_before(end, start):
            yield _flag("ends_before_start", N_("This ends ({end}) before it starts ({start})."),
                        (start_path, end_path), start=show(start), end=show(end))
    dep = r.leaving.departure_date
    if dep is None:
        return
    arrivals = [n for n in r.leaving.entries if n.kind is EntryKind.arrival and n.date]
    if arrivals and all(n.date and definitely_before(n.date, dep) for n in arrivals):
        last = max(arrivals, key=lambda n: bounds(n.date)[1] if n.date else date.min)
        yield _flag("arrival_before_departure",
                    N_("The last recorded arrival ({arrival}) is before the departure from the "
                       "home country ({departure})."),
                    (f"leaving.entries.{last.id}.date", "leaving.departure_date"),
                    arrival=show(last.date), departure=show(dep))
    for t in r.leaving.route:
        if t.arrived and definitely_before(t.arrived, dep):
            yield _flag("arrival_before_departure",
                        N_("The stay in a transit country starts ({arrival}) before the "
                           "departure from the home country ({departure})."),
                        (f"leaving.route.{t.id}.arrived", "leaving.departure_date"),
                        arrival=show(t.arrived), departure=show(dep))


def _after_departure_rules(r: CaseRecord) -> Iterator[Flag]:
    dep = r.leaving.departure_date
    if dep is None or r.screening.returned_home is YesNo.yes:
        return
    refuge_departures = [n.date for n in r.leaving.entries
                         if n.kind is EntryKind.departure and n.date]
    transit_countries = [fold_case(t.country) for t in r.leaving.route if t.country.strip()]

    def unexplained(when: FuzzyDate | None, place: str) -> bool:
        """Certainly after the departure, not in a country passed through (harm on the way),
        and no departure from the country of refuge before it (a return)."""
        if when is None or not definitely_before(dep, when):
            return False
        if any(c in fold_case(place) for c in transit_countries):
            return False
        return not any(bounds(d)[0] <= bounds(when)[1] for d in refuge_departures)

    for i in r.incidents.items:
        if unexplained(i.date, i.place):
            yield _flag("incident_after_departure",
                        N_("The incident ({incident}) is dated after the departure from the home "
                           "country ({departure}), and no return home is recorded."),
                        (f"incidents.items.{i.id}.date", "leaving.departure_date"),
                        incident=show(i.date), departure=show(dep))
    for e in r.harm_to_others.legal_events:
        if e.kind in HELD and unexplained(e.start, e.place) and _on_no_leg(r, e.start):
            yield _flag("held_after_departure",
                        N_("The arrest or detention ({held}) is dated after the departure from "
                           "the home country ({departure}), and no return home is recorded."),
                        (f"harm_to_others.legal_events.{e.id}.start", "leaving.departure_date"),
                        held=show(e.start), departure=show(dep))


def _on_no_leg(r: CaseRecord, when: FuzzyDate | None) -> bool:
    """`when` is certainly before the first arrival in the country of refuge after the
    departure and outside every stay in transit: the applicant was on no recorded leg of the
    journey, so the home country is the one place left. Without a recorded arrival it could be
    the country of refuge (a detention at its border), so it is not certain."""
    dep = r.leaving.departure_date
    if when is None or dep is None:
        return False
    arrivals = [n.date for n in r.leaving.entries
                if n.kind is EntryKind.arrival and n.date and not definitely_before(n.date, dep)]
    if not arrivals or not all(definitely_before(when, a) for a in arrivals):
        return False
    lo, hi = bounds(when)
    for t in r.leaving.route:
        if t.arrived is None:
            return False  # a stay of unknown dates could hold it
        stay_lo = bounds(t.arrived)[0]
        stay_hi = bounds(t.left)[1] if t.left else date.max
        if lo <= stay_hi and stay_lo <= hi:
            return False
    return True


def _certain(start: FuzzyDate, end: FuzzyDate | None) -> tuple[date, date] | None:
    """The days certainly covered: from the latest start to the earliest end."""
    lo = bounds(start)[1]
    hi = bounds(end)[0] if end else bounds(start)[0]
    return (lo, hi) if lo <= hi else None


def _detentions(r: CaseRecord) -> Iterator[tuple[str, FuzzyDate, FuzzyDate | None, str]]:
    for i in r.incidents.items:
        if i.date and i.detained is YesNo.yes:
            yield f"incidents.items.{i.id}.date", i.date, i.end_date, i.place
    for e in r.harm_to_others.legal_events:
        if e.start and e.kind in (LegalKind.arrest, LegalKind.detention):
            yield f"harm_to_others.legal_events.{e.id}.start", e.start, e.end, e.place


def _travel(r: CaseRecord) -> Iterator[tuple[str, FuzzyDate, FuzzyDate | None, str]]:
    if r.leaving.departure_date:
        yield "leaving.departure_date", r.leaving.departure_date, None, ""
    for t in r.leaving.route:
        if t.arrived:
            yield f"leaving.route.{t.id}.arrived", t.arrived, t.left, t.country
    for n in r.leaving.entries:
        if n.date and n.kind is EntryKind.arrival:
            yield f"leaving.entries.{n.id}.date", n.date, None, ""


def _detention_rules(r: CaseRecord) -> Iterator[Flag]:
    travel = list(_travel(r))
    for d_path, d_start, d_end, d_place in _detentions(r):
        held = _certain(d_start, d_end)
        if held is None:
            continue
        for t_path, t_start, t_end, country in travel:
            away = _certain(t_start, t_end)
            if away is None or held[1] < away[0] or away[1] < held[0]:
                continue
            if country and fold_case(country) in fold_case(d_place):
                continue
            yield _flag("detention_overlaps_travel",
                        N_("A detention ({held}) overlaps travel ({travel})."),
                        (d_path, t_path), held=show(d_start), travel=show(t_start))


def _apart(a: FuzzyDate, b: FuzzyDate) -> int | None:
    """Days between two non-overlapping ranges, or None when they overlap."""
    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    if a_hi < b_lo:
        return (b_lo - a_hi).days
    if b_hi < a_lo:
        return (a_lo - b_hi).days
    return None


def _same_event_rules(r: CaseRecord) -> Iterator[Flag]:
    message = N_("The same event may be told twice with different dates: {first} and {second}.")
    events = [e for e in r.harm_to_others.legal_events
              if e.start and e.kind in (LegalKind.arrest, LegalKind.detention) and e.place.strip()]
    incidents = [i for i in r.incidents.items if i.date]
    for i in incidents:
        if i.detained is not YesNo.yes or not i.place.strip() or i.date is None:
            continue
        for e in events:
            gap = _apart(i.date, e.start) if e.start else None
            same_place = fold_case(i.place) == fold_case(e.place)
            if same_place and gap is not None and gap <= SAME_EVENT_DAYS:
                yield _flag("same_event_two_dates", message,
                            (f"incidents.items.{i.id}.date",
                             f"harm_to_others.legal_events.{e.id}.start"),
                            first=show(i.date), second=show(e.start))
    for n, a in enumerate(incidents):
        for b in incidents[n + 1:]:
            same = any(getattr(a, f).strip()
                       and fold_case(getattr(a, f)) == fold_case(getattr(b, f))
                       for f in ("what_happened", "words_said"))
            if same and a.date and b.date and _apart(a.date, b.date) is not None:
                yield _flag("same_event_two_dates", message,
                            (f"incidents.items.{a.id}.date", f"incidents.items.{b.id}.date"),
                            first=show(a.date), second=show(b.date))


def _labelled(f: Flag, record: CaseRecord) -> Flag:
    t = translator(DEFAULT)
    return f.with_labels(tuple(answer_label(record, p).text(t) for p in f.places))


def check(record: CaseRecord, *, today: date | None = None) -> list[Flag]:
    """All flags, dismissed ones included (marked), in a stable order; each place is also
    named by its wizard question (`Flag.labels`, English)."""
    today = today or date.today()
    found: dict[str, Flag] = {}
    for rule in (_birth_rules(record, today), _membership_rules(record), _order_rules(record),
                 _after_departure_rules(record), _detention_rules(record),
                 _same_event_rules(record), answer_rules(record), document_rules(record),
                 name_place_rules(record)):
        for f in rule:
            found.setdefault(f.id, f)
    out = []
    for f in found.values():
        dismissal = record.dismissed_flags.get(f.id)
        if dismissal is not None:
            f = Flag(f.id, f.rule, f.template, f.params, f.places, True, dismissal.reason)
        out.append(_labelled(f, record))
    return out
