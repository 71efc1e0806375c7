"""The agent-of-persecution and state-protection element.

Parts (each met / not shown / against):
- agent: met when an incident says who did it (a state actor or a non-state actor); not shown
  when every incident says "unknown", or only the fear of return names who.
- protection: met when a state actor did the harm (the state itself persecutes); for a
  non-state actor, met when protection was sought and refused or failed, or not sought because
  it was pointless or dangerous, and the answers explain what happened (US: the government is
  unable or unwilling to control the actor; UK: no sufficiency of protection, Horvath; EU:
  actors of protection, art. 7). Canada presumes the state can protect (Ward): there, not
  asking the police stays "not shown" until clear and convincing evidence rebuts the
  presumption. In the UK, not asking is met only with country evidence attached to this
  element (inp.country_evidence["agent_state_protection"]): Horvath's test is whether the state
  has a system of criminal law against the harm and a reasonable willingness to enforce it,
  which the applicant's reason for not asking cannot show alone. Unanswered or unexplained
  protection: not shown.
- nationalities (only when the applicant has more than one nationality): not shown, for the
  attorney to check. A refugee must lack the protection of each country of nationality
  (Refugee Convention art. 1A(2), second paragraph; US: "any country of such person's
  nationality", INA 101(a)(42)(A); Canada: Ward, where the claim was remitted because the
  protection of his second nationality was never examined); the answers cannot show it.
Strength: missing when no answer says who; supported when both parts are met; thin otherwise.
The reason is the note of the part that decides it.
"""

from __future__ import annotations

from asylum_prep.domain.events import STATE_ACTORS, Perpetrator, StateProtection
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, TestPart, part, result
from asylum_prep.legal.rules_claim import (
    PROTECTION_EXPLAINED,
    RuleInput,
    by_jurisdiction,
    incident_step,
    strength_of,
    who,
)

AGENT = {"us": ("ina-101-a-42",), "uk": ("refugee-convention-1a2",), "ca": ("irpa-96",),
         "eu": ("qd-2011-95-art-6",)}
PROTECTION = {"us": ("ina-101-a-42",), "uk": ("horvath", "naba-2022-s34"), "ca": ("ward",),
              "eu": ("qd-2011-95-art-7",)}
NATIONALITIES = {"us": ("ina-101-a-42",), "uk": ("refugee-convention-1a2",),
                 "ca": ("ward", "refugee-convention-1a2"), "eu": ("refugee-convention-1a2",)}
NOT_SOUGHT = frozenset({StateProtection.not_sought_pointless,
                        StateProtection.not_sought_dangerous})


def agent_state_protection(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts: list[Fact] = []
    for i in r.incidents.items:
        facts += F.incident_facts(i, "perpetrator_detail", "state_protection_detail",
                                  "report_result")
    facts += F.answers(r, "fear.who")
    items = r.incidents.items
    known = [i for i in items if i.perpetrator is not Perpetrator.unknown]
    state = [i for i in items if i.perpetrator in STATE_ACTORS]
    explained = [i for i in items if i.perpetrator is Perpetrator.non_state
                 and i.state_protection in PROTECTION_EXPLAINED
                 and (i.state_protection_detail.strip() or i.report_result.strip())]
    if not items and not facts:
        return result("missing", facts, N_("No answer says who harmed or threatens the "
                                           "applicant."),
                      N_("Ask who harmed the applicant or whom they fear."))
    a_auth, p_auth = by_jurisdiction(inp, AGENT), by_jurisdiction(inp, PROTECTION)
    label, guard = N_("Who did it"), N_("The state did not or could not protect")
    if not items:
        only = part("agent", label, "not_shown", N_("Only the fear of return names who; no "
                                                    "incident does."), authorities=a_auth)
        return result("thin", facts, only.note,
                      N_("Ask whether the people the applicant fears act for the state, and "
                         "whether the state protects against them."), parts=[only],
                      authorities=a_auth + p_auth)
    parts: list[TestPart] = []
    step: str
    params: dict[str, object]
    if known:
        parts.append(part("agent", label, "met", N_("The answers say who did it ({who}, "
                                                    "{date})."), authorities=a_auth,
                          who=who(known[0]), date=F.when(known[0])))
    else:
        parts.append(part("agent", label, "not_shown", N_("No incident says who did it."),
                          authorities=a_auth))
    canada_presumed = [i for i in explained if i.state_protection in NOT_SOUGHT]
    uk_unproven = (inp.jurisdiction == "uk" and canada_presumed == explained
                   and not inp.country_evidence.get("agent_state_protection", 0))
    if state:
        parts.append(part("protection", guard, "met", N_("State actors did the harm ({who}, "
                                                         "{date})."), authorities=p_auth,
                          who=who(state[0]), date=F.when(state[0])))
        step, params = N_("Ask for names, ranks, uniforms or places that show who they were."), {}
    elif explained and uk_unproven:
        parts.append(part("protection", guard, "not_shown", N_(
            "Protection was not asked for: sufficiency of protection turns on whether the state "
            "has a system of criminal law against the harm and a reasonable willingness to "
            "enforce it, which country evidence must show (none is attached)."),
            authorities=p_auth))
        step, params = N_("Attach country-conditions passages on whether the police and courts "
                          "protect people like the applicant in practice, and ask why the "
                          "applicant did not go to them."), {}
    elif explained and not (inp.jurisdiction == "ca" and canada_presumed == explained):
        parts.append(part("protection", guard, "met", N_(
            "A non-state actor did the harm, and the answers explain why the state did not "
            "protect."), authorities=p_auth))
        step, params = N_("Ask whether others asked the state for protection against the same "
                          "people, and what happened to them."), {}
    elif explained:
        i = explained[0]
        parts.append(part("protection", guard, "not_shown", N_(
            "Canada presumes the state can protect: clear and convincing evidence must show it "
            "could not, and not asking is excused only where asking would have been "
            "objectively unreasonable."), authorities=p_auth))
        step, params = incident_step("protection", i)
    elif not known:
        i = items[0]
        parts.append(part("protection", guard, "not_shown", N_("No incident says who did it."),
                          authorities=p_auth))
        step, params = incident_step("who_how", i)
    else:
        i = next(x for x in items if x.perpetrator is Perpetrator.non_state)
        if i.state_protection is StateProtection.unknown:
            parts.append(part("protection", guard, "not_shown", N_(
                "A non-state actor did the harm, but no answer says whether the state was asked "
                "for protection."), authorities=p_auth))
            step, params = incident_step("police", i)
        else:
            parts.append(part("protection", guard, "not_shown", N_(
                "A non-state actor did the harm, and the answers do not explain why the state "
                "did not protect."), authorities=p_auth))
            step, params = incident_step("protection", i)
    if len(set(r.about.nationalities)) > 1:
        facts += F.answers(r, "about.nationalities")
        parts.append(part("nationalities", N_("Protection in every country of nationality"),
                          "not_shown", N_("The applicant has more than one nationality: the "
                                          "lack of protection must be shown for each country "
                                          "of nationality."),
                          authorities=by_jurisdiction(inp, NATIONALITIES)))
        if all(p.status == "met" for p in parts[:-1]):
            step, params = N_("Ask whether the applicant could get protection in each other "
                              "country of nationality, and if not, why not."), {}
    strength = strength_of(parts)
    decides = next((p for p in parts if p.status != "met"), parts[-1])
    return result(strength, facts, decides.note, step, reason_params=dict(decides.note_params),
                  next_params=params, parts=parts,
                  authorities=tuple(dict.fromkeys(a_auth + p_auth + tuple(a for p in parts
                                                                        for a in p.authorities))))
