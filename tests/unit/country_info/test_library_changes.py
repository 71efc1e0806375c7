"""The same report in another form, edition series, corrected and deleted reports, and what
citations keep and say: on a real store (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from asylum_prep.country_info import near_duplicates
from asylum_prep.country_info.importers import series_key
from asylum_prep.domain.citation_currency import LibraryState, currency_warnings
from asylum_prep.domain.citations import format_citation
from asylum_prep.errors import InputRefused, NotFoundError, PermissionDenied
from asylum_prep.services import audit, cases, coi
from asylum_prep.storage.engine import Store
from tests.conftest import People
from tests.unit.country_info.conftest import make_pdf, report, write
from tests.unit.country_info.report_files import govuk_note

PARAS = [
    f"Paragraph {n}: security forces detained members of the {word} community at "
    f"checkpoints and held them for weeks without charge or access to a lawyer, monitors said."
    for n, word in enumerate(("Baha'i", "Christian", "Kurdish", "Baluch", "Arab", "Azeri"), 1)
]


def test_same_report_as_pdf_and_text_is_recognised_and_force_keeps_both(
    store: Store, people: People, tmp_path: Path
) -> None:
    txt = write(tmp_path / "r.txt", report("IR", "Monitor", "Detentions", "2024-01-05",
                                           *PARAS))
    pdf = make_pdf(tmp_path / "r.pdf", [f"<p>{p}</p>" for p in PARAS], title="Detentions",
                   author="Monitor", created="2024-01-05")
    first = coi.import_paths(store, people.attorney, paths=[txt])[0]
    assert first.status == "imported"
    again = coi.import_paths(store, people.attorney, paths=[pdf], options=coi.ImportOptions(
        country="IR"))[0]
    assert again.status == "duplicate" and again.report_id == first.report_id
    assert "Detentions" in again.reason and str(first.report_id) in again.reason
    forced = coi.import_paths(store, people.attorney, paths=[pdf], force=True,
                              options=coi.ImportOptions(country="IR"))[0]
    assert forced.status == "imported"
    assert len(coi.list_reports(store, people.attorney)) == 2


def test_page_saved_twice_with_another_banner_is_a_duplicate(
    store: Store, people: People
) -> None:
    a = coi.import_files(store, people.attorney, files=[("a.html", govuk_note())],
                         options=coi.ImportOptions(country="IR"))[0]
    b = coi.import_files(store, people.attorney, files=[("b.html", govuk_note(
        banner="<p>You have accepted additional cookies.</p>"))],
        options=coi.ImportOptions(country="IR"))[0]
    assert a.status == "imported" and b.status == "duplicate" and b.report_id == a.report_id


def test_near_duplicate_measure() -> None:
    words = " ".join(PARAS)
    base = near_duplicates.fingerprint([words])
    edited = near_duplicates.fingerprint([words.replace("weeks", "months", 1)])
    other = near_duplicates.fingerprint([" ".join(reversed(PARAS)).replace("monitors", "x")
                                         + " an unrelated closing paragraph " * 40])
    assert base[0] == near_duplicates.fingerprint([words.upper()])[0]  # case is folded
    assert near_duplicates.same_report(base[1], edited[1])
    assert not near_duplicates.same_report(base[1], other[1])
    assert near_duplicates.similarity(base[1], "") == 0.0


def test_edition_series_across_months_and_years(store: Store, people: People) -> None:
    title = "Country Policy and Information Note: Christians, Iran, {} (accessible)"
    assert series_key("UK Home Office", "IR", title.format("May 2022")) == series_key(
        "UK Home Office", "IR", title.format("October 2025"))
    assert series_key("UK Home Office", "IR", title.format("May 2022")) != series_key(
        "UK Home Office", "IR", "Country Policy and Information Note: Kurds, Iran, May 2022")
    old, new = coi.import_files(store, people.attorney, files=[
        ("may.html", govuk_note("May", 2022, "05")),
        ("oct.html", govuk_note("October", 2025, "10").replace(b"house churches",
                                                                  b"underground churches")
         .replace(b"freely in their", b"with restrictions in their")
         .replace(b"decision makers", b"caseworkers")
         .replace(b"relocate to escape", b"move away from")),
    ], options=coi.ImportOptions(country="IR"))
    assert (old.status, new.status) == ("imported", "imported"), new.reason
    # a new edition that repeats the old one's text word for word is still an edition
    same_text = coi.import_files(store, people.attorney, files=[
        ("jan.html", govuk_note("January", 2024, "01"))],
        options=coi.ImportOptions(country="IR"))[0]
    assert same_text.status == "imported", same_text.reason
    warnings = coi.library_warnings(store, people.attorney, today=date(2025, 11, 1))
    kinds = {w.kind for w in warnings[str(old.report_id)]}
    assert kinds == {"old", "newer_edition"}
    newer = next(w for w in warnings[str(old.report_id)] if w.kind == "newer_edition")
    assert "October 2025" in newer.message()
    assert str(new.report_id) not in warnings


def _cited(store: Store, people: People, tmp_path: Path) -> tuple[str, coi.Citation]:
    path = write(tmp_path / "r.md", report("IR", "Monitor", "Detentions 2024", "2024-01-05",
                                           *PARAS))
    outcome = coi.import_paths(store, people.attorney, paths=[path])[0]
    hit = coi.search(store, people.attorney, query="Kurdish").hits[0]
    c = coi.cite(store, people.attorney, people.case_id, passage_id=hit.passage_id,
                 element="objective_fear")
    return str(outcome.report_id), c


def test_edit_report_keeps_citations_and_says_it_changed(
    store: Store, people: People, tmp_path: Path
) -> None:
    report_id, c = _cited(store, people, tmp_path)
    today = date(2024, 6, 1)
    assert coi.citation_warnings(store, people.attorney, people.case_id, today=today) == {}
    edited = coi.edit_report(store, people.paralegal, report_id=report_id,
                             title="Detentions of minorities 2024", publisher="Rights Monitor",
                             published=date(2024, 2, 1), country="tr",
                             url="https://example.org/r")
    assert (edited.title, edited.publisher, edited.published, edited.country, edited.url) == (
        "Detentions of minorities 2024", "Rights Monitor", date(2024, 2, 1), "TR",
        "https://example.org/r")
    record = cases.open_case(store, people.attorney, people.case_id).record
    kept = record.citations[0]
    assert (kept.title, kept.publisher, kept.country, kept.published) == (
        "Detentions 2024", "Monitor", "IR", date(2024, 1, 5))
    assert "Detentions 2024" in format_citation(kept)
    warnings = coi.citation_warnings(store, people.attorney, people.case_id, today=today)
    changed = warnings[c.id]
    assert [w.kind for w in changed] == ["changed"]
    assert datetime.now(UTC).date().isoformat() in changed[0].message()
    # the search filters follow the corrected country and publisher
    assert coi.search(store, people.attorney, query="Kurdish", country="TR").total == 1
    assert coi.search(store, people.attorney, query="Kurdish", country="IR").total == 0
    assert coi.list_publishers(store, people.attorney) == ["Rights Monitor"]
    events = [e for e in audit.list_events(store, people.admin) if e.action == "coi_edit"]
    assert events and "fields=title,publisher,published,country,url" in (events[0].detail or "")
    assert "Detentions of minorities" not in (events[0].detail or "")


def test_edit_report_refuses_bad_values_and_changes_nothing(
    store: Store, people: People, tmp_path: Path
) -> None:
    report_id, _ = _cited(store, people, tmp_path)
    for bad in ({"country": "Iran"}, {"url": "javascript:alert(1)"}, {"publisher": "   "}):
        with pytest.raises(InputRefused):
            coi.edit_report(store, people.attorney, report_id=report_id, **bad)  # type: ignore[arg-type]
    report = next(r for r in coi.list_reports(store, people.attorney) if r.id == report_id)
    assert (report.country, report.publisher, report.details_changed_at) == ("IR", "Monitor",
                                                                            None)
    with pytest.raises(PermissionDenied):
        coi.edit_report(store, people.translator, report_id=report_id, title="X")
    with pytest.raises(NotFoundError):
        coi.edit_report(store, people.attorney, report_id="nope", title="X")
    undated = coi.edit_report(store, people.attorney, report_id=report_id, clear_published=True)
    assert undated.published is None


def test_deleted_report_citations_stay_readable_and_are_flagged(
    store: Store, people: People, tmp_path: Path
) -> None:
    report_id, c = _cited(store, people, tmp_path)
    with pytest.raises(PermissionDenied):
        coi.delete_report(store, people.paralegal, report_id=report_id)
    coi.delete_report(store, people.attorney, report_id=report_id)
    assert coi.list_reports(store, people.attorney) == []
    assert coi.search(store, people.attorney, query="Kurdish").total == 0
    kept = cases.open_case(store, people.attorney, people.case_id).record.citations[0]
    assert kept.quote == c.quote and kept.title == "Detentions 2024"
    warnings = coi.citation_warnings(store, people.attorney, people.case_id)
    assert [w.kind for w in warnings[c.id]] == ["deleted"]
    assert datetime.now(UTC).date().isoformat() in warnings[c.id][0].message()
    events = [e for e in audit.list_events(store, people.admin) if e.action == "coi_delete"]
    assert events and "Kurdish" not in (events[0].detail or "")


def test_currency_rules() -> None:
    today = date(2025, 6, 1)
    at = datetime(2025, 1, 1, tzinfo=UTC)
    fresh = LibraryState(published=date(2025, 1, 1))
    assert currency_warnings(fresh, published=None, today=today, stale_after_years=2) == []
    old = LibraryState(published=date(2022, 1, 1))
    assert [w.kind for w in currency_warnings(old, published=None, today=today,
                                              stale_after_years=2)] == ["old"]
    assert currency_warnings(old, published=None, today=today, stale_after_years=4) == []
    assert [w.kind for w in currency_warnings(LibraryState(), published=None, today=today,
                                              stale_after_years=2)] == ["undated"]
    changed = LibraryState(published=date(2025, 1, 1),
                           details_changed_at=datetime(2025, 2, 1))  # naive, as SQLite gives
    assert [w.kind for w in currency_warnings(changed, published=None, today=today,
                                              stale_after_years=2, cited_at=at)] == ["changed"]
    assert currency_warnings(changed, published=None, today=today, stale_after_years=2,
                             cited_at=at + timedelta(days=60)) == []
    assert [w.kind for w in currency_warnings(LibraryState(present=False), published=None,
                                              today=today, stale_after_years=2)] == ["missing"]
