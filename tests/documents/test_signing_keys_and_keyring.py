"""Signing keys are stored encrypted, and trusted public keys travel as a small JSON keyring."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.documents.signing import (
    Keyring, Status, certificate_signer, generate_signing_key, private_key_from_pem,
    private_key_to_pem, public_key_id, verify_payload,
)
from app.domain.problems import DomainError


def test_a_private_key_survives_an_encrypted_pem_round_trip():
    key = generate_signing_key()
    pem = private_key_to_pem(key, "村里的口令 2026")
    assert b"ENCRYPTED PRIVATE KEY" in pem
    loaded = private_key_from_pem(pem, "村里的口令 2026")
    assert public_key_id(loaded.public_key()) == public_key_id(key.public_key())


def test_a_wrong_passphrase_is_a_clear_chinese_error():
    pem = private_key_to_pem(generate_signing_key(), "right")
    with pytest.raises(DomainError) as caught:
        private_key_from_pem(pem, "wrong")
    assert caught.value.problem.code == "signing_key.unreadable"
    assert "口令" in str(caught.value)


def test_a_private_key_is_never_written_without_a_passphrase():
    with pytest.raises(DomainError):
        private_key_to_pem(generate_signing_key(), "")


def test_the_key_id_is_sixteen_hex_digits_and_the_same_for_the_same_key():
    key = generate_signing_key()
    first, second = public_key_id(key.public_key()), public_key_id(key.public_key())
    assert first == second and len(first) == 16 and int(first, 16) >= 0
    assert public_key_id(generate_signing_key().public_key()) != first


def test_a_saved_keyring_loads_back_and_still_verifies(tmp_path, certificate):
    key = generate_signing_key()
    ring = Keyring()
    key_id = ring.add(key.public_key(), "LAPTOP-07", date(2026, 1, 2))
    path = tmp_path / "keyring.json"
    ring.save(path)
    stored = json.loads(path.read_text("utf-8"))
    assert set(stored) == {key_id}
    assert stored[key_id]["device_id"] == "LAPTOP-07" and stored[key_id]["added_on"] == "2026-01-02"
    loaded = Keyring.load(path)
    assert loaded[key_id].device_id == "LAPTOP-07"
    payload = certificate_signer(key)(certificate)
    assert verify_payload(payload, loaded, today=date(2026, 3, 1)).status is Status.VALID


def test_a_keyring_whose_key_does_not_match_its_id_is_refused(tmp_path):
    ring = Keyring()
    ring.add(generate_signing_key().public_key(), "LAPTOP-07", date(2026, 1, 2))
    data = json.loads(ring.to_json())
    (key_id, entry), = data.items()
    data = {"0" * 16: entry}
    with pytest.raises(DomainError) as caught:
        Keyring.from_json(json.dumps(data))
    assert caught.value.problem.code == "keyring.invalid"


@pytest.mark.parametrize("text", ["", "[]", "{\"a\": 1}", "{\"abc\": {\"public_key\": \"!!\"}}"])
def test_a_broken_keyring_file_is_a_clear_error(text):
    with pytest.raises(DomainError):
        Keyring.from_json(text)
