"""The same currency warnings wherever a citation appears: the worksheet (rendered and read
back), the exhibit index and the packet (notices to the team, never printed on what is
filed), `check` (see test_cli) and the library page (test_ui_page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from asylum_prep.services import coi, render
from asylum_prep.storage.engine import Store
from tests.conftest import People
from tests.unit.country_info.conftest import report, write
from tests.unit.documents.helpers import pdf_text

OLD = "The report was published on 2019-03-01, more than 2 years ago."


@pytest.fixture
def cited(store: Store, people: People, tmp_path: Path) -> coi.Citation:
    path = write(tmp_path / "old.md", report(
        "IR", "Old Monitor", "Iran: Arrests of Converts", "2019-03-01",
        "Converts to Christianity who attended house churches were arrested in several "
        "provinces and held without charge for weeks, according to church leaders abroad."))
    coi.import_paths(store, people.attorney, paths=[path])
    hit = coi.search(store, people.attorney, query="converts").hits[0]
    return coi.cite(store, people.attorney, people.case_id, passage_id=hit.passage_id,
                    element="objective_fear")


def test_worksheet_lists_citations_with_their_warnings(
    store: Store, people: People, cited: coi.Citation
) -> None:
    result = render.render_document(store, people.attorney, people.case_id, doc="worksheet",
                                    fmt="pdf")
    text = " ".join(pdf_text(result.content).split())
    assert "Country conditions" in text
    assert "Old Monitor, Iran: Arrests of Converts" in text
    assert OLD in text


def test_exhibit_index_and_packet_tell_the_team_not_the_court(
    store: Store, people: People, cited: coi.Citation
) -> None:
    index = render.render_document(store, people.attorney, people.case_id, doc="exhibit-index",
                                   fmt="pdf")
    assert "Exhibit 1 (Old Monitor, Iran: Arrests of Converts) cites a report with a currency " \
           "warning." in index.warnings
    assert OLD in index.warnings
    assert "more than 2 years ago" not in pdf_text(index.content)
    packet = render.render_document(store, people.attorney, people.case_id, doc="packet",
                                    fmt="pdf")
    assert OLD in packet.warnings
    assert "more than 2 years ago" not in pdf_text(packet.content)


def test_brief_tells_the_team(store: Store, people: People, cited: coi.Citation) -> None:
    brief = render.render_document(store, people.attorney, people.case_id, doc="brief",
                                   fmt="pdf", draft=True)
    assert OLD in brief.warnings
    assert "more than 2 years ago" not in pdf_text(brief.content)
