"""Wizard parts 4 and 5: incidents of harm, harm to others, and legal events abroad."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text, YesNo
from asylum_prep.domain.dates import FuzzyDate


class Perpetrator(StrEnum):
    police = "police"
    army = "army"
    intelligence = "intelligence"
    state_militia = "state_militia"
    officials = "officials"
    non_state = "non_state"
    unknown = "unknown"


STATE_ACTORS = frozenset(
    {Perpetrator.police, Perpetrator.army, Perpetrator.intelligence, Perpetrator.state_militia,
     Perpetrator.officials}
)


class StateProtection(StrEnum):
    not_applicable = "not_applicable"
    sought_refused = "sought_refused"
    sought_failed = "sought_failed"
    not_sought_pointless = "not_sought_pointless"
    not_sought_dangerous = "not_sought_dangerous"
    unknown = "unknown"


class Incident(Item):
    date: FuzzyDate | None = None
    end_date: FuzzyDate | None = None
    place: Short = ""
    perpetrator: Perpetrator = Perpetrator.unknown
    perpetrator_detail: Short = ""
    state_protection: StateProtection = StateProtection.unknown
    state_protection_detail: Text = ""
    what_happened: Text = ""
    words_said: Text = ""
    why_targeted: Text = ""
    detained: YesNo = YesNo.unknown
    injuries: Text = ""
    treatment: Text = ""
    witnesses: Text = ""
    reported: YesNo = YesNo.unknown
    report_result: Text = ""
    evidence_note: Text = ""
    membership_id: str = ""


class OtherHarm(Item):
    person: Short = ""
    relation: Short = ""
    date: FuzzyDate | None = None
    perpetrator: Perpetrator = Perpetrator.unknown
    what_happened: Text = ""
    why: Text = ""


class LegalKind(StrEnum):
    accusation = "accusation"
    summons = "summons"
    warrant = "warrant"
    charge = "charge"
    arrest = "arrest"
    detention = "detention"
    court_case = "court_case"
    conviction = "conviction"


class LegalEvent(Item):
    kind: LegalKind = LegalKind.accusation
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    place: Short = ""
    authority: Short = ""
    description: Text = ""
    outcome: Text = ""


class HarmToOthers(Model):
    others: list[OtherHarm] = Field(default_factory=list)
    legal_events: list[LegalEvent] = Field(default_factory=list)


class Incidents(Model):
    items: list[Incident] = Field(default_factory=list)
