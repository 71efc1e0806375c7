"""Subjective fear and its objective basis, per jurisdiction: the parts, the standards (US
asylum and withholding, UK by claim date, Canada s.96 and s.97 with the generalised-risk
exclusion, EU art. 4(4)) and the facts for and against."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import Perpetrator, TargetReason
from tests.unit.legal.element_helpers import el, parts, status
from tests.unit.legal.factories import arrival, fd, incident, record, strong_record

FEAR = {"fear.who": "The police.", "fear.what_harm": "Prison."}
SOUGHT = {"fear.still_looking": YesNo.yes, "fear.still_looking_detail": "They came in May."}


def test_subjective_fear_strengths_and_parts() -> None:
    empty = el(record(), "subjective_fear")
    assert empty.strength == "missing" and status(empty) == {"stated": "not_shown",
                                                             "returns": "not_shown"}
    assert el(record(**{"fear.who": "The police."}), "subjective_fear").strength == "thin"
    a = el(record(**FEAR, **{"screening.returned_home": YesNo.no}), "subjective_fear")
    assert a.strength == "supported" and status(a) == {"stated": "met", "returns": "met"}
    assert a.authorities == ("mogharrabi",) and a.against == ()


def test_a_return_home_weighs_against_and_is_quoted_as_a_fact_against() -> None:
    r = record(**FEAR, **{"screening.returned_home": YesNo.yes,
                          "screening.returned_home_detail": "Five days for my mother's funeral."})
    a = el(r, "subjective_fear")
    assert a.strength == "against" and status(a)["returns"] == "against"
    assert [f.text for f in a.against] == ["Five days for my mother's funeral."]
    assert "return home" in a.next_step


def test_uk_standard_follows_the_claim_date() -> None:
    after = record(**FEAR, **{"timing.filed_on": fd("2023-01-10")})
    p = parts(el(after, "subjective_fear", "uk"))["standard"]
    assert p.status == "met" and "s.32" in p.note and p.authorities == ("naba-2022-s32",)
    before = record(**FEAR, **{"leaving.entries": [arrival("2021-05-01")]})
    p = parts(el(before, "subjective_fear", "uk"))["standard"]
    assert p.status == "met" and "Sivakumaran" in p.note and "s.32" not in p.note
    unknown = parts(el(record(**FEAR), "objective_fear", "uk"))["standard"]
    assert unknown.status == "not_shown" and "claim date" in unknown.note
    assert "standard" not in parts(el(record(**FEAR), "subjective_fear", "us"))


def test_objective_fear_needs_own_facts_and_country_evidence() -> None:
    r = record(**SOUGHT)
    without = el(r, "objective_fear")
    assert without.strength == "thin" and "country-conditions" in without.next_step
    assert status(without)["own_facts"] == "met" and status(without)["country"] == "not_shown"
    assert status(without)["standard_us"] == "not_shown"
    cited = el(r, "objective_fear", country_evidence={"objective_fear": 2})
    assert cited.strength == "supported" and status(cited)["standard_us"] == "met"
    assert el(r, "objective_fear", country_evidence={"harm": 2}).strength == "thin"
    assert el(record(), "objective_fear").strength == "missing"


def test_us_says_which_protections_the_facts_reach() -> None:
    evidence = {"objective_fear": 1}
    asylum_only = el(record(**SOUGHT), "objective_fear", country_evidence=evidence)
    assert status(asylum_only)["standard_us"] == "met"
    assert status(asylum_only)["withholding"] == "not_shown"
    assert "stevic" in parts(asylum_only)["withholding"].authorities
    detained = incident(what_happened="Held for a week and beaten.", detained=YesNo.yes)
    both = el(record(**SOUGHT, **{"incidents.items": [detained]}), "objective_fear",
              country_evidence=evidence)
    assert status(both)["withholding"] == "met"
    assert {"cardoza-fonseca", "mogharrabi", "stevic"} <= set(both.authorities)


def test_country_evidence_alone_names_pattern_or_practice_in_the_us_only() -> None:
    us = el(record(), "objective_fear", country_evidence={"objective_fear": 1})
    assert us.strength == "thin" and "pattern or practice" in us.reason
    assert "pattern" not in el(record(), "objective_fear", "uk",
                               country_evidence={"objective_fear": 1}).reason


def test_canada_s97_excludes_a_generalised_risk() -> None:
    robbed = incident(what_happened="Robbed at gunpoint on the bus.",
                      perpetrator=Perpetrator.non_state,
                      why_targeted="They rob everyone on that road.",
                      target_reasons=[TargetReason.everyone_at_risk, TargetReason.ordinary_crime])
    a = el(record(**SOUGHT, **{"incidents.items": [robbed]}), "objective_fear", "ca",
           country_evidence={"objective_fear": 1})
    p = parts(a)["s97"]
    assert p.status == "against" and "Prophète" in p.note and "prophete" in p.authorities
    assert status(a)["standard_ca"] == "met"  # s.96 is judged on its own
    assert [f.text for f in a.against] == ["They rob everyone on that road."]
    targeted = incident(what_happened="Beaten for my union work.", detained=YesNo.yes,
                        perpetrator=Perpetrator.non_state,
                        target_reasons=[TargetReason.political_opinion,
                                        TargetReason.everyone_at_risk])
    mixed = el(record(**SOUGHT, **{"incidents.items": [targeted]}), "objective_fear", "ca",
               country_evidence={"objective_fear": 1})
    assert status(mixed)["s97"] == "met" and mixed.against == ()


def test_eu_past_persecution_is_a_serious_indication() -> None:
    hurt = incident(what_happened="Beaten at the station.", injuries="Broken ribs.",
                    target_reasons=[TargetReason.political_opinion])
    a = el(record(**{"incidents.items": [hurt]}), "objective_fear", "eu")
    assert status(a)["past"] == "met" and "qd-2011-95-art-4" in a.authorities
    none = incident(what_happened="They shouted.", injuries="None.",
                    injury_level="none")  # "none" is not an injury
    assert status(el(record(**{"incidents.items": [none]}), "objective_fear", "eu"))[
        "past"] == "not_shown"


def test_strong_record_reaches_asylum_and_withholding() -> None:
    a = el(strong_record(), "objective_fear", country_evidence={"objective_fear": 1})
    assert a.strength == "supported" and status(a)["withholding"] == "met"


def test_holding_the_trait_with_country_evidence_needs_no_past_incident() -> None:
    # Salibian v. Canada, [1990] 3 FC 250 (FCA): an Armenian Christian from Beirut need not
    # show he was singled out; what happens to people like him can found the fear.
    r = record(**{"beliefs.grounds": ["religion"],
                  "beliefs.beliefs_description": "I am an Armenian Christian.",
                  "fear.who": "The militias in Beirut.",
                  "fear.what_harm": "They kill and kidnap Christians.",
                  "fear.why": "Because I am an Armenian Christian."})
    cited = el(r, "objective_fear", "ca", country_evidence={"objective_fear": 1})
    assert cited.strength == "supported" and status(cited)["own_facts"] == "met"
    assert "without any past incident" in parts(cited)["own_facts"].note
    assert el(r, "objective_fear", "ca").strength == "thin"  # the country evidence is needed
    no_why = record(**{"beliefs.grounds": ["religion"],
                       "beliefs.beliefs_description": "I am an Armenian Christian."})
    assert status(el(no_why, "objective_fear", "ca",
                     country_evidence={"objective_fear": 1}))["own_facts"] == "not_shown"


def test_us_detailed_testimony_of_the_mogharrabi_factors_can_suffice() -> None:
    # Aguilera-Cota v. INS, 914 F.2d 1375 (9th Cir. 1990): a government employee's account of a
    # guerrilla death threat left at his home sufficed without corroboration.
    note = incident(what_happened="A note from the guerrillas at my house said I would be "
                                  "killed as a government collaborator.",
                    perpetrator=Perpetrator.non_state, threatened=YesNo.yes,
                    target_reasons=[TargetReason.imputed_political_opinion])
    answers = {"beliefs.grounds": ["imputed_political_opinion"],
               "beliefs.attributed_opinion_description": "They think I support the government.",
               "fear.who": "The guerrillas.", "fear.what_harm": "They would kill me.",
               "fear.how_they_would_know": "They left the note at my house; they know where I "
                                           "live.",
               "incidents.items": [note]}
    a = el(record(**answers), "objective_fear")
    assert a.strength == "supported" and "Mogharrabi" in a.reason
    assert status(a)["standard_us"] == "met" and status(a)["country"] == "not_shown"
    assert "country-conditions" in a.next_step
    assert el(record(**answers), "objective_fear", "uk").strength == "thin"  # US rule only
    money = note.model_copy(update={"target_reasons": [TargetReason.money]})
    assert el(record(**{**answers, "incidents.items": [money]}),
              "objective_fear").strength == "thin"
    unaware = {k: v for k, v in answers.items() if k != "fear.how_they_would_know"}
    assert el(record(**unaware), "objective_fear").strength == "thin"


def test_past_persecution_on_a_ground_is_presumed_or_a_serious_indication() -> None:
    # Matter of H-, 21 I&N Dec. 337 (BIA 1996): a Marehan clan member detained and beaten by
    # a rival clan's militia; past persecution raised the presumption of a well-founded fear.
    beaten = incident(what_happened="Militiamen of the USC held me and beat me for my clan.",
                      perpetrator=Perpetrator.non_state, detained=YesNo.yes,
                      target_reasons=[TargetReason.particular_social_group])
    r = record(**{"fear.who": "The USC militia.", "incidents.items": [beaten]})
    a = el(r, "objective_fear")
    assert a.strength == "supported" and status(a)["presumption"] == "met"
    assert "8-cfr-1208-13-b-1" in a.authorities and "presumed" in a.reason
    # Demirkaya v SSHD [1999] Imm AR 498: a Kurd detained and ill-treated by Turkish police;
    # past persecution is a serious indication of future risk (now para. 339K).
    held = incident(what_happened="The police held me for days and beat me.",
                    perpetrator=Perpetrator.police, detained=YesNo.yes,
                    target_reasons=[TargetReason.race, TargetReason.political_opinion])
    uk = el(record(**{"incidents.items": [held]}), "objective_fear", "uk")
    assert uk.strength == "supported" and status(uk)["past"] == "met"
    assert "immigration-rules-339k" in uk.authorities
    assert el(record(**{"incidents.items": [held]}), "objective_fear", "ca").strength == "thin"
    # harm for money or recruitment alone is not persecution: no presumption
    extorted = beaten.model_copy(update={"target_reasons": [TargetReason.money]})
    b = el(record(**{"incidents.items": [extorted]}), "objective_fear")
    assert b.strength == "thin" and status(b)["presumption"] == "not_shown"


def test_the_standard_part_says_what_meets_it_without_country_evidence() -> None:
    held = incident(what_happened="Held and beaten for my party work.", detained=YesNo.yes,
                    perpetrator=Perpetrator.police, target_reasons=[TargetReason.political_opinion])
    a = el(record(**{"incidents.items": [held]}), "objective_fear")
    assert status(a)["standard_us"] == "met" and "presumed" in parts(a)["standard_us"].note
    uk = el(record(**{"incidents.items": [held]}), "objective_fear", "uk")
    assert status(uk)["standard_uk"] == "met" and "serious indication" in parts(uk)[
        "standard_uk"].note


def test_having_to_hide_is_named_in_the_uk_and_eu_and_never_lowers() -> None:
    """HJ (Iran) and X, Y and Z: concealment out of fear is no answer to the risk. A Christian
    convert (Y and Z facts) who would have to worship in secret."""
    base = {"beliefs.grounds": [Ground.religion], "about.religion": "Christian convert",
            "fear.who": "The religious police.", "fear.what_harm": "Prison.",
            "fear.why": "Because I converted."}
    hiding = {**base, "fear.would_hide": YesNo.yes,
              "fear.would_hide_detail": "I could not go to church or speak of my faith."}
    for j in ("uk", "eu"):
        before = el(record(**base), "objective_fear", j)
        after = el(record(**hiding), "objective_fear", j)
        assert "concealment" not in parts(before)
        assert parts(after)["concealment"].status == "met"
        assert "hj-iran" in after.authorities or "x-y-z" in after.authorities
        assert "fear.would_hide_detail" in [f.path for f in after.facts]
        order = ("missing", "against", "thin", "supported")
        assert order.index(after.strength) >= order.index(before.strength)
    assert "concealment" not in parts(el(record(**hiding), "objective_fear", "us"))
