"""The I-589 details the team enters, on a real store: saved as a version, checked value by
value with a translated message that changes nothing, for the spouse and children too, and
refused to the applicant and the translator."""

from __future__ import annotations

import pytest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.form_details import CourtHistory
from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.i18n import Translator
from asylum_prep.legal.readiness import readiness
from asylum_prep.services import answers, cases, form_details
from asylum_prep.storage.engine import Store
from tests.support import People


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _set(store: Store, people: People, **changes: str) -> int:
    return form_details.set_form_details(store, people.paralegal, people.case_id,
                                         changes=changes, base_version=_version(store, people))


def test_details_are_saved_as_a_new_version(store: Store, people: People) -> None:
    before = _version(store, people)
    after = _set(store, people, ssn="123-45-6789", residence_city="Buffalo",
                 court_history="never", passport_expiry="2027-05-31", i94_number="12345678a12",
                 a_number="a 123 456 789", family_helped="no")
    assert after == before + 1
    record = cases.open_case(store, people.attorney, people.case_id).record
    d = record.form_details
    assert (d.ssn, d.residence_city, d.court_history) == ("123-45-6789", "Buffalo",
                                                          CourtHistory.never)
    assert d.passport_expiry is not None and d.passport_expiry.iso.isoformat() == "2027-05-31"
    assert d.i94_number == "12345678A12" and record.about.a_number == "A123456789"
    assert d.family_helped is YesNo.no
    assert _set(store, people, ssn="123-45-6789") == after  # nothing changed, no version
    keys = [i.key for i in readiness(record, "us")]
    assert "A.I.8.city" not in keys and "A.I.18" not in keys and "A.I.8.street" in keys


@pytest.mark.parametrize(("name", "value", "words"), [
    ("ssn", "12-345", "nine digits"),
    ("i94_number", "1234", "eleven letters and digits"),
    ("uscis_account", "12345", "twelve digits"),
    ("a_number", "12", "nine digits"),
    ("passport_expiry", "31/05/2027", "year-month-day"),
    ("court_history", "sometimes", "choose one of never, now, past"),
    ("residence_street", "1 Main St\n2nd floor", "is one line"),
    ("nonsense", "x", "Unknown I-589 detail"),
])
def test_bad_values_are_refused_and_change_nothing(store: Store, people: People, name: str,
                                                   value: str, words: str) -> None:
    before = _version(store, people)
    with pytest.raises(InputRefused) as refused:
        _set(store, people, residence_city="Buffalo", **{name: value})
    assert words in refused.value.message(Translator("en"))
    assert refused.value.message(Translator("es")) != refused.value.message(Translator("en"))
    assert _version(store, people) == before
    assert cases.open_case(store, people.attorney, people.case_id).record.form_details \
        .residence_city == ""


def test_spouse_and_children_details(store: Store, people: People) -> None:
    v = _version(store, people)
    child, v = answers.add_item(store, people.applicant, people.case_id,
                                list_path="family.members", base_version=v)
    v = answers.save_answer(store, people.applicant, people.case_id,
                            path=f"family.members.{child}.relation", value="child",
                            base_version=v)
    _set(store, people, **{f"relatives.{child}.i94_number": "12345678A12",
                           f"relatives.{child}.included": "yes"})
    record = cases.open_case(store, people.attorney, people.case_id).record
    staff = record.form_details.relatives[child]
    assert staff.i94_number == "12345678A12" and staff.included is YesNo.yes
    with pytest.raises(InputRefused):  # no such person on the form
        _set(store, people, **{"relatives.nobody.i94_number": "12345678A12"})


def test_only_attorneys_and_paralegals(store: Store, people: People) -> None:
    for actor in (people.applicant, people.translator):
        with pytest.raises(PermissionDenied):
            form_details.set_form_details(store, actor, people.case_id,
                                          changes={"ssn": "123456789"},
                                          base_version=_version(store, people))
