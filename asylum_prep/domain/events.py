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


class InjuryLevel(StrEnum):
    """How badly the applicant was hurt, as she would say it (the detail stays in `injuries`)."""

    none = "none"
    minor = "minor"  # hurt, but no treatment needed
    treated = "treated"  # needed medical treatment
    lasting = "lasting"  # lasting harm: scars, disability, trauma that stays
    unknown = "unknown"


class DetentionLength(StrEnum):
    hours = "hours"  # less than a day
    days = "days"  # one day to a week
    weeks = "weeks"  # more than a week, up to a month
    months = "months"  # more than a month
    unknown = "unknown"


class Frequency(StrEnum):
    once = "once"
    several = "several"  # a few times
    many = "many"  # many times, or all the time
    unknown = "unknown"


class TargetReason(StrEnum):
    """Why the applicant thinks they were targeted: the grounds, then the reasons that defeat
    nexus. Several may be chosen (mixed motives)."""

    political_opinion = "political_opinion"  # my political views or activity
    imputed_political_opinion = "imputed_political_opinion"  # they thought I held views
    religion = "religion"
    race = "race"  # my ethnic group or race
    nationality = "nationality"
    particular_social_group = "particular_social_group"  # a group I belong to (family, ...)
    money = "money"  # money or extortion
    recruitment = "recruitment"  # they wanted me to join or work for them
    personal_dispute = "personal_dispute"  # a personal dispute or revenge
    ordinary_crime = "ordinary_crime"  # an ordinary crime, like a robbery
    everyone_at_risk = "everyone_at_risk"  # everyone there was at risk
    dont_know = "dont_know"


GROUND_REASONS = frozenset({
    TargetReason.political_opinion, TargetReason.imputed_political_opinion,
    TargetReason.religion, TargetReason.race, TargetReason.nationality,
    TargetReason.particular_social_group,
})
NEXUS_DEFEATERS = frozenset({
    TargetReason.money, TargetReason.recruitment, TargetReason.personal_dispute,
    TargetReason.ordinary_crime, TargetReason.everyone_at_risk,
})


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
    target_reasons: list[TargetReason] = Field(default_factory=list)
    threatened: YesNo = YesNo.unknown
    threat_frequency: Frequency = Frequency.unknown
    threat_carried_out: YesNo = YesNo.unknown
    detained: YesNo = YesNo.unknown
    detention_length: DetentionLength = DetentionLength.unknown
    injury_level: InjuryLevel = InjuryLevel.unknown
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
