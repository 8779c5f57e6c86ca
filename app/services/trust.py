"""What ``verify`` trusts, kept in the data folder: revoked numbers and known signing keys.

``verify`` runs without logging in (a bank teller checks a certificate offline), so it reads
two plain files: ``revoked.txt`` (certificate numbers, one a line; no personal data) and
``keyring.json`` (public keys by id). Both are rewritten from the store: certificates revoked
on this device, and revocations and other devices' signing keys pulled from the platform.
"""
from __future__ import annotations

import base64
import binascii
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.keys import Keyring, public_key_id
from app.security.atomic_file import atomic_write
from app.store.models import Certificate, PulledRecord

REVOKED_FILE = "revoked.txt"
KEYRING_FILE = "keyring.json"


def revoked_numbers(session: Session) -> list[str]:
    """Every certificate number revoked here or published as revoked by the platform, sorted."""
    local = set(session.scalars(select(Certificate.number).where(Certificate.revoked_at.is_not(None))))
    pulled = session.scalars(select(PulledRecord.document).where(
        PulledRecord.record_type == "certificate_revocation", PulledRecord.deleted.is_(False)))
    return sorted(local | {str(d["number"]) for d in pulled if d and d.get("number")})


def write_revoked(data_dir: Path, numbers: list[str]) -> None:
    """Replace ``revoked.txt`` atomically (call after the commit that made the numbers true)."""
    with atomic_write(Path(data_dir) / REVOKED_FILE) as out:
        out.write("".join(f"{n}\n" for n in numbers).encode("ascii"))


def pulled_signing_keys(session: Session) -> list[tuple[Ed25519PublicKey, str]]:
    """(public key, device id) of every live signing key the platform published."""
    keys = []
    for document in session.scalars(select(PulledRecord.document).where(
            PulledRecord.record_type == "signing_key", PulledRecord.deleted.is_(False))):
        if not document or document.get("revoked_at"):
            continue
        try:
            raw = base64.b64decode(str(document.get("public_key", "")), validate=True)
            keys.append((Ed25519PublicKey.from_public_bytes(raw), str(document.get("device_id", ""))))
        except (binascii.Error, ValueError):
            continue  # a malformed entry from the platform verifies nothing; the rest still count
    return keys


def add_to_keyring(data_dir: Path, keys: list[tuple[Ed25519PublicKey, str]], today: date) -> int:
    """Add ``keys`` missing from ``keyring.json``; returns how many were added."""
    path = Path(data_dir) / KEYRING_FILE
    ring = Keyring.load(path) if path.exists() else Keyring()
    added = 0
    for key, device in keys:
        if public_key_id(key) not in ring:
            ring.add(key, device, today)
            added += 1
    if added:
        with atomic_write(path) as out:
            out.write(ring.to_json().encode("utf-8"))
    return added


def refresh(session: Session, data_dir: Path, today: date | None = None) -> None:
    """Rewrite both files from the store (after a pull or a local revocation)."""
    write_revoked(data_dir, revoked_numbers(session))
    add_to_keyring(data_dir, pulled_signing_keys(session), today or date.today())
