"""The database key for SQLCipher, and each user's password-wrapped copy of it.

Design. The database is encrypted with one random 32-byte key (:func:`new_database_key`),
given to SQLCipher as a raw key (:func:`sqlcipher_key_literal`), so SQLCipher's own
PBKDF2 is skipped: the key is already uniformly random. Nobody types that key. Each
user holds a *wrapped* copy in a small key file beside the database: the key encrypted
with AES-256-GCM under a key-encryption key derived from the user's password with
argon2id (per-user 16-byte salt, m = 19456 KiB, t = 2, p = 1, at least), with the user
name as associated data, so a copy cannot be moved to another user's entry.

Logging in unwraps the user's copy (:func:`unwrap_key`); a wrong password fails the
GCM tag and raises :class:`WrongPassword`. Changing a password re-wraps that user's
copy (:func:`rewrap_key`) and re-encrypts nothing in the database. Adding a user
means an administrator, logged in and so holding the key, wraps a copy for the new
user's first password; removing a user deletes their copy (rotate the database key
with ``PRAGMA rekey`` if the departing person might have kept the key file).

Recovery. There is no back door: if every user with a copy forgets their password,
the data is gone by design, because a stolen laptop must look exactly like that. The
township should keep one extra copy wrapped under a long recovery passphrase, printed
and sealed in the office safe, and synced data can always be pulled again from the
platform onto a fresh database.
"""
from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.domain.problems import QT_TRANSLATE_NOOP
from app.security.errors import SecurityError, make_problem
from app.security.passwords import MEMORY_COST_KIB, PARALLELISM, TIME_COST, password_bytes

KEY_LENGTH = 32  # bytes: AES-256 and SQLCipher's raw key
SALT_LENGTH = 16  # bytes
NONCE_LENGTH = 12  # bytes, the AES-GCM standard nonce
FORMAT_VERSION = 1
_AAD_LABEL = b"credit-village/db-key/v1\x00"  # keeps these ciphertexts out of other uses
# Bounds on parameters read from a key file: below the floor is too weak to accept,
# above the ceiling a damaged or hostile file would exhaust the laptop's memory.
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_TIME_COST = 64


class WrongPassword(SecurityError):
    """The password does not unwrap this copy of the key."""


class KeyFileCorrupt(SecurityError):
    """The stored wrapped key cannot be read."""


@dataclass(frozen=True)
class WrappedKey:
    """One user's encrypted copy of the database key, with what is needed to unwrap it."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes  # the 32-byte key plus the 16-byte GCM tag
    memory_cost_kib: int = MEMORY_COST_KIB
    time_cost: int = TIME_COST
    parallelism: int = PARALLELISM
    version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (bytes as base64), e.g. one entry of a key file."""
        return {"version": self.version, "kdf": "argon2id", "memory_cost_kib": self.memory_cost_kib,
                "time_cost": self.time_cost, "parallelism": self.parallelism,
                "salt": _b64(self.salt), "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}

    def to_json(self) -> str:
        """The copy as a JSON text."""
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WrappedKey:
        """Read :meth:`to_dict`'s output; :class:`KeyFileCorrupt` if it is not one."""
        try:
            wrapped = cls(salt=_unb64(data["salt"]), nonce=_unb64(data["nonce"]),
                          ciphertext=_unb64(data["ciphertext"]),
                          memory_cost_kib=_int(data["memory_cost_kib"]), time_cost=_int(data["time_cost"]),
                          parallelism=_int(data["parallelism"]), version=_int(data["version"]))
            ok = data.get("kdf") == "argon2id" and wrapped._sane()
        except (KeyError, TypeError, ValueError, AttributeError):
            ok = False
        if not ok:
            raise KeyFileCorrupt(make_problem("key_file", "key_file.corrupt", QT_TRANSLATE_NOOP(
                "problems", "密钥文件已损坏或格式不正确，无法打开数据库")))
        return wrapped

    @classmethod
    def from_json(cls, text: str) -> WrappedKey:
        """Read :meth:`to_json`'s output; :class:`KeyFileCorrupt` if it is not one."""
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        return cls.from_dict(data if isinstance(data, dict) else {})

    def _sane(self) -> bool:
        return (self.version == FORMAT_VERSION and len(self.salt) == SALT_LENGTH
                and len(self.nonce) == NONCE_LENGTH and len(self.ciphertext) == KEY_LENGTH + 16
                and MEMORY_COST_KIB <= self.memory_cost_kib <= _MAX_MEMORY_KIB
                and TIME_COST <= self.time_cost <= _MAX_TIME_COST and self.parallelism == PARALLELISM)


def new_database_key() -> bytes:
    """A fresh random 32-byte database key from the operating system's CSPRNG."""
    return os.urandom(KEY_LENGTH)


def sqlcipher_key_literal(db_key: bytes) -> str:
    """The raw-key literal for ``PRAGMA key = "x'...'"`` (64 hex digits, no PBKDF2)."""
    if len(db_key) != KEY_LENGTH:
        raise ValueError(f"database key must be {KEY_LENGTH} bytes, got {len(db_key)}")
    return f"x'{db_key.hex()}'"


def wrap_key(db_key: bytes, password: str, username: str) -> WrappedKey:
    """Encrypt ``db_key`` for ``username`` under a key derived from ``password``."""
    if len(db_key) != KEY_LENGTH:
        raise ValueError(f"database key must be {KEY_LENGTH} bytes, got {len(db_key)}")
    salt, nonce = os.urandom(SALT_LENGTH), os.urandom(NONCE_LENGTH)
    shell = WrappedKey(salt=salt, nonce=nonce, ciphertext=b"")
    kek = _derive(shell, password)
    return WrappedKey(salt=salt, nonce=nonce,
                      ciphertext=AESGCM(kek).encrypt(nonce, db_key, _aad(username)))


def unwrap_key(wrapped: WrappedKey, password: str, username: str) -> bytes:
    """The database key in ``wrapped``; :class:`WrongPassword` for another password or user."""
    try:
        return AESGCM(_derive(wrapped, password)).decrypt(wrapped.nonce, wrapped.ciphertext,
                                                          _aad(username))
    except InvalidTag:
        raise WrongPassword(make_problem("password", "password.wrong", QT_TRANSLATE_NOOP(
            "problems", "用户名或密码不正确"))) from None


def rewrap_key(wrapped: WrappedKey, old_password: str, new_password: str,
               username: str) -> WrappedKey:
    """The same database key wrapped under ``new_password`` (fresh salt and nonce)."""
    return wrap_key(unwrap_key(wrapped, old_password, username), new_password, username)


def _derive(wrapped: WrappedKey, password: str) -> bytes:
    """The 32-byte key-encryption key: argon2id over the normalised password."""
    return hash_secret_raw(password_bytes(password), wrapped.salt, time_cost=wrapped.time_cost,
                           memory_cost=wrapped.memory_cost_kib, parallelism=wrapped.parallelism,
                           hash_len=KEY_LENGTH, type=Type.ID)


def _aad(username: str) -> bytes:
    return _AAD_LABEL + username.encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value
