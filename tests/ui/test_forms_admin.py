"""The official forms page: only admins see it; it lists the imported editions, the newest's
fields the app fills that the file lacks, and says so when nothing was imported."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.documents import i589_values
from asylum_prep.services import forms
from asylum_prep.storage.engine import Store
from asylum_prep.ui.navigation import BY_ID, visible_specs
from tests.support import People
from tests.ui.conftest import texts
from tests.unit.documents.form_pdfs import small_form

PAGE = BY_ID["forms"].script


def _open(make_app: Callable[..., AppTest], people: People) -> AppTest:
    at = make_app(people.admin).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_only_admins_see_the_page() -> None:
    for role in ("attorney", "paralegal", "translator", "applicant"):
        assert "forms" not in {s.id for s in visible_specs(role, first_run=False)}
    assert "forms" in {s.id for s in visible_specs("admin", first_run=False)}


def test_nothing_imported_is_said(make_app: Callable[..., AppTest], people: People) -> None:
    at = _open(make_app, people)
    assert [i.value for i in at.info] == ["No official form has been imported yet."]


def test_an_import_is_listed_with_the_fields_it_lacks(
        make_app: Callable[..., AppTest], people: People, seed_store: Store) -> None:
    forms.import_form(seed_store, people.admin, kind="i589", data=small_form(), file_name="f.pdf")
    at = _open(make_app, people)
    table = at.dataframe[0].value
    assert list(table["Edition"]) == ["04/09/19"] and list(table["Fields"]) == [3]
    lacking = len(i589_values.KNOWN_FIELDS)  # the small form has none of the I-589's fields
    assert f"{lacking} fields the app fills are not in this edition" in at.warning[0].value
    assert "PtAILine4_LastName" in texts(at)
