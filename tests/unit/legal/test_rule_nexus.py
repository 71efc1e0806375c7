"""Nexus: the persecutor's motive, decided on the reasons the applicant chose and the
persecutors' words; extortion, recruitment, personal disputes, crime and general violence
pull it down; mixed motives are named; a whistleblower needs the Matter of N-M- parts.
Fact patterns from published decisions are marked with the case."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import Incident, Perpetrator, TargetReason
from asylum_prep.domain.record import CaseRecord
from asylum_prep.i18n import translator
from asylum_prep.legal.assessment import localize
from asylum_prep.legal.elements import ElementAssessment, assess
from asylum_prep.legal.rule_nexus import reading
from tests.unit.legal.factories import TODAY, incident, record

R = TargetReason


def el(r: CaseRecord, juris: str = "us") -> ElementAssessment:
    [found] = [a for a in assess(r, juris, today=TODAY) if a.key == "nexus"]
    return found


def case(*incidents: Incident, grounds: tuple[Ground, ...] = (Ground.political_opinion,),
         **answers: Any) -> CaseRecord:
    return record(**{"beliefs.grounds": list(grounds), "incidents.items": list(incidents),
                     **answers})


def motive(a: ElementAssessment) -> str:
    return next(p.status for p in a.parts if p.key == "motive")


def test_no_ground_is_missing_and_an_untold_reason_names_the_incident() -> None:
    assert el(record(**{"incidents.items": [incident(why_targeted="my articles")]})
              ).strength == "missing"
    assert el(case()).strength == "thin"
    a = el(case(incident("2022-05-03", perpetrator=Perpetrator.police)))
    assert a.strength == "thin" and motive(a) == "not_shown"
    assert a.next_step == ("Ask why the police targeted the applicant in the incident of "
                           "2022-05-03: no reason is stated.")


def test_a_ground_chosen_as_the_only_reason_meets_the_motive() -> None:
    """Matter of Mogharrabi: beaten for his political views, the reason he gave."""
    i = incident(what_happened="They beat me for criticising the Ayatollah.",
                 target_reasons=[R.political_opinion])
    a = el(case(i))
    assert a.strength == "supported" and motive(a) == "met"
    assert {"ina-208-b-1-b-i", "j-b-n-s-m"} <= set(a.authorities)
    [chosen] = [f for f in a.facts if f.path.endswith(".target_reasons")]
    assert chosen.text == "My political views or activity"
    assert dict(chosen.label_params)["choice"] == ("My political views or activity",)
    assert chosen.label == "Why targeted, as chosen (2022-05-03): My political views or activity"
    shown = localize(chosen.label_template, chosen.label_params, translator("es"))
    assert shown.endswith(": Mis opiniones o actividades políticas") and "2022" in shown
    assert a.against == ()


def test_free_text_alone_no_longer_makes_nexus_supported() -> None:
    said = incident("2022-05-03", words_said="We know you write for the opposition.")
    a = el(case(said))
    assert a.strength == "thin" and motive(a) == "not_shown"
    assert "only in words" in a.reason and a.next_step.startswith("Ask the applicant to choose")
    assert [f.text for f in a.facts] == ["We know you write for the opposition."]


def test_forced_recruitment_alone_is_not_political_opinion() -> None:
    """INS v. Elias-Zacarias; the issue's woman forced by rebels to cook for them."""
    cook = incident(perpetrator=Perpetrator.non_state, target_reasons=[R.recruitment],
                    what_happened="Rebels took me to their camp and made me cook for them.")
    a = el(case(cook))
    assert a.strength == "against" and motive(a) == "against"
    assert "recruitment" in a.reason.lower()
    assert "targeted the applicant for an opinion" in a.next_step
    assert {"elias-zacarias", "s-e-g", "e-a-g"} <= set(a.authorities)
    assert [f.path.rsplit(".", 1)[1] for f in a.against] == ["target_reasons"]


def test_the_taxi_founder_refusing_work_stoppages_is_never_supported() -> None:
    """The issue's taxi-cooperative founder: the refusal, recruitment and extortion."""
    beaten = incident(perpetrator=Perpetrator.non_state,
                      target_reasons=[R.political_opinion, R.recruitment, R.money],
                      words_said="Join the stoppage or pay, or we burn your taxis.",
                      what_happened="Guerrillas beat me for refusing the work stoppages.")
    a = el(case(beaten))
    assert a.strength == "thin" and "Mixed motives" in a.reason
    only_money = incident(perpetrator=Perpetrator.non_state,
                          target_reasons=[R.recruitment, R.money])
    assert el(case(only_money)).strength == "against"


def test_mixed_motives_are_named_and_need_the_persecutors_words() -> None:
    """Matter of S-P-: detained as a suspected rebel and for intelligence; J-B-N- & S-M-."""
    mixed = incident(target_reasons=[R.imputed_political_opinion, R.personal_dispute])
    a = el(case(mixed, grounds=(Ground.imputed_political_opinion,)))
    assert a.strength == "thin" and a.reason.startswith("Mixed motives")
    assert "incidental or tangential" in a.reason and "s-p" in a.authorities
    mixed.words_said = "You Tamil Tigers will all pay."
    b = el(case(mixed, grounds=(Ground.imputed_political_opinion,)))
    assert b.strength == "supported" and "one central reason" in b.reason


def test_extortion_crime_and_general_violence_pull_nexus_down() -> None:
    for reason in (R.money, R.personal_dispute, R.ordinary_crime, R.everyone_at_risk):
        a = el(case(incident(target_reasons=[reason])))
        assert a.strength == "against" and motive(a) == "against", reason
        assert "tied to political opinion" in a.next_step


def test_dont_know_is_not_shown_and_a_ground_outside_the_case_does_not_count() -> None:
    assert motive(el(case(incident(target_reasons=[R.dont_know])))) == "not_shown"
    other = el(case(incident(target_reasons=[R.religion])))
    assert other.strength == "thin"


def test_one_clear_incident_carries_nexus_and_the_next_step_asks_about_the_rest() -> None:
    clear = incident("2022-05-03", target_reasons=[R.political_opinion])
    silent = incident("2023-01-09", perpetrator=Perpetrator.army)
    extorted = incident("2023-02-01", target_reasons=[R.money])
    a = el(case(clear, silent, extorted))
    assert a.strength == "supported"
    assert "the army" in a.next_step and "2023-01-09" in a.next_step
    assert [f.path.split(".")[2] for f in a.against] == [extorted.id]


def test_a_whistleblower_needs_the_n_m_parts() -> None:
    """Matter of N-M-: reasons chosen, but no state tie and no speaking out."""
    i = incident(perpetrator=Perpetrator.non_state, target_reasons=[R.political_opinion])
    lone = el(case(i, **{"beliefs.opinion_through_work": YesNo.yes,
                         "beliefs.wrongdoing_by_state": YesNo.no,
                         "beliefs.spoke_out": YesNo.no}))
    assert lone.strength == "against" and "n-m" in lone.authorities
    assert {p.key: p.status for p in lone.parts} == {"motive": "not_shown",
                                                     "state_tie": "against",
                                                     "spoke_out": "against"}
    assert "not tied to the state" in lone.reason and "officials" in lone.next_step
    said = incident(perpetrator=Perpetrator.non_state, target_reasons=[R.political_opinion],
                    words_said="You will pay for reporting us.")
    tied = el(case(said, **{"beliefs.opinion_through_work": YesNo.yes,
                            "beliefs.wrongdoing_by_state": YesNo.yes,
                            "beliefs.spoke_out": YesNo.yes}))
    assert tied.strength == "supported"


def test_other_jurisdictions_use_their_words_and_authorities() -> None:
    i = incident(target_reasons=[R.political_opinion])
    assert "refugee-convention-1a2" in el(case(i), "uk").authorities
    assert "irpa-96" in el(case(i), "ca").authorities
    eu = el(case(incident(target_reasons=[R.imputed_political_opinion])), "eu")
    assert eu.strength == "supported"  # attributed opinion counts (art. 10(2))
    assert {"qd-2011-95-art-9", "qd-2011-95-art-10"} <= set(eu.authorities)


def test_reading_order() -> None:
    grounds = {Ground.religion}
    assert reading(incident(target_reasons=[R.religion]), grounds) == "ground"
    assert reading(incident(target_reasons=[R.religion, R.recruitment],
                            words_said="Convert or join."), grounds) == "mixed"
    assert reading(incident(target_reasons=[R.religion, R.money],
                            words_said="Pay, infidel."), grounds) == "mixed_words"
    assert reading(incident(why_targeted="my faith"), grounds) == "words"
    assert reading(incident(), grounds) == "silent"


def test_a_whistleblower_s_motive_needs_the_persecutors_words() -> None:
    """Grava v. INS (9th Cir. 2000) in outline: a customs officer who reported his superiors'
    smuggling and was then threatened. Choosing "my political views" is his reading of their
    motive; retaliation for opposing wrongdoing at work is not enough by itself (Matter of
    N-M-), so without their words the motive is not shown; with them it is."""
    work = {"beliefs.opinion_through_work": YesNo.yes, "beliefs.wrongdoing_by_state": YesNo.yes,
            "beliefs.spoke_out": YesNo.yes}
    threatened = incident(perpetrator=Perpetrator.officials,
                          what_happened="After my report they threatened to kill me.",
                          target_reasons=[R.political_opinion])
    a = el(case(threatened, **work))
    assert a.strength == "thin" and motive(a) == "not_shown"
    assert a.reason.startswith("Retaliation for opposing wrongdoing at work is not enough")
    assert "n-m" in a.authorities and "what the persecutors said or did" in a.next_step
    threatened.words_said = "They said I would pay for reporting them to the Commissioner."
    assert el(case(threatened, **work)).strength == "supported"
    # Outside work, the chosen ground alone still meets the motive.
    threatened.words_said = ""
    assert motive(el(case(threatened))) == "met"


def test_targeting_a_group_that_is_not_a_social_group_is_not_nexus() -> None:
    """Matter of C-A-, 23 I&N Dec. 951 (BIA 2006) in outline: informants against the Cali
    cartel, a group the society does not see as one. The cartel targeted them as informants,
    but a group that fails the social-group test is not a protected ground."""
    informant = incident(perpetrator=Perpetrator.non_state,
                         what_happened="The cartel threatened me after I informed on them.",
                         target_reasons=[R.particular_social_group])
    group = {"beliefs.social_group_name": "Noncriminal informants against the Cali cartel",
             "beliefs.group_shared_trait": "We gave information against the cartel.",
             "beliefs.group_can_change": YesNo.no}
    grounds = (Ground.particular_social_group,)
    unseen = el(case(informant, grounds=grounds, **group,
                     **{"beliefs.group_seen_as_group": YesNo.no}))
    assert unseen.strength == "against" and motive(unseen) == "against"
    assert "does not meet the social-group test" in unseen.reason
    assert reading(informant, set(grounds), frozenset(grounds)) == "group_fails"
    # Unanswered, the group is open, not failed: the motive stays met on the chosen reason.
    assert motive(el(case(informant, grounds=grounds, **group))) == "met"
