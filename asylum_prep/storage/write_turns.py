"""Turns at writing one SQLite database, for the threads of one process, first come first
served.

SQLite lets one transaction write at a time; the others wait in its busy handler, which sleeps
and polls (1, 2, 5 ... 100 ms between tries) and serves nobody in order. With 25 people working
in one server process that made a click wait seconds now and then while the lock sat free
between polls. Here a thread that wants to write queues in the process and is woken the moment
the one before it finishes; SQLite's busy timeout still orders this process against others
(the command line, a second server).

Reentrant: a thread that already holds its turn (a transaction opened inside another) goes on,
and SQLite decides, as it did before. Waiting longer than the store's lock wait raises
`StorageUnavailable` with the same message as SQLite's own timeout.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from asylum_prep.errors import StorageUnavailable
from asylum_prep.storage.db_errors import LOCKED


class WriteTurns:
    def __init__(self) -> None:
        self._lock = threading.RLock()

    @contextmanager
    def turn(self, timeout_s: float) -> Iterator[None]:
        if not self._lock.acquire(timeout=timeout_s):
            raise StorageUnavailable(LOCKED)
        try:
            yield
        finally:
            self._lock.release()


_BY_DATABASE: dict[str, WriteTurns] = {}
_REGISTRY = threading.Lock()


def turns_for(url: str) -> WriteTurns:
    """The one queue for the database at `url` in this process (every Store on it shares it)."""
    with _REGISTRY:
        return _BY_DATABASE.setdefault(url, WriteTurns())
