"""The country library page in Streamlit's AppTest on a real store: search with highlights,
attach a passage to the open case's element, see the citation, and the translated uploader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from asylum_prep.services import cases, coi
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from tests.support import People
from tests.ui.conftest import (  # noqa: F401  (fixtures)
    app_settings,
    html_bodies,
    make_app,
    people,
    seed_store,
    texts,
)
from tests.unit.country_info.conftest import SAMPLES

PAGE = "ui/views/country_library.py"


def test_search_attach_and_citations(seed_store: Store, people: People,  # noqa: F811
                                     make_app: Callable[..., AppTest]) -> None:  # noqa: F811
    coi.import_paths(seed_store, people.attorney, paths=[SAMPLES])
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id})
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    at.text_input(key=state.W_COI_QUERY).input('"State Security Directorate" students').run()
    at.button(key=state.W_COI_SEARCH).click().run()
    assert not at.exception, at.exception
    bodies = "\n".join(html_bodies(at))
    assert "<mark>Students</mark>" in bodies or "<mark>students</mark>" in bodies
    assert "Sample Rights Monitor (fictional)" in bodies
    assert 'button::after' in bodies and "Choose files" in bodies  # translated uploader text
    attach = [b for b in at.button if str(b.key).startswith(state.W_COI_ATTACH_PREFIX)]
    assert attach
    attach[0].click().run()
    assert not at.exception, at.exception
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert len(record.citations) == 1 and record.citations[0].element.value == "objective_fear"
    assert "accessed" in texts(at)


def test_reports_tab_warns_corrects_and_deletes(seed_store: Store, people: People,  # noqa: F811
                                                make_app: Callable[..., AppTest]) -> None:  # noqa: F811
    coi.import_paths(seed_store, people.attorney, paths=[SAMPLES])
    reports = {r.title: r for r in coi.list_reports(seed_store, people.attorney)}
    old = next(r for t, r in reports.items() if "2021" in t)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id})
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    warnings = [w.value for w in at.warning]
    assert any("A newer edition is in the library" in w for w in warnings), warnings
    key = f"{state.W_COI_EDIT_PREFIX}{old.id}"
    at.text_input(key=f"{key}_title").input("Corrected title of the 2021 report")
    submit = next(b for b in at.button if "FormSubmitter" in str(b.key) and key in str(b.key))
    submit.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert {r.title for r in coi.list_reports(seed_store, people.attorney)} >= {
        "Corrected title of the 2021 report"}
    at.checkbox(key=f"{state.W_COI_DELETE_SURE_PREFIX}{old.id}").check().run()
    at.button(key=f"{state.W_COI_DELETE_PREFIX}{old.id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert old.id not in {r.id for r in coi.list_reports(seed_store, people.attorney)}
    at.text_input(key=state.W_COI_REPORTS_COUNTRY).input("IR").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Nothing in the library matched." in [i.value for i in at.info]
    at.text_input(key=state.W_COI_REPORTS_COUNTRY).input("ZZ").run()
    assert at.error  # a country code the page explains, not a crash


def test_search_help_notice_filters_and_pages(seed_store: Store, people: People,  # noqa: F811
                                              make_app: Callable[..., AppTest],  # noqa: F811
                                              tmp_path: Path) -> None:
    from tests.unit.country_info.conftest import report, write

    paragraphs = [f"Report {i}: the police detained students in the northern province of "
                  f"Karsovo again, witnesses told the monitor." for i in range(45)]
    write(tmp_path / "many.md", report("XV", "Pager Monitor", "Many 2024", "2024-01-01",
                                       *paragraphs))
    coi.import_paths(seed_store, people.attorney, paths=[SAMPLES, tmp_path / "many.md"])
    at = make_app(people.attorney)
    at.run()
    at.switch_page(PAGE).run()
    assert "How to search" in [e.label for e in at.expander]
    assert any("NEAR/5" in body for body in html_bodies(at))
    at.text_input(key=state.W_COI_QUERY).input('"students detained').run()  # unclosed quote
    at.button(key=state.W_COI_SEARCH).click().run()
    assert not at.exception, at.exception
    assert ("The search could not be read as a query with operators, so its words were "
            "searched one by one.") in [i.value for i in at.info]
    at.text_input(key=state.W_COI_QUERY).input("detention").run()
    at.selectbox(key=state.W_COI_PUBLISHER).set_value("Pager Monitor").run()
    at.button(key=state.W_COI_SEARCH).click().run()
    assert "45 passages match." in texts(at)
    assert "Passages 1 to 20 of 45." in texts(at)
    first = [b for b in html_bodies(at) if "Pager Monitor" in b]
    at.button(key=state.W_COI_NEXT).click().run()
    assert not at.exception, at.exception
    assert "Passages 21 to 40 of 45." in texts(at)
    assert [b for b in html_bodies(at) if "Pager Monitor" in b] != first
    at.button(key=state.W_COI_NEXT).click().run()
    assert "Passages 41 to 45 of 45." in texts(at)
    at.selectbox(key=state.W_COI_LANGUAGE).set_value("fa").run()
    at.button(key=state.W_COI_SEARCH).click().run()
    assert "0 passages match." in texts(at)
