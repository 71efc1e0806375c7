"""The fictional sample case, created from the attorney's case list and opened on the dashboard."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.samples import load_sample
from asylum_prep.services import cases, checks
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.legal_panels import STRENGTH
from tests.support import People

App = Callable[..., AppTest]
SAMPLE_TITLE = "Fictional sample case: Daryan Kovelli (not a real person)"


def _sample_id(store: Store, people: People) -> str:
    found = [c for c in cases.list_cases(store, people.attorney) if c.title == SAMPLE_TITLE]
    assert len(found) == 1, [c.title for c in cases.list_cases(store, people.attorney)]
    return found[0].id


def test_attorney_creates_the_sample_case_and_opens_its_dashboard(
    seed_store: Store, people: People, make_app: App
) -> None:
    at = make_app(people.attorney).run()
    assert not at.exception
    button = at.button(key=state.W_CASE_NEW_SAMPLE)
    assert button.label == "Create a fictional sample case (for demonstrations and training)"
    at = button.click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert "The fictional sample case was created." in at.success[0].value
    listed = [m.value for m in at.markdown]
    assert f"**{md_escape(SAMPLE_TITLE)}**" in listed  # listed with the other cases

    case_id = _sample_id(seed_store, people)
    opened = cases.open_case(seed_store, people.attorney, case_id)
    assert opened.record == load_sample()  # every answer of the shipped sample, nothing else
    assert opened.jurisdiction.value == "us"

    at.button(key=state.W_CASE_OPEN_PREFIX + case_id).click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]  # evidence-free: no error anywhere
    assert at.session_state[state.CASE_ID] == case_id
    assert at.title[0].value == md_escape(SAMPLE_TITLE)
    report = checks.run_checks(seed_store, people.attorney, case_id)
    assert report.elements  # the element map was computed for the sample
    headers = [e.label for e in at.expander]
    for element in report.elements:
        # each element is shown with the strength the rules computed for it
        assert any(element.title in h and STRENGTH[element.strength] in h for h in headers), (
            element.title, element.strength, headers)
    # The sample has answers for the grounds and the harm: not everything is "missing".
    assert any(e.strength != "missing" for e in report.elements)


def test_the_sample_button_is_only_for_attorneys(people: People, make_app: App) -> None:
    at = make_app(people.paralegal).run()
    assert not at.exception
    assert not [b for b in at.button if b.key == state.W_CASE_NEW_SAMPLE]


def test_every_case_page_opens_the_sample_without_an_error(
    seed_store: Store, people: People, make_app: App
) -> None:
    """The sample has no evidence, translations or renders yet: no page may fail on that."""
    from asylum_prep.ui.navigation import PAGES

    case_id = cases.create_case(seed_store, people.attorney, title=SAMPLE_TITLE,
                                jurisdiction="us", record=load_sample())
    for spec in PAGES:
        if not spec.needs_case or "attorney" not in spec.roles or not spec.path.is_file():
            continue
        at = make_app(people.attorney, **{state.CASE_ID: case_id}).run()
        at.switch_page(spec.script).run()
        assert not at.exception, (spec.id, at.exception)
        assert not at.error, (spec.id, [e.value for e in at.error])
        assert at.title and at.title[0].value != "Cases", spec.id  # the page itself ran
