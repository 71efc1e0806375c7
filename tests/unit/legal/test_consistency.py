"""Each consistency rule with cases that fire and cases that must not (approximate dates,
explained returns, transit-country detention), stable ids and dismissals."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.people import FamilyMember, Relation
from asylum_prep.domain.review import Dismissal
from asylum_prep.i18n import SUPPORTED, translator
from asylum_prep.legal.assessment import localize
from asylum_prep.legal.consistency import Flag, check, flag_id
from asylum_prep.legal.spans import add_years
from tests.unit.legal.factories import (
    AT,
    TODAY,
    activity,
    arrival,
    fd,
    incident,
    legal_event,
    membership,
    record,
    refuge_departure,
    strong_record,
    transit,
)


def rules(r: object) -> list[str]:
    return [f.rule for f in check(r, today=TODAY)]  # type: ignore[arg-type]


def test_a_consistent_case_raises_nothing() -> None:
    assert check(strong_record(), today=TODAY) == []


# incident after departure --------------------------------------------------------------------

def test_incident_after_departure_fires_and_names_both_places() -> None:
    i = incident("2022-09-01")
    r = record(**{"incidents.items": [i], "leaving.departure_date": fd("2022-08-01")})
    [f] = check(r, today=TODAY)
    assert f.rule == "incident_after_departure"
    assert set(f.places) == {f"incidents.items.{i.id}.date", "leaving.departure_date"}
    assert "2022-09-01" in f.message and "2022-08-01" in f.message


def test_incident_after_departure_not_when_a_return_is_recorded() -> None:
    base = {"incidents.items": [incident("2022-09-01")], "leaving.departure_date": fd("2022-08-01")}
    assert rules(record(**base, **{"screening.returned_home": YesNo.yes})) == []
    r = record(**base, **{"leaving.entries": [arrival("2022-08-03"),
                                              refuge_departure("2022-08-25")]})
    assert "incident_after_departure" not in rules(r)


def test_incident_in_a_transit_country_is_not_flagged() -> None:
    r = record(**{"incidents.items": [incident("2022-08-05", place="Bus station, Valmora City")],
                  "leaving.departure_date": fd("2022-08-01"),
                  "leaving.route": [transit("Valmora", "2022-08-02", "2022-08-20")]})
    assert "incident_after_departure" not in rules(r)


def test_incident_same_month_as_departure_is_not_flagged() -> None:
    r = record(**{"incidents.items": [incident(fd("2022-08-01", "month"))],
                  "leaving.departure_date": fd("2022-08-10")})
    assert rules(r) == []
    r = record(**{"incidents.items": [incident("2022-08-09")],
                  "leaving.departure_date": fd("2022-08-10")})
    assert rules(r) == []


# before birth and impossible ages -------------------------------------------------------------

def test_incident_and_membership_before_birth() -> None:
    i = incident("1995-01-01")
    m = membership("Youth League", "1996-01-01")
    r = record(**{"about.birth_date": fd("1998-02-11"), "incidents.items": [i],
                  "beliefs.memberships": [m]})
    flags = check(r, today=TODAY)
    assert sorted(f.rule for f in flags) == ["before_birth", "before_birth"]
    assert {p for f in flags for p in f.places} >= {
        f"incidents.items.{i.id}.date", f"beliefs.memberships.{m.id}.start", "about.birth_date"}


def test_not_before_birth_when_the_birth_year_is_only_approximate() -> None:
    r = record(**{"about.birth_date": fd("1998-01-01", "year", approximate=True),
                  "incidents.items": [incident("1997-06-01", detained=YesNo.no)]})
    assert rules(r) == []


def test_birth_in_the_future_and_over_120() -> None:
    assert rules(record(**{"about.birth_date": fd("2030-01-01")})) == ["impossible_age"]
    assert rules(record(**{"about.birth_date": fd("1900-01-01")})) == ["impossible_age"]
    assert rules(record(**{"about.birth_date": fd("1910-01-01")})) == []
    assert rules(record(**{"about.birth_date": fd("2025-05-01")})) == []


def test_activity_before_age_five() -> None:
    born = {"about.birth_date": fd("2000-06-01")}
    assert rules(record(**born, **{"beliefs.activities": [activity("2004-01-01")]})) == [
        "impossible_age"]
    assert rules(record(**born, **{"beliefs.activities": [activity("2006-01-01")]})) == []
    # "2005" could be after the fifth birthday: not flagged
    assert rules(record(**born, **{"beliefs.activities": [
        activity("2005-01-01").model_copy(update={"date": fd("2005-01-01", "year")})]})) == []


def test_add_years_on_leap_day() -> None:
    assert add_years(date(2000, 2, 29), 5) == date(2005, 2, 28)


# membership used before it began --------------------------------------------------------------

def test_membership_used_before_it_began() -> None:
    m = membership("Green Lantern Movement", "2021-01-01")
    a = activity("2020-05-01", membership_id=m.id)
    i = incident("2020-06-01", membership_id=m.id)
    ok = incident("2021-02-01", membership_id=m.id)
    r = record(**{"beliefs.memberships": [m], "beliefs.activities": [a],
                  "incidents.items": [i, ok]})
    flags = [f for f in check(r, today=TODAY) if f.rule == "membership_before_start"]
    assert {f.places for f in flags} == {
        (f"beliefs.activities.{a.id}.date", f"beliefs.memberships.{m.id}.start"),
        (f"incidents.items.{i.id}.date", f"beliefs.memberships.{m.id}.start")}


def test_membership_start_month_same_as_activity_is_fine() -> None:
    m = membership("Green Lantern Movement", "2021-01-01").model_copy(
        update={"start": fd("2021-01-01", "month")})
    r = record(**{"beliefs.memberships": [m],
                  "beliefs.activities": [activity("2021-01-20", membership_id=m.id)]})
    assert rules(r) == []


# order of travel -----------------------------------------------------------------------------

def test_arrival_before_departure() -> None:
    r = record(**{"leaving.departure_date": fd("2022-08-01"),
                  "leaving.entries": [arrival("2022-07-01")]})
    assert rules(r) == ["arrival_before_departure"]


def test_an_earlier_visit_is_fine_when_a_later_arrival_exists() -> None:
    r = record(**{"leaving.departure_date": fd("2022-08-01"),
                  "leaving.entries": [arrival("2019-07-01"), refuge_departure("2019-08-01"),
                                      arrival("2022-08-03")]})
    assert rules(r) == []


def test_transit_before_departure_and_ends_before_start() -> None:
    r = record(**{"leaving.departure_date": fd("2022-08-01"),
                  "leaving.route": [transit("Valmora", "2022-07-01", "2022-06-01")]})
    assert sorted(rules(r)) == ["arrival_before_departure", "ends_before_start"]


def test_arrival_in_the_departure_month_is_fine() -> None:
    r = record(**{"leaving.departure_date": fd("2022-08-01", "month"),
                  "leaving.entries": [arrival("2022-08-02")]})
    assert rules(r) == []


# detention overlapping travel -----------------------------------------------------------------

def test_detention_overlapping_transit_fires() -> None:
    i = incident("2022-08-05", detained=YesNo.yes, end_date=fd("2022-08-20"),
                 place="Central police station, Tovin")
    t = transit("Valmora", "2022-08-10", "2022-08-15")
    r = record(**{"incidents.items": [i], "leaving.route": [t]})
    [f] = check(r, today=TODAY)
    assert f.rule == "detention_overlaps_travel"
    assert set(f.places) == {f"incidents.items.{i.id}.date", f"leaving.route.{t.id}.arrived"}


def test_legal_event_detention_overlapping_arrival_fires() -> None:
    e = legal_event(LegalKind.detention, "2022-08-01", "2022-08-30", place="Tovin prison")
    r = record(**{"harm_to_others.legal_events": [e],
                  "leaving.entries": [arrival("2022-08-15")]})
    assert rules(r) == ["detention_overlaps_travel"]


def test_detention_not_flagged_when_dates_are_only_approximate_or_in_the_transit_country() -> None:
    fuzzy = incident(fd("2022-08-01", "month"), detained=YesNo.yes)
    r = record(**{"incidents.items": [fuzzy], "leaving.departure_date": fd("2022-08-15")})
    assert rules(r) == []
    there = incident("2022-08-11", detained=YesNo.yes, place="Border camp, Valmora")
    r = record(**{"incidents.items": [there],
                  "leaving.route": [transit("Valmora", "2022-08-10", "2022-08-15")]})
    assert "detention_overlaps_travel" not in rules(r)
    not_held = incident("2022-08-11", detained=YesNo.no)
    r = record(**{"incidents.items": [not_held],
                  "leaving.route": [transit("Valmora", "2022-08-10", "2022-08-15")]})
    assert "detention_overlaps_travel" not in rules(r)


# one event with two dates --------------------------------------------------------------------

def test_incident_and_arrest_at_the_same_place_weeks_apart() -> None:
    i = incident("2022-05-03", detained=YesNo.yes, place="Central Police Station, Tovin")
    e = legal_event(LegalKind.arrest, "2022-05-20", place="central police station,  tovin")
    r = record(**{"incidents.items": [i], "harm_to_others.legal_events": [e]})
    [f] = check(r, today=TODAY)
    assert f.rule == "same_event_two_dates"
    assert set(f.places) == {f"incidents.items.{i.id}.date",
                             f"harm_to_others.legal_events.{e.id}.start"}


def test_same_event_not_flagged_for_same_date_other_place_or_far_apart() -> None:
    i = incident("2022-05-03", detained=YesNo.yes, place="Central Police Station, Tovin")
    same_day = legal_event(LegalKind.arrest, "2022-05-03", place="Central Police Station, Tovin")
    elsewhere = legal_event(LegalKind.arrest, "2022-05-20", place="Tovin courthouse")
    a_year_on = legal_event(LegalKind.detention, "2023-05-20",
                            place="Central Police Station, Tovin")
    summons = legal_event(LegalKind.summons, "2022-05-20", place="Central Police Station, Tovin")
    r = record(**{"incidents.items": [i],
                  "harm_to_others.legal_events": [same_day, elsewhere, a_year_on, summons]})
    assert rules(r) == []


def test_two_incidents_told_with_the_same_words_and_different_dates() -> None:
    a = incident("2022-05-03", what_happened="They broke my arm in the cell.")
    b = incident("2022-06-03", what_happened="They broke my arm in the cell. ")
    c = incident("2022-07-03", what_happened="They searched the house.")
    r = record(**{"incidents.items": [a, b, c]})
    assert rules(r) == ["same_event_two_dates"]


# ids and dismissals --------------------------------------------------------------------------

def test_flag_ids_are_stable_and_depend_on_rule_and_places() -> None:
    assert flag_id("x", ("a", "b")) == flag_id("x", ("b", "a"))
    assert flag_id("x", ("a", "b")) != flag_id("y", ("a", "b"))
    i = incident("2022-09-01")
    r = record(**{"incidents.items": [i], "leaving.departure_date": fd("2022-08-01")})
    first = check(r, today=TODAY)[0].id
    r.incidents.items[0].date = fd("2022-10-01")
    assert check(r, today=TODAY)[0].id == first


def test_dismissed_flags_are_kept_and_marked() -> None:
    r = record(**{"incidents.items": [incident("2022-09-01")],
                  "leaving.departure_date": fd("2022-08-01")})
    [f] = check(r, today=TODAY)
    r.dismissed_flags[f.id] = Dismissal(reason="Attacked in the transit country.", by=1, at=AT)
    [g] = check(r, today=TODAY)
    assert g.id == f.id and g.dismissed and g.reason == "Attacked in the transit country."
    assert g.to_json()["dismissed"] is True


# wording: any kind of date reads in every language -----------------------------------------

def _flags_with_months_and_years() -> list[Flag]:
    """A flag of every rule that dates things, with month and year dates (a birth year)."""
    m = membership("Tovin Student Press", "2019-09-01")
    m = m.model_copy(update={"start": fd("1988-01-01", "year"),
                             "end": fd("1987-03-01", "month")})
    youth = membership("Tovin Youth", "2001-05-01")
    r = record(**{
        "about.birth_date": fd("1990-01-01", "year"),
        "beliefs.memberships": [m, youth],
        "beliefs.activities": [activity("1989-05-01")],
        "incidents.items": [incident(fd("1989-06-01", "month")),
                            incident(fd("1999-01-01", "year"), membership_id=youth.id),
                            incident(fd("2022-09-01", "month"))],
        "harm_to_others.legal_events": [legal_event(LegalKind.arrest, "1989-02-02",
                                                    "1989-03-05")],
        "family.members": [FamilyMember(relation=Relation.parent,
                                        birth_date=fd("1991-01-01", "year"))],
        "leaving.departure_date": fd("2022-08-01", "month"),
        "leaving.route": [transit("Valmora", "1989-01-01")],
        "leaving.entries": [arrival("1989-03-01")],
    })
    return check(r, today=TODAY)


BRACKETED = {"before_birth": ("date", "birth"), "ends_before_start": ("end", "start"),
             "membership_before_start": ("start",),
             "incident_after_departure": ("incident", "departure"),
             "detention_overlaps_travel": ("held", "travel"),
             "arrival_before_departure": ("arrival", "departure"),
             "family_birth_order": ("date", "birth")}


@pytest.mark.parametrize("lang", [lang for lang in SUPPORTED])
def test_flag_dates_stand_in_brackets_so_a_month_or_a_year_reads(lang: str) -> None:
    """Never "birth on 1990", "began on March 2001", French "le 1990", Russian "с март":
    the dates these flags name stand in brackets, which fits a day, a month or a year."""
    flags = _flags_with_months_and_years()
    assert set(BRACKETED) <= {f.rule for f in flags}
    t = translator(lang)
    for f in flags:
        text = localize(f.template, f.params, t)
        for name in BRACKETED.get(f.rule, ()):
            shown = localize("{d}", (("d", dict(f.params)[name]),), t)
            assert f"({shown})" in text or f"（{shown}）" in text, (f.rule, name, text)
        if lang == "en":
            assert " on " not in text, text
