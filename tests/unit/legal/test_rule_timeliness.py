"""The one-year deadline as an element: in time, approximate, late with or without a dated
exception, the reasonable period left to the attorney, and withholding and CAT kept open."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from tests.unit.legal.element_helpers import el, note, parts, status
from tests.unit.legal.factories import arrival, fd, record

LATE = {"leaving.entries": [arrival("2023-01-10")]}  # deadline 2024-01-10; today 2025-06-01


def test_in_time_and_approximate() -> None:
    assert el(record(), "timeliness").strength == "missing"
    fresh = el(record(**{"leaving.entries": [arrival("2025-01-10")]}), "timeliness")
    assert fresh.strength == "supported" and fresh.next_step == "File by 2026-01-10."
    assert status(fresh) == {"one_year": "met"}
    assert fresh.authorities == ("ina-208-a-2-b", "8-cfr-1208-4-a")
    fuzzy = el(record(**{"leaving.entries": [arrival(fd("2025-01-01", "month"))]}), "timeliness")
    assert fuzzy.strength == "thin" and status(fuzzy) == {"one_year": "not_shown"}
    filed = el(record(**LATE, **{"timing.filed_on": fd("2023-06-01")}), "timeliness")
    assert filed.strength == "supported"


def test_time_barred_keeps_withholding_and_cat_open_and_says_so() -> None:
    a = el(record(**LATE), "timeliness")
    assert a.strength == "against"
    assert "time-barred" in a.reason and "withholding of removal and CAT" in a.reason
    assert status(a) == {"one_year": "against", "exception": "against", "still_open": "met"}
    assert {"ina-241-b-3", "8-cfr-1208-16"} <= set(parts(a)["still_open"].authorities)
    cat = el(record(**LATE), "torture_official")
    assert parts(cat)["no_deadline"].status == "met"
    assert "no filing deadline" in note(parts(cat)["no_deadline"])
    assert "no_deadline" not in parts(el(record(**{"leaving.entries": [arrival("2025-01-10")]}),
                                         "torture_official"))


def test_filed_late_counts_as_late_even_before_today() -> None:
    a = el(record(**LATE, **{"timing.filed_on": fd("2024-03-01")}), "timeliness")
    assert a.strength == "against" and status(a)["one_year"] == "against"


def test_exception_without_a_date_cannot_count_the_reasonable_period() -> None:
    r = record(**LATE, **{"timing.extraordinary_circumstances": "In hospital for eight months."})
    a = el(r, "timeliness")
    assert a.strength == "thin" and "stay open either way" in a.reason
    assert status(a) == {"one_year": "against", "exception": "not_shown", "still_open": "met"}
    assert "began and ended" in a.next_step


def test_dated_exception_counts_months_and_leaves_reasonableness_to_the_attorney() -> None:
    r = record(**LATE, **{"timing.changed_circumstances": "My party was banned at home.",
                          "timing.changed_circumstances_date": fd("2024-11-15"),
                          "timing.filed_on": fd("2025-02-20")})
    a = el(r, "timeliness")
    assert status(a) == {"one_year": "against", "exception": "met",
                         "reasonable_period": "not_shown", "still_open": "met"}
    p = parts(a)["reasonable_period"]
    assert dict(p.note_params)["n"] == "3" and "attorney" in note(p)
    assert "t-m-h-s-w-c" in p.authorities
    dates = [f for f in a.facts if f.path == "timing.changed_circumstances_date"]
    assert [f.text for f in dates] == ["2024-11-15"]


def test_the_later_of_two_dated_exceptions_counts_up_to_today_when_not_filed() -> None:
    r = record(**LATE, **{"timing.changed_circumstances": "New law at home.",
                          "timing.changed_circumstances_date": fd("2024-02-01"),
                          "timing.extraordinary_circumstances": "Severe depression.",
                          "timing.extraordinary_circumstances_end": fd("2025-03-01")})
    p = parts(el(r, "timeliness"))["reasonable_period"]
    assert dict(p.note_params) == {"n": "3", "date": "2025-03-01"}  # to TODAY, 2025-06-01


def test_other_jurisdictions_have_no_timeliness_and_no_deadline_part() -> None:
    r = record(**LATE, **{"fear.torture_fear": YesNo.yes})
    for juris in ("uk", "ca", "eu"):
        assert "no_deadline" not in parts(el(r, "torture_official", juris))
