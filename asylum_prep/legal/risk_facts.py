"""Facts and readings shared by the risk, timing, bar and torture rules.

- Choice answers (help given to an armed group, forced or voluntary, how long, what kind of
  group) become facts whose label names the choices as their translated choice labels; the
  text holds the same labels in English, never invented words.
- `claim_date`: when the claim was made, as far as the record says: the filing date, else the
  last arrival (the UK standard of proof depends on it: claims from 28 June 2022).
- `official_incidents`: incidents done by a state actor or where the authorities refused
  protection (acquiescence); `state_persecutor`: a state actor did at least one of them.
- `generalised_only`: every reason chosen for the incidents is "everyone was at risk",
  "ordinary crime" or "money or extortion" (Canada's generalised-risk exclusion,
  s.97(1)(b)(ii): crime for gain against people seen as wealthy is a risk faced generally by
  others, Prophète, 2009 FCA 31; a personal targeting can take it outside, so the note says to
  verify);
  `generalised_facts`: then, what the applicant said about why, as facts against.
- `past_persecution_shown`: a described incident with injuries or detention by a known actor
  (the presumptions of 8 CFR 1208.13(b)(1) and (b)(3)(ii) rest on it).
"""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import (
    STATE_ACTORS,
    Incident,
    InjuryLevel,
    Perpetrator,
    StateProtection,
    TargetReason,
)
from asylum_prep.domain.journey import ArmedGroupKind, Duration, HelpKind, Voluntariness
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal import spans
from asylum_prep.legal.assessment import Fact
from asylum_prep.legal.deadline import DeadlineInfo, last_arrival

HELP_LABELS: dict[HelpKind, str] = {
    HelpKind.fought: N_("fighting"),
    HelpKind.food: N_("food or cooking"),
    HelpKind.money: N_("money"),
    HelpKind.shelter: N_("a place to stay or hide"),
    HelpKind.transport: N_("carrying people or things"),
    HelpKind.labour: N_("other work"),
    HelpKind.information: N_("information"),
    HelpKind.recruiting: N_("recruiting"),
    HelpKind.other: N_("other help"),
}
VOLUNTARY_LABELS: dict[Voluntariness, str] = {
    Voluntariness.voluntary: N_("by choice"),
    Voluntariness.forced: N_("under threat or by force"),
    Voluntariness.both: N_("partly by choice, partly forced"),
}
KIND_LABELS: dict[ArmedGroupKind, str] = {
    ArmedGroupKind.state_forces: N_("the national army or police"),
    ArmedGroupKind.non_state: N_("an armed group that is not the state's"),
}
DURATION_LABELS: dict[Duration, str] = {
    Duration.once: N_("once"),
    Duration.days: N_("for days"),
    Duration.weeks: N_("for weeks"),
    Duration.months: N_("for months"),
    Duration.years: N_("for years"),
}
GENERALISED = frozenset({TargetReason.everyone_at_risk, TargetReason.ordinary_crime,
                         TargetReason.money})
GENERALISED_NOTE = N_("The only reasons chosen are money or extortion, an ordinary crime, or that "
                      "everyone was at risk: a risk faced generally by others in the country is "
                      "excluded from s.97 (Prophète); verify whether the applicant was singled "
                      "out personally.")
NABA_FROM = date(2022, 6, 28)  # Nationality and Borders Act 2022 ss.31-36 apply from here


def choice_fact(path: str, template: str, labels: tuple[str, ...]) -> Fact | None:
    """A fact for chosen answers: `template` has `{choices}`, filled with the choice labels."""
    if not labels:
        return None
    return F.make(path, template, ", ".join(labels), choices=labels)


def armed_group_facts(r: CaseRecord) -> list[Fact]:
    s = r.screening
    found = [
        choice_fact("screening.armed_group_kind", N_("Kind of armed group: {choices}"),
                    tuple(KIND_LABELS[k] for k in (s.armed_group_kind,) if k in KIND_LABELS)),
        choice_fact("screening.armed_group_help", N_("Help given: {choices}"),
                    tuple(dict.fromkeys(HELP_LABELS[h] for h in s.armed_group_help))),
        choice_fact("screening.armed_group_voluntary", N_("By choice or forced: {choices}"),
                    tuple(VOLUNTARY_LABELS[v] for v in (s.armed_group_voluntary,)
                          if v in VOLUNTARY_LABELS)),
        choice_fact("screening.armed_group_duration", N_("How long: {choices}"),
                    tuple(DURATION_LABELS[d] for d in (s.armed_group_duration,)
                          if d in DURATION_LABELS)),
    ]
    return [f for f in found if f is not None]


def harmed_others_facts(r: CaseRecord) -> list[Fact]:
    v = r.screening.harmed_others_voluntary
    fact = choice_fact("screening.harmed_others_voluntary", N_("By choice or forced: {choices}"),
                       (VOLUNTARY_LABELS[v],) if v in VOLUNTARY_LABELS else ())
    return F.answers(r, "screening.harmed_others_detail") + ([fact] if fact else [])


def claim_date(r: CaseRecord, deadline: DeadlineInfo | None) -> date | None:
    if r.timing.filed_on is not None:
        return spans.earliest(r.timing.filed_on)
    if deadline is not None and deadline.last_arrival is not None:
        return deadline.last_arrival
    entry = last_arrival(r)
    return spans.earliest(entry.date) if entry is not None and entry.date else None


def official_incidents(r: CaseRecord) -> list[Incident]:
    return [i for i in r.incidents.items if i.perpetrator in STATE_ACTORS
            or i.state_protection is StateProtection.sought_refused]


def state_persecutor(r: CaseRecord) -> Incident | None:
    return next((i for i in r.incidents.items if i.perpetrator in STATE_ACTORS), None)


def generalised_only(r: CaseRecord) -> bool:
    reasons = {x for i in r.incidents.items for x in i.target_reasons}
    return bool(reasons) and reasons <= GENERALISED


def generalised_facts(r: CaseRecord) -> list[Fact]:
    """When the risk is only a generalised one: what the applicant said about why (against)."""
    if not generalised_only(r):
        return []
    return [f for i in r.incidents.items if i.target_reasons
            for f in F.incident_facts(i, "why_targeted")]


def hurt(i: Incident) -> bool:
    """Injured or detained: an injury level of "none" is not an injury."""
    if i.detained is YesNo.yes:
        return True
    if i.injury_level in (InjuryLevel.minor, InjuryLevel.treated, InjuryLevel.lasting):
        return True
    return i.injury_level is InjuryLevel.unknown and bool(i.injuries.strip())


def past_persecution_shown(r: CaseRecord) -> Incident | None:
    return next((i for i in r.incidents.items if i.what_happened.strip() and hurt(i)
                 and i.perpetrator is not Perpetrator.unknown), None)
