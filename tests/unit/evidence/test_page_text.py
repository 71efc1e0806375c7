"""The evidence page's OCR parts through Streamlit's AppTest: progress while a scan waits, then
its status, its text on request (audited) and the search within the case."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

import asylum_prep
from asylum_prep.config import load_settings
from asylum_prep.evidence import ocr as ocr_engine
from asylum_prep.services import cases, ocr_worker
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import open_store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import state
from asylum_prep.ui import store as ui_store
from tests import scans
from tests.support import make_people

APP = str(Path(asylum_prep.__file__).resolve().parent / "app.py")
pytestmark = pytest.mark.skipif(not ocr_engine.available(), reason="tesseract is not installed")


@pytest.fixture
def scanned(tmp_path, monkeypatch):
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASYLUM_PREP_DATABASE_URL", raising=False)
    ui_store.clear_cache()
    store = open_store(load_settings())
    people = make_people(store)
    v = cases.open_case(store, people.attorney, people.case_id).version
    data = scans.png(scans.scan(["The warrant names Colonel Marzban as the arresting officer.",
                                 *scans.page_lines("en", 1, count=3)], "en", seed=5))
    eid, _, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=data,
                                filename="warrant.png", title="Warrant", base_version=v,
                                language="en")
    yield store, people, eid
    store.close()
    ui_store.clear_cache()


def _page(people) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.ACTOR] = people.paralegal
    at.session_state[state.LAST_ACTIVITY] = time.time()
    at.session_state[state.CASE_ID] = people.case_id
    at.run()
    at.switch_page("ui/views/evidence.py").run()
    assert not at.exception
    return at


def test_waiting_then_read_then_shown_and_found(scanned) -> None:
    store, people, eid = scanned
    at = _page(people)
    captions = " ".join(c.value for c in at.caption)
    assert "Waiting to read Warrant." in captions
    assert "Waiting to read the text of the scanned pages." in captions

    assert ocr_worker.drain(store, people.case_id, timeout=300)
    at = _page(people)
    assert "The text of the scanned pages was read." in " ".join(c.value for c in at.caption)
    at.toggle(key=f"{state.W_EV_TEXT_PREFIX}{eid}").set_value(True).run()
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "Colonel" in shown and '<div dir="auto">' in shown
    with store.session() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "ocr_text_view")).first()

    at.text_input(key=state.W_EV_SEARCH).input("colonel warrant").run()
    assert not at.exception
    assert any("Warrant" in m.value and "Page 1" in m.value for m in at.markdown)
    at.text_input(key=state.W_EV_SEARCH).input("elephant").run()
    assert any("Nothing in this case holds these words." in i.value for i in at.info)
