"""Opening the store: engine, migrations, and the master key check.

`open_store` is the one way in. It refuses to start when the key is missing or wrong and the
database already holds encrypted data, instead of creating a fresh key over existing cases.

The database records which master key version each key id is (`meta.key_versions`), so a
store or a restored backup whose data needs a version the key ring lacks is refused with a
message naming that version. Opening also loads the audit log's key (creating it, and sealing
the entries written before it, on the first open of a store; see `audit_chain`).

A store already at the newest schema opens without importing Alembic (a fifth of a second of
every command's start): the stored revision is compared with the newest one named in the
migration scripts, and Alembic runs only when they differ.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from asylum_prep.config import Settings
from asylum_prep.errors import (
    N_,
    ConfigError,
    IntegrityError,
    KeyMissingError,
    KeyVersionMissing,
    WrongKeyError,
)
from asylum_prep.storage import audit_chain, crypto
from asylum_prep.storage.db_errors import OPEN_FAILED, storage_unavailable
from asylum_prep.storage.tables import Case, Meta
from asylum_prep.storage.write_turns import WriteTurns, turns_for

_MIGRATIONS = Path(__file__).parent / "migrations"
_KEYCHECK = "keycheck"
_KEY_VERSIONS = "key_versions"
AUDIT_KEY = "asylum_prep.audit_key"  # where a session carries the audit key (Session.info)
READ_ONLY = "asylum_prep_read_only"  # execution option of `Store.reading` sessions
# A check for the next transaction opened in this context to run first, once (the service
# layer's account check, read in the same snapshot as the work it admits: services.access).
FIRST_IN_TRANSACTION: ContextVar[Callable[[Session], None] | None] = ContextVar(
    "asylum_prep_first_in_transaction", default=None)


def _first_check(session: Session) -> None:
    check = FIRST_IN_TRANSACTION.get()
    if check is not None:
        FIRST_IN_TRANSACTION.set(None)
        check(session)


def make_engine(url: str, lock_wait_seconds: int = 30) -> Engine:
    """The engine for `url`. On SQLite a transaction waits up to `lock_wait_seconds` for
    another process's lock, then fails as `StorageUnavailable` (see db_errors)."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": lock_wait_seconds},
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver must not open transactions itself: `_begin` does, as IMMEDIATE.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute(f"PRAGMA busy_timeout={int(lock_wait_seconds) * 1000}")
            cur.execute("PRAGMA secure_delete=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Take the write lock when the transaction starts, not at its first write: a
            # read-then-write transaction (every save reads the current version first) would
            # otherwise race another process's and fail with "database is locked" or a
            # duplicate version, since SELECT ... FOR UPDATE is a no-op on SQLite. Waiting
            # writers queue on busy_timeout instead. A read-only transaction (`Store.reading`)
            # begins deferred: in WAL mode it reads a snapshot and waits for no writer.
            read_only = conn.get_execution_options().get(READ_ONLY)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


_START_LOCK = 0x61737970  # "asyp": PostgreSQL advisory lock held while a server starts


def _serialise_start(conn: Any) -> None:
    """Several servers starting at once on one new PostgreSQL database would all create the
    schema (and the key check) and all but one fail; they take turns instead. SQLite needs
    nothing: its transactions begin IMMEDIATE."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _START_LOCK})


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$""", re.M)


@cache
def head_revision() -> str:
    """The newest revision of the migration scripts, read from their `revision` and
    `down_revision` lines (the one no other script names as its parent). One chain, one head:
    anything else is a packaging mistake and fails loudly here."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (_MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            ids = set(re.findall(r"""["']([^"']+)["']""", value))
            (revisions if name == "revision" else parents).update(ids)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts have {len(heads)} heads, not one: {heads}")
    return heads.pop()


def stored_revision(engine: Engine) -> str | None:
    """The schema revision the database records, or None for a new database."""
    with engine.connect() as conn:
        try:
            value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as exc:
            if _no_such_table(exc):
                return None  # a new database
            raise  # locked, unreachable, ...: the caller reports it, no second attempt
    return str(value) if value is not None else None


def _no_such_table(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == "42P01":  # PostgreSQL undefined_table
        return True
    return "no such table" in str(exc.orig).lower()  # SQLite


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; Alembic is imported only when that is needed."""
    if stored_revision(engine) == head_revision():
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        _serialise_start(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _refuse_write(session: Session, *_: Any) -> None:
    raise RuntimeError("a write inside Store.reading(): use Store.session() to change data")


@dataclass
class Store:
    """An open, migrated, unlocked store."""

    settings: Settings
    engine: Engine
    keyring: crypto.Keyring
    audit_key: bytes = field(default=b"", repr=False)
    _key_source: str = field(default="file")
    _turns: WriteTurns | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.engine.dialect.name == "sqlite":
            self._turns = turns_for(str(self.engine.url))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error.

        On SQLite it holds the database's write lock from its first statement to its end, and
        the threads of this process take their turns first come, first served (write_turns).
        A full, read-only or unreachable database raises `StorageUnavailable` (a clear
        message; the transaction was rolled back, so nothing was changed)."""
        with self._turn(), self._transaction(
                Session(self.engine, expire_on_commit=False)) as session:
            _first_check(session)
            yield session

    def _turn(self) -> AbstractContextManager[None]:
        if self._turns is None:
            return nullcontext()
        return self._turns.turn(self.settings.lock_wait_seconds)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads (an access check, an account's state): on SQLite it
        reads a snapshot without waiting for writers or holding up the next one. A write in it
        is a bug and raises `RuntimeError` before it reaches the database; nothing is
        committed. A service that audits what it read logs it afterwards in a short
        `session()` of its own, before returning it."""
        session = Session(self.engine, expire_on_commit=False,
                          execution_options={READ_ONLY: True})
        event.listen(session, "before_flush", _refuse_write)
        with self._turn(), self._transaction(session, commit=False) as reading:
            if self.engine.dialect.name == "postgresql":
                reading.execute(text("SET TRANSACTION READ ONLY"))
            _first_check(reading)
            yield reading

    @contextmanager
    def _transaction(self, session: Session, *, commit: bool = True) -> Iterator[Session]:
        with session:
            session.info[AUDIT_KEY] = self.audit_key
            try:
                yield session
                if commit:
                    session.commit()
                # else closing ends it: a rollback would expire what was read
            except BaseException as exc:
                try:
                    session.rollback()
                except DBAPIError:
                    pass  # the connection is gone; the database discards the transaction
                mapped = storage_unavailable(exc)
                if mapped is not None:
                    raise mapped from exc
                raise

    def reload_keyring(self) -> None:
        if self._key_source == "file" and self.settings.key_file.exists():
            self.keyring = crypto.read_keyring(self.settings.key_file)

    def current_keyring(self, session: Session) -> crypto.Keyring:
        """The keyring to wrap new keys with: reloaded when another process rotated the master
        key since this one started (the key check names the current primary key)."""
        row = session.get(Meta, _KEYCHECK)
        if row is not None and row.value.partition(b":")[0].decode() != self.keyring.primary:
            self.reload_keyring()
        return self.keyring

    def case_cipher(self, case: Case) -> crypto.CaseCipher:
        if case.key_id not in self.keyring.keys:
            self.reload_keyring()  # another process rotated the master key
        data_key = self.keyring.unwrap(case.key_id, case.wrapped_key, f"case:{case.id}")
        return crypto.CaseCipher(case.id, data_key)

    def close(self) -> None:
        self.engine.dispose()


def _prepare_data_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, stat.S_IRWXU)


BAD_KEY_ENV = N_(
    "The master key in ASYLUM_PREP_MASTER_KEY cannot be read: it must be a 32-byte key in "
    "base64, or the contents of this store's key file. Nothing was changed."
)
BAD_KEY_FILE = N_(
    "The master key file {path} cannot be read: it must be the key file this store was "
    "created with. Nothing was changed."
)
# What a damaged key (not base64, wrong length, JSON of the wrong shape, not UTF-8) raises.
_UNREADABLE_KEY = (ConfigError, ValueError, TypeError, KeyError, AttributeError)


def _load_keyring(settings: Settings, has_data: bool) -> tuple[crypto.Keyring, str]:
    if settings.master_key is not None:
        try:
            return crypto.Keyring.from_text(settings.master_key.get_secret_value()), "env"
        except _UNREADABLE_KEY:
            raise ConfigError(BAD_KEY_ENV) from None
    if settings.key_file.exists():
        try:
            return crypto.read_keyring(settings.key_file), "file"
        except _UNREADABLE_KEY:
            raise ConfigError(BAD_KEY_FILE, path=str(settings.key_file)) from None
    if has_data:
        raise KeyMissingError(data_dir=str(settings.data_dir))
    ring = crypto.Keyring.single(crypto.new_key())
    crypto.write_keyring(settings.key_file, ring)
    return ring, "file"


def key_versions(session: Session) -> dict[str, int]:
    """The version number of every master key id this database has used."""
    row = session.get(Meta, _KEY_VERSIONS)
    return {} if row is None else {str(k): int(v) for k, v in json.loads(row.value).items()}


def record_key_versions(session: Session, ring: crypto.Keyring) -> None:
    """Add the ring's key ids to `meta.key_versions` (never renumbering a recorded one)."""
    known = key_versions(session)
    merged = {**ring.versions, **known}
    if merged != known:
        row = session.get(Meta, _KEY_VERSIONS) or Meta(key=_KEY_VERSIONS, value=b"")
        row.value = json.dumps(merged, sort_keys=True).encode()
        session.add(row)


def key_ids_in_use(session: Session) -> set[str]:
    """Every master key id that wraps something in this database."""
    used = set(session.scalars(select(col(Case.key_id)).distinct()))
    row = session.get(Meta, _KEYCHECK)
    if row is not None:
        used.add(row.value.partition(b":")[0].decode())
    audit_kid = audit_chain.key_wrapping_id(session)
    if audit_kid is not None:
        used.add(audit_kid)
    return used


def _check_key(session: Session, ring: crypto.Keyring, settings: Settings) -> None:
    missing = key_ids_in_use(session) - set(ring.keys)
    if missing:
        known = key_versions(session)
        if not missing <= set(known):
            raise WrongKeyError(data_dir=str(settings.data_dir))
        ordered = sorted(missing, key=known.__getitem__)
        raise KeyVersionMissing(data_dir=str(settings.data_dir),
                                versions=", ".join(str(known[k]) for k in ordered),
                                key_ids=", ".join(ordered))
    row = session.get(Meta, _KEYCHECK)
    if row is None:
        write_keycheck(session, ring)
    else:
        kid, _, blob = row.value.partition(b":")
        try:
            crypto.decrypt(ring.keys[kid.decode()], blob, _KEYCHECK)
        except IntegrityError as exc:
            raise WrongKeyError(data_dir=str(settings.data_dir)) from exc
        if kid.decode() != ring.primary:
            # The ring's active key is another version than the one the check names (a
            # restored backup, or a rotation stopped before its re-wrap): name the active one,
            # so processes sharing this database know which key wraps new data.
            write_keycheck(session, ring)
    record_key_versions(session, ring)


def write_keycheck(session: Session, ring: crypto.Keyring) -> None:
    blob = crypto.encrypt(ring.keys[ring.primary], b"asylum-prep", _KEYCHECK)
    row = session.get(Meta, _KEYCHECK)
    value = ring.primary.encode() + b":" + blob
    if row is None:
        session.add(Meta(key=_KEYCHECK, value=value))
    else:
        row.value = value
        session.add(row)


def open_store(settings: Settings) -> Store:
    """Open (creating if new) the store described by `settings`.

    A data dir or database that cannot be written raises `StorageUnavailable`."""
    try:
        return _open_store(settings)
    except (DBAPIError, OSError) as exc:
        mapped = storage_unavailable(exc, OPEN_FAILED, data_dir=str(settings.data_dir))
        if mapped is not None:
            raise mapped from exc
        raise


def _open_store(settings: Settings) -> Store:
    old_umask = os.umask(0o077)
    try:
        _prepare_data_dir(settings.data_dir)
        engine = make_engine(settings.resolved_database_url, settings.lock_wait_seconds)
        migrate(engine)
    finally:
        os.umask(old_umask)
    with Session(engine) as session:
        has_data = (
            session.get(Meta, _KEYCHECK) is not None
            or (session.scalar(select(func.count()).select_from(Case)) or 0) > 0
        )
    ring, source = _load_keyring(settings, has_data)
    with Session(engine) as session:
        _serialise_start(session.connection())
        _check_key(session, ring, settings)
        audit_key = audit_chain.ensure_key(session, ring)
        session.commit()
    return Store(settings=settings, engine=engine, keyring=ring, audit_key=audit_key,
                 _key_source=source)
