"""Suggestions, citations and currency warnings on a real case in a real store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from asylum_prep.domain.citations import ElementKey, format_citation
from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.samples import load_sample
from asylum_prep.services import cases, coi
from asylum_prep.storage.engine import Store
from tests.conftest import People
from tests.unit.country_info.conftest import write


def _sample_case(store: Store, people: People) -> None:
    opened = cases.open_case(store, people.attorney, people.case_id)
    cases.save_record(store, people.attorney, people.case_id, record=load_sample(),
                      base_version=opened.version)


def test_suggestions_explain_matches_and_rejections_stick(
    store: Store, people: People, sample_library: list[coi.ImportOutcome]
) -> None:
    _sample_case(store, people)
    groups = coi.suggest(store, people.attorney, people.case_id)
    assert groups and all(g.country == "XV" for g in groups)
    record = cases.open_case(store, people.attorney, people.case_id).record
    keys = {g.target for g in groups}
    assert {f"incidents.items.{i.id}" for i in record.incidents.items} & keys
    some = next(g for g in groups if g.suggestions)
    first = some.suggestions[0]
    assert first.reasons, "each suggestion says which terms matched"
    assert {kind for _, kind in first.reasons} <= {"perpetrator", "harm", "group", "place"}
    coi.reject(store, people.paralegal, people.case_id, passage_id=first.hit.passage_id,
               target=some.target)
    again = {g.target: g for g in coi.suggest(store, people.attorney, people.case_id)}
    assert first.hit.passage_id not in [s.hit.passage_id for s in again[some.target].suggestions]
    with pytest.raises(PermissionDenied):
        coi.suggest(store, people.applicant, people.case_id)


def test_cite_copies_the_stored_passage_exactly(
    store: Store, people: People, sample_library: list[coi.ImportOutcome]
) -> None:
    hit = coi.search(store, people.attorney, query='"arbitrary arrest" students').hits[0]
    citation = coi.cite(store, people.paralegal, people.case_id, passage_id=hit.passage_id,
                        element="objective_fear")
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert record.citations == [citation]
    with store.session() as session:
        from asylum_prep.country_info.library import get_passage
        stored = get_passage(session, hit.passage_id)
    assert citation.quote == stored.passage.text
    assert citation.report_sha256 == stored.report.content_hash
    assert (citation.publisher, citation.published, citation.section) == (
        "Ministry of Sample Affairs (fictional)", date(2024, 3, 15),
        "Section 1.d Arbitrary Arrest or Detention")
    text = format_citation(citation)
    assert text.startswith("Ministry of Sample Affairs (fictional), FICTIONAL - Veldania: Human "
                           "Rights Report 2023, sec. 1.d (Mar. 15, 2024), "
                           "https://example.org/fictional/veldania-2023, accessed ")
    assert coi.citations_by_element(record) == {"objective_fear": 1}
    with pytest.raises(InputRefused):
        coi.cite(store, people.attorney, people.case_id, passage_id=hit.passage_id,
                 element="objective_fear")
    with pytest.raises(InputRefused, match="Unknown legal element"):
        coi.cite(store, people.attorney, people.case_id, passage_id=hit.passage_id,
                 element="vibes")
    for actor in (people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            coi.cite(store, actor, people.case_id, passage_id=hit.passage_id, element="harm")
    coi.uncite(store, people.attorney, people.case_id, citation_id=citation.id)
    assert cases.open_case(store, people.attorney, people.case_id).record.citations == []


def test_citation_of_other_case_or_unknown_passage_refused(
    store: Store, people: People, other_people: People, sample_library: list[coi.ImportOutcome]
) -> None:
    from asylum_prep.errors import NotFoundError

    with pytest.raises(PermissionDenied):
        coi.cite(store, people.attorney, other_people.case_id, passage_id=1, element="harm")
    with pytest.raises(NotFoundError):
        coi.cite(store, people.attorney, people.case_id, passage_id=999_999, element="harm")


def test_currency_warnings_old_report_and_newer_edition(
    store: Store, people: People, sample_library: list[coi.ImportOutcome]
) -> None:
    old = coi.search(store, people.attorney, query="tear gas").hits[0]
    assert old.published == date(2022, 3, 10)
    new = coi.search(store, people.attorney, query="Green Lantern").hits[0]
    c_old = coi.cite(store, people.attorney, people.case_id, passage_id=old.passage_id,
                     element=ElementKey.objective_fear.value)
    c_new = coi.cite(store, people.attorney, people.case_id, passage_id=new.passage_id,
                     element="objective_fear")
    warnings = coi.citation_warnings(store, people.attorney, people.case_id,
                                     today=date(2024, 10, 1))
    kinds = {cid: {w.kind for w in ws} for cid, ws in warnings.items()}
    assert kinds == {c_old.id: {"old", "newer_edition"}}
    newer = next(w for w in warnings[c_old.id] if w.kind == "newer_edition")
    assert "Human Rights Report 2023" in newer.message()
    later = coi.citation_warnings(store, people.attorney, people.case_id,
                                  today=date(2026, 6, 1))
    assert {w.kind for w in later[c_new.id]} == {"old"}
    assert c_new.id not in coi.citation_warnings(store, people.attorney, people.case_id,
                                                 today=date(2025, 6, 1))
    stricter = coi.citation_warnings(store, people.attorney, people.case_id,
                                     today=date(2025, 6, 1), stale_after_years=1)
    assert {w.kind for w in stricter[c_new.id]} == {"old"}
    store.settings.coi_stale_years = 1  # the operator's setting (ASYLUM_PREP_COI_STALE_YEARS)
    configured = coi.citation_warnings(store, people.attorney, people.case_id,
                                       today=date(2025, 6, 1))
    assert {w.kind for w in configured[c_new.id]} == {"old"}


def test_undated_report_is_flagged(store: Store, people: People, tmp_path: Path) -> None:
    path = write(tmp_path / "undated.txt",
                 "---\ntitle: Note\npublisher: P\ncountry: XV\n---\nA paragraph of undated text.")
    coi.import_paths(store, people.attorney, paths=[path])
    hit = coi.search(store, people.attorney, query="undated").hits[0]
    c = coi.cite(store, people.attorney, people.case_id, passage_id=hit.passage_id, element="harm")
    assert "(n.d.)" in format_citation(c)
    warnings = coi.citation_warnings(store, people.attorney, people.case_id)
    assert [w.kind for w in warnings[c.id]] == ["undated"]
