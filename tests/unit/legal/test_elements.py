"""Element strengths per rule, next steps naming the gap, jurisdiction sets, manual links,
and that facts are only ever the applicant's own words."""

from __future__ import annotations

from enum import Enum

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import Perpetrator, TargetReason
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.i18n import translator
from asylum_prep.legal import authorities, jurisdictions
from asylum_prep.legal.assessment import localize
from asylum_prep.legal.elements import ElementAssessment, assess
from tests.unit.legal.factories import (
    TODAY,
    incident,
    link,
    membership,
    record,
    strong_record,
    transit,
)


def el(r: CaseRecord, key: str, juris: str = "us", **kw: object) -> ElementAssessment:
    found = [a for a in assess(r, juris, today=TODAY, **kw) if a.key == key]  # type: ignore[arg-type]
    assert len(found) == 1, key
    return found[0]


def st(r: CaseRecord, key: str, juris: str = "us", **kw: object) -> str:
    return el(r, key, juris, **kw).strength


def test_jurisdiction_element_sets() -> None:
    keys = {j: [a.key for a in assess(CaseRecord(), j, today=TODAY)]
            for j in ("us", "uk", "ca", "eu")}
    assert keys["us"] == ["protected_ground", "nexus", "harm", "agent_state_protection",
                          "past_persecution", "subjective_fear", "objective_fear",
                          "internal_relocation", "timeliness", "bars", "torture_official"]
    assert "timeliness" not in keys["uk"] + keys["ca"] + keys["eu"]
    assert "past_persecution" not in keys["uk"] + keys["ca"]
    assert "past_persecution" in keys["eu"]
    assert all("torture_official" in k for k in keys.values())


def test_every_element_of_an_empty_record_is_missing_with_reason_and_step() -> None:
    for juris in ("us", "uk", "ca", "eu"):
        for a in assess(CaseRecord(), juris, today=TODAY):
            assert a.strength == "missing", (juris, a.key)
            assert a.reason and a.next_step and a.title and a.facts == ()


def test_strong_record_is_supported_everywhere_with_country_evidence() -> None:
    result = assess(strong_record(), "us", today=TODAY, country_evidence={"objective_fear": 1})
    assert {a.key: a.strength for a in result} == {a.key: "supported" for a in result}


def test_facts_quote_the_answers_exactly() -> None:
    r = strong_record()
    for a in assess(r, "us", today=TODAY, country_evidence={"objective_fear": 1}):
        for f in a.facts:
            value = get_path(r, f.path)
            assert value is not None, f.path
            if f.path.endswith(".membership_id"):  # the tie quotes the organisation's name
                assert f.text == get_path(r, f"beliefs.memberships.{value}.organisation")
            elif isinstance(value, Enum | list):  # a choice: quoted as the choice made
                choices = value if isinstance(value, list) else [value]
                assert all(isinstance(c, Enum) for c in choices), f.path
                assert f.text and dict(f.label_params)["choice"], f.path
            elif isinstance(value, str):
                assert f.text == value




# manual links ----------------------------------------------------------------------------------

def test_manual_link_adds_a_fact_and_lifts_missing_to_thin() -> None:
    r = record(**{"fear.why": "They think my father hid weapons."})
    assert st(r, "protected_ground") == "missing"
    r.element_links.append(link("protected_ground", "fear.why"))
    a = el(r, "protected_ground")
    assert a.strength == "thin" and a.reason == ("The rules found nothing here; the attorney "
                                                 "linked 1 answer by hand. Check that it meets "
                                                 "the test.")
    [f] = a.facts
    assert f.manual and f.path == "fear.why" and f.text == "They think my father hid weapons."


def test_a_hand_linked_answer_is_named_by_its_question_never_by_its_path() -> None:
    stay = transit("Valmora", "2022-08-02", status_detail="They offered me a paper; I refused.")
    member = membership("Tovin Student Press", "2019-09-01")
    r = record(**{"about.birth_place": "Tovin", "leaving.route": [transit("Arden", "2022-08-01"),
                                                                     stay],
                  "beliefs.memberships": [member]})
    paths = ["about.birth_place", f"leaving.route.{stay.id}.status_detail",
             f"beliefs.memberships.{member.id}", "element_links"]
    for n, path in enumerate(paths):
        r.element_links.append(link("bars", path, minute=n))
    facts = {f.path: f for f in el(r, "bars").facts}
    assert facts["about.birth_place"].label == "About you: Where were you born (town or city)?"
    route = facts[f"leaving.route.{stay.id}.status_detail"].label
    assert route == "Countries you passed through, entry 2: What were you offered, and by whom?"
    assert facts[f"beliefs.memberships.{member.id}"].label == (
        "Your beliefs and activities: Linked answer")  # no question asks a whole entry
    assert facts["element_links"].label == "Linked answer"  # outside every part
    es = translator("es")
    for path in paths[:3]:
        f = facts[path]
        shown = localize(f.label_template, f.label_params, es)
        assert path not in shown and f.label not in shown and "{" not in shown, shown
    assert localize(facts[paths[2]].label_template, facts[paths[2]].label_params,
                    es).endswith(": Respuesta vinculada")


def test_manual_link_never_makes_supported_by_itself() -> None:
    r = record(**{"beliefs.grounds": [Ground.political_opinion], "fear.who": "The police."})
    r.element_links.append(link("nexus", "fear.who"))
    assert st(r, "nexus") == "thin"


def test_unlink_removes_rule_facts_and_latest_decision_wins() -> None:
    r = strong_record()
    i = r.incidents.items[0]
    r.element_links.append(link("nexus", f"incidents.items.{i.id}", linked=False, minute=1))
    a = el(r, "nexus")
    assert all(not f.path.startswith(f"incidents.items.{i.id}") for f in a.facts)
    assert any(f.path == "fear.why" for f in a.facts)
    r.element_links.append(link("nexus", f"incidents.items.{i.id}.why_targeted", minute=2))
    paths = [f.path for f in el(r, "nexus").facts]
    assert f"incidents.items.{i.id}.why_targeted" in paths


def test_unlinking_every_fact_makes_the_element_missing() -> None:
    r = record(**{"fear.relocation_possible": YesNo.no, "fear.relocation_why_not": "Checkpoints."})
    r.element_links.append(link("internal_relocation", "fear.relocation_why_not", linked=False))
    a = el(r, "internal_relocation")
    assert a.strength == "missing" and "unlinked" in a.reason and a.facts == ()


def test_links_for_other_elements_do_not_leak() -> None:
    r = record(**{"fear.why": "Because of my faith."})
    r.element_links.append(link("nexus", "fear.why", linked=False))
    assert el(r, "protected_ground").facts == ()
    assert el(r, "nexus").facts == ()


def test_titles_and_citations_come_with_as_of_dates() -> None:
    for spec in jurisdictions.JURISDICTIONS.values():
        assert spec.protections
        for e in spec.elements:
            assert e.title and e.test and e.citations
            assert all(c.as_of == authorities.get(c.id).checked_as_of.isoformat()
                       for c in e.citations)
    assert {p.key for p in jurisdictions.US.protections} == {"asylum", "withholding", "cat"}
    assert any("INA § 241(b)(3)" in c.text for p in jurisdictions.US.protections
               for c in p.citations)


def test_a_manual_link_never_lifts_against_and_unlinking_reaches_facts_against() -> None:
    cook = incident(perpetrator=Perpetrator.non_state, target_reasons=[TargetReason.recruitment],
                    words_said="You cook for us or you die.")
    r = record(**{"beliefs.grounds": [Ground.political_opinion], "incidents.items": [cook],
                  "fear.why": "They say I support the government."})
    assert st(r, "nexus") == "against"
    r.element_links.append(link("nexus", "fear.why"))
    assert st(r, "nexus") == "against"
    path = f"incidents.items.{cook.id}.target_reasons"
    assert [f.path for f in el(r, "nexus").against] == [path]
    r.element_links.append(link("nexus", f"incidents.items.{cook.id}", linked=False, minute=1))
    a = el(r, "nexus")
    assert a.against == () and a.strength == "against"  # the rules' reading stays
    r.element_links.append(link("nexus", "fear.why", linked=False, minute=2))
    assert el(r, "nexus").strength == "missing"
