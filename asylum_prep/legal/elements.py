"""The legal-element map: each element of the jurisdiction with its facts, strength, reason
and next step.

Strength rules are documented in `rule_ground`, `rule_nexus`, `rule_harm`, `rule_protection`,
`rule_fear`, `rule_relocation`, `rule_timeliness`, `rule_bars` and `rule_torture` (shared
readings: `rules_claim`, `risk_facts`). Manual links by the attorney (record.element_links; the
latest entry for an element and path wins) then apply:
- linked: the answer at the path is added as a fact (manual=True) unless already there;
- unlinked: every fact (for or against) at that path or below it is removed.
Manual links never make an element "supported" by themselves (that needs the answers the
rules look for) and never lift "against" (the facts against stay the rules' reading); they do
lift "missing" to "thin" (the reason says the attorney linked the facts), and unlinking every
fact the rules found, for and against, turns the element "missing" with that reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import (
    jurisdictions,
    rule_bars,
    rule_fear,
    rule_relocation,
    rule_timeliness,
    rule_torture,
)
from asylum_prep.legal.assessment import (
    ElementAssessment,
    Fact,
    RuleResult,
    Strength,
    fill,
    params_of,
    plural,
)
from asylum_prep.legal.deadline import deadline_for
from asylum_prep.legal.facts import linked_fact
from asylum_prep.legal.rule_ground import protected_ground
from asylum_prep.legal.rule_harm import harm, past_persecution
from asylum_prep.legal.rule_nexus import nexus
from asylum_prep.legal.rule_protection import agent_state_protection
from asylum_prep.legal.rules_claim import RuleInput

__all__ = ["ElementAssessment", "Fact", "Strength", "assess", "RULES"]

RULES: dict[str, Callable[[RuleInput], RuleResult]] = {
    "protected_ground": protected_ground,
    "nexus": nexus,
    "harm": harm,
    "agent_state_protection": agent_state_protection,
    "past_persecution": past_persecution,
    "subjective_fear": rule_fear.subjective_fear,
    "objective_fear": rule_fear.objective_fear,
    "internal_relocation": rule_relocation.internal_relocation,
    "timeliness": rule_timeliness.timeliness,
    "bars": rule_bars.bars,
    "torture_official": rule_torture.torture_official,
}


def manual_links(record: CaseRecord, element: str) -> dict[str, bool]:
    """path -> linked, the latest decision per path for this element."""
    out: dict[str, bool] = {}
    for link in sorted((lk for lk in record.element_links if lk.element == element),
                       key=lambda lk: lk.at):
        out[link.path] = link.linked
    return out


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + ".")


def _apply_links(record: CaseRecord, key: str, res: RuleResult) -> RuleResult:
    links = manual_links(record, key)
    if not links:
        return res
    def kept(found: tuple[Fact, ...]) -> list[Fact]:
        return [f for f in found if not any(_under(f.path, p) for p, on in links.items()
                                            if not on)]

    facts, against = kept(res.facts), kept(res.against)
    removed = len(res.facts) + len(res.against) - len(facts) - len(against)
    for path, on in links.items():
        if on and not any(f.path == path for f in facts):
            fact = linked_fact(record, path)
            if fact is not None:
                facts.append(fact)
    manual = sum(1 for f in facts if f.manual)
    strength, reason, params = res.strength, res.reason, res.reason_params
    if strength == "missing" and manual:
        strength = "thin"
        reason = plural("The rules found nothing here; the attorney linked {n} answer by "
                        "hand. Check that it meets the test.",
                        "The rules found nothing here; the attorney linked {n} answers by "
                        "hand. Check that they meet the test.")
        params = params_of(n=manual)
    elif strength != "missing" and removed and not facts and not against:
        strength = "missing"
        reason = N_("The attorney unlinked every answer the rules found here.")
        params = ()
    return RuleResult(strength, reason, params, tuple(facts), res.next_step, res.next_params,
                      res.parts, tuple(against), res.authorities)


def assess(record: CaseRecord, jurisdiction: str, *, today: date | None = None,
           country_evidence: Mapping[str, int] | None = None) -> list[ElementAssessment]:
    """Assess every element of the jurisdiction, in the jurisdiction's order."""
    spec = jurisdictions.get(jurisdiction)
    today = today or date.today()
    inp = RuleInput(record, spec.code, today, dict(country_evidence or {}),
                    deadline_for(record, spec.code, today=today))
    out: list[ElementAssessment] = []
    for element in spec.elements:
        res = _apply_links(record, element.key, RULES[element.key](inp))
        out.append(ElementAssessment(
            key=element.key, title=element.title, strength=res.strength,
            reason=fill(res.reason, res.reason_params), facts=res.facts,
            next_step=fill(res.next_step, res.next_params),
            reason_template=res.reason, reason_params=res.reason_params,
            next_step_template=res.next_step, next_step_params=res.next_params,
            test=element.test, parts=res.parts, against=res.against,
            authorities=res.authorities,
        ))
    return out
