"""Field and blob encryption: AES-256-GCM with random nonces and associated data.

Layout of every ciphertext: one version byte, a 12-byte nonce, then the GCM output. The
associated data binds a ciphertext to where it belongs (case id and field), so a value copied
into another case or field fails to decrypt instead of being read in the wrong place.

Key hierarchy: a master key (outside the database) wraps one random data key per case. The
master keyring may hold several keys during a rotation; each wrapped key records which one
wrapped it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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


@dataclass
class Keyring:
    """The master keys this process knows; `primary` wraps new data keys."""

    keys: dict[str, bytes] = field(default_factory=dict)
    primary: str = ""

    @classmethod
    def single(cls, key: bytes) -> Keyring:
        kid = key_id(key)
        return cls(keys={kid: key}, primary=kid)

    def wrap(self, data_key: bytes, owner: str) -> tuple[str, bytes]:
        return self.primary, encrypt(self.keys[self.primary], data_key, f"wrap:{owner}")

    def unwrap(self, kid: str, wrapped: bytes, owner: str) -> bytes:
        if kid not in self.keys:
            raise IntegrityError()
        return decrypt(self.keys[kid], wrapped, f"wrap:{owner}")

    def to_json(self) -> str:
        return json.dumps(
            {
                "primary": self.primary,
                "keys": {k: base64.b64encode(v).decode() for k, v in self.keys.items()},
            }
        )

    @classmethod
    def from_text(cls, text: str) -> Keyring:
        text = text.strip()
        try:
            if text.startswith("{"):
                data = json.loads(text)
                keys = {k: base64.b64decode(v) for k, v in data["keys"].items()}
                ring = cls(keys=keys, primary=str(data["primary"]))
            else:
                ring = cls.single(base64.b64decode(text, validate=True))
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(
                "The master key could not be read. It must be the key file this store "
                "was created with."
            ) from exc
        if ring.primary not in ring.keys or any(len(k) != KEY_BYTES for k in ring.keys.values()):
            raise ConfigError("The master key could not be read. It must be 32 bytes.")
        return ring


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
