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
    assert a.strength == "against" and "singled out personally" in a.next_step
    personal = {"fear.who": "The Mara gang leader.", "fear.what_harm": "Being killed."}
    refused = incident(perpetrator=Perpetrator.non_state, what_happened="They shot at me.",
                       state_protection=StateProtection.sought_refused)
    whole = record(**personal, **{"incidents.items": [refused],
                                  "fear.relocation_possible": YesNo.no,
                                  "fear.relocation_why_not": "The gang is in every city."})
    assert el(whole, "torture_official", "ca").strength == "supported"


def test_canada_s97_1b_needs_state_protection_and_every_part_of_the_country() -> None:
    # Portillo v. Canada, 2012 FC 678: MS members singled out, threatened and stabbed a young
    # man; a personal risk, but s.97(1)(b)(i) and (ii) are their own conditions.
    stabbed = incident(perpetrator=Perpetrator.non_state, threatened=YesNo.yes,
                       what_happened="MS members singled me out, threatened me and stabbed me.",
                       injuries="I was stabbed.")
    r = record(**{"fear.who": "The Mara Salvatrucha.", "fear.what_harm": "They would kill me.",
                  "incidents.items": [stabbed]})
    a = el(r, "torture_official", "ca")
    assert a.strength == "thin"
    assert status(a)["s97_1b"] == "met" and status(a)["s97_protection"] == "not_shown"
    assert status(a)["s97_every_part"] == "not_shown"
    could = record(**{"fear.who": "The Mara Salvatrucha.", "fear.what_harm": "Death.",
                      "fear.relocation_possible": YesNo.yes, "incidents.items": [stabbed]})
    assert status(el(could, "torture_official", "ca"))["s97_every_part"] == "against"
    # Prophète, 2009 FCA 31: extortion of people seen as wealthy is a generalised risk.
    extorted = incident(perpetrator=Perpetrator.non_state, what_happened="Gangs extorted me.",
                        target_reasons=[TargetReason.money])
    p = el(record(**{"fear.who": "Gangs.", "fear.what_harm": "Kidnapping.",
                     "incidents.items": [extorted]}), "torture_official", "ca")
    assert p.strength == "against" and status(p)["s97_1b"] == "against"
    assert "verify" in parts(p)["s97_1b"].note


def test_eu_15c_individual_targeting_alone_is_thin() -> None:
    # Elgafaji (C-465/07): the more individually affected, the less violence is needed, but
    # the level of violence is still for the country evidence.
    letter = incident(perpetrator=Perpetrator.non_state,
                      what_happened="A death threat on our door.",
                      threatened=YesNo.yes,
                      target_reasons=[TargetReason.imputed_political_opinion])
    a = el(record(**{"incidents.items": [letter]}), "torture_official", "eu")
    assert status(a)["art15_c"] == "met" and status(a)["art15_ab"] == "not_shown"
    assert a.strength == "thin"


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


def test_us_cat_is_missing_until_torture_is_asked_even_when_the_fear_names_who() -> None:
    # Matter of H-, 21 I&N Dec. 337 (BIA 1996): a Marehan clan member feared the USC militia,
    # still looking for him; nothing was asked about torture.
    r = record(**{"fear.who": "The USC militia.", "fear.what_harm": "They would kill me.",
                  "fear.still_looking": YesNo.yes})
    a = el(r, "torture_official")
    assert status(a)["who"] == "met" and status(a)["found"] == "met"
    assert a.strength == "missing" and "torture" in a.next_step
    asked = record(**{"fear.who": "The USC militia.", "fear.still_looking": YesNo.yes,
                      "fear.torture_fear": YesNo.yes})
    assert el(asked, "torture_official").strength == "thin"


def test_uk_serious_feared_harm_is_thin_for_article_3_until_torture_is_asked() -> None:
    # R v SSHD ex p Sivakumaran [1988] AC 958: Tamils feared the Sri Lankan army; Article 3
    # was not in issue, but the harm feared could engage it.
    r = record(**{"fear.who": "The Sri Lankan army.",
                  "fear.what_harm": "Detention, beatings and killing of young Tamil men."})
    a = el(r, "torture_official", "uk")
    assert a.strength == "thin" and "Article 3" in a.reason
    assert el(record(**{"fear.who": "The army."}), "torture_official", "uk").strength == "missing"
    said_no = record(**{"fear.who": "The army.", "fear.what_harm": "Beatings.",
                        "fear.torture_fear": YesNo.no})
    assert el(said_no, "torture_official", "uk").strength == "against"


def test_an_injury_answer_of_none_by_officials_is_not_an_injury() -> None:
    shouted = incident(perpetrator=Perpetrator.police, what_happened="They shouted at me.",
                       injuries="None.", injury_level="none")
    a = el(record(**{"incidents.items": [shouted]}), "torture_official")
    assert "injured" not in a.reason and a.strength == "missing"
