"""The I-589 questions the applicant answers (background, more about her and her family),
validated as the wizard does and saved on a real store, then read by the item map."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.errors import InputRefused
from asylum_prep.forms import about, background, family
from asylum_prep.forms.validation import validate_answer
from asylum_prep.i18n import Translator
from asylum_prep.legal.i589_map import items
from asylum_prep.services import answers, cases
from asylum_prep.storage.engine import Store
from tests.support import People

TODAY = date(2026, 11, 21)
RESIDENCE = background.STEP.item_models["background.residences"]
MEMBER = family.STEP.item_models["family.members"]


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _save(store: Store, people: People, path: str, value: object) -> None:
    answers.save_answer(store, people.applicant, people.case_id, path=path, value=value,
                        base_version=_version(store, people))


def test_a_residence_in_persian_is_saved_and_fills_part_a_iii(store: Store,
                                                             people: People) -> None:
    item, _ = answers.add_item(store, people.applicant, people.case_id,
                               list_path="background.residences",
                               base_version=_version(store, people))
    base = f"background.residences.{item}"
    _save(store, people, f"{base}.street", validate_answer(RESIDENCE, "street", "خیابان گلستان ۱۲"))
    _save(store, people, f"{base}.country", validate_answer(RESIDENCE, "country", "ir"))
    moved_in = validate_answer(RESIDENCE, "moved_in", "حدود ۱۳۹۸", lang="fa", today=TODAY)
    _save(store, people, f"{base}.moved_in", moved_in)
    record = cases.open_case(store, people.attorney, people.case_id).record
    answer = {i.key: i.read(record) for i in items(record, TODAY)}
    assert answer["A.III.2.1.country"].value == "Iran"
    assert answer["A.III.2.1.from"].value == "about 2019"
    assert [p.path for p in answer["A.III.2.1.street"].pieces] == [f"{base}.street"]
    assert answer["A.III.1.1.country"].value == "Iran"  # the last address before the US


def test_wizard_refusals_are_translated_and_save_nothing(store: Store, people: People) -> None:
    with pytest.raises(InputRefused) as future:
        validate_answer(RESIDENCE, "moved_in", "2099-01-01", today=TODAY)
    assert "future" in future.value.message(Translator("en"))
    assert future.value.message(Translator("fa")) != future.value.message(Translator("en"))
    with pytest.raises(InputRefused):
        validate_answer(about.STEP.input_model, "passport_country", "Atlantis")
    before = _version(store, people)
    with pytest.raises(InputRefused):  # not one of the choices
        _save(store, people, "about.marital_status", "complicated")
    assert _version(store, people) == before


def test_family_questions_fill_part_a_ii(store: Store, people: People) -> None:
    member, _ = answers.add_item(store, people.applicant, people.case_id,
                                 list_path="family.members",
                                 base_version=_version(store, people))
    base = f"family.members.{member}"
    for field, raw in (("relation", "child"), ("family_name", "Karimi"), ("given_names", "Reza"),
                       ("sex", "male"), ("marital_status", "single"), ("in_us", "no"),
                       ("nationality", "ir")):
        _save(store, people, f"{base}.{field}", validate_answer(MEMBER, field, raw))
    record = cases.open_case(store, people.attorney, people.case_id).record
    answer = {i.key: i.read(record) for i in items(record, TODAY)}
    assert [answer[f"A.II.child.1.{n}"].value for n in ("3", "10", "12", "13")] == [
        "single", "Iran", "male", "no"]
    assert answer["A.II.children"].value == "have" and answer["A.II.children.total"].value == "1"
    shown = [q.field for q in family.MEMBERS.questions if q.shown(record.family.members[0])]
    assert "marital_status" in shown and "deceased" not in shown and "marriage_date" not in shown
