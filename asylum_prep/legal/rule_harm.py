"""The harm and past-persecution elements: what was done to the applicant, and whether it was
persecution.

harm: persecution is severe harm (US: Matter of T-Z-; EU art. 9(1)). Decided on the structured
answers per incident; its parts are alternative routes to severity, so the element is
supported when any part is met:
- injuries: met when an injury needed treatment or left lasting harm; not shown when only
  minor, when the injury level is unknown although injuries are described ("ask how badly"),
  or when the applicant chose "not hurt": an answer of none is never an injury, whatever the
  free text says, and it is quoted as a fact against.
- detention: met when held a day or more; not shown when held for hours, or for an unknown time.
- threats: met when repeated or carried out; an unfulfilled threat made once is not shown
  (unfulfilled threats alone are usually not persecution).
- cumulative: with two or more described incidents, met when at least two carry injuries,
  detention or threats: harm taken together (Matter of O-Z- & I-Z-; EU art. 9(1)(b)).
Strength: supported when any part is met; thin when harm is described but no part is met, or
only feared harm or harm to others is; missing when nothing is. Canada's s.97 harms (risk to
life, cruel and unusual treatment) are read on the same answers.

past_persecution (US, EU): past harm rising to persecution (the harm rule), on account of a
ground (the nexus rule) and by the state or an actor it does not control (the
agent rule) raises the presumption of a well-founded fear (8 CFR 1208.13(b)(1)); in the EU it
is a serious indication of it (art. 4(4)). Strength: missing without described past harm;
against when nexus is against; supported when the three parts are met; thin
otherwise. US only, a fourth part that never lowers the strength: humanitarian asylum (8 CFR
1208.13(b)(1)(iii)), met when an incident left lasting injuries or a detention of weeks or more
with injuries (severe past persecution, Matter of Chen); otherwise not shown, and the attorney
weighs other serious harm on return (Matter of L-S-).
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import DetentionLength, Frequency, Incident, InjuryLevel
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import (
    Fact,
    PartStatus,
    RuleResult,
    TestPart,
    part,
    plural,
    result,
)
from asylum_prep.legal.rule_nexus import nexus
from asylum_prep.legal.rule_protection import agent_state_protection
from asylum_prep.legal.rules_claim import (
    RuleInput,
    by_jurisdiction,
    described,
    incident_step,
    strength_of,
)

HARM = {"us": ("ina-101-a-42", "t-z"), "uk": ("refugee-convention-1a2",),
        "ca": ("irpa-96", "irpa-97"), "eu": ("qd-2011-95-art-9",)}
CUMULATIVE = {"us": ("o-z-i-z",), "eu": ("qd-2011-95-art-9",)}
PAST = {"us": ("8-cfr-1208-13-b-1",), "eu": ("qd-2011-95-art-4",)}
HUMANITARIAN = ("8-cfr-1208-13-b-1-iii", "chen", "l-s")
LONG = frozenset({DetentionLength.weeks, DetentionLength.months})
HURT = frozenset({InjuryLevel.minor, InjuryLevel.treated, InjuryLevel.lasting})

# How an incident bears on each route: route -> reading -> (status, note).
NOTES: dict[str, dict[str, tuple[PartStatus, str]]] = {
    "injuries": {
        "serious": ("met", N_("An injury needed treatment or left lasting harm ({date}).")),
        "minor": ("not_shown", N_("Only minor injuries are recorded ({date}); on their own "
                                  "they may not be severe enough.")),
        "ask": ("not_shown", N_("Injuries are described but not how badly ({date}).")),
        "none": ("not_shown", N_("The applicant chose \"not hurt\" ({date}): an answer of none "
                                 "is not an injury.")),
    },
    "detention": {
        "serious": ("met", N_("The applicant was detained for a day or more ({date}).")),
        "hours": ("not_shown", N_("The applicant was detained for less than a day ({date}); a "
                                  "short detention alone is usually not severe enough.")),
        "ask": ("not_shown", N_("The applicant was detained, but no answer says for how long "
                                "({date}).")),
    },
    "threats": {
        "serious": ("met", N_("The threats were repeated or carried out ({date}).")),
        "once": ("not_shown", N_("A threat that was not carried out ({date}) is usually not "
                                 "severe enough on its own.")),
    },
}
RANK = ("serious", "minor", "hours", "once", "ask", "none")
LABELS = {"injuries": N_("Injuries"), "detention": N_("Detention"), "threats": N_("Threats")}


def injury(i: Incident) -> str:
    if i.injury_level in (InjuryLevel.treated, InjuryLevel.lasting):
        return "serious"
    if i.injury_level is InjuryLevel.minor:
        return "minor"
    if i.injury_level is InjuryLevel.none:
        return "none"
    return "ask" if i.injuries.strip() else ""


def detention(i: Incident) -> str:
    if i.detained is not YesNo.yes:
        return ""
    if i.detention_length is DetentionLength.hours:
        return "hours"
    return "ask" if i.detention_length is DetentionLength.unknown else "serious"


def threat(i: Incident) -> str:
    if i.threatened is not YesNo.yes:
        return ""
    repeated = i.threat_frequency in (Frequency.several, Frequency.many)
    return "serious" if repeated or i.threat_carried_out is YesNo.yes else "once"


READERS = {"injuries": injury, "detention": detention, "threats": threat}


def harmed(i: Incident) -> bool:
    """Any injury, detention or threat recorded on the incident."""
    return i.injury_level in HURT or i.detained is YesNo.yes or i.threatened is YesNo.yes


def _route_parts(inp: RuleInput) -> tuple[list[TestPart], dict[str, Incident]]:
    """One part per route the answers touch, with the incident that decides it."""
    parts: list[TestPart] = []
    deciding: dict[str, Incident] = {}
    auth = by_jurisdiction(inp, HARM)
    for route, read in READERS.items():
        found = [(read(i), i) for i in inp.record.incidents.items if read(i)]
        if not found:
            continue
        kind, i = min(found, key=lambda x: RANK.index(x[0]))
        status, note = NOTES[route][kind]
        parts.append(part(route, LABELS[route], status, note, authorities=auth, date=F.when(i)))
        deciding[route] = i
    done = described(inp.record)
    if len(done) >= 2:
        n_harmed = len([i for i in done if harmed(i)])
        parts.append(part("cumulative", N_("Harm taken together (cumulative)"),
                          "met" if n_harmed >= 2 else "not_shown",
                          plural("{n} incident describes harm ({m} with injuries or detention).",
                                 "{n} incidents describe harm ({m} with injuries or "
                                 "detention)."),
                          authorities=by_jurisdiction(inp, CUMULATIVE) or auth,
                          n=len(done), m=n_harmed))
    return parts, deciding


def harm(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts: list[Fact] = []
    against: list[Fact] = []
    for i in r.incidents.items:
        facts += F.incident_facts(i, "what_happened")
        hurt = F.incident_facts(i, "injuries")
        level = F.incident_choice(i, "injury_level")
        if i.injury_level is InjuryLevel.none:
            against += hurt + ([level] if level else [])
        else:
            facts += hurt + ([level] if level else [])
        facts += [f for f in (F.incident_choice(i, "detention_length"),
                              F.incident_choice(i, "threatened")) if f]
    for o in r.harm_to_others.others:
        if o.what_happened.strip():
            facts.append(F.make(f"harm_to_others.others.{o.id}", N_("Harm to {relation}"),
                                o.what_happened, relation=o.relation or o.person or "?"))
    facts += F.answers(r, "fear.what_harm")
    parts, deciding = _route_parts(inp)
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities)) or \
        by_jurisdiction(inp, HARM)
    met = [p for p in parts if p.status == "met"]
    done = described(r)
    if met:
        p = met[0]
        i = deciding.get(p.key) or done[0]
        step, params = incident_step("treatment", i)
        return result("supported", facts, p.note, step, reason_params=dict(p.note_params),
                      next_params=params, parts=parts, against=against, authorities=auth)
    if parts:
        p = parts[0]
        i = deciding.get(p.key) or done[0]
        key = {"injuries": "how_badly" if injury(i) == "ask" else "severity_again",
               "detention": "how_long"}.get(p.key, "severity_again")
        step, params = incident_step(key, i)
        return result("thin", facts, p.note, step, reason_params=dict(p.note_params),
                      next_params=params, parts=parts, against=against, authorities=auth)
    if done:
        step, params = incident_step("severity_again", done[0])
        return result("thin", facts, N_("One incident describes harm, without injuries or "
                                        "detention recorded."), step, next_params=params,
                      against=against, authorities=auth)
    if r.incidents.items:
        step, params = incident_step("what_done", r.incidents.items[0])
        return result("thin", facts, N_("Incidents are listed but none says what was done."),
                      step, next_params=params, against=against, authorities=auth)
    if facts:
        return result("thin", facts, N_("No past harm to the applicant is described; the claim "
                                        "rests on feared harm or harm to others."),
                      N_("Ask whether anything has already happened to the applicant, and what "
                         "exactly they fear would be done to them."), authorities=auth)
    return result("missing", facts, N_("No harm, past or feared, is described."),
                  N_("Ask what happened to the applicant and what harm they fear on return."))


def _humanitarian(inp: RuleInput) -> TestPart:
    label = N_("Humanitarian asylum")
    for i in described(inp.record):
        if i.injury_level is InjuryLevel.lasting or (
                i.detained is YesNo.yes and i.detention_length in LONG
                and i.injury_level in HURT):
            return part("humanitarian", label, "met", N_(
                "Lasting injuries or a long detention with injuries ({date}) may be severe past "
                "persecution, which can support humanitarian asylum even if the presumption is "
                "rebutted."), authorities=HUMANITARIAN, date=F.when(i))
    return part("humanitarian", label, "not_shown", N_(
        "Humanitarian asylum needs severe past persecution or a reasonable possibility of other "
        "serious harm on return; neither is shown yet."), authorities=HUMANITARIAN)


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
    auth = by_jurisdiction(inp, PAST)
    severity, motive, agent = harm(inp), nexus(inp), agent_state_protection(inp)
    parts = [
        part("past_harm", N_("Past harm rising to persecution"),
             "met" if severity.strength == "supported" else "not_shown", severity.reason,
             authorities=auth, **dict(severity.reason_params)),
        part("on_ground", N_("On account of a ground"),
             "met" if motive.strength == "supported" else
             "against" if motive.strength == "against" else "not_shown", motive.reason,
             authorities=motive.authorities, **dict(motive.reason_params)),
        part("by_agent", N_("By the state or an actor it does not control"),
             "met" if agent.strength == "supported" else "not_shown", agent.reason,
             authorities=agent.authorities, **dict(agent.reason_params)),
    ]
    strength = strength_of(parts)
    extra = [_humanitarian(inp)] if inp.jurisdiction == "us" else []
    against = list(severity.against) + list(motive.against)
    every = tuple(dict.fromkeys(a for p in parts + extra for a in p.authorities))
    if strength == "supported":
        reason = (N_("Past persecution on a ground, by the state or an actor it does not "
                     "control, is described: it raises the presumption of a well-founded "
                     "fear.") if inp.jurisdiction == "us" else
                  N_("Past persecution on a ground, by the state or an actor it does not "
                     "control, is described: it is a serious indication of a well-founded "
                     "fear."))
        i = done[0]
        step, params = incident_step("treatment", i)
        return result("supported", facts, reason, step, next_params=params,
                      parts=parts + extra, against=against, authorities=every)
    want = "against" if strength == "against" else "not_shown"
    p = next(x for x in parts if x.status == want)
    source = {"past_harm": severity, "on_ground": motive, "by_agent": agent}[p.key]
    return result(strength, facts, p.note, source.next_step,
                  reason_params=dict(p.note_params), next_params=dict(source.next_params),
                  parts=parts + extra, against=against, authorities=every)
