"""What the element rules share: their input, the grounds named in words, the next steps about
one incident, and how a test's parts make a strength.

The rules for who the applicant is and what was done to them live one module per element or
pair, each stating its rules: `rule_ground` (protected_ground), `rule_nexus` (nexus),
`rule_harm` (harm, past_persecution), `rule_protection` (agent_state_protection); the risk on
return, timing, bars and torture in `rule_fear`, `rule_relocation`, `rule_timeliness`,
`rule_bars` and `rule_torture` (sharing `risk_facts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import Incident, StateProtection
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Strength, TestPart
from asylum_prep.legal.deadline import DeadlineInfo

PROTECTION_EXPLAINED = frozenset({
    StateProtection.sought_refused, StateProtection.sought_failed,
    StateProtection.not_sought_pointless, StateProtection.not_sought_dangerous,
})


@dataclass(frozen=True)
class RuleInput:
    record: CaseRecord
    jurisdiction: str
    today: date
    country_evidence: Mapping[str, int]
    deadline: DeadlineInfo | None


# Each ground as the attorney names it, lower case: the names go inside sentences as a list
# ("Grounds are chosen (religion and political opinion) ..."), each translated on display.
GROUND_LABELS: dict[Ground, str] = {
    Ground.race: N_("race"),
    Ground.religion: N_("religion"),
    Ground.nationality: N_("nationality"),
    Ground.particular_social_group: N_("membership in a particular social group"),
    Ground.political_opinion: N_("political opinion"),
    Ground.imputed_political_opinion: N_("imputed political opinion"),
}


# Next steps about one incident: the wording for a dated incident ("in the incident of
# {date}") and for one without a date ("in the undated incident", never "in the incident of
# no date given").
INCIDENT_STEPS: dict[str, tuple[str, str]] = {
    "why": (N_("Ask why {who} targeted the applicant in the incident of {date}: no reason is "
               "stated."),
            N_("Ask why {who} targeted the applicant in the undated incident: no reason is "
               "stated.")),
    "what_done": (N_("Ask what was done to the applicant in the incident of {date}."),
                  N_("Ask what was done to the applicant in the undated incident.")),
    "severity_again": (N_("Ask what injuries, detention or lasting effects followed the "
                          "incident of {date}, and whether anything like it happened again."),
                       N_("Ask what injuries, detention or lasting effects followed the "
                          "undated incident, and whether anything like it happened again.")),
    "who_how": (N_("Ask who did this to the applicant in the incident of {date}, and how the "
                   "applicant knows."),
                N_("Ask who did this to the applicant in the undated incident, and how the "
                   "applicant knows.")),
    "police": (N_("Ask whether the applicant asked the police for protection after the "
                  "incident of {date}, what happened, or why not."),
               N_("Ask whether the applicant asked the police for protection after the "
                  "undated incident, what happened, or why not.")),
    "protection": (N_("Ask what happened when protection was sought after the incident of "
                      "{date}, or why it was not sought."),
                   N_("Ask what happened when protection was sought after the undated "
                      "incident, or why it was not sought.")),
    "treatment": (N_("Ask about medical treatment and records for the incident of {date}."),
                  N_("Ask about medical treatment and records for the undated incident.")),
    "how_badly": (N_("Ask how badly the applicant was hurt in the incident of {date}, and what "
                     "treatment followed."),
                  N_("Ask how badly the applicant was hurt in the undated incident, and what "
                     "treatment followed.")),
    "how_long": (N_("Ask how long the applicant was held in the incident of {date}, and in what "
                    "conditions."),
                 N_("Ask how long the applicant was held in the undated incident, and in what "
                    "conditions.")),
}


def incident_step(key: str, i: Incident, **params: object) -> tuple[str, dict[str, object]]:
    """The next step `key` about incident `i` and its parameters, dated or not."""
    dated, undated = INCIDENT_STEPS[key]
    if i.date is None:
        return undated, params
    return dated, {**params, "date": F.when(i)}


def grounds_text(record: CaseRecord) -> tuple[str, ...]:
    """The chosen grounds as a list parameter (msgids, in the order chosen, once each)."""
    return tuple(dict.fromkeys(GROUND_LABELS[g] for g in record.beliefs.grounds))


def described(record: CaseRecord) -> list[Incident]:
    return [i for i in record.incidents.items if i.what_happened.strip()]


def who(i: Incident) -> str:
    return F.PERPETRATOR[i.perpetrator]


def by_jurisdiction(inp: RuleInput, table: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The authorities-library ids for the case's jurisdiction (an empty tuple if none)."""
    return table.get(inp.jurisdiction, ())


def strength_of(parts: list[TestPart] | tuple[TestPart, ...]) -> Strength:
    """Every part met: supported; any part against: against; otherwise thin."""
    if any(p.status == "against" for p in parts):
        return "against"
    if parts and all(p.status == "met" for p in parts):
        return "supported"
    return "thin"
