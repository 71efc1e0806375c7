"""The audit log's chain: every entry sealed with a keyed MAC over all of its columns.

Each entry's `hash` is HMAC-SHA256, under the audit key, of a canonical encoding of every other
column (its sequence number `id`, time, actor id and name, action, case, detail and the
previous entry's seal). Without the key nobody can change an entry, forge one, or re-chain the
log after removing one: each seal covers the one before, and sequence numbers go up by one.
The head (`meta.audit_head`, "<last id>:<last seal>") is updated in the same transaction as
each append, which also serialises writers.

The audit key. A random salt and HKDF-SHA256 derive it from the master key active when the
sealed chain begins, with its own label, so it is unrelated to any key that encrypts data.
It is then stored wrapped under the master key ring (`meta.audit_key`) and re-wrapped at
every rotation like a case key: it never changes, so the whole log stays verifiable across
rotations, and it never depends on an old master key being kept. The database alone does not
reveal it.

Logs written before sealing (plain SHA-256 chain, `actor_name` not covered) are not rewritten:
the log is append-only. The first time a store opens with this code, one sealed entry
`audit_sealed` is appended whose detail records how many entries came before it and a SHA-256
of every column of all of them. Those earlier entries are checked under the old scheme and
against that digest, so from then on a change to any of them is detected too.

What the chain cannot show alone: removing the newest entries together with the head. A
checkpoint (the last entry's number and seal, itself sealed) exported with each backup
catches that: the log must still hold that entry, unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from asylum_prep.errors import N_, InputRefused
from asylum_prep.storage import crypto
from asylum_prep.storage.tables import AuditEvent, Meta, utcnow

HEAD = "audit_head"
KEY_META = "audit_key"
SEALED = "audit_sealed"  # the action of the entry that seals the entries written before it
GENESIS = "0" * 64
_INFO = b"asylum-prep audit log seal v1"
_OWNER = "audit-log"
_COLUMNS = ("id", "at", "actor_id", "actor_name", "action", "case_id", "detail", "prev_hash")

FORGED = N_("Audit log entry {entry} was changed or forged: its seal does not match its "
            "contents.")
BROKEN = N_("Audit log entry {entry} does not follow on from the entry before it: entries "
            "were removed, inserted or reordered.")
MISSING = N_("Audit log entry {entry} is missing: it was removed.")
CUT = N_("The audit log ends at entry {entry} but should go on to entry {expected}: its last "
         "entries were removed.")
OLD_CHANGED = N_("Audit log entries written before the log was sealed (up to entry {entry}) "
                 "were changed after sealing.")
REWRITTEN = N_("Audit log entry {entry} is not the one the checkpoint recorded: the log was "
               "rewritten.")
BAD_CHECKPOINT = N_("The checkpoint does not belong to this audit log, or it was changed.")


# --- encoding and seals ---------------------------------------------------------------


def _when(at: datetime) -> str:
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(label: str, values: Sequence[object]) -> bytes:
    """Unambiguous bytes for a list of values: each typed and length-prefixed."""
    out = bytearray(label.encode() + b"\x00")
    for value in values:
        if value is None:
            out += b"N"
            continue
        if isinstance(value, datetime):
            value = _when(value)
        kind = b"I" if isinstance(value, int) and not isinstance(value, bool) else b"S"
        data = str(value).encode("utf-8")
        out += kind + len(data).to_bytes(4, "big") + data
    return bytes(out)


def _columns(ev: AuditEvent) -> list[object]:
    return [getattr(ev, name) for name in _COLUMNS]


def seal(key: bytes, ev: AuditEvent) -> str:
    return hmac.new(key, canonical("asylum-prep audit entry v2", _columns(ev)),
                    hashlib.sha256).hexdigest()


def legacy_digest(
    prev: str, at: datetime, actor_id: int | None, action: str, case_id: str | None, detail: str
) -> str:
    """The unkeyed hash of entries written before the log was sealed."""
    text = "\x1f".join([prev, at.isoformat(), str(actor_id), action, case_id or "", detail])
    return hashlib.sha256(text.encode()).hexdigest()


def _old_fingerprint(ev: AuditEvent) -> bytes:
    return canonical("asylum-prep audit entry v1", [*_columns(ev), ev.hash])


def _read_head(session: Session, *, lock: bool = False) -> tuple[int, str, Meta | None]:
    row = session.get(Meta, HEAD, with_for_update=lock)
    if row is None:
        return 0, GENESIS, None
    text = row.value.decode()
    if ":" in text:
        seq, _, mac = text.partition(":")
        return int(seq), mac, row
    # A head of the old scheme holds only the last hash.
    last = session.scalar(select(func.max(AuditEvent.id))) or 0
    return int(last), text, row


def append(
    session: Session, key: bytes, *, actor_id: int | None, actor_name: str, action: str,
    case_id: str | None, detail: str,
) -> AuditEvent:
    """Add one sealed entry after the head (locked until the transaction ends)."""
    seq, prev, head = _read_head(session, lock=True)
    ev = AuditEvent(id=seq + 1, at=utcnow(), actor_id=actor_id, actor_name=actor_name[:64],
                    action=action, case_id=case_id, detail=detail[:500], prev_hash=prev,
                    hash="")
    ev.hash = seal(key, ev)
    session.add(ev)
    head = head or Meta(key=HEAD, value=b"")
    head.value = f"{ev.id}:{ev.hash}".encode()
    session.add(head)
    session.flush()
    return ev


# --- the audit key --------------------------------------------------------------------


def _store_key(session: Session, ring: crypto.Keyring, key: bytes, meta: dict[str, Any]) -> None:
    kid, wrapped = ring.wrap(key, _OWNER)
    value = json.dumps({**meta, "kid": kid, "wrapped": base64.b64encode(wrapped).decode()})
    row = session.get(Meta, KEY_META) or Meta(key=KEY_META, value=b"")
    row.value = value.encode()
    session.add(row)


def _stored_key(session: Session) -> dict[str, Any] | None:
    row = session.get(Meta, KEY_META)
    return None if row is None else dict(json.loads(row.value))


def key_wrapping_id(session: Session) -> str | None:
    """The id of the master key that wraps the audit key (None before it exists)."""
    stored = _stored_key(session)
    return None if stored is None else str(stored["kid"])


def ensure_key(session: Session, ring: crypto.Keyring) -> bytes:
    """The audit key, created (and the entries before it sealed) on a store's first open."""
    stored = _stored_key(session)
    if stored is not None:
        return ring.unwrap(str(stored["kid"]), base64.b64decode(stored["wrapped"]), _OWNER)
    salt = secrets.token_bytes(16)
    key = crypto.derive_key(ring.keys[ring.primary], salt=salt, info=_INFO)
    _store_key(session, ring, key, {"salt": base64.b64encode(salt).decode(),
                                    "from_version": ring.active_version})
    old = list(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))
    if old:
        digest = hashlib.sha256()
        for ev in old:
            digest.update(_old_fingerprint(ev))
        append(session, key, actor_id=None, actor_name="", action=SEALED, case_id=None,
               detail=f"earlier={len(old)} digest={digest.hexdigest()}")
    elif session.get(Meta, HEAD) is None:
        # The head exists from the start, so that the first writers lock it rather than
        # race to create it.
        session.add(Meta(key=HEAD, value=f"0:{GENESIS}".encode()))
    return key


def rewrap_key(session: Session, ring: crypto.Keyring) -> None:
    """Re-wrap the audit key under the ring's active key (a rotation)."""
    stored = _stored_key(session)
    if stored is not None and stored["kid"] != ring.primary:
        key = ring.unwrap(str(stored["kid"]), base64.b64decode(stored["wrapped"]), _OWNER)
        _store_key(session, ring, key, {k: v for k, v in stored.items()
                                        if k not in ("kid", "wrapped")})


# --- verification ---------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """The last entry of the log at some moment, sealed so it cannot be moved."""

    entry: int
    seal: str
    made_at: str
    tag: str

    @staticmethod
    def _tag(key: bytes, entry: int, seal_: str, made_at: str) -> str:
        message = canonical("asylum-prep audit checkpoint v1", [entry, seal_, made_at])
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    @classmethod
    def make(cls, key: bytes, entry: int, seal_: str) -> Checkpoint:
        made_at = _when(utcnow())
        return cls(entry, seal_, made_at, cls._tag(key, entry, seal_, made_at))

    def to_dict(self) -> dict[str, object]:
        return {"entry": self.entry, "seal": self.seal, "made_at": self.made_at, "tag": self.tag}

    @classmethod
    def from_dict(cls, data: object) -> Checkpoint:
        entry = data.get("entry") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(entry, int) or entry < 0 or not all(
            isinstance(data.get(k), str) for k in ("seal", "made_at", "tag")
        ):
            raise InputRefused(BAD_CHECKPOINT)
        return cls(entry, data["seal"], data["made_at"], data["tag"])

    def is_genuine(self, key: bytes) -> bool:
        return hmac.compare_digest(self.tag, self._tag(key, self.entry, self.seal, self.made_at))


def checkpoint(session: Session, key: bytes) -> Checkpoint:
    seq, mac, _ = _read_head(session)
    return Checkpoint.make(key, seq, mac)


@dataclass
class Verification:
    """The outcome: how many entries were checked, and the first problem (a message template
    and its parameters), if any."""

    entries: int = 0
    problem: str | None = None
    params: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem is None

    def fail(self, problem: str, **params: int) -> Verification:
        self.problem, self.params = problem, params
        return self

    def message(self) -> str:
        """The problem in English (pages translate `problem` and format it themselves)."""
        return "" if self.problem is None else self.problem.format(**self.params)


def _expected_seal_entry(detail: str) -> tuple[int, str]:
    parts = dict(p.partition("=")[::2] for p in detail.split())
    return int(parts.get("earlier", "-1")), parts.get("digest", "")


def verify(session: Session, key: bytes, mark: Checkpoint | None = None) -> Verification:
    """Check every entry, the head, and (if given) a checkpoint; stop at the first problem."""
    result = Verification()
    if mark is not None and not mark.is_genuine(key):
        return result.fail(BAD_CHECKPOINT)
    sealed_at = session.scalar(select(func.min(AuditEvent.id)).where(AuditEvent.action == SEALED))
    prev, last, old = GENESIS, 0, hashlib.sha256()
    checkpoint_seen = False
    entries = select(AuditEvent).order_by(col(AuditEvent.id)).execution_options(yield_per=2000)
    for ev in session.exec(entries):
        assert ev.id is not None
        if sealed_at is not None and ev.id < sealed_at:  # written before sealing
            if ev.prev_hash != prev:
                return result.fail(BROKEN, entry=ev.id)
            if ev.hash != legacy_digest(prev, ev.at, ev.actor_id, ev.action, ev.case_id,
                                        ev.detail):
                return result.fail(FORGED, entry=ev.id)
            old.update(_old_fingerprint(ev))
        else:
            if ev.id != last + 1 and not (ev.id == sealed_at and result.entries):
                return result.fail(MISSING, entry=last + 1)
            if not hmac.compare_digest(ev.hash, seal(key, ev)):
                return result.fail(FORGED, entry=ev.id)
            if ev.prev_hash != prev:
                return result.fail(BROKEN, entry=ev.id)
            if ev.id == sealed_at and _expected_seal_entry(ev.detail) != (
                result.entries, old.hexdigest()
            ):
                return result.fail(OLD_CHANGED, entry=last)
        if mark is not None and ev.id == mark.entry:
            if not hmac.compare_digest(ev.hash, mark.seal):
                return result.fail(REWRITTEN, entry=ev.id)
            checkpoint_seen = True
        prev, last = ev.hash, ev.id
        result.entries += 1
    head_seq, head_mac, _ = _read_head(session)
    if head_seq > last:
        return result.fail(CUT, entry=last, expected=head_seq)
    if (head_seq, head_mac) != (last, prev):
        return result.fail(FORGED, entry=last)
    if mark is not None and mark.entry > 0 and not checkpoint_seen:
        if mark.entry > last:
            return result.fail(CUT, entry=last, expected=mark.entry)
        return result.fail(MISSING, entry=mark.entry)
    return result
