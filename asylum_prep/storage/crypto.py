"""Field and blob encryption: AES-256-GCM with random nonces and associated data.

Layout of every ciphertext: one version byte, a 12-byte nonce, then the GCM output. The
associated data binds a ciphertext to where it belongs (case id and field), so a value copied
into another case or field fails to decrypt instead of being read in the wrong place.

Key hierarchy: a master key (outside the database) wraps one random data key per case. The
master key is a ring of numbered versions: one active key wraps, the retired ones (kept after
each rotation) only unwrap, so a backup made before a rotation stays readable. Each wrapped
key records the id of the master key that wrapped it.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from asylum_prep.errors import ConfigError, IntegrityError

_VERSION = b"\x01"
_NONCE_BYTES = 12
KEY_BYTES = 32


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def encrypt(key: bytes, plaintext: bytes, aad: str) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    return _VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad.encode())


def decrypt(key: bytes, blob: bytes, aad: str) -> bytes:
    if len(blob) < 1 + _NONCE_BYTES + 16 or blob[:1] != _VERSION:
        raise IntegrityError()
    nonce, body = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad.encode())
    except InvalidTag as exc:
        raise IntegrityError() from exc


def key_id(key: bytes) -> str:
    """A short, non-secret name for a master key (HMAC so it reveals nothing of the key)."""
    return hmac.new(key, b"asylum-prep key id", hashlib.sha256).hexdigest()[:16]


_UNREADABLE = (
    "The master key could not be read. It must be the key file this store was created with."
)


@dataclass
class Keyring:
    """The master keys this process knows, each with a version number.

    `primary` names the one active key: it alone wraps new data keys. Every other key is
    retired: kept so that data (and backups) wrapped under it can still be unwrapped, never
    used to wrap. A rotation adds a version; no key is ever dropped from the ring by the app.
    """

    keys: dict[str, bytes] = field(default_factory=dict)
    primary: str = ""
    versions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def single(cls, key: bytes, version: int = 1) -> Keyring:
        kid = key_id(key)
        return cls(keys={kid: key}, primary=kid, versions={kid: version})

    @property
    def active_version(self) -> int:
        return self.versions[self.primary]

    @property
    def retired(self) -> list[str]:
        """The retired key ids, oldest version first."""
        return sorted((k for k in self.keys if k != self.primary), key=self.versions.__getitem__)

    def rotated(self, new_key: bytes) -> Keyring:
        """This ring with `new_key` added as the next version and made active; the key active
        until now is retired."""
        kid = key_id(new_key)
        if kid in self.keys:
            raise ValueError("the new key is already in the ring")
        version = max(self.versions.values(), default=0) + 1
        return Keyring(keys={**self.keys, kid: new_key}, primary=kid,
                       versions={**self.versions, kid: version})

    def with_active(self, kid: str) -> Keyring:
        """The same keys with `kid` active and every other one retired."""
        return Keyring(keys=dict(self.keys), primary=kid, versions=dict(self.versions))

    def wrap(self, data_key: bytes, owner: str) -> tuple[str, bytes]:
        """Wrap under the active key, and only ever under it."""
        return self.primary, encrypt(self.keys[self.primary], data_key, f"wrap:{owner}")

    def unwrap(self, kid: str, wrapped: bytes, owner: str) -> bytes:
        """Unwrap with whichever key wrapped it, active or retired."""
        if kid not in self.keys:
            raise IntegrityError()
        return decrypt(self.keys[kid], wrapped, f"wrap:{owner}")

    def to_json(self) -> str:
        entries = [
            {
                "version": self.versions[kid],
                "id": kid,
                "status": "active" if kid == self.primary else "retired",
                "key": base64.b64encode(self.keys[kid]).decode(),
            }
            for kid in sorted(self.keys, key=self.versions.__getitem__)
        ]
        lines = ",\n".join(" " + json.dumps(e) for e in entries)  # one version per line
        return '{"format": 2, "keys": [\n' + lines + "\n]}\n"

    @classmethod
    def from_text(cls, text: str) -> Keyring:
        """Read a key ring (format 2), the keyring of earlier releases (`primary` and `keys`
        by id, versions given in the order written, the primary last), or a bare base64 key
        (version 1)."""
        text = text.strip()
        try:
            if not text.startswith("{"):
                return cls._checked(cls.single(base64.b64decode(text, validate=True)))
            data = json.loads(text)
            if data.get("format") == 2:
                return cls._checked(cls._from_entries(data["keys"]))
            keys = {str(k): base64.b64decode(v) for k, v in data["keys"].items()}
            primary = str(data["primary"])
            order = [k for k in keys if k != primary] + [primary]
            return cls._checked(cls(keys=keys, primary=primary,
                                    versions={k: n for n, k in enumerate(order, 1)}))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(_UNREADABLE) from exc

    @classmethod
    def _from_entries(cls, entries: list[dict[str, object]]) -> Keyring:
        ring = cls()
        for entry in entries:
            key = base64.b64decode(str(entry["key"]), validate=True)
            kid, version, status = str(entry["id"]), entry["version"], entry["status"]
            if (kid != key_id(key) or not isinstance(version, int) or version < 1
                    or kid in ring.keys or version in ring.versions.values()
                    or status not in ("active", "retired")):
                raise ValueError("a key entry is damaged")
            ring.keys[kid], ring.versions[kid] = key, version
            if status == "active":
                if ring.primary:
                    raise ValueError("two active keys")
                ring.primary = kid
        return ring

    @staticmethod
    def _checked(ring: Keyring) -> Keyring:
        if ring.primary not in ring.keys or any(len(k) != KEY_BYTES for k in ring.keys.values()):
            raise ConfigError("The master key could not be read. It must be 32 bytes.")
        return ring


def derive_key(master: bytes, *, salt: bytes, info: bytes) -> bytes:
    """A key for another purpose than wrapping (HKDF-SHA256), independent of `master` as far
    as any use of either can tell: distinct `info` labels give unrelated keys."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(master)


def write_keyring(path: Path, ring: Keyring) -> None:
    """Write the key file atomically with mode 0600 (the file never exists with wider mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(ring.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


@contextmanager
def keyring_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the key file's lock file (`<key file>.lock`, mode 0600):
    two rotations at once would each add a version to the ring they read, and the second
    write would drop the first one's key."""
    fd = os.open(path.with_name(path.name + ".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def read_keyring(path: Path) -> Keyring:
    return Keyring.from_text(path.read_text())


@dataclass(frozen=True)
class CaseCipher:
    """Encrypts the fields and files of one case with its data key."""

    case_id: str
    key: bytes

    def seal(self, field_name: str, value: bytes) -> bytes:
        return encrypt(self.key, value, f"case:{self.case_id}:{field_name}")

    def open(self, field_name: str, blob: bytes) -> bytes:
        return decrypt(self.key, blob, f"case:{self.case_id}:{field_name}")

    def seal_text(self, field_name: str, value: str) -> bytes:
        return self.seal(field_name, value.encode("utf-8"))

    def open_text(self, field_name: str, blob: bytes) -> str:
        return self.open(field_name, blob).decode("utf-8")
