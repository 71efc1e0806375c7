"""The documents page in AppTest: render a declaration, see warnings, preview, download."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import asylum_prep
from asylum_prep.config import load_settings
from asylum_prep.services import cases
from asylum_prep.storage.engine import open_store
from asylum_prep.ui import state
from asylum_prep.ui import store as ui_store
from tests.support import make_people

from .records import persian_record

APP = str(Path(asylum_prep.__file__).resolve().parent / "app.py")


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASYLUM_PREP_DATABASE_URL", raising=False)
    monkeypatch.delenv("ASYLUM_PREP_MASTER_KEY", raising=False)
    ui_store.clear_cache()
    store = open_store(load_settings())
    people = make_people(store)
    case = cases.open_case(store, people.attorney, people.case_id)
    cases.save_record(
        store,
        people.attorney,
        people.case_id,
        record=persian_record(translate=False),
        base_version=case.version,
    )
    yield people
    store.close()
    ui_store.clear_cache()


def _documents_page(actor: object, case_id: str) -> AppTest:
    """The documents page of the case, signed in as `actor`."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.ACTOR] = actor
    at.session_state[state.LAST_ACTIVITY] = time.time()
    at.session_state[state.CASE_ID] = case_id
    at.run()
    at.switch_page("ui/views/documents.py").run()
    return at


def test_paralegal_renders_previews_and_downloads(seeded):
    at = _documents_page(seeded.paralegal, seeded.case_id)
    assert not at.exception
    at.radio(key=state.W_DOC_LANG).set_value("en").run()
    at.button(key=state.W_DOC_RENDER).click().run()
    assert not at.exception, [e.value for e in at.exception]
    # untranslated answers are flagged to the paralegal, never machine-translated
    assert any("has no translation" in w.value for w in at.warning)
    assert len(at.get("imgs")) >= 1 or len(at.get("image")) >= 1
    case_id, result = at.session_state[state.DOC_RESULT]
    assert case_id == seeded.case_id and result.content[:4] == b"%PDF"


def test_brief_needs_translations_or_a_draft_and_the_worksheet_is_listed(seeded):
    at = _documents_page(seeded.attorney, seeded.case_id)
    kinds = at.selectbox(key=state.W_DOC_KIND)
    assert "Attorney worksheet (not for filing)" in kinds.options
    kinds.set_value("brief").run()
    assert at.checkbox(key=state.W_DOC_UNJUDGED) is not None
    at.button(key=state.W_DOC_RENDER).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("current English translation" in e.value for e in at.error)
    assert state.DOC_RESULT not in at.session_state
    at.checkbox(key=state.W_DOC_DRAFT).check().run()
    at.button(key=state.W_DOC_RENDER).click().run()
    assert not at.exception, [e.value for e in at.exception]
    _, result = at.session_state[state.DOC_RESULT]
    assert result.filename.endswith("-brief.pdf") and result.content[:4] == b"%PDF"


def test_exhibit_index_takes_the_bates_prefix(seeded):
    from asylum_prep.services import evidence as ev
    from tests.unit.evidence import hostile as h

    store = open_store(load_settings())
    version = cases.open_case(store, seeded.attorney, seeded.case_id).version
    ev.add_evidence(store, seeded.paralegal, seeded.case_id, data=h.simple_pdf(2, "Summons"),
                    filename="s.pdf", title="Summons", base_version=version)
    store.close()
    at = _documents_page(seeded.paralegal, seeded.case_id)
    at.selectbox(key=state.W_DOC_KIND).set_value("exhibit-index").run()
    at.text_input(key=state.W_DOC_BATES).set_value("EX").run()
    at.button(key=state.W_DOC_RENDER).click().run()
    assert not at.exception, [e.value for e in at.exception]
    _, result = at.session_state[state.DOC_RESULT]
    import io

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(result.content)).pages)
    # cover EX000001, index EX000002, Exhibit A's tab and two pages, the certificate
    assert "EX000003–EX000005" in text and "EX000006" in text


def _downloads(at: AppTest) -> list[object]:
    return [d for d in at.get("download_button")]


def test_a_changed_choice_or_a_new_attempt_drops_the_old_download(seeded):
    at = _documents_page(seeded.paralegal, seeded.case_id)
    at.radio(key=state.W_DOC_LANG).set_value("en").run()
    at.button(key=state.W_DOC_RENDER).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(_downloads(at)) == 1
    # Another format: the PDF made for the old choice is gone, and stays gone on the way back.
    at.radio(key=state.W_DOC_FORMAT).set_value("docx").run()
    assert _downloads(at) == [] and state.DOC_RESULT not in at.session_state
    at.radio(key=state.W_DOC_FORMAT).set_value("pdf").run()
    assert _downloads(at) == []
    # Another language, likewise.
    at.button(key=state.W_DOC_RENDER).click().run()
    assert len(_downloads(at)) == 1
    at.radio(key=state.W_DOC_LANG).set_value(at.radio(key=state.W_DOC_LANG).options[0]).run()
    assert at.radio(key=state.W_DOC_LANG).value != "en"
    assert _downloads(at) == []
    # Another document that cannot be made: its error, and never the old file.
    at.radio(key=state.W_DOC_LANG).set_value("en").run()
    at.button(key=state.W_DOC_RENDER).click().run()
    assert len(_downloads(at)) == 1
    at.selectbox(key=state.W_DOC_KIND).set_value("brief").run()
    assert _downloads(at) == []
    at.button(key=state.W_DOC_RENDER).click().run()
    assert any("current English translation" in e.value for e in at.error)
    assert _downloads(at) == []
