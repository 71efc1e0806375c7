"""AES-GCM field encryption: round trips, binding to case and field, tamper detection."""

import pytest

from asylum_prep.errors import ConfigError, IntegrityError
from asylum_prep.storage import crypto


def test_round_trip_and_random_nonce():
    key = crypto.new_key()
    a = crypto.encrypt(key, b"secret", "case:1:title")
    b = crypto.encrypt(key, b"secret", "case:1:title")
    assert a != b  # fresh nonce every time
    assert crypto.decrypt(key, a, "case:1:title") == b"secret"


def test_ciphertext_is_bound_to_its_case_and_field():
    cipher_a = crypto.CaseCipher("case-a", crypto.new_key())
    blob = cipher_a.seal_text("title", "Nasrin")
    with pytest.raises(IntegrityError):
        cipher_a.open_text("record:1", blob)
    other = crypto.CaseCipher("case-b", cipher_a.key)
    with pytest.raises(IntegrityError):
        other.open_text("title", blob)


@pytest.mark.parametrize("position", [0, 5, 20, -1])
def test_any_flipped_byte_is_detected(position):
    key = crypto.new_key()
    blob = bytearray(crypto.encrypt(key, b"x" * 40, "aad"))
    blob[position] ^= 0x01
    with pytest.raises(IntegrityError):
        crypto.decrypt(key, bytes(blob), "aad")


def test_keyring_wraps_and_survives_serialisation(tmp_path):
    ring = crypto.Keyring.single(crypto.new_key())
    kid, wrapped = ring.wrap(b"k" * 32, "case:x")
    path = tmp_path / "master.key"
    crypto.write_keyring(path, ring)
    assert path.stat().st_mode & 0o777 == 0o600
    again = crypto.read_keyring(path)
    assert again.unwrap(kid, wrapped, "case:x") == b"k" * 32
    with pytest.raises(IntegrityError):
        again.unwrap(kid, wrapped, "case:y")


@pytest.mark.parametrize("text", ["", "not base64 !!", '{"primary": "x", "keys": {}}', "YWJj"])
def test_unreadable_key_is_a_clear_config_error(text):
    with pytest.raises(ConfigError):
        crypto.Keyring.from_text(text)
