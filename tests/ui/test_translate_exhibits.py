"""The translator page's documents section in AppTest: a Persian document's pages (pictures),
an empty English box per page, the certificate's fields, one save for the document; the
attorney reads the boxes without a save button."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.services import cases, exhibit_translations
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import texts
from tests.unit.services.test_exhibit_translations import PAGE_ONE, PAGE_TWO, persian_pdf


def _summons(store: Store, people: People) -> str:
    version = cases.open_case(store, people.attorney, people.case_id, audit_view=False).version
    evidence_id, _, _ = ev.add_evidence(store, people.attorney, people.case_id,
                                        data=persian_pdf(), filename="summons.pdf",
                                        title="Summons", language="fa", base_version=version)
    return evidence_id


def _open(make_app: Any, actor: Any, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id})
    at.run()
    at.switch_page(BY_ID["translate"].script).run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_translator_translates_a_document_page_by_page(make_app: Any, people: People,
                                                       seed_store: Store) -> None:
    eid = _summons(seed_store, people)
    at = _open(make_app, people.translator, people.case_id)
    assert "Documents to translate" in [s.value for s in at.subheader]
    assert len(at.get("image")) == 2  # the two page pictures
    boxes = [at.text_area(key=f"{state.W_TRX_PAGE_PREFIX}{eid}_{n}") for n in (1, 2)]
    assert [b.value for b in boxes] == ["", ""]  # pre-filled with nothing
    boxes[0].input(PAGE_ONE)
    boxes[1].input(PAGE_TWO)
    at.text_input(key=state.W_TRX_NAME_PREFIX + eid).input("Maryam Karimi")
    at.text_input(key=state.W_TRX_COMPETENCE_PREFIX + eid).input("Native speaker of Persian")
    at.button(key=state.W_TRX_SAVE_PREFIX + eid).click().run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert any("The translation was saved." in s.value for s in at.success)
    saved = cases.open_case(seed_store, people.attorney, people.case_id).record
    translation = saved.exhibit_translations[eid]
    assert translation.pages == [PAGE_ONE, PAGE_TWO]
    assert translation.translator_name == "Maryam Karimi"


def test_the_attorney_reads_without_saving(make_app: Any, people: People,
                                           seed_store: Store) -> None:
    eid = _summons(seed_store, people)
    at = _open(make_app, people.attorney, people.case_id)
    assert at.text_area(key=f"{state.W_TRX_PAGE_PREFIX}{eid}_1").disabled
    assert not any(b.key == state.W_TRX_SAVE_PREFIX + eid for b in at.button)


def test_a_replaced_document_is_out_of_date_here_and_warned_about_on_the_documents_page(
        make_app: Any, people: People, seed_store: Store) -> None:
    eid = _summons(seed_store, people)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id})
    at.run()
    at.switch_page(BY_ID["documents"].script).run(timeout=60)
    at.selectbox(key=state.W_DOC_KIND).set_value("packet").run(timeout=60)
    assert any("“Summons” is not in English" in w.value for w in at.warning)

    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    exhibit_translations.save_exhibit_translation(
        seed_store, people.translator, people.case_id, evidence_id=eid,
        pages=[PAGE_ONE, PAGE_TWO], translator_name="Maryam Karimi", translator_address="",
        competence="", base_version=version)
    at.run(timeout=60)
    assert not any("Summons" in w.value for w in at.warning)
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    ev.add_evidence(seed_store, people.attorney, people.case_id, data=persian_pdf(1),
                    filename="new.pdf", language="fa", replaces=eid, base_version=version)
    at.run(timeout=60)
    assert any("“Summons” was replaced after it was translated" in w.value for w in at.warning)

    tr = _open(make_app, people.translator, people.case_id)
    assert "Out of date" in texts(tr)
    assert any("was replaced after it was translated" in w.value for w in tr.warning)
    # the old English is kept in the box for the translator to check against the new pages
    assert tr.text_area(key=f"{state.W_TRX_PAGE_PREFIX}{eid}_1").value == PAGE_ONE
