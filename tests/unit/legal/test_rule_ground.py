"""The protected-ground test per jurisdiction: a ground needs its belief or identity described;
a particular social group its immutability, a definition apart from the harm, particularity
and social distinction (per jurisdiction); a political opinion shown through work the
Matter of N-M- parts. Fact patterns from published decisions are marked with the case."""

from __future__ import annotations

from datetime import date
from typing import Any

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.elements import ElementAssessment, assess
from tests.unit.legal.factories import TODAY, fd, record


def el(r: CaseRecord, key: str = "protected_ground", juris: str = "us") -> ElementAssessment:
    [found] = [a for a in assess(r, juris, today=TODAY) if a.key == key]
    return found


def parts(a: ElementAssessment) -> dict[str, str]:
    return {p.key: p.status for p in a.parts}


def psg(**answers: Any) -> CaseRecord:
    return record(**{"beliefs.grounds": [Ground.particular_social_group],
                     **{f"beliefs.{k}": v for k, v in answers.items()}})


WELL_DEFINED = {"social_group_name": "Women of the Tchamba-Kunsuntu tribe who have not had "
                                     "FGM and oppose it",
                "group_shared_trait": "Being a young woman of the tribe, and our opposition.",
                "group_can_change": YesNo.no,
                "group_who_belongs": "Every girl of the tribe is cut before marriage; those "
                                     "who were not are known.",
                "group_seen_as_group": YesNo.yes,
                "group_seen_detail": "The elders and the whole village know who is uncut."}


def test_no_ground_is_missing_and_a_bare_ground_is_not_shown() -> None:
    assert el(record()).strength == "missing"
    bare = el(record(**{"beliefs.grounds": [Ground.religion]}))
    assert bare.strength == "thin" and parts(bare) == {"described": "not_shown"}
    assert "religion" in bare.next_step and bare.next_step.startswith("Ask ")
    religion = el(record(**{"beliefs.grounds": [Ground.religion], "about.religion": "Baháʼí"}))
    assert religion.strength == "supported" and parts(religion) == {"described": "met"}
    assert [f.path for f in religion.facts] == ["about.religion"]
    assert religion.authorities == ("ina-101-a-42",) and religion.next_step.startswith("Ask ")


def test_an_attributed_opinion_needs_the_opinion_attributed() -> None:
    bare = el(record(**{"beliefs.grounds": [Ground.imputed_political_opinion],
                        "beliefs.beliefs_description": "x"}))
    assert bare.strength == "thin" and "opinion" in bare.next_step
    said = el(record(**{"beliefs.grounds": [Ground.imputed_political_opinion],
                        "beliefs.attributed_opinion_description": "They said I was a spy."}))
    assert said.strength == "supported" and parts(said) == {"attributed": "met"}


def test_taxi_drivers_can_change_occupation_so_the_group_is_not_immutable() -> None:
    """The issue's taxi-cooperative founder; Matter of Acosta (taxi drivers)."""
    r = psg(social_group_name="Taxi drivers of the cooperative",
            group_shared_trait="We drive taxis and refused the work stoppages.",
            group_can_change=YesNo.yes, group_who_belongs="The members of the cooperative.",
            group_seen_as_group=YesNo.yes)
    a = el(r)
    assert a.strength == "against"
    assert parts(a)["immutability"] == "against"
    assert "not immutable" in a.reason and "members could stop" in a.next_step
    assert "beliefs.group_can_change" in [f.path for f in a.against]
    assert "acosta" in a.authorities
    assert all(p.note for p in a.parts)


def test_a_changeable_trait_fundamental_to_identity_is_met_for_the_attorney_to_check() -> None:
    r = psg(**{**WELL_DEFINED, "group_can_change": YesNo.yes,
               "group_should_not_change": "It is my faith and conscience."})
    a = el(r)
    assert parts(a)["immutability"] == "met" and a.strength == "supported"
    [note] = [p.note for p in a.parts if p.key == "immutability"]
    assert "fundamental to identity or conscience" in note


def test_kasinga_group_meets_every_part_in_the_us() -> None:
    """Matter of Kasinga: young women of the tribe who have not had FGM and oppose it."""
    a = el(psg(**WELL_DEFINED))
    assert parts(a) == {"immutability": "met", "circularity": "met", "particularity": "met",
                        "distinction": "met"}
    assert a.strength == "supported" and a.against == ()
    assert {"acosta", "m-e-v-g", "w-g-r"} <= set(a.authorities)
    [circular] = [p.note for p in a.parts if p.key == "circularity"]
    assert "not the harm itself" in circular  # the attorney checks the free text


def test_a_group_defined_only_by_the_harm_is_not_shown() -> None:
    a = el(psg(**{**WELL_DEFINED, "group_shared_trait": ""}))
    assert parts(a)["circularity"] == "not_shown" and a.strength == "thin"
    assert "circular" in a.reason and "apart from being harmed" in a.next_step


def test_particularity_and_social_distinction() -> None:
    vague = el(psg(**{**WELL_DEFINED, "group_who_belongs": ""}))
    assert parts(vague)["particularity"] == "not_shown" and vague.strength == "thin"
    unseen = el(psg(**{**WELL_DEFINED, "group_seen_as_group": YesNo.no}))
    assert parts(unseen)["distinction"] == "against" and unseen.strength == "against"
    assert "beliefs.group_seen_as_group" in [f.path for f in unseen.against]
    unknown = el(psg(**{**WELL_DEFINED, "group_seen_as_group": YesNo.unknown}))
    assert parts(unknown)["distinction"] == "not_shown"


def test_each_jurisdiction_has_its_own_social_group_test() -> None:
    r = psg(**{**WELL_DEFINED, "group_seen_as_group": YesNo.no})
    uk, ca, eu = el(r, juris="uk"), el(r, juris="ca"), el(r, juris="eu")
    # UK (NABA 2022 s.33) and EU (art. 10(1)(d)): both conditions, no particularity
    assert parts(uk) == {"immutability": "met", "circularity": "met", "distinction": "against",
                         "both": "against"}
    assert uk.strength == "against" and "naba-2022-s33" in uk.authorities
    assert any("(verify)" in p.note for p in uk.parts)
    assert parts(eu)["both"] == "against" and "qd-2011-95-art-10" in eu.authorities
    # Canada (Ward): no social-distinction requirement
    assert parts(ca) == {"immutability": "met", "circularity": "met"}
    assert ca.strength == "supported" and "ward" in ca.authorities


def test_one_good_ground_carries_the_element() -> None:
    r = psg(group_can_change=YesNo.yes)
    r.beliefs.grounds.append(Ground.religion)
    r.about.religion = "Baháʼí"
    a = el(r)
    assert a.strength == "supported"
    assert parts(a)["immutability"] == "against" and parts(a)["described"] == "met"


def _worker(**answers: Any) -> CaseRecord:
    return record(**{"beliefs.grounds": [Ground.political_opinion],
                     "beliefs.beliefs_description": "Officials must not steal public money.",
                     "beliefs.opinion_through_work": YesNo.yes,
                     **{f"beliefs.{k}": v for k, v in answers.items()}})


def test_an_opinion_through_work_needs_a_state_tie_and_speaking_out() -> None:
    """Matter of N-M-: the whistleblower with no state tie who did not speak out."""
    lone = el(_worker(wrongdoing_by_state=YesNo.no, spoke_out=YesNo.no))
    assert parts(lone) == {"described": "met", "state_tie": "against", "spoke_out": "against"}
    assert lone.strength == "against" and "n-m" in lone.authorities
    assert {f.path for f in lone.against} == {"beliefs.wrongdoing_by_state",
                                              "beliefs.spoke_out"}
    unasked = el(_worker())
    assert unasked.strength == "thin" and "officials" in unasked.next_step
    tied = el(_worker(wrongdoing_by_state=YesNo.yes, spoke_out=YesNo.yes,
                      spoke_out_to="I told a journalist and the prosecutor."))
    assert tied.strength == "supported" and tied.against == ()
    assert "beliefs.spoke_out_to" in [f.path for f in tied.facts]


def test_every_part_and_result_speaks_in_whole_sentences() -> None:
    r = psg(**{**WELL_DEFINED, "group_can_change": YesNo.yes})
    for juris in ("us", "uk", "ca", "eu"):
        a = el(r, juris=juris)
        assert a.reason.endswith(".") and a.next_step.startswith("Ask ")
        assert all(p.label and p.note.endswith(".") for p in a.parts)


def uk_on(r: CaseRecord, on: date) -> ElementAssessment:
    [found] = [a for a in assess(r, "uk", today=on) if a.key == "protected_ground"]
    return found


def test_a_uk_claim_before_the_2022_act_needs_either_condition_not_both() -> None:
    """K and Fornah (HL 2006) in outline: a young Sierra Leonean woman who has not been cut
    and fears it; nothing yet says whether society sees such women as a group. Before 28 June
    2022 the characteristic alone is enough (DH (Afghanistan)); from then on s.33 wants both."""
    r = psg(social_group_name="Young women in Sierra Leone who have not been cut",
            group_shared_trait="We are women and we have not been initiated.",
            group_can_change=YesNo.no)
    before = uk_on(r, date(2004, 1, 1))
    assert before.strength == "supported"
    assert parts(before) == {"immutability": "met", "circularity": "met", "either": "met"}
    assert {"dh-afghanistan", "shah-islam"} <= set(before.authorities)
    after = uk_on(r, date(2023, 1, 1))
    assert after.strength == "thin" and parts(after)["both"] == "not_shown"
    # The claim date, when recorded, decides, not the date of the assessment.
    r.timing.filed_on = fd("2021-05-01")
    assert uk_on(r, date(2023, 1, 1)).strength == "supported"


def test_before_the_2022_act_one_condition_against_is_not_the_end() -> None:
    """Acosta's taxi drivers put to the pre-2022 UK test: an occupation one can leave is not
    immutable, but the group may still have a distinct identity; against only if both fail."""
    taxi = dict(social_group_name="Taxi drivers in San Salvador",
                group_shared_trait="We drive taxis.", group_can_change=YesNo.yes)
    open_question = uk_on(psg(**taxi), date(2004, 1, 1))
    assert open_question.strength == "thin"
    assert parts(open_question) == {"circularity": "met", "distinction": "not_shown",
                                    "either": "not_shown"}
    assert open_question.next_step.startswith("Ask whether people there see the group")
    both_fail = uk_on(psg(**taxi, group_seen_as_group=YesNo.no), date(2004, 1, 1))
    assert both_fail.strength == "against" and parts(both_fail)["either"] == "against"
    seen = uk_on(psg(**taxi, group_seen_as_group=YesNo.yes), date(2004, 1, 1))
    assert seen.strength == "supported" and "immutability" not in parts(seen)
