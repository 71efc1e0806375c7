"""Agent of persecution and state protection: who did it, and whether the state did not or
could not protect; a refugee with more than one nationality must lack the protection of each
(Refugee Convention art. 1A(2), second paragraph)."""

from __future__ import annotations

from asylum_prep.domain.events import Perpetrator, StateProtection
from asylum_prep.domain.record import CaseRecord
from tests.unit.legal.element_helpers import el, note, parts, status
from tests.unit.legal.factories import incident, record

KEY = "agent_state_protection"


def gang_case(*nationalities: str) -> CaseRecord:
    """Matter of A-R-C-G- in outline: a non-state persecutor, the police asked and refusing."""
    return record(**{
        "about.nationalities": list(nationalities),
        "incidents.items": [incident(
            perpetrator=Perpetrator.non_state, perpetrator_detail="My husband.",
            what_happened="He beat me every week.",
            state_protection=StateProtection.sought_refused,
            state_protection_detail="I called the police; they said they would not interfere "
                                    "in a marriage.")]})


def test_one_nationality_and_protection_refused_is_supported() -> None:
    a = el(gang_case("GT"), KEY)
    assert a.strength == "supported"
    assert status(a) == {"agent": "met", "protection": "met"}


def test_a_second_nationality_leaves_protection_to_be_shown_there_too() -> None:
    """The same facts for a national of two states: the refusal in one says nothing of the
    other, so the element stays thin and asks about the other country."""
    for juris in ("us", "uk", "ca", "eu"):
        a = el(gang_case("GT", "MX"), KEY, juris)
        assert a.strength == "thin", juris
        second = parts(a)["nationalities"]
        assert second.status == "not_shown" and note(second) == a.reason
        assert "each country of nationality" in a.reason
        assert a.next_step.startswith("Ask whether the applicant could get protection in each")
        assert any(f.path == "about.nationalities" for f in a.facts)
        assert set(second.authorities) <= set(a.authorities)
    assert "ward" in el(gang_case("GT", "MX"), KEY, "ca").authorities


def test_the_same_nationality_twice_is_one_nationality() -> None:
    assert el(gang_case("GT", "GT"), KEY).strength == "supported"


def roma_case() -> CaseRecord:
    """R (Bagdanavicius) v SSHD [2005] UKHL 38 in outline: a Roma man attacked by private
    thugs, who did not go to the police because he believed they would not help."""
    return record(**{"incidents.items": [incident(
        perpetrator=Perpetrator.non_state, perpetrator_detail="Men who attack Roma.",
        what_happened="They beat me and threatened my family.",
        state_protection=StateProtection.not_sought_pointless,
        state_protection_detail="The police do nothing for Roma.")]})


def test_uk_not_asking_the_police_needs_country_evidence_on_the_system() -> None:
    """Horvath: sufficiency of protection is the state's system of criminal law and its
    reasonable willingness to enforce it; the applicant's reason for not asking cannot show
    that alone, so without country evidence attached the part is not shown."""
    a = el(roma_case(), KEY, "uk")
    assert a.strength == "thin" and status(a)["protection"] == "not_shown"
    assert "reasonable willingness to enforce it" in a.reason and "horvath" in a.authorities
    assert a.next_step.startswith("Attach country-conditions passages on whether the police")
    cited = el(roma_case(), KEY, "uk", country_evidence={KEY: 1})
    assert cited.strength == "supported" and status(cited)["protection"] == "met"
    # Evidence attached to another element does not count here.
    assert el(roma_case(), KEY, "uk", country_evidence={"objective_fear": 2}).strength == "thin"
    # The US rule (unable or unwilling) and Canada's presumption are unchanged.
    assert el(roma_case(), KEY, "us").strength == "supported"
    assert el(roma_case(), KEY, "ca").strength == "thin"
