"""OCR as background jobs (services.ocr, services.ocr_worker), for real: generated scans go in
through the evidence service, the worker reads them with Tesseract in the sandbox, the text is
sealed, the packet becomes searchable, a file that cannot be read is kept and marked, the
lease lets one process run at a time and a job left running by a dead one is resumed."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from asylum_prep.config import Settings
from asylum_prep.domain.evidence import TextStatus
from asylum_prep.errors import PermissionDenied
from asylum_prep.evidence import ocr as ocr_engine
from asylum_prep.services import cases, ocr, ocr_worker
from asylum_prep.services import evidence as ev
from asylum_prep.services.packet import render_packet
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.storage.tables import AuditEvent, OcrJob, WorkerLease, utcnow
from tests import scans
from tests.support import make_people

pytestmark = pytest.mark.skipif(not ocr_engine.available(), reason="tesseract is not installed")

WORD = "Quetzalcoatlus"  # distinctive: found nowhere but in the scan


def _version(store, people) -> int:
    return cases.open_case(store, people.attorney, people.case_id).version


def _add_scan(store, people, lang: str, lines: list[str], **kw) -> str:
    data = scans.png(scans.scan(lines, lang, seed=3))
    eid, _, _ = ev.add_evidence(store, people.paralegal, people.case_id, data=data,
                                filename="summons.png", title="Summons", language=lang,
                                base_version=_version(store, people), **kw)
    return eid


def _item(store, people, eid):
    return next(i for i in ev.list_evidence(store, people.attorney, people.case_id)[1]
                if i.id == eid)


def test_a_scan_is_queued_read_in_the_background_sealed_and_searchable(store, people) -> None:
    lines = [f"The summons names {WORD} as the officer in charge.",
             *scans.page_lines("en", 0, count=4)]
    eid = _add_scan(store, people, "en", lines)
    [job] = ocr.reading_progress(store, people.paralegal, people.case_id)
    assert (job.evidence_id, job.state) == (eid, ocr.QUEUED)
    assert ocr.exhibit_text(store, people.paralegal, people.case_id, eid) == []

    assert ocr_worker.drain(store, people.case_id, timeout=300)
    [job] = ocr.reading_progress(store, people.paralegal, people.case_id)
    assert (job.state, job.pages_done, job.pages_total, job.reason) == (ocr.DONE, 1, 1, "")
    item = _item(store, people, eid)
    assert item.text.status is TextStatus.read and item.text.pages_read == 1
    assert item.text.source_sha256 == item.stored_sha256 and item.text.models == "eng"
    [page] = ocr.exhibit_text(store, people.translator, people.case_id, eid)
    assert WORD in page and "summons" in page

    with store.session() as s:
        views = s.exec(select(AuditEvent).where(AuditEvent.action == "ocr_text_view")).all()
        assert len(views) == 2 and all(f"evidence={eid}" in v.detail for v in views)
        assert not any(WORD in e.detail for e in s.exec(select(AuditEvent)))

    parts = render_packet(store, people.attorney, people.case_id).parts
    text = b"".join(subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                                   check=True).stdout for _, data in parts).decode()
    assert WORD in text

    # Never in plaintext at rest: not in the database, its WAL, or anywhere in the data dir.
    store.close()
    needles = (WORD.encode(), WORD.encode("utf-16-be"))
    for path in Path(store.settings.data_dir).rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert not any(n in blob for n in needles), path


def test_persian_scan_is_read_with_the_persian_model(store, people) -> None:
    lines = scans.page_lines("fa", 1, count=6)
    eid = _add_scan(store, people, "fa", lines)
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    [page] = ocr.exhibit_text(store, people.attorney, people.case_id, eid)
    wanted = [w for line in lines for w in line.split()]
    assert sum(1 for w in wanted if w in page.split()) / len(wanted) >= 0.8
    assert _item(store, people, eid).text.models == "fas+eng"


def test_a_born_digital_pdf_keeps_its_own_text(store, people) -> None:
    eid, _, _ = ev.add_evidence(store, people.paralegal, people.case_id,
                                data=f"A typed letter about {WORD}.\n".encode(),
                                filename="letter.txt", base_version=_version(store, people))
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    item = _item(store, people, eid)
    assert item.text.status is TextStatus.own_text and item.text.pages_read == 0
    assert WORD in ocr.exhibit_text(store, people.attorney, people.case_id, eid)[0]


def test_a_file_that_cannot_be_read_is_kept_and_marked(tmp_path: Path, db_url) -> None:
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url)
    store = open_store(settings)
    try:
        people = make_people(store)
        eid = _add_scan(store, people, "en", scans.page_lines("en", 0, count=3))
        # Too little memory for Tesseract: its child is killed by its own limits.
        starved = open_store(Settings(data_dir=settings.data_dir, database_url=db_url,
                                      rendition_memory_mb=64))
        try:
            assert ocr_worker.drain(starved, people.case_id, timeout=300)
        finally:
            starved.close()
        [job] = ocr.reading_progress(store, people.paralegal, people.case_id)
        assert job.state == ocr.FAILED and job.reason
        item = _item(store, people, eid)
        assert item.text.status is TextStatus.unreadable
        data, _ = ev.get_evidence_file(store, people.attorney, people.case_id, eid)
        assert data  # the file itself is still there
        # Queued again, it is read.
        assert ocr.read_exhibits(store, people.paralegal, people.case_id, evidence_id=eid) == 1
        assert ocr_worker.drain(store, people.case_id, timeout=300)
        assert _item(store, people, eid).text.status is TextStatus.read
    finally:
        store.close()


def test_an_idle_poll_writes_nothing(store: Store, people) -> None:
    """The worker asks every few seconds in every app process: with nothing queued it only
    reads, so it never holds up a save."""
    commits: list[int] = []

    def committed(conn: object) -> None:
        commits.append(1)

    event.listen(store.engine, "commit", committed)
    try:
        assert not ocr.run_next(store, "idle")
        assert not commits
    finally:
        event.remove(store.engine, "commit", committed)
    with store.session() as s:
        lease = s.get(WorkerLease, ocr.LEASE)
        assert lease is None or lease.owner is None


def test_one_process_holds_the_lease_and_a_dead_ones_job_is_resumed(store: Store,
                                                                     people) -> None:
    assert ocr.hold_lease(store, "one") and ocr.hold_lease(store, "one")
    assert not ocr.hold_lease(store, "two")
    assert not ocr.run_next(store, "two")
    eid = _add_scan(store, people, "en", scans.page_lines("en", 2, count=3))
    with store.session() as s:  # "one" died while reading it
        job = s.exec(select(OcrJob)).one()
        job.state, job.attempts = ocr.RUNNING, 1
        lease = s.get(WorkerLease, ocr.LEASE)
        assert lease is not None
        lease.until = utcnow() - timedelta(seconds=1)
    assert ocr.run_next(store, "two")
    [job_view] = ocr.reading_progress(store, people.paralegal, people.case_id)
    assert job_view.state == ocr.DONE
    assert _item(store, people, eid).text.status is TextStatus.read
    assert not ocr.run_next(store, "two")  # nothing left: the lease is let go
    assert ocr.hold_lease(store, "one")


def test_queueing_needs_export_and_the_text_follows_read_access(store, people) -> None:
    eid = _add_scan(store, people, "en", scans.page_lines("en", 0, count=2))
    with pytest.raises(PermissionDenied):
        ocr.read_exhibits(store, people.applicant, people.case_id)
    with pytest.raises(PermissionDenied):
        ocr.read_exhibits(store, people.translator, people.case_id)
    # Waiting already: not queued twice.
    assert ocr.read_exhibits(store, people.paralegal, people.case_id, evidence_id=eid) == 0
    assert ocr_worker.waiting(store, people.case_id) == 1


def test_an_archive_of_a_read_case_imports_and_its_files_are_read_again(store, people,
                                                                        tmp_path: Path) -> None:
    from asylum_prep.services import archive

    eid = _add_scan(store, people, "en", [f"Issued to {WORD} on Monday."])
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    out = tmp_path / "case.apa"
    archive.export_case(store, people.paralegal, people.case_id, out=out,
                        passphrase="a long archive passphrase")
    summary = archive.import_case(store, people.attorney, data=out.read_bytes(),
                                  passphrase="a long archive passphrase")
    [job] = ocr.reading_progress(store, people.attorney, summary.case_id)
    assert (job.evidence_id, job.state) == (eid, ocr.QUEUED)
    assert ocr_worker.drain(store, summary.case_id, timeout=300)
    assert WORD in ocr.exhibit_text(store, people.attorney, summary.case_id, eid)[0]


def test_a_summons_dated_apart_from_the_story_raises_a_flag_naming_both(store, people) -> None:
    from datetime import date

    from asylum_prep.domain.dates import FuzzyDate, Precision
    from asylum_prep.services import answers, checks

    iid, v = answers.add_item(store, people.applicant, people.case_id,
                              list_path="incidents.items", base_version=_version(store, people))
    answers.save_answer(store, people.applicant, people.case_id,
                        path=f"incidents.items.{iid}.date",
                        value=FuzzyDate(iso=date(2022, 6, 1), precision=Precision.month),
                        base_version=v)
    lines = ["SUMMONS", "You are ordered to appear at the Revolutionary Court.",
             "Issued on 14 May 2022 by the prosecutor."]
    eid = _add_scan(store, people, "en", lines)
    ev.update_evidence(store, people.paralegal, people.case_id, eid,
                       base_version=_version(store, people), incidents=[iid])
    assert not [f for f in checks.run_checks(store, people.attorney, people.case_id).flags
                if f.rule == "document_date_vs_event"]  # not read yet: nothing to compare
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    assert [d.iso for d in _item(store, people, eid).text.dates] == [date(2022, 5, 14)]
    [flag] = [f for f in checks.run_checks(store, people.attorney, people.case_id).flags
              if f.rule == "document_date_vs_event"]
    assert flag.places == (f"evidence.{eid}.text", f"incidents.items.{iid}.date")
    assert "2022-05-14" in flag.message
    checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                        reason="The summons came before the arrest.",
                        base_version=_version(store, people))
    assert not [f for f in checks.run_checks(store, people.attorney, people.case_id).open_flags
                if f.rule == "document_date_vs_event"]


def test_the_translator_sees_what_ocr_read_beside_each_page(store, people) -> None:
    from asylum_prep.services.exhibit_translations import list_exhibit_translations

    eid = _add_scan(store, people, "ru", scans.page_lines("ru", 0, count=4))
    _, [before] = list_exhibit_translations(store, people.translator, people.case_id)
    assert before.item.id == eid and before.ocr == ()  # not read yet: the pages alone
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    _, [after] = list_exhibit_translations(store, people.translator, people.case_id)
    [page] = after.ocr
    assert page == ocr.exhibit_text(store, people.translator, people.case_id, eid)[0]
    assert any("а" <= ch <= "я" for ch in page.lower())  # Cyrillic read from the scan
