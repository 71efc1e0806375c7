"""Internal relocation: the two limbs everywhere (safe there; reasonable to go), the US burden
and its presumptions, and fact patterns from published decisions."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import Perpetrator, StateProtection
from tests.unit.legal.element_helpers import el, note, parts, status
from tests.unit.legal.factories import incident, record

NO_WHY = {"fear.relocation_possible": YesNo.no,
          "fear.relocation_why_not": "Checkpoints everywhere check papers."}


def test_answers_alone() -> None:
    assert el(record(), "internal_relocation").strength == "missing"
    could = el(record(**{"fear.relocation_possible": YesNo.yes}), "internal_relocation")
    assert could.strength == "against"
    assert status(could) == {"burden": "not_shown", "safe": "against", "reasonable": "against"}
    assert el(record(**{"fear.relocation_possible": YesNo.no}),
              "internal_relocation").strength == "thin"
    assert el(record(**{"fear.relocation_why_not": "Checkpoints."}),
              "internal_relocation").strength == "thin"
    a = el(record(**NO_WHY), "internal_relocation")
    assert a.strength == "supported" and status(a)["safe"] == status(a)["reasonable"] == "met"
    assert [f.path for f in a.facts] == ["fear.relocation_why_not"]


def test_us_government_persecutor_shifts_the_burden() -> None:
    r = record(**{"incidents.items": [incident(perpetrator=Perpetrator.army)]})
    a = el(r, "internal_relocation")
    p = parts(a)["burden"]
    assert p.status == "met" and "presumed unreasonable" in note(p) and "the army" in note(p)
    assert a.strength == "supported" and status(a)["safe"] == "met"
    assert "8-cfr-1208-13-b-3" in a.authorities


def test_us_past_persecution_by_a_private_actor_also_shifts_the_burden() -> None:
    beaten = incident(perpetrator=Perpetrator.non_state, what_happened="Beaten by the gang.",
                      injuries="Stitches.", state_protection=StateProtection.sought_failed)
    a = el(record(**{"incidents.items": [beaten]}), "internal_relocation")
    assert parts(a)["burden"].status == "met" and "8-cfr-1208-13-b-1" in a.authorities
    threatened = incident(perpetrator=Perpetrator.non_state, what_happened="They threatened me.")
    b = el(record(**{"incidents.items": [threatened]}), "internal_relocation")
    assert parts(b)["burden"].status == "not_shown" and b.strength == "missing"
    assert "applicant must show" in parts(b)["burden"].note


def test_canada_two_prong_ifa() -> None:
    a = el(record(**NO_WHY), "internal_relocation", "ca")
    assert list(status(a)) == ["safe", "reasonable"]  # no US burden part
    assert parts(a)["safe"].authorities == ("rasaratnam",)
    assert parts(a)["reasonable"].authorities == ("thirunavukkarasu",)


def test_rasaratnam_pattern_a_state_persecutor_does_not_by_itself_rule_out_an_ifa() -> None:
    # Rasaratnam (FCA 1992): a young Tamil man harmed by the army in the north; an IFA in
    # Colombo was open to the Board. Nothing is said yet about living elsewhere.
    r = record(**{"incidents.items": [incident(perpetrator=Perpetrator.army,
                                               what_happened="Detained by the army in Jaffna.")]})
    a = el(r, "internal_relocation", "ca")
    assert status(a) == {"safe": "not_shown", "reasonable": "not_shown"}
    assert a.strength == "thin" and "live safely in another part" in a.next_step


def test_thirunavukkarasu_pattern_harm_in_the_proposed_ifa_meets_both_prongs() -> None:
    # Thirunavukkarasu (FCA 1993): detained and beaten by the police in Colombo itself.
    r = record(**{"fear.relocation_possible": YesNo.no,
                  "fear.relocation_why_not": "In Colombo the police detained and beat me for "
                                             "being a Tamil from the north."})
    a = el(r, "internal_relocation", "ca")
    assert a.strength == "supported" and set(status(a).values()) == {"met"}
    assert "unduly harsh" in parts(a)["reasonable"].note


def test_ah_sudan_pattern_uk_relocation_needs_the_reasonableness_limb() -> None:
    # AH (Sudan) (HL 2007): Darfuris harmed by a militia tied to the state; relocation to
    # Khartoum was judged not unduly harsh. The state link alone does not settle it.
    r = record(**{"incidents.items": [incident(perpetrator=Perpetrator.state_militia)]})
    a = el(r, "internal_relocation", "uk")
    assert status(a) == {"safe": "not_shown", "reasonable": "not_shown"}
    assert set(parts(a)["reasonable"].authorities) == {"januzi", "ah-sudan", "naba-2022-s35"}
    said = el(record(**NO_WHY), "internal_relocation", "uk")
    assert said.strength == "supported"


def test_eu_article_8() -> None:
    a = el(record(**{"fear.relocation_possible": YesNo.yes}), "internal_relocation", "eu")
    assert a.strength == "against" and a.authorities == ("qd-2011-95-art-8",)



def test_having_lived_elsewhere_unharmed_points_against_the_safety_limb() -> None:
    """Thirunavukkarasu-like facts on the first prong: a Tamil who had lived in Colombo for
    months without being sought there (Rasaratnam's prong one), in every jurisdiction."""
    from asylum_prep.domain.journey import RelocationReason

    lived = {**NO_WHY, "fear.lived_elsewhere": YesNo.yes,
             "fear.lived_elsewhere_harmed": YesNo.no,
             "fear.lived_elsewhere_detail": "I lived in Colombo for four months; no one came."}
    for j in ("us", "uk", "ca", "eu"):
        a = el(record(**lived), "internal_relocation", j)
        assert a.strength == "against" and status(a)["safe"] == "against", j
        assert "rasaratnam" in a.authorities
        assert [f.path for f in a.against] == ["fear.relocation_why_not",
                                               "fear.lived_elsewhere_detail"]
    # found and harmed there: the danger followed, and the answers count as before
    followed = {**lived, "fear.lived_elsewhere_harmed": YesNo.yes}
    assert el(record(**followed), "internal_relocation", "uk").strength == "supported"
    # hardship only, not danger (AH (Sudan)): the reasonableness limb asks about undue harshness
    hardship = {**NO_WHY, "fear.relocation_reason": RelocationReason.hardship}
    a = el(record(**hardship), "internal_relocation", "uk")
    assert a.strength == "against" and status(a)["reasonable"] == "not_shown"
    assert "ah-sudan" in parts(a)["reasonable"].authorities
    both = {**NO_WHY, "fear.relocation_reason": RelocationReason.both}
    assert el(record(**both), "internal_relocation", "uk").strength == "supported"
