"""Opening the store: engine, migrations, and the master key check.

`open_store` is the one way in. It refuses to start when the key is missing or wrong and the
database already holds encrypted data, instead of creating a fresh key over existing cases.

The database records which master key version each key id is (`meta.key_versions`), so a
store or a restored backup whose data needs a version the key ring lacks is refused with a
message naming that version. Opening also loads the audit log's key (creating it, and sealing
the entries written before it, on the first open of a store; see `audit_chain`).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from asylum_prep.config import Settings
from asylum_prep.errors import IntegrityError, KeyMissingError, KeyVersionMissing, WrongKeyError
from asylum_prep.storage import audit_chain, crypto
from asylum_prep.storage.db_errors import OPEN_FAILED, storage_unavailable
from asylum_prep.storage.tables import Case, Meta

_MIGRATIONS = Path(__file__).parent / "migrations"
_KEYCHECK = "keycheck"
_KEY_VERSIONS = "key_versions"
AUDIT_KEY = "asylum_prep.audit_key"  # where a session carries the audit key (Session.info)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_pre_ping=True
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver must not open transactions itself: `_begin` does, as IMMEDIATE.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA secure_delete=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Take the write lock when the transaction starts, not at its first write: a
            # read-then-write transaction (every save reads the current version first) would
            # otherwise race another process's and fail with "database is locked" or a
            # duplicate version, since SELECT ... FOR UPDATE is a no-op on SQLite. Waiting
            # writers queue on busy_timeout instead.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


_START_LOCK = 0x61737970  # "asyp": PostgreSQL advisory lock held while a server starts


def _serialise_start(conn: Any) -> None:
    """Several servers starting at once on one new PostgreSQL database would all create the
    schema (and the key check) and all but one fail; they take turns instead. SQLite needs
    nothing: its transactions begin IMMEDIATE."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _START_LOCK})


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        _serialise_start(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Store:
    """An open, migrated, unlocked store."""

    settings: Settings
    engine: Engine
    keyring: crypto.Keyring
    audit_key: bytes = field(default=b"", repr=False)
    _key_source: str = field(default="file")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error.

        A full, read-only or unreachable database raises `StorageUnavailable` (a clear
        message; the transaction was rolled back, so nothing was changed)."""
        with Session(self.engine, expire_on_commit=False) as session:
            session.info[AUDIT_KEY] = self.audit_key
            try:
                yield session
                session.commit()
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


def _load_keyring(settings: Settings, has_data: bool) -> tuple[crypto.Keyring, str]:
    if settings.master_key is not None:
        return crypto.Keyring.from_text(settings.master_key.get_secret_value()), "env"
    if settings.key_file.exists():
        return crypto.read_keyring(settings.key_file), "file"
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
        engine = make_engine(settings.resolved_database_url)
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
