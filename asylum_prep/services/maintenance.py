"""Operator maintenance: accounts made from the command line, the full case list, backups
and master-key rotation.

These run as the local CLI operator (`Actor.operator`), who holds the key file and so every
case already; requiring it here keeps the power out of reach of app users. Every action is
audited; details carry only ids and counts.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import col, select

from asylum_prep.errors import N_, ConfigError, InputRefused, IntegrityError, PermissionDenied
from asylum_prep.services import audit, backup_manifest, users
from asylum_prep.services.access import guarded
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import audit_chain, crypto
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store, record_key_versions, write_keycheck
from asylum_prep.storage.tables import Case


def _require_operator(actor: Actor) -> None:
    if not actor.operator:
        raise PermissionDenied(N_("Only the operator of the command line may do this."))


# --- accounts and listing -------------------------------------------------------------


@guarded
def create_account(
    store: Store, actor: Actor, *, username: str, password: str, role: Role,
    display_name: str = "",
) -> Actor:
    """Create a staff account as the CLI operator (who may create any staff role). The
    audit log records the operator's account as the creator."""
    _require_operator(actor)
    return users.create_user(store, replace(actor, role=Role.admin), username=username,
                             password=password, role=role, display_name=display_name)


@dataclass(frozen=True)
class CaseRow:
    id: str
    title: str
    jurisdiction: str
    status: str
    version: int
    updated_at: datetime


@guarded
def list_all_cases(store: Store, actor: Actor) -> list[CaseRow]:
    """Every case in the store, newest change first (the operator's view)."""
    _require_operator(actor)
    with store.session() as session:
        rows = [
            CaseRow(c.id, repo.read_title(store, c), c.jurisdiction, c.status,
                    c.current_version, c.updated_at)
            for c in session.exec(select(Case).order_by(col(Case.updated_at).desc()))
        ]
        audit.log(session, actor, "case_list", detail=f"count={len(rows)} scope=all")
        return rows


# --- backup ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    cases: int
    manifest: Path
    key_versions: list[backup_manifest.KeyVersion]
    audit_entries: int


def _sqlite_path(store: Store) -> Path:
    url = make_url(store.settings.resolved_database_url)
    if url.get_backend_name() != "sqlite":
        raise ConfigError(N_(
            "Backups of a PostgreSQL store are made with pg_dump (for example "
            "pg_dump --format=custom --file=backup.dump DATABASE); this command copies "
            "SQLite stores only."
        ))
    if not url.database or url.database == ":memory:":
        raise ConfigError(N_("This store lives in memory and cannot be backed up."))
    return Path(url.database)


@guarded
def backup(store: Store, actor: Actor, *, out: Path) -> BackupResult:
    """A consistent copy of a SQLite store, safe while the app runs (SQLite's online backup
    reads one snapshot). The copy is checked with `PRAGMA integrity_check` before it replaces
    `out` (mode 0600). It holds ciphertext only; the master key is not in it.

    Beside it, `<out>.manifest.json` names the master key versions the copy needs and holds a
    sealed checkpoint of its audit log (see `backup_manifest`)."""
    _require_operator(actor)
    source = _sqlite_path(store)
    out = Path(out)
    if out.is_dir():
        raise InputRefused(N_("{path} is a folder; give a file name for the backup."),
                           path=str(out))
    if out.resolve() == source.resolve():
        raise InputRefused(N_("The backup cannot overwrite the database itself."))
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = sqlite3.connect(source, timeout=30)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            check = dst.execute("PRAGMA integrity_check").fetchall()
            cases = dst.execute("SELECT count(*) FROM cases").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if check != [("ok",)]:
            raise IntegrityError(N_("The backup copy failed its integrity check; it was not kept."))
        needed, mark = backup_manifest.describe_copy(store, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    manifest = backup_manifest.manifest_path(out)
    backup_manifest.write_manifest(manifest, backup_manifest.manifest(
        backup=out, cases=int(cases), needed=needed, mark=mark))
    with store.session() as session:
        versions = ",".join(str(k.version) for k in needed)
        audit.log(session, actor, "backup",
                  detail=f"cases={cases} key_versions={versions} audit_entry={mark.entry}")
    return BackupResult(out, out.stat().st_size, int(cases), manifest, needed, mark.entry)


# --- master-key rotation --------------------------------------------------------------


@dataclass(frozen=True)
class RotationResult:
    retired_key_id: str
    new_key_id: str
    new_version: int
    versions: list[int]  # every version the key file now holds
    cases: int


def _rewrap_all(store: Store, actor: Actor, ring: crypto.Keyring, *, only_stale: bool) -> int:
    """Re-wrap case keys not yet under `ring.primary` (or all), the audit key and the key
    check; one transaction."""
    count = 0
    with store.session() as session:
        query = select(Case).with_for_update()
        if only_stale:
            query = query.where(Case.key_id != ring.primary)
        for case in session.exec(query):
            owner = f"case:{case.id}"
            data_key = ring.unwrap(case.key_id, case.wrapped_key, owner)
            case.key_id, case.wrapped_key = ring.wrap(data_key, owner)
            session.add(case)
            count += 1
        audit_chain.rewrap_key(session, ring)
        write_keycheck(session, ring)
        record_key_versions(session, ring)
        if count or not only_stale:
            audit.log(session, actor, "key_rotate",
                      detail=f"cases={count} key={ring.primary} version={ring.active_version}")
    return count


@guarded
def rotate_master_key(store: Store, actor: Actor) -> RotationResult:
    """Add a new version to the master key ring and re-wrap every case key under it, without
    stopping the app.

    1. The key file gains the new key as the active version; the key active until now is
       kept, retired (it unwraps, never wraps), with every older version. Backups made
       before the rotation therefore open with the key file as it is after it.
    2. Every case key, the audit key and the key check are re-wrapped in one transaction.
    3. Cases created meanwhile by a process still holding the old ring are re-wrapped.
    A failure before step 2 commits changes no data: the old key becomes active again and the
    new one stays in the ring, retired (a process that read the key file meanwhile may have
    wrapped a case under it). The app never removes a key from the ring.
    """
    _require_operator(actor)
    settings = store.settings
    if settings.master_key is not None:
        raise ConfigError(N_(
            "The master key comes from ASYLUM_PREP_MASTER_KEY, so it cannot be rotated in "
            "place. Unset the variable, put the key in the key file {path} (mode 0600), run "
            "`asylum-prep key rotate`, then set the variable from the new key file if you "
            "still want it there."
        ), path=str(settings.key_file))
    path = settings.key_file
    if not path.exists():
        raise ConfigError(N_("There is no key file at {path} to rotate."), path=str(path))
    with crypto.keyring_lock(path):  # one rotation at a time
        old = crypto.read_keyring(path)
        ring = old.rotated(crypto.new_key())
        crypto.write_keyring(path, ring)
        store.keyring = ring
        try:
            count = _rewrap_all(store, actor, ring, only_stale=False)
        except BaseException:
            kept = ring.with_active(old.primary)
            crypto.write_keyring(path, kept)
            store.keyring = kept
            raise
        _rewrap_all(store, actor, ring, only_stale=True)
    return RotationResult(old.primary, ring.primary, ring.active_version,
                          sorted(ring.versions.values()), count)
