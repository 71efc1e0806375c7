"""The evidence page through Streamlit's AppTest: items, warnings, ordering and the packet."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import asylum_prep
from asylum_prep.config import load_settings
from asylum_prep.services import cases
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import open_store
from asylum_prep.ui import state
from asylum_prep.ui import store as ui_store
from tests.support import make_people

from . import hostile as h

APP = str(Path(asylum_prep.__file__).resolve().parent / "app.py")


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASYLUM_PREP_DATABASE_URL", raising=False)
    ui_store.clear_cache()
    store = open_store(load_settings())
    people = make_people(store)
    v = cases.open_case(store, people.attorney, people.case_id).version
    a, v, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=h.simple_pdf(2),
                              filename="a.pdf", title="Summons", base_version=v)
    b, v, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=h.small_png(),
                              filename="b.png", title="Small photo", base_version=v,
                              language="fa")
    yield store, people, a, b
    store.close()
    ui_store.clear_cache()


def test_evidence_page_lists_warns_reorders_and_builds(seeded) -> None:
    store, people, a, b = seeded
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.ACTOR] = people.paralegal
    at.session_state[state.LAST_ACTIVITY] = time.time()
    at.session_state[state.CASE_ID] = people.case_id
    at.session_state[state.PENDING_PAGE] = "evidence"
    at.run()
    if not at.expander:  # navigation did not land on the page: open it directly
        at.switch_page("views/evidence.py").run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert any("Exhibit A" in x and "Summons" in x for x in labels)
    assert any("Exhibit B" in x and "Small photo" in x for x in labels)
    warnings = " ".join(w.value for w in at.warning)
    assert "Small photo" in warnings and "English translation" in warnings
    at.button(key=f"{state.W_EV_UP_PREFIX}{b}").click().run()
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    order = sorted(items, key=lambda i: i.exhibit.order)
    assert [i.id for i in order] == [b, a]
    at.button(key=state.W_EV_BUILD).click().run()
    assert not at.exception
    # cover + index + 1+2 + 1+1 + certificate of service
    assert any("8 pages in total" in m.value for m in at.markdown)


def test_document_language_is_picked_by_name_and_kept(seeded) -> None:
    """The language is chosen from named languages (no codes to type); saving the details
    without touching it keeps the stored language, and a new choice is stored as its code."""
    store, people, a, b = seeded
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.ACTOR] = people.paralegal
    at.session_state[state.LAST_ACTIVITY] = time.time()
    at.session_state[state.CASE_ID] = people.case_id
    at.run()
    at.switch_page("ui/views/evidence.py").run()
    assert not at.exception
    picker = at.selectbox(key=f"{state.W_EV_LANG_PREFIX}{b}")
    assert picker.value == "fa"
    assert "فارسی" in picker.format_func("fa") and "Persian" in picker.format_func("fa")
    assert at.selectbox(key=f"{state.W_EV_LANG_PREFIX}{a}").value == "en"
    assert at.selectbox(key=state.W_EV_LANGUAGE).value == "en"
    at.button(key=f"{state.W_EV_SAVE_PREFIX}{b}").click().run()
    assert not at.exception
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    assert {i.id: i.language for i in items}[b] == "fa"
    at.selectbox(key=f"{state.W_EV_LANG_PREFIX}{b}").set_value("es").run()
    at.button(key=f"{state.W_EV_SAVE_PREFIX}{b}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    assert {i.id: i.language for i in items}[b] == "es"
