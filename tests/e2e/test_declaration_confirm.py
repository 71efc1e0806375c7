"""The declaration in a real browser: the attorney rewrites a paragraph and its Persian
wording on the declaration page; the applicant, with the app in Persian, reads her declaration
paragraph by paragraph and confirms each, then the whole. Screenshots in
test-artifacts/e2e/<test>/."""

from __future__ import annotations

import os

import pytest

from asylum_prep.config import load_settings
from asylum_prep.domain.declaration import Kind, State
from asylum_prep.i18n import native_name
from asylum_prep.services import cases, declaration
from asylum_prep.storage.engine import open_store
from tests.e2e.steps import go, open_first_case, sign_out
from tests.e2e.ui import click, fill, key, open_page, settle, shot, text
from tests.support import PASSWORD, People, make_people
from tests.unit.documents.records import persian_record

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

BELIEF = "beliefs.beliefs_description"
EN = "I have believed in free speech since I was a student."
FA = "از زمان دانشجویی به آزادی بیان باور داشته‌ام."


class _Case:
    def __init__(self, data_dir: str) -> None:
        self.data_dir = data_dir

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.old = os.environ.get("ASYLUM_PREP_DATA_DIR")
        os.environ["ASYLUM_PREP_DATA_DIR"] = self.data_dir
        self.store = open_store(load_settings())
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()
        if self.old is None:
            os.environ.pop("ASYLUM_PREP_DATA_DIR", None)
        else:
            os.environ["ASYLUM_PREP_DATA_DIR"] = self.old


def _sign_in(page, url: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    settle(page)
    fill(page, "w_signin_user", username)
    fill(page, "w_signin_password", PASSWORD)
    click(page, "w_signin_submit")


@pytest.fixture(scope="module")
def seeded(server) -> tuple[People, str]:  # type: ignore[no-untyped-def]
    with _Case(str(server.data_dir)) as store:
        people = make_people(store)
        cases.save_record(store, people.attorney, people.case_id, record=persian_record(),
                          base_version=1)
        view = declaration.show_declaration(store, people.attorney, people.case_id)
        pid = next(p.id for p in view.paragraphs if any(s.path == BELIEF for s in p.sources))
    return people, pid


def test_an_edit_and_a_confirmation_in_persian(server, browser, shots,  # type: ignore[no-untyped-def]
                                               seeded: tuple[People, str]) -> None:
    people, pid = seeded
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    _sign_in(page, server.url, people.attorney.username)
    open_first_case(page)
    go(page, "declaration")
    shot(page, shots, "01-declaration-page")
    for lang, words in (("en", EN), ("fa", FA)):
        box = key(page, f"w_decl_text_{pid}_{lang}").locator("textarea").first
        box.fill(words)
        box.press("Tab")
        settle(page)
    click(page, f"w_decl_save_{pid}")
    assert "Saved." in text(page)
    shot(page, shots, "02-edited")
    sign_out(page)

    _sign_in(page, server.url, people.applicant.username)
    key(page, "w_lang").locator("input").first.click()
    page.get_by_role("option", name=native_name("fa"), exact=True).first.click()
    settle(page)
    go(page, "declaration-confirm")
    body = text(page)
    assert FA in body and EN not in body  # her language only
    assert page.evaluate("() => document.querySelector('#ap-rtl') !== null")
    shot(page, shots, "03-read-in-persian")
    with _Case(str(server.data_dir)) as store:
        view = declaration.show_declaration(store, people.applicant, people.case_id)
    for p in view.paragraphs:
        if p.kind is not Kind.heading:
            click(page, f"w_decl_confirm_{p.id}")
    shot(page, shots, "04-each-confirmed")
    click(page, "w_decl_confirm_all")
    shot(page, shots, "05-whole-confirmed")
    with _Case(str(server.data_dir)) as store:
        done = declaration.show_declaration(store, people.attorney, people.case_id)
    assert done.confirmed and all(p.state is State.confirmed for p in done.paragraphs)
    edited = next(p for p in done.paragraphs if p.id == pid)
    assert edited.texts == {"fa": FA, "en": EN}
