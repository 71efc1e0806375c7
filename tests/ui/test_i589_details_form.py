"""The I-589 details form on the documents page (AppTest): staff save what only they enter,
labelled as the form prints it; a bad number is refused with a translated message and
nothing is saved; the spouse's and children's facts get their own fields."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.services import answers, cases
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People

SSN = "Part A.I, item 2: U.S. Social Security Number (if any)"
CITY = "Part A.I, item 8: Residence in the U.S. (where you physically reside): City"


def _open(make_app: Any, actor: Any, case_id: str, **extra: Any) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, state.W_I589_OPEN: True, **extra})  # opened
    at.run()
    at.switch_page(BY_ID["documents"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at: AppTest, key: str) -> Any:
    return at.text_input(key=f"{state.W_I589_PREFIX}{key}")


def _save(at: AppTest, label: str = "Save the I-589 details") -> Any:
    return next(b for b in at.button if b.label == label)


def test_paralegal_saves_the_details(make_app: Any, people: People, seed_store: Store) -> None:
    at = _open(make_app, people.paralegal, people.case_id)
    assert _text(at, "ssn").label == SSN and _text(at, "residence_city").label == CITY
    _text(at, "ssn").input("123-45-6789")
    _text(at, "residence_city").input("Buffalo")
    at.selectbox(key=f"{state.W_I589_PREFIX}court_history").set_value("never")
    _save(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    details = cases.open_case(seed_store, people.attorney, people.case_id).record.form_details
    assert (details.ssn, details.residence_city, details.court_history.value) == (
        "123-45-6789", "Buffalo", "never")
    assert any("I-589 details saved." in i.value for i in at.info)


def test_bad_number_is_refused_in_the_readers_language(make_app: Any, people: People,
                                                       seed_store: Store) -> None:
    before = cases.open_case(seed_store, people.attorney, people.case_id).version
    at = _open(make_app, people.attorney, people.case_id, **{state.LANG: "es"})
    _text(at, "ssn").input("12-34")
    _save(at, "Guardar los datos del I-589").click().run()
    assert any("nueve dígitos" in e.value for e in at.error)
    assert cases.open_case(seed_store, people.attorney, people.case_id).version == before


def test_a_child_gets_its_own_fields(make_app: Any, people: People, seed_store: Store) -> None:
    v = cases.open_case(seed_store, people.attorney, people.case_id).version
    child, v = answers.add_item(seed_store, people.applicant, people.case_id,
                                list_path="family.members", base_version=v)
    answers.save_answer(seed_store, people.applicant, people.case_id,
                        path=f"family.members.{child}.relation", value="child", base_version=v)
    at = _open(make_app, people.paralegal, people.case_id)
    _text(at, f"relatives.{child}.i94_number").input("12345678A12")
    _save(at).click().run()
    assert not at.exception, [e.value for e in at.exception]
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.form_details.relatives[child].i94_number == "12345678A12"
