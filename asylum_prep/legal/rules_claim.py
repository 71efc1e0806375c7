"""Element rules for who the applicant is and what was done to them.

Strength rules (every result carries its reason and a next step naming the gap):
- protected_ground: missing when no ground is chosen; thin when a particular social group or an
  attributed opinion is chosen without describing it, or when no answer (description,
  membership, activity) stands behind the grounds; supported otherwise.
- nexus: missing when no ground is chosen; supported when at least one incident states why the
  applicant was targeted, what was said, or is tied to a membership; thin when only the fear of
  return says why, or nothing does. The rules check that a reason is stated in the applicant's
  words; whether it is a Convention ground is the attorney's judgment.
- harm: supported when an incident describes what was done and records injuries or detention,
  or when two or more incidents describe harm (repetition, accumulation); thin with a single
  described incident without injuries or detention, incidents without a description, or only
  feared harm or harm to others; missing when nothing is described.
- agent_state_protection: supported when a state actor did the harm, or a non-state actor did
  and the answers explain that protection was sought and failed or would have been futile or
  dangerous; thin when the perpetrator is unknown, protection is unanswered or unexplained, or
  only the fear of return names who; missing when no answer says who.
- past_persecution: supported when a described incident with a known perpetrator records
  injuries or detention, or two or more incidents describe harm; thin when past harm is
  described but its severity or author is not; missing without any described past harm.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import STATE_ACTORS, Incident, Perpetrator, StateProtection
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, plural, result
from asylum_prep.legal.deadline import DeadlineInfo
from asylum_prep.legal.spans import show

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
    "severity": (N_("Ask what injuries, detention or lasting effects followed the incident of "
                    "{date}."),
                 N_("Ask what injuries, detention or lasting effects followed the undated "
                    "incident.")),
    "severity_again": (N_("Ask what injuries, detention or lasting effects followed the "
                          "incident of {date}, and whether anything like it happened again."),
                       N_("Ask what injuries, detention or lasting effects followed the "
                          "undated incident, and whether anything like it happened again.")),
    "who": (N_("Ask who did this to the applicant in the incident of {date}."),
            N_("Ask who did this to the applicant in the undated incident.")),
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


def severe(i: Incident) -> bool:
    return bool(i.injuries.strip()) or i.detained is YesNo.yes


def who(i: Incident) -> str:
    return F.PERPETRATOR[i.perpetrator]


def protected_ground(inp: RuleInput) -> RuleResult:
    r = inp.record
    b = r.beliefs
    facts: list[Fact] = F.answers(r, "beliefs.beliefs_description",
                                  "beliefs.social_group_description",
                                  "beliefs.attributed_opinion_description")
    for m in b.memberships:
        text = m.description or m.role or m.organisation
        if text.strip():
            facts.append(F.make(f"beliefs.memberships.{m.id}", N_("Membership: {organisation}"),
                                text, organisation=m.organisation or "?"))
    for a in b.activities:
        if a.description.strip():
            facts.append(F.make(f"beliefs.activities.{a.id}", N_("Activity ({date})"),
                                a.description, date=show(a.date) if a.date else F.NO_DATE))
    if Ground.religion in b.grounds:
        facts += F.answers(r, "about.religion")
    if Ground.race in b.grounds or Ground.nationality in b.grounds:
        facts += F.answers(r, "about.ethnicity")
    if not b.grounds:
        return result("missing", facts, N_("No protected ground is chosen."),
                      N_("Ask which ground fits: race, religion, nationality, a particular "
                         "social group or political opinion (including one attributed to the "
                         "applicant)."))
    g = grounds_text(r)
    if Ground.particular_social_group in b.grounds and not b.social_group_description.strip():
        return result("thin", facts, N_("A particular social group is chosen but the group is "
                                        "not described."),
                      N_("Ask the applicant to describe the group: what its members share and "
                         "how others recognise them."))
    if (Ground.imputed_political_opinion in b.grounds
            and not b.attributed_opinion_description.strip()):
        return result("thin", facts, N_("An attributed political opinion is chosen but no answer "
                                        "says what opinion was attributed."),
                      N_("Ask what opinion the persecutors believed the applicant held, and "
                         "what made them believe it."))
    if not facts:
        return result("thin", facts, N_("Grounds are chosen ({grounds}) but no answer describes "
                                        "the belief, identity or activity behind them."),
                      N_("Ask what the applicant believes, does or is that is tied to "
                         "{grounds}."), reason_params={"grounds": g}, next_params={"grounds": g})
    return result("supported", facts, plural("Grounds are chosen ({grounds}) and {n} answer "
                                             "describes them.",
                                             "Grounds are chosen ({grounds}) and {n} answers "
                                             "describe them."),
                  N_("Check that each answer shows the ground, not only sympathy for it."),
                  reason_params={"grounds": g, "n": len(facts)})


def nexus(inp: RuleInput) -> RuleResult:
    r = inp.record
    memberships = {m.id: m for m in r.beliefs.memberships}
    facts: list[Fact] = []
    with_reason: list[Incident] = []
    for i in r.incidents.items:
        found = F.incident_facts(i, "why_targeted", "words_said")
        m = memberships.get(i.membership_id)
        if m is not None and m.organisation.strip():
            found.append(F.make(f"incidents.items.{i.id}.membership_id",
                                N_("Tied to a membership ({date})"), m.organisation,
                                date=F.when(i)))
        facts += found
        if found:
            with_reason.append(i)
    facts += F.answers(r, "fear.why")
    lacking = [i for i in r.incidents.items if i not in with_reason]
    if not r.beliefs.grounds:
        return result("missing", facts, N_("No protected ground is chosen, so no connection to "
                                           "one can be shown."),
                      N_("Establish the ground first (see the protected ground), then ask why "
                         "they targeted the applicant."))
    g = grounds_text(r)
    if with_reason:
        params: dict[str, object]
        if lacking:
            step, params = incident_step("why", lacking[0], who=who(lacking[0]))
        else:
            step, params = (N_("Check that the stated reasons are tied to {grounds}; the rules "
                               "cannot judge that."), {"grounds": g})
        # counted by the incidents in all ({n}); those with a reason ({k}) in words that
        # read the same for any number ("in 1 of 3", "in 2 of 3")
        return result("supported", facts,
                      plural("Why the applicant was targeted, or what was said, is stated in {k} "
                             "of {n} incident.",
                             "Why the applicant was targeted, or what was said, is stated in {k} "
                             "of {n} incidents."), step,
                      reason_params={"k": len(with_reason), "n": len(r.incidents.items)},
                      next_params=params)
    if lacking:
        step, params = incident_step("why", lacking[0], who=who(lacking[0]))
        return result("thin", facts, N_("No incident says why the applicant was targeted or what "
                                        "was said."), step, next_params=params)
    if facts:
        return result("thin", facts, N_("Only the fear of return says why; no past incident "
                                        "does."),
                      N_("Ask what the persecutors said or did that shows why they target the "
                         "applicant."))
    return result("thin", facts, N_("A ground is chosen ({grounds}) but no answer says why the "
                                    "applicant was or would be targeted."),
                  N_("Ask why the applicant was or would be targeted, and what was said that "
                     "shows it."), reason_params={"grounds": g})


def harm(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts: list[Fact] = []
    for i in r.incidents.items:
        facts += F.incident_facts(i, "what_happened", "injuries")
    for o in r.harm_to_others.others:
        if o.what_happened.strip():
            facts.append(F.make(f"harm_to_others.others.{o.id}", N_("Harm to {relation}"),
                                o.what_happened, relation=o.relation or o.person or "?"))
    facts += F.answers(r, "fear.what_harm")
    done = described(r)
    heavy = [i for i in done if severe(i)]
    if heavy or len(done) >= 2:
        return result("supported", facts,
                      plural("{n} incident describes harm ({m} with injuries or detention).",
                             "{n} incidents describe harm ({m} with injuries or detention)."),
                      N_("Check that each incident gives date, place, who, exact words and "
                         "injuries."), reason_params={"n": len(done), "m": len(heavy)})
    if done:
        step, params = incident_step("severity_again", done[0])
        return result("thin", facts, N_("One incident describes harm, without injuries or "
                                        "detention recorded."), step, next_params=params)
    if r.incidents.items:
        step, params = incident_step("what_done", r.incidents.items[0])
        return result("thin", facts, N_("Incidents are listed but none says what was done."),
                      step, next_params=params)
    if facts:
        return result("thin", facts, N_("No past harm to the applicant is described; the claim "
                                        "rests on feared harm or harm to others."),
                      N_("Ask whether anything has already happened to the applicant, and what "
                         "exactly they fear would be done to them."))
    return result("missing", facts, N_("No harm, past or feared, is described."),
                  N_("Ask what happened to the applicant and what harm they fear on return."))


def agent_state_protection(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts: list[Fact] = []
    for i in r.incidents.items:
        facts += F.incident_facts(i, "perpetrator_detail", "state_protection_detail",
                                  "report_result")
    facts += F.answers(r, "fear.who")
    items = r.incidents.items
    state = [i for i in items if i.perpetrator in STATE_ACTORS]
    explained = [i for i in items if i.perpetrator is Perpetrator.non_state
                 and i.state_protection in PROTECTION_EXPLAINED
                 and (i.state_protection_detail.strip() or i.report_result.strip())]
    if state:
        return result("supported", facts, N_("State actors did the harm ({who}, {date})."),
                      N_("Ask for names, ranks, uniforms or places that show who they were."),
                      reason_params={"who": who(state[0]), "date": F.when(state[0])})
    if explained:
        return result("supported", facts, N_("A non-state actor did the harm, and the answers "
                                             "explain why the state did not protect."),
                      N_("Support the failure of protection with country conditions."))
    unknown = [i for i in items if i.perpetrator is Perpetrator.unknown]
    if unknown:
        step, params = incident_step("who_how", unknown[0])
        return result("thin", facts, N_("No incident says who did it."), step,
                      next_params=params)
    if items:
        i = items[0]
        if i.state_protection is StateProtection.unknown:
            step, params = incident_step("police", i)
            return result("thin", facts, N_("A non-state actor did the harm, but no answer says "
                                            "whether the state was asked for protection."),
                          step, next_params=params)
        step, params = incident_step("protection", i)
        return result("thin", facts, N_("A non-state actor did the harm, and the answers do not "
                                        "explain why the state did not protect."), step,
                      next_params=params)
    if facts:
        return result("thin", facts, N_("Only the fear of return names who; no incident does."),
                      N_("Ask whether the people the applicant fears act for the state, and "
                         "whether the state protects against them."))
    return result("missing", facts, N_("No answer says who harmed or threatens the applicant."),
                  N_("Ask who harmed the applicant or whom they fear."))


def past_persecution(inp: RuleInput) -> RuleResult:
    r = inp.record
    done = described(r)
    facts: list[Fact] = []
    for i in done:
        facts += F.incident_facts(i, "what_happened", "injuries", "treatment")
    if not done:
        return result("missing", facts, N_("No past harm to the applicant is described."),
                      N_("Ask whether the applicant was ever harmed, detained or threatened; "
                         "without it the claim rests on future fear alone."))
    strong = [i for i in done if severe(i) and i.perpetrator is not Perpetrator.unknown]
    if strong or len(done) >= 2:
        step, params = incident_step("treatment", (strong or done)[0])
        return result("supported", facts,
                      plural("{n} incident of past harm is described ({m} with injuries or "
                             "detention by a known actor).",
                             "{n} incidents of past harm are described ({m} with injuries or "
                             "detention by a known actor)."), step,
                      reason_params={"n": len(done), "m": len(strong)}, next_params=params)
    i = done[0]
    if i.perpetrator is Perpetrator.unknown:
        step, params = incident_step("who", i)
        return result("thin", facts, N_("Past harm is described but not who did it."), step,
                      next_params=params)
    step, params = incident_step("severity", i)
    return result("thin", facts, N_("Past harm is described, but its severity is not."), step,
                  next_params=params)
