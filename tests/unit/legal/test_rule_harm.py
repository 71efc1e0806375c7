"""Harm (injuries, detention, threats, cumulative harm), past persecution (presumption and
humanitarian asylum) and the agent of persecution with state protection, per jurisdiction.
Fact patterns from published decisions are marked with the case."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import (
    DetentionLength,
    Frequency,
    Incident,
    InjuryLevel,
    Perpetrator,
    StateProtection,
    TargetReason,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.elements import ElementAssessment, assess
from tests.unit.legal.factories import TODAY, incident, record


def el(r: CaseRecord, key: str, juris: str = "us") -> ElementAssessment:
    [found] = [a for a in assess(r, juris, today=TODAY) if a.key == key]
    return found


def parts(a: ElementAssessment) -> dict[str, str]:
    return {p.key: p.status for p in a.parts}


def case(*items: Incident, **answers: object) -> CaseRecord:
    return record(**{"incidents.items": list(items), **answers})


# harm ------------------------------------------------------------------------------------------

def test_nothing_described_is_missing_and_feared_harm_alone_is_thin() -> None:
    assert el(record(), "harm").strength == "missing"
    assert el(record(**{"fear.what_harm": "Prison."}), "harm").strength == "thin"
    listed = el(case(incident()), "harm")
    assert listed.strength == "thin" and "2022-05-03" in listed.next_step


def test_an_answer_of_none_is_not_an_injury() -> None:
    """The issue's "None." / "I was not physically hurt" with the level chosen as none."""
    for words in ("None.", "I was not physically hurt"):
        a = el(case(incident(what_happened="They pushed me.", injuries=words,
                             injury_level=InjuryLevel.none)), "harm")
        assert a.strength == "thin" and parts(a) == {"injuries": "not_shown"}
        assert "not an injury" in a.reason
        assert {f.path.rsplit(".", 1)[1] for f in a.against} == {"injuries", "injury_level"}
        assert not any(f.path.endswith(".injuries") for f in a.facts)
        assert el(case(incident(what_happened="They pushed me.", injuries=words,
                                injury_level=InjuryLevel.none)),
                  "past_persecution").strength == "thin"


def test_injuries_in_words_without_a_level_ask_how_badly() -> None:
    a = el(case(incident("2022-05-03", what_happened="Beaten.", injuries="My ribs.")), "harm")
    assert a.strength == "thin" and parts(a) == {"injuries": "not_shown"}
    assert a.next_step.startswith("Ask how badly") and "2022-05-03" in a.next_step


def test_injury_levels() -> None:
    def level(x: InjuryLevel) -> str:
        return el(case(incident(what_happened="Beaten.", injury_level=x)), "harm").strength
    assert level(InjuryLevel.minor) == "thin"
    assert level(InjuryLevel.treated) == "supported"
    assert level(InjuryLevel.lasting) == "supported"
    a = el(case(incident(what_happened="Beaten.", injury_level=InjuryLevel.treated)), "harm")
    [chosen] = [f for f in a.facts if f.path.endswith(".injury_level")]
    assert chosen.text == "Needed medical treatment" and "t-z" in a.authorities


def test_detention_length() -> None:
    def held(length: DetentionLength) -> ElementAssessment:
        return el(case(incident(what_happened="Held.", detained=YesNo.yes,
                                detention_length=length)), "harm")
    assert held(DetentionLength.hours).strength == "thin"
    assert "less than a day" in held(DetentionLength.hours).reason
    assert held(DetentionLength.unknown).next_step.startswith("Ask how long")
    for length in (DetentionLength.days, DetentionLength.weeks, DetentionLength.months):
        assert held(length).strength == "supported", length


def test_unfulfilled_threats_alone_are_thin_repeated_or_carried_out_count() -> None:
    once = el(case(incident(what_happened="A note on my door.", threatened=YesNo.yes,
                            threat_frequency=Frequency.once, threat_carried_out=YesNo.no)),
              "harm")
    assert once.strength == "thin" and parts(once) == {"threats": "not_shown"}
    again = el(case(incident(what_happened="Calls.", threatened=YesNo.yes,
                             threat_frequency=Frequency.many)), "harm")
    assert again.strength == "supported"
    done = el(case(incident(what_happened="They burned the shop.", threatened=YesNo.yes,
                            threat_carried_out=YesNo.yes)), "harm")
    assert done.strength == "supported"


def test_cumulative_harm_is_considered_and_named() -> None:
    """Matter of O-Z- & I-Z-: several incidents, none severe alone, weighed together."""
    items = [incident("2022-01-01", what_happened="Beaten at school.",
                      injury_level=InjuryLevel.minor),
             incident("2022-03-01", what_happened="Held for an afternoon.", detained=YesNo.yes,
                      detention_length=DetentionLength.hours),
             incident("2022-06-01", what_happened="A note on the door.")]
    a = el(case(*items), "harm")
    assert a.strength == "supported" and parts(a)["cumulative"] == "met"
    assert a.reason == "3 incidents describe harm (2 with injuries or detention)."
    assert "o-z-i-z" in a.authorities
    words_only = el(case(incident("2022-01-01", what_happened="Threats."),
                         incident("2022-02-01", what_happened="Threats.")), "harm")
    assert words_only.strength == "thin" and parts(words_only) == {"cumulative": "not_shown"}
    eu = el(case(*items), "harm", "eu")
    assert eu.strength == "supported" and "qd-2011-95-art-9" in eu.authorities


# past persecution ----------------------------------------------------------------------------

def _persecuted(**kw: object) -> CaseRecord:
    answers: dict[str, object] = {
        "what_happened": "Officers beat me in a cell.", "detained": YesNo.yes,
        "detention_length": DetentionLength.days, "injury_level": InjuryLevel.treated,
        "target_reasons": [TargetReason.political_opinion], **kw}
    i = incident(**answers)
    return case(i, **{"beliefs.grounds": [Ground.political_opinion]})


def test_past_persecution_raises_the_presumption() -> None:
    assert el(record(**{"fear.what_harm": "Prison."}), "past_persecution").strength == "missing"
    a = el(_persecuted(), "past_persecution")
    assert a.strength == "supported" and "presumption" in a.reason
    assert parts(a) == {"past_harm": "met", "on_ground": "met", "by_agent": "met",
                        "humanitarian": "not_shown"}
    assert {"8-cfr-1208-13-b-1", "8-cfr-1208-13-b-1-iii", "chen", "l-s"} <= set(a.authorities)
    eu = el(_persecuted(), "past_persecution", "eu")
    assert "serious indication" in eu.reason and "humanitarian" not in parts(eu)
    assert "qd-2011-95-art-4" in eu.authorities


def test_severe_past_persecution_opens_humanitarian_asylum() -> None:
    """Matter of Chen: lasting harm from severe persecution."""
    a = el(_persecuted(injury_level=InjuryLevel.lasting), "past_persecution")
    assert parts(a)["humanitarian"] == "met" and a.strength == "supported"
    long = el(_persecuted(detention_length=DetentionLength.months), "past_persecution")
    assert parts(long)["humanitarian"] == "met"


def test_past_persecution_needs_a_ground_and_a_known_agent() -> None:
    extorted = _persecuted()
    extorted.incidents.items[0].target_reasons = [TargetReason.money]
    a = el(extorted, "past_persecution")
    assert a.strength == "against" and parts(a)["on_ground"] == "against"
    unknown = el(_persecuted(perpetrator=Perpetrator.unknown), "past_persecution")
    assert unknown.strength == "thin" and parts(unknown)["by_agent"] == "not_shown"
    assert "who did this" in unknown.next_step


# agent and state protection ------------------------------------------------------------------

def test_agent_state_protection() -> None:
    assert el(record(), "agent_state_protection").strength == "missing"
    police = el(case(incident()), "agent_state_protection")
    assert police.strength == "supported" and parts(police) == {"agent": "met",
                                                                "protection": "met"}
    unknown = el(case(incident(perpetrator=Perpetrator.unknown)), "agent_state_protection")
    assert unknown.strength == "thin" and "who did this" in unknown.next_step
    gang = incident("2021-04-02", perpetrator=Perpetrator.non_state)
    a = el(case(gang), "agent_state_protection")
    assert a.strength == "thin" and "police for protection" in a.next_step
    assert "2021-04-02" in a.next_step
    gang.state_protection = StateProtection.sought_refused
    assert el(case(gang), "agent_state_protection").strength == "thin"
    gang.report_result = "The officer laughed and sent me away."
    assert el(case(gang), "agent_state_protection").strength == "supported"
    assert el(record(**{"fear.who": "The gang."}), "agent_state_protection").strength == "thin"


def test_state_protection_per_jurisdiction() -> None:
    """Ward: Canada presumes state protection; not asking stays to be shown."""
    gang = incident(perpetrator=Perpetrator.non_state,
                    state_protection=StateProtection.not_sought_pointless,
                    state_protection_detail="The police work for the gang.")
    assert el(case(gang), "agent_state_protection").strength == "supported"
    ca = el(case(gang), "agent_state_protection", "ca")
    assert ca.strength == "thin" and "clear and convincing" in ca.reason
    assert "ward" in ca.authorities
    assert "horvath" in el(case(gang), "agent_state_protection", "uk").authorities
    assert "qd-2011-95-art-7" in el(case(gang), "agent_state_protection", "eu").authorities


def test_past_persecution_follows_the_whole_nexus_test() -> None:
    """Matter of N-M-: a ground chosen, but the wrongdoing was not tied to the state."""
    r = _persecuted(perpetrator=Perpetrator.non_state,
                    state_protection=StateProtection.sought_failed,
                    report_result="The police never came.")
    r.beliefs.opinion_through_work = YesNo.yes
    r.beliefs.wrongdoing_by_state = YesNo.no
    a = el(r, "past_persecution")
    assert parts(a)["on_ground"] == "against" and a.strength == "against"
    assert "not tied to the state" in a.reason and "officials" in a.next_step
