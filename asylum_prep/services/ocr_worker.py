"""The thread that runs OCR jobs (services.ocr) in an app process, and the loop the CLI runs
on demand (`asylum-prep evidence ocr CASE_ID --wait`).

Every process that serves the app starts one worker (`start`, from the store's opening in
ui/store.py, when the `ocr_in_background` setting is on); they compete for the one lease, so a
server runs one job at a time, each Tesseract on one core. The worker waits `POLL` seconds
between looks at an empty queue, and stops with its process (a daemon thread) or `stop`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable

from sqlmodel import col, select

from asylum_prep.services import ocr
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import OcrJob

POLL = 5.0
log = logging.getLogger(__name__)


def owner_name() -> str:
    """This process's name on the lease: unique per process and start."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


class Worker:
    def __init__(self, store: Store, *, poll: float = POLL) -> None:
        self.store, self.poll, self.owner = store, poll, owner_name()
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="ocr-worker", daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = ocr.run_next(self.store, self.owner)
            except Exception:  # noqa: BLE001 - a worker must outlive one bad job; logged
                log.exception("an OCR job stopped with an unexpected error")
                busy = False
            if not busy:
                self._stop.wait(self.poll)

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self.thread.join(timeout)
        ocr.release_lease(self.store, self.owner)


def start(store: Store, *, poll: float = POLL) -> Worker:
    worker = Worker(store, poll=poll)
    worker.thread.start()
    return worker


def waiting(store: Store, case_id: str | None = None) -> int:
    """Jobs queued or running (of one case, or all)."""
    with store.session() as session:
        query = select(OcrJob).where(col(OcrJob.state).in_((ocr.QUEUED, ocr.RUNNING)))
        if case_id is not None:
            query = query.where(OcrJob.case_id == case_id)
        return len(session.exec(query).all())


def drain(store: Store, case_id: str | None = None, *, timeout: float = 3600.0,
          tick: Callable[[], None] | None = None) -> bool:
    """Run jobs here until none of the case's (or any) is left; while another process holds
    the lease, wait for it. False when `timeout` seconds passed first."""
    owner, end = owner_name(), time.monotonic() + timeout
    try:
        while waiting(store, case_id):
            if time.monotonic() > end:
                return False
            if not ocr.run_next(store, owner):
                time.sleep(1.0)
            if tick is not None:
                tick()
        return True
    finally:
        ocr.release_lease(store, owner)
