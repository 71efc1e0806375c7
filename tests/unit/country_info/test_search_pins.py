"""Search hits are pinpointed as their citations will be: by the printed page labels, with both
pages of a passage that runs over a page break (CLI, JSON and the library page read `Hit.pin`)."""

from __future__ import annotations

from pathlib import Path

from asylum_prep.services import coi
from asylum_prep.storage.engine import Store
from tests.conftest import People
from tests.unit.country_info.report_files import state_report_pdf


def test_a_hit_is_cited_by_its_printed_pages(store: Store, people: People,
                                             tmp_path: Path) -> None:
    pdf = tmp_path / "state-2023.pdf"
    pdf.write_bytes(state_report_pdf())
    coi.import_paths(store, people.attorney, paths=[pdf],
                     options=coi.ImportOptions(country="IR", publisher="US State Department"))
    page = coi.search(store, people.attorney, query="incident investigated")
    pins = {h.pin for h in page.hits}
    assert "sec. 1.a, pp. 1\u20132" in pins  # the paragraph over the break (PDF pages 2-3)
    assert "sec. 1.a, p. 1" in pins  # PDF page 2: the printed label, not the PDF's number
    assert "sec. 1.a, p. 3" not in pins  # printed page 2 is PDF page 3
    over = next(h for h in page.hits if h.page_end is not None)
    assert over.as_json()["page_label"] == "1" and over.as_json()["page_end"] == over.page + 1
