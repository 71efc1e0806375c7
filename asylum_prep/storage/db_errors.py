"""Database failures a user can be told about: full disk, read-only or unreachable storage.

The drivers report these as generic operational errors; `storage_unavailable` recognises them
(SQLite by its message, PostgreSQL by SQLSTATE or its connection messages) and returns
`StorageUnavailable`, a clear, translatable message (a store another process keeps locked
longer than the busy timeout gets its own). Anything else is left alone: a bug must
still surface as one.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError

from asylum_prep.errors import N_, StorageUnavailable

OPEN_FAILED = N_(
    "The data in {data_dir} cannot be opened for writing: the storage is full, read-only or "
    "unreachable. Nothing was changed. Tell your administrator."
)

LOCKED = N_(
    "The data is locked by another program and stayed locked too long. Nothing was changed. "
    "Try again in a moment; if this goes on, tell your administrator."
)

_MESSAGES = (
    # SQLite
    "database or disk is full",
    "attempt to write a readonly database",
    "unable to open database file",
    "disk i/o error",
    # psycopg, when there is no SQLSTATE (the connection itself failed)
    "connection refused",
    "could not connect",
    "server closed the connection unexpectedly",
    "no space left on device",
)
# SQLSTATE: class 53 insufficient resources (disk full), class 08 connection exception,
# 25006 read-only transaction, 57P01-57P03 server shutting down or not accepting connections.
_PG_CLASSES = ("53", "08")
_PG_CODES = ("25006", "57P01", "57P02", "57P03")
_OS_ERRNOS = (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT)


def storage_unavailable(exc: BaseException, template: str | None = None,
                        **params: str) -> StorageUnavailable | None:
    """The user-facing error for `exc` when it means the storage cannot be written."""
    if isinstance(exc, DBAPIError):
        if "database is locked" in str(exc.orig).lower():  # SQLite, after the busy timeout
            return StorageUnavailable(LOCKED)
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if isinstance(sqlstate, str) and (sqlstate[:2] in _PG_CLASSES or sqlstate in _PG_CODES):
            return StorageUnavailable(template, **params)
        text = str(exc.orig).lower()
        if any(m in text for m in _MESSAGES):
            return StorageUnavailable(template, **params)
    elif isinstance(exc, OSError) and exc.errno in _OS_ERRNOS:
        return StorageUnavailable(template, **params)
    return None
