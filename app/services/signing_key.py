"""This installation's certificate-signing key: created at first use, kept encrypted, trusted locally.

The Ed25519 private key is stored as PKCS#8 PEM encrypted under a passphrase derived from the
database key (HMAC-SHA-256), in the ``signing_keys`` table of the SQLCipher store: it is never
on disk in the clear, and only a logged-in user's workspace can unlock it. Its public key is
added to the data folder's ``keyring.json`` (what ``python -m app verify`` reads), so this
device verifies its own certificates, and can be exported for the platform or other verifiers.
The device id is the ``device_id`` row of the Setting table (created here if still missing).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.keys import (
    Keyring, generate_signing_key, private_key_from_pem, private_key_to_pem, public_key_id,
    raw_public_key,
)
from app.security.atomic_file import atomic_write
from app.services import audit
from app.services.accounts import Workspace
from app.store.models import Setting, SigningKey

DEVICE_ID_SETTING = "device_id"
KEYRING_FILE = "keyring.json"
_PASSPHRASE_LABEL = b"credit-village certificate signing key v1"


def device_id(ws: Workspace) -> str:
    """This installation's device id (Setting ``device_id``), created on first use."""
    with ws.db.session() as session:
        return _device_id(session)


def _device_id(session: Session) -> str:
    row = session.get(Setting, DEVICE_ID_SETTING)
    if row is None:
        # Short and printable: it is printed on certificates and travels in sync metadata.
        row = Setting(key=DEVICE_ID_SETTING, value="CV-" + uuid.uuid4().hex[:12].upper())
        session.add(row)
        session.flush()
    return row.value


def _passphrase(ws: Workspace) -> str:
    """The PEM passphrase: bound to the database key, so a copied PEM alone is useless."""
    return hmac.new(ws.key, _PASSPHRASE_LABEL, hashlib.sha256).hexdigest()


def signing_key(ws: Workspace) -> tuple[str, Ed25519PrivateKey]:
    """(key id, private key) of this installation; the first call creates and stores them."""
    with ws.db.session() as session:
        row = session.scalars(select(SigningKey).where(SigningKey.active.is_(True))
                              .order_by(SigningKey.created_at.desc()).limit(1)).first()
        if row is None:
            row = _create(ws, session)
        key = private_key_from_pem(row.private_pem.encode("ascii"), _passphrase(ws))
        device = row.device_id
    trust_locally(ws.data_dir, key.public_key(), device)
    return public_key_id(key.public_key()), key


def _create(ws: Workspace, session: Session) -> SigningKey:
    key = generate_signing_key()
    public = key.public_key()
    row = SigningKey(key_id=public_key_id(public), device_id=_device_id(session),
                     public_key=public_key_b64(public),
                     private_pem=private_key_to_pem(key, _passphrase(ws)).decode("ascii"), active=True)
    session.add(row)
    session.flush()
    audit.record(session, ws.actor.username, "signing_key_created", "signing_key", row.key_id,
                 {"device_id": row.device_id})
    return row


def public_key_b64(public_key: Ed25519PublicKey) -> str:
    """Base64 of the raw 32-byte public key (what the platform's enrolment expects)."""
    return base64.b64encode(raw_public_key(public_key)).decode("ascii")


def public_key(ws: Workspace) -> Ed25519PublicKey:
    """This installation's public key (creating the key pair on first use)."""
    return signing_key(ws)[1].public_key()


def trust_locally(data_dir: Path, public: Ed25519PublicKey, device: str) -> None:
    """Add ``public`` to the data folder's keyring file unless it is already there."""
    path = Path(data_dir) / KEYRING_FILE
    ring = Keyring.load(path) if path.exists() else Keyring()
    if public_key_id(public) in ring:
        return
    ring.add(public, device, date.today())
    with atomic_write(path) as out:
        out.write(ring.to_json().encode("utf-8"))


def export_public_key(ws: Workspace, out: Path) -> str:
    """Write this device's public key as a one-entry keyring file; returns the key id.

    The file is what ``verify --keyring`` reads, and what a verifier merges into its keyring.
    """
    key_id, key = signing_key(ws)
    ring = Keyring()
    ring.add(key.public_key(), device_id(ws), date.today())
    with atomic_write(out) as stream:
        stream.write(ring.to_json().encode("utf-8"))
    with ws.db.session() as session:
        audit.record(session, ws.actor.username, "signing_key_exported", "signing_key", key_id, {})
    return key_id
