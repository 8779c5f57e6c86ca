"""Ed25519 signing keys of the devices that print certificates, and the keyring that verifies them.

Each laptop has its own private key, kept on disk as PEM encrypted with a passphrase. Its public
key travels (via the platform, or a file) into the keyring of every verifier: a small JSON file
``{key_id: {"public_key": base64, "device_id": ..., "added_on": "yyyy-mm-dd"}}``.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator, Mapping, NoReturn

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

CONTEXT = "documents"
KEY_ID_BYTES = 8


def generate_signing_key() -> Ed25519PrivateKey:
    """A new random Ed25519 private key."""
    return Ed25519PrivateKey.generate()


def private_key_to_pem(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """``key`` as PKCS#8 PEM, encrypted with ``passphrase`` (never stored in the clear)."""
    if not passphrase:
        _refuse("signing_key.passphrase", QT_TRANSLATE_NOOP("documents", "签名密钥必须设置口令"))
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def private_key_from_pem(pem: bytes, passphrase: str) -> Ed25519PrivateKey:
    """The private key in ``pem``; a wrong passphrase or another key type is a DomainError."""
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError, UnsupportedAlgorithm):
        _refuse("signing_key.unreadable", QT_TRANSLATE_NOOP(
            "documents", "无法读取签名密钥：口令错误或文件已损坏"))
    if not isinstance(key, Ed25519PrivateKey):
        _refuse("signing_key.type", QT_TRANSLATE_NOOP("documents", "签名密钥不是 Ed25519 密钥"))
    return key


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of ``public_key``."""
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_id(public_key: Ed25519PublicKey) -> str:
    """A short stable id: the first 8 bytes of SHA-256 of the raw public key, 16 hex digits."""
    return hashlib.sha256(raw_public_key(public_key)).digest()[:KEY_ID_BYTES].hex()


@dataclass(frozen=True)
class KeyringEntry:
    """A trusted public key and the device that signs with it."""

    public_key: Ed25519PublicKey
    device_id: str
    added_on: date


class Keyring(Mapping[str, KeyringEntry]):
    """Trusted public keys by key id, loaded from and saved to the JSON keyring file."""

    def __init__(self, entries: Mapping[str, KeyringEntry] | None = None):
        self._entries = dict(entries or {})

    def __getitem__(self, key_id: str) -> KeyringEntry:
        return self._entries[key_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, public_key: Ed25519PublicKey, device_id: str, added_on: date) -> str:
        """Trust ``public_key`` of ``device_id``; returns its key id."""
        key_id = public_key_id(public_key)
        self._entries[key_id] = KeyringEntry(public_key, device_id, added_on)
        return key_id

    def to_json(self) -> str:
        """The keyring file's text."""
        return json.dumps({
            key_id: {
                "public_key": base64.b64encode(raw_public_key(entry.public_key)).decode("ascii"),
                "device_id": entry.device_id,
                "added_on": entry.added_on.isoformat(),
            } for key_id, entry in sorted(self._entries.items())
        }, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Keyring:
        """A keyring from its file's text; a key whose id does not match its bytes is refused."""
        try:
            data = json.loads(text)
            ring = cls()
            for key_id, item in data.items():
                public_key = Ed25519PublicKey.from_public_bytes(base64.b64decode(item["public_key"]))
                if public_key_id(public_key) != key_id:
                    raise ValueError(key_id)
                ring._entries[key_id] = KeyringEntry(
                    public_key, str(item["device_id"]), date.fromisoformat(item["added_on"]))
        except (ValueError, TypeError, KeyError, AttributeError):
            _refuse("keyring.invalid", QT_TRANSLATE_NOOP("documents", "公钥文件格式不对或已被改动"))
        return ring

    def save(self, path: Path) -> None:
        """Write the keyring file (UTF-8 JSON)."""
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Keyring:
        """Read a keyring file written by :meth:`save`."""
        return cls.from_json(path.read_text(encoding="utf-8"))


def _refuse(code: str, template: str, **params: object) -> NoReturn:
    raise DomainError(Problem(field="signing_key", code=code, template=template, params=params))
