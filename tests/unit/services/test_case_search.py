"""Search within a case (services.case_search): answers and exhibit text found by their words
in any script, suffixes and letter variants folded; access checked; audited without words."""

from __future__ import annotations

import pytest
from sqlmodel import select

from asylum_prep.errors import PermissionDenied
from asylum_prep.evidence import ocr as ocr_engine
from asylum_prep.services import answers, cases, ocr_worker
from asylum_prep.services import evidence as ev
from asylum_prep.services.case_search import search_case
from asylum_prep.storage.tables import AuditEvent
from tests import scans


def _version(store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def _incident(store, people, text: str) -> str:
    item_id, v = answers.add_item(store, people.applicant, people.case_id,
                                  list_path="incidents.items",
                                  base_version=_version(store, people))
    answers.save_answer(store, people.applicant, people.case_id,
                        path=f"incidents.items.{item_id}.what_happened", value=text,
                        base_version=v)
    return item_id


def test_answers_are_found_by_their_words_and_the_search_is_audited_without_them(
        store, people) -> None:
    item_id = _incident(store, people, "ماموران سپاه مرا در خیابان ولیعصر بازداشت کردند")
    _incident(store, people, "Nothing of interest here.")
    [hit] = search_case(store, people.paralegal, people.case_id, "ولیعصر بازداشت")
    assert (hit.kind, hit.path) == ("answer", f"incidents.items.{item_id}.what_happened")
    assert "ولیعصر" in hit.snippet
    # Arabic letter forms and a prefix find the same words.
    assert search_case(store, people.translator, people.case_id, "ماموران سپاه") == [hit]
    assert search_case(store, people.attorney, people.case_id, "ماموران تهران") == []
    assert search_case(store, people.attorney, people.case_id, "  ") == []
    with pytest.raises(PermissionDenied):
        search_case(store, people.applicant, people.case_id, "ولیعصر")
    with store.session() as s:
        logged = s.exec(select(AuditEvent).where(AuditEvent.action == "case_search")).all()
    assert [e.detail for e in logged][:2] == ["answers=1 pages=0", "answers=1 pages=0"]
    assert not any("ولیعصر" in e.detail for e in logged)


@pytest.mark.skipif(not ocr_engine.available(), reason="tesseract is not installed")
def test_the_text_read_on_an_exhibit_is_found_with_its_page(store, people) -> None:
    lines = ["The detention order was signed by Colonel Marzban.",
             *scans.page_lines("en", 0, count=3)]
    data = scans.png(scans.scan(lines, "en", seed=4))
    eid, _, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=data,
                                filename="order.png", title="Detention order", language="en",
                                base_version=_version(store, people))
    assert search_case(store, people.paralegal, people.case_id, "Marzban") == []  # not read
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    [hit] = search_case(store, people.paralegal, people.case_id, "marzban colonel")
    assert (hit.kind, hit.path, hit.page, hit.title) == ("exhibit", eid, 1, "Detention order")
    assert "Marzban" in hit.snippet
