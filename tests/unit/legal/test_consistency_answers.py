"""The consistency rules between answers of different parts (legal.consistency_answers) and
arrests after the departure: each fires on its contradiction, names both places, and stays
quiet on unknown or empty answers, approximate dates and the readings that are consistent."""

from __future__ import annotations

from typing import Any

import pytest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import (
    DetentionLength,
    Frequency,
    InjuryLevel,
    LegalKind,
    OtherHarm,
)
from asylum_prep.domain.journey import ArmedGroupKind, HelpKind, Voluntariness
from asylum_prep.domain.people import FamilyMember, Relation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Dismissal
from asylum_prep.i18n import SUPPORTED, translator
from asylum_prep.legal.assessment import localize
from asylum_prep.legal.consistency import Flag, check
from tests.unit.legal.factories import (
    AT,
    TODAY,
    arrival,
    fd,
    incident,
    legal_event,
    record,
    refuge_departure,
    strong_record,
    transit,
)


def flags(r: CaseRecord) -> list[Flag]:
    return check(r, today=TODAY)


def rules(r: CaseRecord) -> list[str]:
    return [f.rule for f in flags(r)]


def test_an_empty_record_and_a_consistent_one_raise_nothing() -> None:
    assert flags(CaseRecord()) == []
    assert flags(strong_record()) == []


# screening against legal events ---------------------------------------------------------------

@pytest.mark.parametrize("kind", [LegalKind.accusation, LegalKind.warrant, LegalKind.charge,
                                  LegalKind.court_case, LegalKind.conviction])
def test_never_accused_but_an_accusation_is_recorded(kind: LegalKind) -> None:
    e = legal_event(kind, "2021-04-01", place="Tovin")
    r = record(**{"screening.serious_crimes": YesNo.no, "harm_to_others.legal_events": [e]})
    [f] = flags(r)
    assert f.rule == "crimes_answer_vs_legal_event"
    assert set(f.places) == {"screening.serious_crimes",
                             f"harm_to_others.legal_events.{e.id}.kind"}
    assert "persecutor" in f.message and "not a crime" in f.message


@pytest.mark.parametrize("kind", [LegalKind.summons, LegalKind.arrest, LegalKind.detention])
def test_a_summons_or_an_arrest_alone_is_not_an_accusation(kind: LegalKind) -> None:
    r = record(**{"screening.serious_crimes": YesNo.no,
                  "harm_to_others.legal_events": [legal_event(kind, "2021-04-01")]})
    assert rules(r) == []


def test_crimes_rule_needs_a_plain_no() -> None:
    events = {"harm_to_others.legal_events": [legal_event(LegalKind.charge, "2021-04-01")]}
    for answer in (YesNo.yes, YesNo.unknown):
        assert rules(record(**events, **{"screening.serious_crimes": answer})) == []


def test_one_flag_per_accusation_each_with_its_own_id() -> None:
    a = legal_event(LegalKind.warrant, "2021-04-01")
    b = legal_event(LegalKind.court_case, "2021-09-01")
    r = record(**{"screening.serious_crimes": YesNo.no, "harm_to_others.legal_events": [a, b]})
    found = flags(r)
    assert [f.rule for f in found] == ["crimes_answer_vs_legal_event"] * 2
    assert len({f.id for f in found}) == 2


def test_no_status_elsewhere_but_status_offered_in_transit() -> None:
    offered = transit("Valmora", "2022-08-02", "2022-08-20", status_offered=YesNo.yes)
    refused = transit("Oskaria", "2022-08-21", "2022-09-01", status_offered=YesNo.no)
    r = record(**{"screening.status_elsewhere": YesNo.no, "leaving.route": [offered, refused]})
    [f] = flags(r)
    assert f.rule == "status_answer_vs_transit"
    assert set(f.places) == {"screening.status_elsewhere",
                             f"leaving.route.{offered.id}.status_offered"}
    r.screening.status_elsewhere = YesNo.yes
    assert rules(r) == []
    r.screening.status_elsewhere = YesNo.unknown
    assert rules(r) == []


@pytest.mark.parametrize("detail,value", [
    ("armed_group_help", [HelpKind.food]),
    ("armed_group_kind", ArmedGroupKind.non_state),
    ("armed_group_voluntary", Voluntariness.forced),
])
def test_no_armed_group_but_its_follow_ups_answered(detail: str, value: Any) -> None:
    r = record(**{"screening.armed_groups": YesNo.no, f"screening.{detail}": value})
    [f] = flags(r)
    assert f.rule == "screening_no_but_details"
    assert set(f.places) == {"screening.armed_groups", f"screening.{detail}"}
    r.screening.armed_groups = YesNo.yes
    assert rules(r) == []


def test_armed_group_follow_ups_unknown_or_empty_are_not_answers() -> None:
    assert rules(record(**{"screening.armed_groups": YesNo.no,
                           "screening.armed_group_help": [],
                           "screening.armed_group_kind": ArmedGroupKind.unknown})) == []


def test_no_harm_to_others_but_voluntariness_answered() -> None:
    r = record(**{"screening.harmed_others": YesNo.no,
                  "screening.harmed_others_voluntary": Voluntariness.forced})
    [f] = flags(r)
    assert set(f.places) == {"screening.harmed_others", "screening.harmed_others_voluntary"}
    r.screening.harmed_others_voluntary = Voluntariness.unknown
    assert rules(r) == []


# arrests after the departure ------------------------------------------------------------------

JOURNEY = {"leaving.departure_date": fd("2022-08-01"),
           "leaving.route": [transit("Valmora", "2022-08-02", "2022-08-20")],
           "leaving.entries": [arrival("2022-10-01")]}


def test_arrest_after_departure_without_a_return() -> None:
    e = legal_event(LegalKind.arrest, "2022-09-10", place="Tovin")
    r = record(**JOURNEY, **{"harm_to_others.legal_events": [e]})
    [f] = flags(r)
    assert f.rule == "held_after_departure"
    assert set(f.places) == {f"harm_to_others.legal_events.{e.id}.start",
                             "leaving.departure_date"}
    assert "2022-09-10" in f.message and "2022-08-01" in f.message


def test_held_after_departure_not_when_returned_on_the_way_or_approximate() -> None:
    held = [legal_event(LegalKind.detention, "2022-09-10", place="Tovin")]
    assert rules(record(**JOURNEY, **{"harm_to_others.legal_events": held,
                                      "screening.returned_home": YesNo.yes})) == []
    in_transit = [legal_event(LegalKind.arrest, "2022-08-05", place="Border post")]
    assert "held_after_departure" not in rules(
        record(**JOURNEY, **{"harm_to_others.legal_events": in_transit}))
    went_back = {**JOURNEY, "leaving.entries": [arrival("2022-10-01"),
                                                refuge_departure("2023-01-01"),
                                                arrival("2023-03-01")]}
    later = [legal_event(LegalKind.arrest, "2023-02-01", place="Tovin")]
    assert rules(record(**went_back, **{"harm_to_others.legal_events": later})) == []
    named = [legal_event(LegalKind.arrest, "2022-09-05", place="Police cell, Valmora City")]
    assert rules(record(**JOURNEY, **{"harm_to_others.legal_events": named})) == []
    fuzzy = [legal_event(LegalKind.arrest, "2022-08-01").model_copy(
        update={"start": fd("2022-08-01", "month")})]
    assert rules(record(**JOURNEY, **{"harm_to_others.legal_events": fuzzy})) == []


def test_an_arrest_on_or_after_arrival_in_the_country_of_refuge_is_not_flagged() -> None:
    """Held at the border of the country of refuge, or later there: the applicant was there."""
    at_border = [legal_event(LegalKind.detention, "2022-10-01", "2022-11-15",
                             place="Processing centre")]
    assert "held_after_departure" not in rules(
        record(**JOURNEY, **{"harm_to_others.legal_events": at_border}))
    no_arrival = {**JOURNEY, "leaving.entries": []}
    held = [legal_event(LegalKind.arrest, "2022-09-10", place="Tovin")]
    assert rules(record(**no_arrival, **{"harm_to_others.legal_events": held})) == []
    open_stay = {**JOURNEY, "leaving.route": [transit("Valmora", "2022-08-02")]}
    assert rules(record(**open_stay, **{"harm_to_others.legal_events": held})) == []


@pytest.mark.parametrize("kind", [LegalKind.summons, LegalKind.warrant, LegalKind.charge,
                                  LegalKind.court_case, LegalKind.conviction,
                                  LegalKind.accusation])
def test_proceedings_in_absence_after_departure_are_normal(kind: LegalKind) -> None:
    r = record(**{"leaving.departure_date": fd("2022-08-01"),
                  "harm_to_others.legal_events": [legal_event(kind, "2023-01-10")]})
    assert rules(r) == []


def test_harm_to_family_after_departure_is_never_flagged() -> None:
    brother = FamilyMember(relation=Relation.sibling, name="Teo Orlan", harmed=YesNo.yes)
    harm = OtherHarm(person="Teo Orlan", relation="My brother", date=fd("2023-02-01"))
    r = record(**{"leaving.departure_date": fd("2022-08-01"), "family.members": [brother],
                  "harm_to_others.others": [harm], "screening.returned_home": YesNo.no})
    assert rules(r) == []


# injuries, detention and threats ----------------------------------------------------------

def test_not_hurt_but_treated() -> None:
    i = incident(injury_level=InjuryLevel.none,
                 treatment="A doctor stitched the cut on my head.")
    [f] = flags(record(**{"incidents.items": [i]}))
    assert f.rule == "injury_none_but_treated"
    assert set(f.places) == {f"incidents.items.{i.id}.injury_level",
                             f"incidents.items.{i.id}.treatment"}


@pytest.mark.parametrize("text", ["", "  ", "No", "no.", " NO! ", "Non", "Нет", "خیر", "لا"])
def test_no_treatment_answered_with_a_bare_no_is_not_treatment(text: str) -> None:
    i = incident(injury_level=InjuryLevel.none, treatment=text)
    assert rules(record(**{"incidents.items": [i]})) == []


@pytest.mark.parametrize("level", [InjuryLevel.minor, InjuryLevel.treated, InjuryLevel.lasting,
                                   InjuryLevel.unknown])
def test_treatment_with_any_other_injury_level_is_fine(level: InjuryLevel) -> None:
    i = incident(injury_level=level, treatment="Ice on the bruise at home.")
    assert rules(record(**{"incidents.items": [i]})) == []


def test_not_held_but_a_detention_length() -> None:
    i = incident(detained=YesNo.no, detention_length=DetentionLength.days)
    [f] = flags(record(**{"incidents.items": [i]}))
    assert f.rule == "incident_no_but_details"
    assert set(f.places) == {f"incidents.items.{i.id}.detained",
                             f"incidents.items.{i.id}.detention_length"}
    for fine in (incident(detained=YesNo.no, detention_length=DetentionLength.unknown),
                 incident(detained=YesNo.yes, detention_length=DetentionLength.days),
                 incident(detained=YesNo.unknown, detention_length=DetentionLength.hours)):
        assert rules(record(**{"incidents.items": [fine]})) == []


def test_not_threatened_but_threat_details() -> None:
    often = incident(threatened=YesNo.no, threat_frequency=Frequency.many)
    carried = incident("2022-06-03", threatened=YesNo.no, threat_carried_out=YesNo.yes)
    found = flags(record(**{"incidents.items": [often, carried]}))
    assert {f.places for f in found} == {
        (f"incidents.items.{often.id}.threatened", f"incidents.items.{often.id}.threat_frequency"),
        (f"incidents.items.{carried.id}.threatened",
         f"incidents.items.{carried.id}.threat_carried_out")}
    for fine in (incident(threatened=YesNo.no, threat_carried_out=YesNo.no),
                 incident(threatened=YesNo.yes, threat_frequency=Frequency.once),
                 incident(threatened=YesNo.unknown, threat_carried_out=YesNo.yes)):
        assert rules(record(**{"incidents.items": [fine]})) == []


def test_detention_of_months_within_two_weeks_of_dates() -> None:
    i = incident("2022-05-03", end_date=fd("2022-05-17"), detained=YesNo.yes,
                 detention_length=DetentionLength.months)
    [f] = flags(record(**{"incidents.items": [i]}))
    assert f.rule == "detention_longer_than_dates"
    assert set(f.places) == {f"incidents.items.{i.id}.detention_length",
                             f"incidents.items.{i.id}.end_date"}
    assert "2022-05-03" in f.message and "2022-05-17" in f.message


def test_detention_of_weeks_within_four_days() -> None:
    i = incident("2022-05-03", end_date=fd("2022-05-06"), detained=YesNo.yes,
                 detention_length=DetentionLength.weeks)
    assert rules(record(**{"incidents.items": [i]})) == ["detention_longer_than_dates"]


@pytest.mark.parametrize("length,start,end", [
    (DetentionLength.months, fd("2022-05-03"), fd("2022-07-01")),  # long enough
    (DetentionLength.months, fd("2022-05-03"), fd("2022-05-01", "month")),  # May: 31 days
    (DetentionLength.months, fd("2022-05-03", approximate=True), fd("2022-05-20")),
    (DetentionLength.weeks, fd("2022-05-03"), fd("2022-05-10")),  # eight days
    (DetentionLength.weeks, fd("2022-05-03"), None),  # no end: the length is unknown
    (DetentionLength.hours, fd("2022-05-03"), fd("2022-09-03")),  # held for part of it
    (DetentionLength.days, fd("2022-05-03"), fd("2022-05-03")),
])
def test_detention_length_that_the_dates_allow(length: DetentionLength, start: Any,
                                               end: Any) -> None:
    i = incident(start, end_date=end, detained=YesNo.yes, detention_length=length)
    assert rules(record(**{"incidents.items": [i]})) == []


# family ---------------------------------------------------------------------------------------

def _family_harm(member_harmed: YesNo, person: str = "teo  ORLAN") -> CaseRecord:
    brother = FamilyMember(id="bro", relation=Relation.sibling, name="Teo Orlan",
                           harmed=member_harmed)
    harm = OtherHarm(id="oth", person=person, relation="My brother", date=fd("2022-04-01"))
    return record(**{"family.members": [brother], "harm_to_others.others": [harm]})


def test_family_member_not_harmed_but_recorded_as_harmed() -> None:
    [f] = flags(_family_harm(YesNo.no))
    assert f.rule == "family_harm_vs_harm_to_others"
    assert set(f.places) == {"harm_to_others.others.oth.person", "family.members.bro.harmed"}


def test_family_harm_only_on_the_same_name_and_a_plain_no() -> None:
    assert rules(_family_harm(YesNo.yes)) == []
    assert rules(_family_harm(YesNo.unknown)) == []
    assert rules(_family_harm(YesNo.no, person="Teo")) == []  # a given name only: not certain
    assert rules(_family_harm(YesNo.no, person="")) == []
    assert rules(_family_harm(YesNo.no, person="Ｔｅｏ Orlan")) == ["family_harm_vs_harm_to_others"]


def test_two_family_members_with_one_name_are_not_guessed_between() -> None:
    r = _family_harm(YesNo.no)
    r.family.members.append(FamilyMember(relation=Relation.parent, name="Teo Orlan",
                                         harmed=YesNo.no))
    assert rules(r) == []


def test_parent_born_after_the_applicant_and_child_before() -> None:
    father = FamilyMember(id="dad", relation=Relation.parent, birth_date=fd("1999-01-01"))
    son = FamilyMember(id="son", relation=Relation.child, birth_date=fd("1990-01-01", "year"))
    r = record(**{"about.birth_date": fd("1995-06-01"), "family.members": [father, son]})
    found = flags(r)
    assert {f.rule for f in found} == {"family_birth_order"}
    assert {f.places for f in found} == {("family.members.dad.birth_date", "about.birth_date"),
                                         ("family.members.son.birth_date", "about.birth_date")}


def test_family_birth_order_allows_approximate_and_other_relations() -> None:
    born = {"about.birth_date": fd("1995-01-01", "year", approximate=True)}
    ok = [FamilyMember(relation=Relation.parent, birth_date=fd("1996-03-01")),
          FamilyMember(relation=Relation.sibling, birth_date=fd("2010-03-01")),
          FamilyMember(relation=Relation.spouse, birth_date=fd("1970-03-01")),
          FamilyMember(relation=Relation.child, birth_date=fd("1994-03-01", "month"))]
    assert rules(record(**born, **{"family.members": ok})) == []


# ids, dismissals, labels -----------------------------------------------------------------

def test_a_dismissal_of_an_answer_flag_survives_other_edits() -> None:
    e = legal_event(LegalKind.warrant, "2021-04-01")
    r = record(**{"screening.serious_crimes": YesNo.no, "harm_to_others.legal_events": [e]})
    [f] = flags(r)
    r.dismissed_flags[f.id] = Dismissal(reason="A political charge; explained.", by=1, at=AT)
    r.fear.why = "Because of my articles."
    e.description = "A warrant for insulting the governor."
    [g] = flags(r)
    assert g.id == f.id and g.dismissed and g.reason == "A political charge; explained."


def test_json_names_each_place_by_path_and_question() -> None:
    e = legal_event(LegalKind.charge, "2021-04-01")
    r = record(**{"screening.serious_crimes": YesNo.no, "harm_to_others.legal_events": [e]})
    data = flags(r)[0].to_json()
    assert set(data) == {"id", "rule", "message", "places", "dismissed", "reason"}
    assert data["places"] == [
        {"path": "screening.serious_crimes",
         "label": "Questions asked of everyone: Have you ever been accused of, charged with or "
                  "convicted of a crime, in any country?"},
        {"path": f"harm_to_others.legal_events.{e.id}.kind",
         "label": "Accusations, arrests and court cases, entry 1: What was it?"}]
    assert data["dismissed"] is False and data["reason"] is None


def _one_of_each() -> list[Flag]:
    i = incident("2022-05-03", end_date=fd("2022-05-06"), detained=YesNo.yes,
                 detention_length=DetentionLength.weeks)
    r = record(**{
        "about.birth_date": fd("1995-01-01", "year"),
        "family.members": [FamilyMember(relation=Relation.parent,
                                        birth_date=fd("1996-05-01", "month"))],
        "incidents.items": [i],
        "leaving.departure_date": fd("2022-08-01", "month"),
        "leaving.entries": [arrival("2022-12-01")],
        "harm_to_others.legal_events": [legal_event(LegalKind.arrest, "2022-10-01")],
    })
    return flags(r)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_dated_messages_read_in_every_language(lang: str) -> None:
    found = _one_of_each()
    assert {f.rule for f in found} == {"family_birth_order", "detention_longer_than_dates",
                                       "held_after_departure"}
    t = translator(lang)
    for f in found:
        text = localize(f.template, f.params, t)
        assert "{" not in text, text
        for _name, value in f.params:
            shown = localize("{d}", (("d", value),), t)
            assert shown in text, (f.rule, text)
            if f.rule != "detention_longer_than_dates":  # a range: "(start – end)"
                assert f"({shown})" in text or f"（{shown}）" in text, (f.rule, text)


def test_every_answer_rule_message_is_translated() -> None:
    from asylum_prep.legal import consistency_answers as ca

    messages = [ca.CRIMES_MESSAGE, ca.STATUS_MESSAGE, ca.TREATED_MESSAGE, ca.NOT_HELD_MESSAGE,
                ca.NOT_THREATENED_MESSAGE, ca.FAMILY_HARM_MESSAGE, ca.PARENT_MESSAGE,
                ca.CHILD_MESSAGE, *ca.LENGTH_MESSAGE.values(),
                *(message for _details, message in ca.SCREENING_DETAILS.values())]
    for lang in SUPPORTED:
        if lang == "en":
            continue
        t = translator(lang)
        untranslated = [m for m in messages if t(m) == m]
        assert not untranslated, (lang, untranslated)


def test_a_dismissed_answer_flag_stays_dismissed_through_saves_in_the_store(store: Any,
                                                                           people: Any) -> None:
    """Through the real store and services: the attorney dismisses a new-rule flag, the
    applicant then saves another answer from the version before, and the flag stays dismissed
    with its reason; check --json shows it dismissed with both places labelled."""
    from asylum_prep.services import cases, checks

    r = strong_record()
    r.screening.status_elsewhere = YesNo.no
    r.leaving.route[0].status_offered = YesNo.yes
    opened = cases.open_case(store, people.attorney, people.case_id)
    v = cases.save_record(store, people.attorney, people.case_id, record=r,
                          base_version=opened.version)
    [flag] = checks.run_checks(store, people.attorney, people.case_id, today=TODAY).flags
    assert flag.rule == "status_answer_vs_transit"
    checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                        reason="A tourist stamp only; explained in the declaration.",
                        base_version=v, today=TODAY)
    mine = cases.view_version(store, people.attorney, people.case_id, v).model_copy(deep=True)
    mine.fear.why = "Because of my articles."
    cases.save_record(store, people.applicant, people.case_id, record=mine, base_version=v)
    report = checks.run_checks(store, people.attorney, people.case_id, today=TODAY)
    [kept] = report.flags
    assert kept.id == flag.id and kept.dismissed
    assert kept.reason == "A tourist stamp only; explained in the declaration."
    assert report.open_flags == []
    [shown] = report.to_json()["consistency"]
    assert shown["dismissed"] is True and shown["reason"] == kept.reason
    assert [p["path"] for p in shown["places"]] == list(kept.places)
    assert all(p["label"] and p["label"] != p["path"] for p in shown["places"])
