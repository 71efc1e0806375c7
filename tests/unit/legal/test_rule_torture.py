"""Torture and serious harm: the US CAT chain of links (J-F-F-), an official's act or
acquiescence, deferral despite bars; ECHR art. 3; Canada s.97(1)(a) and (b); EU art. 15."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import Perpetrator, StateProtection, TargetReason
from asylum_prep.domain.journey import ArmedGroupKind, HelpKind
from tests.unit.legal.element_helpers import el, note, parts, status
from tests.unit.legal.factories import incident, record

TORTURE = {"fear.torture_fear": YesNo.yes, "fear.torture_detail": "Electric shocks."}
CHAIN = {**TORTURE, "fear.who": "The police.", "fear.still_looking": YesNo.yes}


def test_us_one_part_per_link_of_the_chain() -> None:
    empty = el(record(), "torture_official")
    assert empty.strength == "missing"
    assert tuple(status(empty)) == ("who", "found", "torture", "official", "country")
    assert set(status(empty).values()) == {"not_shown"}
    full = el(record(**CHAIN, **{"incidents.items": [incident()]}), "torture_official",
              country_evidence={"torture_official": 2})
    assert full.strength == "supported" and set(status(full).values()) == {"met"}
    assert dict(parts(full)["country"].note_params) == {"n": "2"}
    no_evidence = el(record(**CHAIN, **{"incidents.items": [incident()]}), "torture_official")
    assert no_evidence.strength == "supported"  # country evidence informs, does not decide
    assert status(no_evidence)["country"] == "not_shown"
    assert {"j-f-f", "8-cfr-1208-18"} <= set(full.authorities)
    unfound = el(record(**{**CHAIN, "fear.still_looking": YesNo.no},
                        **{"incidents.items": [incident()]}), "torture_official")
    assert unfound.strength == "thin" and status(unfound)["found"] == "not_shown"
    assert "They would find the applicant" in unfound.reason


def test_us_and_canada_need_an_official_uk_and_eu_do_not() -> None:
    gang = record(**CHAIN, **{"incidents.items": [incident(perpetrator=Perpetrator.non_state)]})
    us = el(gang, "torture_official", "us")
    assert us.strength == "thin" and status(us)["official"] == "not_shown"
    ca = el(gang, "torture_official", "ca")
    assert status(ca)["s97_1a"] == "not_shown"
    assert el(gang, "torture_official", "uk").strength == "supported"
    assert el(gang, "torture_official", "eu").strength == "supported"


def test_acquiescence_when_the_authorities_refused_protection() -> None:
    refused = incident(perpetrator=Perpetrator.non_state,
                       state_protection=StateProtection.sought_refused)
    a = el(record(**CHAIN, **{"incidents.items": [refused]}), "torture_official")
    assert a.strength == "supported" and "willful blindness" in note(parts(a)["official"])


def test_officials_hurt_the_applicant_but_torture_not_answered() -> None:
    a = el(record(**{"incidents.items": [incident(injuries="Burns.")]}), "torture_official")
    assert a.strength == "thin" and "2022-05-03" in a.reason
    assert el(record(**{"fear.torture_fear": YesNo.yes}), "torture_official").strength == "thin"


def test_saying_no_fear_of_torture_is_against() -> None:
    a = el(record(**{"fear.torture_fear": YesNo.no}), "torture_official")
    assert a.strength == "against" and status(a)["torture"] == "against"


def test_deferral_stays_open_despite_a_bar() -> None:
    barred = {"screening.armed_groups": YesNo.yes,
              "screening.armed_group_kind": ArmedGroupKind.non_state,
              "screening.armed_group_help": [HelpKind.food]}
    a = el(record(**CHAIN, **barred), "torture_official")
    assert parts(a)["despite_bars"].status == "met"
    assert "8-cfr-1208-17" in parts(a)["despite_bars"].authorities
    uk = el(record(**CHAIN, **barred), "torture_official", "uk")
    assert "absolute" in parts(uk)["despite_bars"].note
    assert "despite_bars" not in parts(el(record(**CHAIN), "torture_official"))


def test_canada_s97_1b_generalised_risk_is_against() -> None:
    robbed = incident(perpetrator=Perpetrator.non_state, what_happened="Robbed on the bus.",
                      target_reasons=[TargetReason.ordinary_crime])
    r = record(**{"fear.who": "Gangs.", "fear.what_harm": "Being killed.",
                  "incidents.items": [robbed]})
    a = el(r, "torture_official", "ca")
    assert status(a)["s97_1b"] == "against" and "prophete" in a.authorities
    assert a.against == ()  # no words of the applicant's about why to quote
    personal = record(**{"fear.who": "The Mara gang leader.", "fear.what_harm": "Being killed."})
    assert el(personal, "torture_official", "ca").strength == "supported"


def test_eu_15c_needs_country_evidence_unless_individually_targeted() -> None:
    a = el(record(**TORTURE), "torture_official", "eu")
    p = parts(a)["art15_c"]
    assert p.status == "not_shown" and "attach country evidence" in p.note
    assert {"elgafaji", "diakite"} <= set(p.authorities)
    targeted = incident(perpetrator=Perpetrator.non_state,
                        target_reasons=[TargetReason.religion, TargetReason.everyone_at_risk])
    b = el(record(**TORTURE, **{"incidents.items": [targeted]}), "torture_official", "eu")
    assert status(b)["art15_c"] == "met"
    shelled = incident(perpetrator=Perpetrator.unknown,
                       target_reasons=[TargetReason.everyone_at_risk])
    c = el(record(**TORTURE, **{"incidents.items": [shelled]}), "torture_official", "eu")
    assert status(c)["art15_c"] == "not_shown"
