"""Fictional records for the legal tests. Every person and place is invented."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Activity, Ground, Membership
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.events import (
    DetentionLength,
    Incident,
    InjuryLevel,
    LegalEvent,
    LegalKind,
    Perpetrator,
    TargetReason,
)
from asylum_prep.domain.journey import Entry, EntryKind, Transit
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import ElementLink

TODAY = date(2025, 6, 1)
AT = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def fd(iso: str, precision: str = "day", approximate: bool = False) -> FuzzyDate:
    return FuzzyDate(iso=date.fromisoformat(iso), precision=Precision(precision),
                     approximate=approximate)


def incident(on: str | FuzzyDate | None = "2022-05-03", **kw: Any) -> Incident:
    when = fd(on) if isinstance(on, str) else on
    kw.setdefault("place", "Market square, Tovin")
    kw.setdefault("perpetrator", Perpetrator.police)
    return Incident(date=when, **kw)


def arrival(on: str | FuzzyDate, **kw: Any) -> Entry:
    return Entry(kind=EntryKind.arrival, date=fd(on) if isinstance(on, str) else on, **kw)


def refuge_departure(on: str) -> Entry:
    return Entry(kind=EntryKind.departure, date=fd(on))


def transit(country: str, arrived: str, left: str | None = None, **kw: Any) -> Transit:
    return Transit(country=country, arrived=fd(arrived), left=fd(left) if left else None, **kw)


def legal_event(kind: LegalKind, start: str, end: str | None = None, **kw: Any) -> LegalEvent:
    return LegalEvent(kind=kind, start=fd(start), end=fd(end) if end else None, **kw)


def membership(organisation: str, start: str, end: str | None = None, **kw: Any) -> Membership:
    return Membership(organisation=organisation, start=fd(start), end=fd(end) if end else None,
                      **kw)


def activity(on: str, **kw: Any) -> Activity:
    return Activity(date=fd(on), **kw)


def record(**changes: Any) -> CaseRecord:
    """An empty record with nested answers set by dotted keys: record(**{"fear.who": "x"})."""
    r = CaseRecord()
    for dotted, value in changes.items():
        section, _, name = dotted.partition(".")
        setattr(getattr(r, section), name, value)
    return r


def strong_record() -> CaseRecord:
    """A well-answered fictional case (student journalist detained by the police)."""
    m = membership("Tovin Student Press", "2019-09-01", "2022-06-30", role="editor",
                   description="I edited the student paper that reported on arrests.")
    i1 = incident("2022-05-03", detained=YesNo.yes, end_date=fd("2022-05-06"),
                  what_happened="Officers took me from the square and beat me in a cell.",
                  why_targeted="They said my articles insulted the governor.",
                  words_said="You will stop writing or you will disappear.",
                  injuries="A broken wrist.", membership_id=m.id,
                  place="Central police station, Tovin",
                  target_reasons=[TargetReason.political_opinion],
                  injury_level=InjuryLevel.treated, detention_length=DetentionLength.days)
    i2 = incident("2022-07-10", what_happened="Police searched my family home.",
                  perpetrator=Perpetrator.police, place="Family home, Tovin")
    r = record(**{
        "about.family_name": "Orlan", "about.given_names": "Mira",
        "about.name_native_script": "Ορλαν Μιρα", "about.birth_date": fd("1998-02-11"),
        "about.birth_place": "Tovin, Republic of Estoria", "about.nationalities": ["XE"],
        "about.ethnicity": "Estorian", "about.religion": "None",
        "about.native_language": "Estorian",
        "beliefs.grounds": [Ground.political_opinion],
        "beliefs.beliefs_description": "I believe the press must be free to report arrests.",
        "beliefs.memberships": [m],
        "beliefs.activities": [activity("2021-03-01", description="I wrote about arrests.",
                                        membership_id=m.id)],
        "incidents.items": [i1, i2],
        "leaving.departure_date": fd("2022-08-01"),
        "leaving.route": [transit("Valmora", "2022-08-02", "2022-08-20",
                                  status_offered=YesNo.no)],
        "leaving.entries": [arrival("2022-08-21", place="Newark", status="B-2 visa")],
        "fear.who": "The police of Tovin.", "fear.what_harm": "Prison and beatings.",
        "fear.why": "Because of my articles.", "fear.still_looking": YesNo.yes,
        "fear.still_looking_detail": "They came to my mother's house in March.",
        "fear.torture_fear": YesNo.yes, "fear.torture_detail": "Beatings in a cell again.",
        "fear.relocation_possible": YesNo.no,
        "fear.relocation_why_not": "The police are national and check papers everywhere.",
        "screening.prior_applications": YesNo.no, "screening.returned_home": YesNo.no,
        "screening.harmed_others": YesNo.no, "screening.serious_crimes": YesNo.no,
        "screening.status_elsewhere": YesNo.no, "screening.armed_groups": YesNo.no,
        "timing.filed_on": fd("2023-05-01"),
    })
    return r


def link(element: str, path: str, linked: bool = True, minute: int = 0) -> ElementLink:
    return ElementLink(element=element, path=path, linked=linked, by=1,
                       at=AT.replace(minute=minute))


def i589_ready(r: CaseRecord) -> CaseRecord:
    """`r` with what Form I-589 asks besides the claim: marital status, English, the US
    residence, court history, the last address before coming, the parents, and Part D."""
    from asylum_prep.domain.background import Residence
    from asylum_prep.domain.form_details import CourtHistory
    from asylum_prep.domain.people import FamilyMember, MaritalStatus, Relation, Sex

    r.about.sex = Sex.female
    r.about.marital_status = MaritalStatus.single
    r.about.english_fluent = YesNo.no
    details = r.form_details
    details.residence_street, details.residence_city = "12 Elm Street", "Newark"
    details.residence_state, details.residence_zip = "NJ", "07102"
    details.court_history = CourtHistory.never
    details.family_helped = details.other_preparer = YesNo.no
    details.counsel_list_given = YesNo.yes
    details.groups_continue = YesNo.no
    r.background.residences = [Residence(street="4 Mill Road", city="Tovin", province="North",
                                         country="XE", moved_in=fd("2015-01-01"))]
    r.family.members = [
        FamilyMember(relation=Relation.parent, sex=sex, name=name, birth_place="Tovin",
                     where_now="Tovin")
        for sex, name in ((Sex.female, "Ana Orlan"), (Sex.male, "Petr Orlan"))]
    return r
