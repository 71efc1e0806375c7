"""Titles and file names lose control and bidi-override characters where they enter the
service layer: case titles (create, rename, archive import), evidence titles and file names
(add, edit), country report titles, publishers and file names. A Persian title survives whole.
Real store, real services."""

from __future__ import annotations

from pathlib import Path

from asylum_prep.country_info.importers import ImportOptions
from asylum_prep.services import archive, cases, coi
from asylum_prep.services import evidence as ev
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from tests.support import People
from tests.unit.country_info.conftest import report, write

HOSTILE = "Pay\u202eslip\x00 \x1b[2Jnow\u2066x\u2069\x9b"
CLEAN = "Payslip [2Jnowx"
PERSIAN = "پرونده\u200cی خانم احمدی"


def _title(store: Store, people: People, case_id: str) -> str:
    return cases.open_case(store, people.attorney, case_id).title


def test_case_titles_are_cleaned_on_create_rename_and_import(store: Store, people: People,
                                                             tmp_path: Path) -> None:
    case_id = cases.create_case(store, people.attorney, title=HOSTILE, jurisdiction="us")
    assert _title(store, people, case_id) == CLEAN
    cases.rename_case(store, people.attorney, case_id, title=f"\u202b{PERSIAN}\u202c")
    assert _title(store, people, case_id) == PERSIAN

    # A title stored before this cleaning existed travels in an archive; the import cleans it.
    with store.session() as session:
        repo.write_title(store, repo.get_case(session, case_id), HOSTILE)
    assert _title(store, people, case_id) == HOSTILE
    archive.export_case(store, people.attorney, case_id, out=tmp_path / "a.bin",
                        passphrase="a passphrase for tests")
    imported = archive.import_case(store, people.attorney, data=(tmp_path / "a.bin").read_bytes(),
                                   passphrase="a passphrase for tests")
    assert _title(store, people, imported.case_id) == CLEAN


def test_evidence_title_and_file_name_are_cleaned(store: Store, people: People) -> None:
    version = cases.open_case(store, people.attorney, people.case_id).version
    eid, version, _ = ev.add_evidence(
        store, people.attorney, people.case_id, data=b"A letter from my employer.\n",
        filename="letter\u202etxt.exe\x1b.txt", title=HOSTILE, base_version=version)
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    item = next(i for i in items if i.id == eid)
    assert item.title == CLEAN
    assert item.filename == "lettertxt.exe.txt"
    ev.update_evidence(store, people.attorney, people.case_id, eid, base_version=version,
                       title=f"{PERSIAN}\u2067!\u2069")
    _, items = ev.list_evidence(store, people.attorney, people.case_id)
    assert next(i for i in items if i.id == eid).title == f"{PERSIAN}!"


def test_country_report_titles_publishers_and_file_names_are_cleaned(
        store: Store, people: People, tmp_path: Path) -> None:
    from_file = write(tmp_path / "r\u202eep.md", report(
        "IR", "Pub\x1b[31mlisher", "Rights \u202eReport\u202c 2023", "2023-05-01",
        "The police arrested students at the university."))
    given = write(tmp_path / "given.md", report(
        "IR", "Publisher", "Ignored", "2023-05-01", "Gangs threatened students."))
    outcomes = coi.import_paths(store, people.paralegal, paths=[from_file])
    outcomes += coi.import_paths(store, people.paralegal, paths=[given],
                                 options=ImportOptions(title=f"\x00{PERSIAN}\x07"))
    assert [o.status for o in outcomes] == ["imported", "imported"]
    reports = {r.id: r for r in coi.list_reports(store, people.paralegal)}
    first, second = (reports[o.report_id] for o in outcomes)
    assert (first.title, first.publisher, first.file_name) == (
        "Rights Report 2023", "Pub[31mlisher", "rep.md")
    assert second.title == PERSIAN
