"""This installation's signing key: made once, kept encrypted, trusted by the local verifier."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.documents.keys import Keyring, public_key_id
from app.documents.signing import CertificateClaim, Status, sign_payload, verify_payload
from app.services import signing_key as sk
from app.services.audit import iter_entries
from app.services.accounts import unlock
from app.store.models import Setting, SigningKey

CLAIM = CertificateClaim("445122-2026-000001", "张*丰", "AAA", date(2026, 1, 1), date(2026, 12, 31))


def test_the_first_use_creates_one_key_and_later_uses_return_the_same(ws):
    first_id, first = sk.signing_key(ws)
    second_id, second = sk.signing_key(ws)
    assert first_id == second_id == public_key_id(first.public_key())
    assert sign_payload(CLAIM, first) == sign_payload(CLAIM, second)
    with ws.db.session() as session:
        assert len(session.scalars(select(SigningKey)).all()) == 1
    assert [e["action"] for e in iter_entries(ws.db)].count("signing_key_created") == 1


def test_the_private_key_is_stored_as_encrypted_pem_and_never_in_the_clear(ws):
    key_id, key = sk.signing_key(ws)
    with ws.db.session() as session:
        row = session.get(SigningKey, key_id)
    assert row.private_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    raw = key.private_bytes_raw()
    files = [p for p in ws.data_dir.rglob("*") if p.is_file()]
    assert files and all(raw not in p.read_bytes() for p in files)
    assert all(b"PRIVATE KEY" not in p.read_bytes() for p in files)  # the store is encrypted too


def test_another_user_of_the_same_store_signs_with_the_same_key(ws):
    key_id, _ = sk.signing_key(ws)
    admin = unlock(ws.data_dir, "admin", "admin-pass-1")
    try:
        assert sk.signing_key(admin)[0] == key_id
    finally:
        admin.close()


def test_the_device_id_comes_from_the_settings_table_and_is_created_once(ws):
    device = sk.device_id(ws)
    assert device.startswith("CV-") and sk.device_id(ws) == device
    with ws.db.session() as session:
        assert session.get(Setting, sk.DEVICE_ID_SETTING).value == device


def test_an_existing_device_id_is_kept(ws):
    with ws.db.session() as session:
        session.add(Setting(key=sk.DEVICE_ID_SETTING, value="LAPTOP-07"))
    sk.signing_key(ws)
    ring = Keyring.load(ws.data_dir / sk.KEYRING_FILE)
    assert [entry.device_id for entry in ring.values()] == ["LAPTOP-07"]


def test_the_local_keyring_trusts_the_new_key_so_verify_knows_this_device(ws):
    key_id, key = sk.signing_key(ws)
    ring = Keyring.load(ws.data_dir / sk.KEYRING_FILE)
    assert list(ring) == [key_id]
    result = verify_payload(sign_payload(CLAIM, key), ring, today=date(2026, 6, 1))
    assert result.status is Status.VALID


def test_the_exported_public_key_is_a_keyring_file_with_this_key_only(ws, tmp_path):
    key_id, key = sk.signing_key(ws)
    out = tmp_path / "device.json"
    assert sk.export_public_key(ws, out) == key_id
    ring = Keyring.load(out)
    assert list(ring) == [key_id] and ring[key_id].device_id == sk.device_id(ws)
    assert "PRIVATE" not in out.read_text("utf-8")
    assert sk.public_key_b64(key.public_key()) in out.read_text("utf-8")
