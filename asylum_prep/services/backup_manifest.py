"""What a backup needs and what it proves: the manifest written beside each backup.

`<backup>.manifest.json` (mode 0600, no secrets) names the master key versions the backup's
data is wrapped under, so an operator knows which versions of the key file to keep with it,
and holds a sealed checkpoint of the audit log at the moment of the copy: the last entry's
number and seal, MACed with the audit key. `asylum-prep audit verify --checkpoint FILE` then
shows whether the live log (or a restored copy) still holds that entry unchanged, which
detects a log that was cut short or rewritten since. The backup's own database also records
its key versions (`meta.key_versions`): opening a restored backup whose ring lacks one fails
with a message naming it, manifest or not.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlmodel import Session

from asylum_prep.errors import InputRefused
from asylum_prep.services import audit
from asylum_prep.services.access import guarded, require_role
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import audit_chain
from asylum_prep.storage.audit_chain import BAD_CHECKPOINT, Checkpoint
from asylum_prep.storage.engine import Store, key_ids_in_use, key_versions

FORMAT = 1


@dataclass(frozen=True)
class KeyVersion:
    version: int | None  # None: a key id this database never recorded a version for
    key_id: str


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".manifest.json")


def describe_copy(store: Store, copy: Path) -> tuple[list[KeyVersion], Checkpoint]:
    """The key versions a copied SQLite database needs, and its audit log's last entry,
    sealed with this store's audit key (the copy shares it)."""
    engine = create_engine(f"sqlite:///{copy}")  # no pragmas: the copy stays one plain file
    try:
        with Session(engine) as session:
            known = key_versions(session)
            needed = [KeyVersion(known.get(kid), kid) for kid in key_ids_in_use(session)]
            mark = audit_chain.checkpoint(session, store.audit_key)
    finally:
        engine.dispose()
    needed.sort(key=lambda k: (k.version is None, k.version or 0, k.key_id))
    return needed, mark


def write_manifest(path: Path, data: dict[str, Any]) -> None:
    """Write `path` atomically with mode 0600."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh, indent=1)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def manifest(*, backup: Path, cases: int, needed: list[KeyVersion], mark: Checkpoint
             ) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "made_at": mark.made_at,
        "backup": backup.name,
        "cases": cases,
        "key_versions": [{"version": k.version, "id": k.key_id} for k in needed],
        "audit_checkpoint": mark.to_dict(),
    }


def read_checkpoint(path: Path) -> Checkpoint:
    """The audit checkpoint in a backup manifest or a checkpoint file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputRefused(BAD_CHECKPOINT) from exc
    return Checkpoint.from_dict(data.get("audit_checkpoint") if isinstance(data, dict) else None)


@guarded
def export_checkpoint(store: Store, actor: Actor, *, out: Path) -> Checkpoint:
    """Write a checkpoint of the live log to `out` (for stores backed up with pg_dump)."""
    if not actor.operator:
        require_role(actor, Role.admin)
    mark = audit.checkpoint(store)
    write_manifest(Path(out), {"format": FORMAT, "made_at": mark.made_at,
                               "audit_checkpoint": mark.to_dict()})
    with store.session() as session:
        audit.log(session, actor, "audit_checkpoint", detail=f"entry={mark.entry}")
    return mark
