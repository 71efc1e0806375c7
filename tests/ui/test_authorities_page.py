"""The legal authorities page: the legal team browses the library, filters by jurisdiction,
element and words, and sees each authority's history, check date, link (as text) and currency
warnings; library text is shown escaped; applicants and translators cannot open it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.i18n_dates import format_day
from asylum_prep.legal import authorities
from asylum_prep.ui import state
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.navigation import BY_ID, visible_specs
from tests.support import People

PAGE = BY_ID["authorities"].script


def _citations(at: AppTest) -> list[str]:
    return [m.value for m in at.main.markdown if m.value.startswith("**")]


def _open(make_app: Callable[..., AppTest], people: People, **extra: object) -> AppTest:
    at = make_app(people.attorney, **extra).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_filters_narrow_the_list_and_show_history_and_warnings(
    make_app: Callable[..., AppTest], people: People
) -> None:
    at = _open(make_app, people)
    assert len(_citations(at)) == len(authorities.all_authorities())
    at.selectbox(key=state.W_AUTH_JURISDICTION).select("us").run()
    at.selectbox(key=state.W_AUTH_ELEMENT).select("protected_ground").run()
    at.text_input(key=state.W_AUTH_QUERY).input("Guatemala").run()
    arcg = authorities.get("a-r-c-g")
    assert _citations(at) == ["**" + md_escape(arcg.citation) + "**"]
    shown = [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]
    assert md_escape("Later history: " + arcg.history) in shown
    assert md_escape(f"Last checked: {format_day(arcg.checked_as_of, 'en')}.") in shown
    assert md_escape(f"{arcg.court} · August 26, 2014") in shown  # its date written out
    assert md_escape("Official source: " + arcg.link) in shown  # text: no autolink
    warnings = [w.value for w in at.main.warning]
    assert "It has a later history: check that it is still good law." in warnings
    assert "Marked to verify: the current law is not confirmed." in warnings
    at.text_input(key=state.W_AUTH_QUERY).input("words no authority has").run()
    assert _citations(at) == []
    assert [i.value for i in at.main.info] == ["Nothing in the library matched."]


def test_international_law_shows_in_its_own_filter_and_labels_are_translated(
    make_app: Callable[..., AppTest], people: People
) -> None:
    at = _open(make_app, people, **{state.LANG: "es"})
    assert at.title[0].value != "Legal authorities"
    at.selectbox(key=state.W_AUTH_JURISDICTION).select("intl").run()
    shown = _citations(at)
    assert "**" + md_escape(authorities.citation("soering")) + "**" in shown
    assert len(shown) == len(authorities.find(jurisdiction="intl"))


@pytest.mark.parametrize("role", ["applicant", "translator"])
def test_only_attorneys_and_paralegals_see_it(role: str) -> None:
    assert BY_ID["authorities"] not in visible_specs(role, first_run=False)
    assert BY_ID["authorities"] in visible_specs("paralegal", first_run=False)
