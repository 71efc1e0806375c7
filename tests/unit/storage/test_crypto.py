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


# --- the key ring ----------------------------------------------------------------------


def test_a_bare_key_and_an_old_keyring_are_read_as_versions() -> None:
    import base64
    import json

    key, newer = crypto.new_key(), crypto.new_key()
    bare = crypto.Keyring.from_text(base64.b64encode(key).decode() + "\n")
    assert bare.versions == {crypto.key_id(key): 1} and bare.primary == crypto.key_id(key)
    # The keyring of earlier releases, as a rotation stopped half-way left it: the primary
    # (the newer key) becomes the last version.
    old = json.dumps({"primary": crypto.key_id(newer),
                      "keys": {crypto.key_id(key): base64.b64encode(key).decode(),
                               crypto.key_id(newer): base64.b64encode(newer).decode()}})
    ring = crypto.Keyring.from_text(old)
    assert ring.versions == {crypto.key_id(key): 1, crypto.key_id(newer): 2}
    assert ring.primary == crypto.key_id(newer) and ring.retired == [crypto.key_id(key)]


def test_rotated_ring_wraps_only_under_its_active_version(tmp_path) -> None:
    ring = crypto.Keyring.single(crypto.new_key())
    kid_v1, wrapped_v1 = ring.wrap(b"a" * 32, "case:x")
    for _ in range(2):
        ring = ring.rotated(crypto.new_key())
    assert sorted(ring.versions.values()) == [1, 2, 3] and ring.active_version == 3
    for n in range(5):
        kid, wrapped = ring.wrap(bytes([n]) * 32, f"case:{n}")
        assert kid == ring.primary  # never a retired version
        assert ring.unwrap(kid, wrapped, f"case:{n}") == bytes([n]) * 32
    assert ring.unwrap(kid_v1, wrapped_v1, "case:x") == b"a" * 32  # retired keys still read
    path = tmp_path / "master.key"
    crypto.write_keyring(path, ring)
    again = crypto.read_keyring(path)
    assert (again.keys, again.primary, again.versions) == (ring.keys, ring.primary, ring.versions)
    statuses = [line.split('"status": "')[1].split('"')[0]
                for line in path.read_text().splitlines() if '"status"' in line]
    assert statuses == ["retired", "retired", "active"]  # one version a line, oldest first


@pytest.mark.parametrize("damage", ["two active", "id mismatch", "same version", "bad status"])
def test_a_damaged_ring_is_a_clear_config_error(damage: str) -> None:
    import json

    ring = crypto.Keyring.single(crypto.new_key()).rotated(crypto.new_key())
    data = json.loads(ring.to_json())
    first = data["keys"][0]
    if damage == "two active":
        first["status"] = "active"
    elif damage == "id mismatch":
        first["id"] = "0" * 16
    elif damage == "same version":
        first["version"] = 2
    else:
        first["status"] = "spare"
    with pytest.raises(ConfigError, match="could not be read"):
        crypto.Keyring.from_text(json.dumps(data))


def test_derived_keys_differ_by_label_and_salt() -> None:
    master = crypto.new_key()
    a = crypto.derive_key(master, salt=b"s" * 16, info=b"one")
    assert a == crypto.derive_key(master, salt=b"s" * 16, info=b"one") and len(a) == 32
    assert a not in (crypto.derive_key(master, salt=b"s" * 16, info=b"two"),
                     crypto.derive_key(master, salt=b"t" * 16, info=b"one"), master)
