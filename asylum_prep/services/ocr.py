"""Reading scanned exhibits (evidence.ocr) as background jobs, and reading back what was read.

Every upload with a safe rendition is queued when it is stored (services.evidence); staff
can queue an exhibit again (`read_exhibits`). A job row (`ocr_jobs`) holds only its state
(queued, running, done, failed) and progress (pages done of pages to read); the words read are
applicant data, sealed under the case key (`repositories.put_page_texts`) and linked from the
exhibit in a new version of the record (`EvidenceItem.text`), with the rendition given its
text layer, so the packet can be searched.

One job runs at a time per server: every app process competes for one lease row
(`worker_leases`, "ocr") with a conditional UPDATE that only one can win, renews it while the
job runs, and lets it go when the queue is empty. A process that dies leaves its job
"running" under a lease that runs out; the next holder starts that job again (its attempts
counted: after MAX_ATTEMPTS it fails). A file that cannot be read is kept as it is and marked
"unreadable", never removed. The worker (services.ocr_worker) reads outside any transaction;
saves lock the case and link the results only if the exhibit is still there, unchanged.

Access: queueing needs `export` (paralegal, attorney); progress needs `read` (staff); the
text needs `read` (an applicant only of documents she added) and is audited as a view.
Progress is job state with no applicant data, polled every few seconds: not audited.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pikepdf
from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from asylum_prep.domain.evidence import EvidenceItem, ExhibitText, TextStatus
from asylum_prep.errors import N_, NotFoundError
from asylum_prep.evidence import ocr
from asylum_prep.evidence.sandbox import RenditionFailed
from asylum_prep.evidence.text_dates import dates_in
from asylum_prep.legal.document_words import words_in
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require, visible_record
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.cases import commit_version
from asylum_prep.services.users import to_actor
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.crypto import CaseCipher
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, OcrJob, User, WorkerLease, utcnow

LEASE = "ocr"
LEASE_SECONDS = 120
MAX_ATTEMPTS = 3
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
RETRIED = frozenset({TextStatus.not_read, TextStatus.unreadable})
TEXT_PURPOSE, RENDITION_PURPOSE = "ocr_text", "safe_rendition"


@dataclass(frozen=True)
class JobView:
    evidence_id: str
    state: str
    pages_done: int
    pages_total: int
    reason: str
    updated_at: datetime


def enqueue(session: Session, case_id: str, item: EvidenceItem, actor_id: int) -> bool:
    """Queue reading `item` inside the caller's transaction, unless it has no rendition or a
    job for it is already waiting or running."""
    if not item.safe_rendition_blob:
        return False
    waiting = session.exec(select(OcrJob).where(
        OcrJob.case_id == case_id, OcrJob.evidence_id == item.id,
        col(OcrJob.state).in_((QUEUED, RUNNING)))).first()
    if waiting is not None:
        return False
    session.add(OcrJob(case_id=case_id, evidence_id=item.id, state=QUEUED,
                       pages_total=item.page_count or 1, created_by=actor_id))
    return True


def _record(store: Store, session: Session,
            case_id: str) -> tuple[Case, CaseCipher, list[EvidenceItem]]:
    case = repo.get_case(session, case_id)
    cipher = store.case_cipher(case)
    record = repo.open_record(cipher, repo.get_version_row(session, case_id,
                                                           case.current_version))
    return case, cipher, list(record.evidence)


@guarded
def read_exhibits(store: Store, actor: Actor, case_id: str, *, evidence_id: str | None = None,
                  again: bool = False) -> int:
    """Queue reading the case's exhibits (or one) not read yet, not readable last time,
    stale (the file was replaced since), or with `again` every one; the number queued."""
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        _case, _cipher, items = _record(store, session, case_id)
        if evidence_id is not None:
            items = [it for it in items if it.id == evidence_id]
            if not items:
                raise NotFoundError(N_("No evidence item with id {evidence_id} in this case."),
                                    evidence_id=str(evidence_id)[:40])
        queued = sum(1 for it in items if (again or it.text.status in RETRIED
                                           or it.text.source_sha256 != it.stored_sha256)
                     and enqueue(session, case_id, it, actor.id))
        audit.log(session, actor, "ocr_queued", case_id, f"jobs={queued}")
        return queued


@guarded
def reading_progress(store: Store, actor: Actor, case_id: str) -> list[JobView]:
    """The latest job of each exhibit of the case (newest first)."""
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        rows = session.exec(select(OcrJob).where(OcrJob.case_id == case_id)
                            .order_by(col(OcrJob.id).desc())).all()
        latest: dict[str, JobView] = {}
        for row in rows:
            latest.setdefault(row.evidence_id, JobView(row.evidence_id, row.state,
                                                       row.pages_done, row.pages_total,
                                                       row.reason, row.updated_at))
        return list(latest.values())


@guarded
def exhibit_text(store: Store, actor: Actor, case_id: str, evidence_id: str) -> list[str]:
    """The text of each page of an exhibit, as read (or its own text, born digital); empty
    when it has not been read. Audited as a view."""
    with store.session() as session:
        role = require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(cipher, repo.get_version_row(session, case_id,
                                                               case.current_version))
        item = next((it for it in visible_record(role, actor.id, record).evidence
                     if it.id == evidence_id), None)
        if item is None:
            raise NotFoundError(N_("No evidence item with id {evidence_id} in this case."),
                                evidence_id=str(evidence_id)[:40])
        pages = repo.get_page_texts(session, cipher, item.text.blob) if item.text.blob else []
        audit.log(session, actor, "ocr_text_view", case_id,
                  f"evidence={item.id} pages={len(pages)}")
        return pages


# The worker's side (services.ocr_worker): not guarded, no acting person of its own; each job
# acts as the account that queued it, which had `export` on the case then.

def hold_lease(store: Store, owner: str) -> bool:
    """Take or renew the OCR lease for `owner`; False while another process holds it."""
    now = utcnow()
    with store.session() as session:
        done = session.execute(update(WorkerLease).where(
            col(WorkerLease.name) == LEASE,
            or_(col(WorkerLease.owner).is_(None), col(WorkerLease.owner) == owner,
                col(WorkerLease.until) < now),
        ).values(owner=owner, until=now + timedelta(seconds=LEASE_SECONDS)))
        return bool(done.rowcount)  # type: ignore[attr-defined]


def release_lease(store: Store, owner: str) -> None:
    with store.session() as session:
        session.execute(update(WorkerLease).where(
            col(WorkerLease.name) == LEASE, col(WorkerLease.owner) == owner,
        ).values(owner=None, until=None))


def _next_job(session: Session) -> OcrJob | None:
    """A job left running by a process that died comes first (the lease is ours now)."""
    for state in (RUNNING, QUEUED):
        job = session.exec(select(OcrJob).where(OcrJob.state == state)
                           .order_by(col(OcrJob.id))).first()
        if job is not None:
            return job
    return None


def _finish(job: OcrJob, state: str, reason: str = "") -> None:
    job.state, job.reason, job.updated_at = state, reason[:64], utcnow()
    if state == DONE:
        job.pages_done = job.pages_total


def _start(store: Store, session: Session, job: OcrJob) -> tuple[EvidenceItem, bytes] | None:
    """Mark `job` running; the exhibit and its rendition to read, or None when the job ended
    here (too many attempts: failed, the exhibit marked; the exhibit gone: done)."""
    job.state, job.pages_done, job.updated_at = RUNNING, 0, utcnow()
    job.attempts += 1
    session.add(job)
    if job.attempts > MAX_ATTEMPTS:
        _finish(job, FAILED, "gave_up")
        session.flush()
        _mark_unreadable(store, session, job)
        return None
    _case, cipher, items = _record(store, session, job.case_id)
    item = next((it for it in items if it.id == job.evidence_id), None)
    if item is None or not item.safe_rendition_blob:
        _finish(job, DONE, "removed")
        return None
    pdf = repo.get_blob(session, cipher, item.safe_rendition_blob)
    job.pages_total = len(pikepdf.open(io.BytesIO(pdf)).pages)
    return item, pdf


def run_next(store: Store, owner: str) -> bool:
    """Run the next job, if this process holds (or can take) the lease; False when there is
    nothing to run (the lease is let go) or another process runs jobs."""
    with store.reading() as session:  # most polls find nothing: no write for those
        idle = _next_job(session) is None
        lease = session.get(WorkerLease, LEASE)
        held = lease is not None and lease.owner == owner
    if idle:
        if held:
            release_lease(store, owner)
        return False
    if not hold_lease(store, owner):
        return False
    with store.session() as session:
        job = _next_job(session)
        started = _start(store, session, job) if job is not None else None
        job_id, pages = (job.id, job.pages_total) if job is not None else (None, 0)
    if job is None:
        release_lease(store, owner)
        return False
    if started is None:
        return True
    item, pdf = started
    try:
        reading = ocr.recognise(pdf, item.language, pages=pages,
                                on_page=lambda n: _progress(store, owner, job_id, n),
                                memory_mb=store.settings.rendition_memory_mb,
                                cpu_seconds=store.settings.rendition_cpu_seconds)
        searchable = ocr.with_text_layer(pdf, reading) if reading.pages_read else None
    except RenditionFailed as exc:
        with store.session() as session:
            row = session.get(OcrJob, job_id)
            if row is not None:
                _finish(row, FAILED, exc.reason)
                _mark_unreadable(store, session, row)
        return True
    _save(store, job_id, item, reading, searchable)
    return True


def _progress(store: Store, owner: str, job_id: int | None, pages_done: int) -> None:
    hold_lease(store, owner)
    with store.session() as session:
        row = session.get(OcrJob, job_id)
        if row is not None:
            row.pages_done, row.updated_at = pages_done, utcnow()


def _job_actor(session: Session, job: OcrJob) -> Actor:
    user = session.get(User, job.created_by)
    assert user is not None  # accounts are switched off, never deleted
    return to_actor(user)


def _update_item(store: Store, session: Session, job: OcrJob, *, source_blob: str,
                 change: ExhibitText, rendition: bytes | None = None) -> bool:
    """Link `change` (and a new rendition) to the exhibit, in a new version, if it is still
    there with the rendition that was read."""
    actor = _job_actor(session, job)
    case = repo.lock_case(session, job.case_id)
    cipher = store.case_cipher(case)
    record = repo.open_record(cipher, repo.get_version_row(session, case.id,
                                                           case.current_version))
    item = next((it for it in record.evidence if it.id == job.evidence_id), None)
    if item is None or item.safe_rendition_blob != source_blob:
        return False
    if rendition is not None:
        item.safe_rendition_blob = repo.put_blob(session, cipher, rendition, actor_id=actor.id,
                                                 purpose=RENDITION_PURPOSE).id
    item.text = change
    commit_version(session, store, actor, Role.attorney, case,
                   base_version=case.current_version, record=record, action="evidence_ocr",
                   check_paths=False, detail=f"evidence={item.id} status={change.status}")
    return True


def _mark_unreadable(store: Store, session: Session, job: OcrJob) -> None:
    _case, _cipher, items = _record(store, session, job.case_id)
    item = next((it for it in items if it.id == job.evidence_id), None)
    if item is not None:
        _update_item(store, session, job, source_blob=item.safe_rendition_blob,
                     change=ExhibitText(status=TextStatus.unreadable,
                                        source_sha256=item.stored_sha256,
                                        read_at=datetime.now(UTC)))


def _save(store: Store, job_id: int | None, item: EvidenceItem, reading: ocr.Reading,
          searchable: bytes | None) -> None:
    with store.session() as session:
        job = session.get(OcrJob, job_id)
        if job is None:
            return
        actor = _job_actor(session, job)
        case = repo.get_case(session, job.case_id)
        blob = repo.put_page_texts(session, store.case_cipher(case),
                                   [page.text for page in reading.pages], actor_id=actor.id,
                                   purpose=TEXT_PURPOSE)
        text = "\n".join(page.text for page in reading.pages)
        change = ExhibitText(
            status=TextStatus.read if reading.pages_read else TextStatus.own_text,
            blob=blob.id, source_sha256=item.stored_sha256, pages_read=reading.pages_read,
            models=reading.models, read_at=datetime.now(UTC),
            dates=dates_in(text, item.language), words=words_in(text))
        linked = _update_item(store, session, job, source_blob=item.safe_rendition_blob,
                              change=change, rendition=searchable)
        if not linked:
            session.delete(blob)  # the exhibit was replaced or removed meanwhile
        _finish(job, DONE, "" if linked else "changed")
        audit.log(session, actor, "ocr_done", job.case_id,
                  f"evidence={job.evidence_id} pages_read={reading.pages_read} "
                  f"linked={'yes' if linked else 'no'}")
