"""Element strengths per rule, next steps naming the gap, jurisdiction sets, manual links,
and that facts are only ever the applicant's own words."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import LegalKind, Perpetrator, StateProtection
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.i18n import translator
from asylum_prep.legal import authorities, jurisdictions
from asylum_prep.legal.assessment import localize
from asylum_prep.legal.elements import ElementAssessment, assess
from tests.unit.legal.factories import (
    TODAY,
    arrival,
    fd,
    incident,
    legal_event,
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
            elif isinstance(value, str):
                assert f.text == value


# protected ground ----------------------------------------------------------------------------

def test_protected_ground() -> None:
    assert st(record(), "protected_ground") == "missing"
    bare = el(record(**{"beliefs.grounds": [Ground.religion]}), "protected_ground")
    assert bare.strength == "thin" and "religion" in bare.next_step
    psg = el(record(**{"beliefs.grounds": [Ground.particular_social_group],
                       "beliefs.beliefs_description": "x"}), "protected_ground")
    assert psg.strength == "thin" and "group" in psg.next_step
    imputed = el(record(**{"beliefs.grounds": [Ground.imputed_political_opinion],
                           "beliefs.beliefs_description": "x"}), "protected_ground")
    assert imputed.strength == "thin" and "opinion" in imputed.next_step
    religion = el(record(**{"beliefs.grounds": [Ground.religion],
                            "about.religion": "Baháʼí"}), "protected_ground")
    assert religion.strength == "supported"
    assert [f.path for f in religion.facts] == ["about.religion"]


# nexus -----------------------------------------------------------------------------------------

def test_nexus_missing_without_ground_thin_with_only_ground() -> None:
    assert el(record(**{"incidents.items": [incident(why_targeted="my articles")]}),
              "nexus").strength == "missing"
    assert el(record(**{"beliefs.grounds": [Ground.political_opinion]}),
              "nexus").strength == "thin"


def test_nexus_next_step_names_who_and_when() -> None:
    r = record(**{"beliefs.grounds": [Ground.political_opinion],
                  "incidents.items": [incident("2022-05-03", perpetrator=Perpetrator.police)]})
    a = el(r, "nexus")
    assert a.strength == "thin"
    assert a.next_step == ("Ask why the police targeted the applicant in the incident of "
                           "2022-05-03: no reason is stated.")


def test_nexus_supported_by_stated_reason_or_words_and_points_at_the_rest() -> None:
    said = incident("2022-05-03", words_said="We know you write for the opposition.")
    silent = incident("2023-01-09", perpetrator=Perpetrator.army)
    r = record(**{"beliefs.grounds": [Ground.political_opinion], "incidents.items": [said, silent]})
    a = el(r, "nexus")
    assert a.strength == "supported"
    assert "the army" in a.next_step and "2023-01-09" in a.next_step
    assert [f.text for f in a.facts] == ["We know you write for the opposition."]


# harm and past persecution ------------------------------------------------------------------

def test_harm_and_past_persecution() -> None:
    assert st(record(), "harm") == "missing"
    feared = record(**{"fear.what_harm": "Prison."})
    assert st(feared, "harm") == "thin"
    assert st(feared, "past_persecution") == "missing"
    one = record(**{"incidents.items": [incident(what_happened="They shouted at me.")]})
    assert st(one, "harm") == "thin" and "2022-05-03" in el(one, "harm").next_step
    assert st(one, "past_persecution") == "thin"
    hurt = record(**{"incidents.items": [incident(what_happened="They beat me.",
                                                  injuries="Two broken ribs.")]})
    assert st(hurt, "harm") == "supported"
    assert st(hurt, "past_persecution") == "supported"
    unknown_author = record(**{"incidents.items": [incident(
        what_happened="Beaten.", injuries="Ribs.", perpetrator=Perpetrator.unknown)]})
    assert st(unknown_author, "past_persecution") == "thin"
    repeated = record(**{"incidents.items": [incident("2022-01-01", what_happened="Threats."),
                                             incident("2022-02-01", what_happened="Threats.")]})
    assert st(repeated, "harm") == "supported"


# agent and state protection -----------------------------------------------------------------

def test_agent_state_protection() -> None:
    assert st(record(**{"incidents.items": [incident()]}), "agent_state_protection") == "supported"
    unknown = el(record(**{"incidents.items": [incident(perpetrator=Perpetrator.unknown)]}),
                 "agent_state_protection")
    assert unknown.strength == "thin" and "who did this" in unknown.next_step
    gang = incident("2021-04-02", perpetrator=Perpetrator.non_state)
    a = el(record(**{"incidents.items": [gang]}), "agent_state_protection")
    assert a.strength == "thin" and "police for protection" in a.next_step
    assert "2021-04-02" in a.next_step
    gang.state_protection = StateProtection.sought_refused
    assert st(record(**{"incidents.items": [gang]}), "agent_state_protection") == "thin"
    gang.report_result = "The officer laughed and sent me away."
    assert st(record(**{"incidents.items": [gang]}), "agent_state_protection") == "supported"
    assert st(record(**{"fear.who": "The gang."}), "agent_state_protection") == "thin"


# fear ------------------------------------------------------------------------------------------

def test_subjective_fear() -> None:
    assert st(record(), "subjective_fear") == "missing"
    assert st(record(**{"fear.who": "The police."}), "subjective_fear") == "thin"
    both = {"fear.who": "The police.", "fear.what_harm": "Prison."}
    assert st(record(**both), "subjective_fear") == "supported"
    returned = el(record(**both, **{"screening.returned_home": YesNo.yes}), "subjective_fear")
    assert returned.strength == "thin" and "return home" in returned.next_step


def test_objective_fear_is_thin_without_country_evidence() -> None:
    r = record(**{"fear.still_looking": YesNo.yes,
                  "fear.still_looking_detail": "They came in May."})
    without = el(r, "objective_fear")
    assert without.strength == "thin" and "country-conditions" in without.next_step
    assert el(r, "objective_fear", country_evidence={"objective_fear": 2}).strength == "supported"
    assert el(r, "objective_fear", country_evidence={"harm": 2}).strength == "thin"
    assert el(record(), "objective_fear", country_evidence={"objective_fear": 1}).strength == "thin"
    assert st(record(), "objective_fear") == "missing"


def test_internal_relocation() -> None:
    assert st(record(), "internal_relocation") == "missing"
    assert st(record(**{"fear.relocation_possible": YesNo.yes}), "internal_relocation") == "missing"
    assert st(record(**{"fear.relocation_possible": YesNo.no}), "internal_relocation") == "thin"
    why = record(**{"fear.relocation_why_not": "Checkpoints."})
    assert st(why, "internal_relocation") == "thin"
    assert el(record(**{"fear.relocation_possible": YesNo.no,
                        "fear.relocation_why_not": "Checkpoints."}),
              "internal_relocation").strength == "supported"


# timeliness ------------------------------------------------------------------------------------

def test_timeliness() -> None:
    assert st(record(), "timeliness") == "missing"
    fresh = record(**{"leaving.entries": [arrival("2025-01-10")]})
    a = el(fresh, "timeliness")
    assert a.strength == "supported" and a.next_step == "File by 2026-01-10."
    fuzzy = record(**{"leaving.entries": [arrival(fd("2025-01-01", "month"))]})
    assert st(fuzzy, "timeliness") == "thin"
    late = record(**{"leaving.entries": [arrival("2023-01-10")]})
    assert st(late, "timeliness") == "missing"
    late.timing.extraordinary_circumstances = "I was in hospital for eight months."
    assert st(late, "timeliness") == "thin"


# bars ------------------------------------------------------------------------------------------

def test_bars_alert_without_judging() -> None:
    assert st(record(), "bars") == "missing"
    clear = {f"screening.{k}": YesNo.no for k in ("harmed_others", "serious_crimes",
                                                   "status_elsewhere", "armed_groups")}
    assert st(record(**clear), "bars") == "supported"
    touched = record(**{**clear, "screening.armed_groups": YesNo.yes,
                        "screening.armed_groups_detail": "I was forced to carry food for them."})
    a = el(touched, "bars")
    assert a.strength == "thin" and "armed groups" in a.reason
    assert [f.text for f in a.facts] == ["I was forced to carry food for them."]
    resettled = record(**clear, **{"leaving.route": [transit("Valmora", "2022-01-01",
                                                              status_offered=YesNo.yes)]})
    assert st(resettled, "bars") == "thin"
    convicted = record(**clear, **{"harm_to_others.legal_events": [
        legal_event(LegalKind.conviction, "2021-01-01", description="Insulting the governor.")]})
    assert st(convicted, "bars") == "thin"


# torture -----------------------------------------------------------------------------------------

def test_torture_official_needs_an_official_in_the_us_and_canada_only() -> None:
    fear = {"fear.torture_fear": YesNo.yes, "fear.torture_detail": "Electric shocks."}
    gang = record(**fear, **{"incidents.items": [incident(perpetrator=Perpetrator.non_state)]})
    assert st(gang, "torture_official", "us") == "thin"
    assert st(gang, "torture_official", "ca") == "thin"
    assert st(gang, "torture_official", "uk") == "supported"
    assert st(gang, "torture_official", "eu") == "supported"
    police = record(**fear, **{"incidents.items": [incident()]})
    assert st(police, "torture_official", "us") == "supported"
    acquiesced = record(**fear, **{"incidents.items": [incident(
        perpetrator=Perpetrator.non_state, state_protection=StateProtection.sought_refused)]})
    assert st(acquiesced, "torture_official", "us") == "supported"
    hurt_no_answer = record(**{"incidents.items": [incident(injuries="Burns.")]})
    assert st(hurt_no_answer, "torture_official") == "thin"
    assert st(record(**{"fear.torture_fear": YesNo.yes}), "torture_official") == "thin"
    assert st(record(**{"fear.torture_fear": YesNo.no}), "torture_official") == "missing"


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
