"""Encrypted backup files: AES-256-GCM in chunks, with a header that carries the key copies.

Layout (integers big-endian)::

    magic 8 | version u16 | chunk_size u32 | salt 16 | nonce_prefix 8
    | keys_length u32 | keys JSON | header_mac 32 | chunk 0 | chunk 1 | ...

``keys JSON`` maps user names to their wrapped copies of the key
(:class:`app.security.keys.WrappedKey`), so a backup restores on a new laptop with
any one user's password: :func:`read_header`, unwrap, :func:`decrypt_file`.

From the 32-byte ``key`` and the random ``salt``, HKDF-SHA256 derives a per-file
encryption key and a MAC key, so no two backups share a GCM key even though they
share ``key``. ``header_mac`` (HMAC-SHA256 over the header) commits to the key and
covers every header byte. Each chunk is ``chunk_size`` bytes of plaintext (the last
one shorter, possibly empty) sealed with nonce ``nonce_prefix || index u32`` and
associated data ``header_mac || index u64 || final flag``. Hence a flipped bit, a
swapped or dropped chunk, a cut at any point, and bytes appended after the final
chunk are all refused with :class:`BackupCorrupt`.

Output goes through :func:`app.security.atomic_file.atomic_write`: a refused or
interrupted run leaves no ``dst`` (or the old one untouched), never a partial one.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
from dataclasses import dataclass, field
from typing import BinaryIO, Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.domain.problems import QT_TRANSLATE_NOOP
from app.security.atomic_file import atomic_write
from app.security.errors import SecurityError, make_problem
from app.security.keys import KEY_LENGTH, KeyFileCorrupt, WrappedKey

MAGIC = b"\x89CVBAK\r\n"  # a high byte and CRLF, so 7-bit or text-mode copying shows at once
FORMAT_VERSION = 1
DEFAULT_CHUNK_SIZE = 1024 * 1024  # bytes of plaintext per chunk
MIN_CHUNK_SIZE, MAX_CHUNK_SIZE = 1024, 64 * 1024 * 1024
MAX_KEYS_LENGTH = 1024 * 1024  # bytes of keys JSON; a larger value means a damaged header
TAG_LENGTH = 16
_FIXED = struct.Struct(">8sHI16s8sI")  # magic, version, chunk_size, salt, nonce_prefix, keys_length
_MAC_LENGTH = 32
_HKDF_INFO = b"credit-village/backup/v1"


class BackupCorrupt(SecurityError):
    """The backup is truncated, tampered with, not ours, or the key is wrong."""


@dataclass(frozen=True)
class BackupHeader:
    """What a backup's header says; ``mac`` is checked only by :func:`decrypt_file`."""

    version: int
    chunk_size: int
    salt: bytes
    nonce_prefix: bytes
    wrapped_keys: Mapping[str, WrappedKey] = field(default_factory=dict)
    raw: bytes = b""  # the header bytes the MAC covers
    mac: bytes = b""


def encrypt_file(src: str | os.PathLike[str], dst: str | os.PathLike[str], key: bytes, *,
                 wrapped_keys: Mapping[str, WrappedKey] | None = None,
                 chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
    """Encrypt ``src`` into ``dst`` under the 32-byte ``key``, storing ``wrapped_keys``."""
    _check_key(key)
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be {MIN_CHUNK_SIZE}-{MAX_CHUNK_SIZE} bytes")
    salt, prefix = os.urandom(16), os.urandom(8)
    keys_json = json.dumps({name: copy.to_dict() for name, copy in (wrapped_keys or {}).items()},
                           sort_keys=True).encode("utf-8")
    raw = _FIXED.pack(MAGIC, FORMAT_VERSION, chunk_size, salt, prefix, len(keys_json)) + keys_json
    enc_key, mac_key = _derive(key, salt)
    mac = hmac.new(mac_key, raw, hashlib.sha256).digest()
    aead = AESGCM(enc_key)
    with open(src, "rb") as reader, atomic_write(dst) as writer:
        writer.write(raw + mac)
        for index in range(2**32):
            plain = _read_up_to(reader, chunk_size)
            final = len(plain) < chunk_size
            writer.write(aead.encrypt(prefix + struct.pack(">I", index), plain, _aad(mac, index, final)))
            if final:
                return
        raise ValueError("file too large for one backup")


def read_header(src: str | os.PathLike[str]) -> BackupHeader:
    """The header of backup ``src``, unverified (the wrapped keys protect themselves)."""
    with open(src, "rb") as reader:
        return _read_header(reader)


def decrypt_file(src: str | os.PathLike[str], dst: str | os.PathLike[str], key: bytes) -> None:
    """Decrypt backup ``src`` into ``dst``; :class:`BackupCorrupt` if anything is wrong."""
    _check_key(key)
    with open(src, "rb") as reader:
        header = _read_header(reader)
        enc_key, mac_key = _derive(key, header.salt)
        if not hmac.compare_digest(hmac.new(mac_key, header.raw, hashlib.sha256).digest(), header.mac):
            raise _corrupt("backup.wrong_key_or_header", QT_TRANSLATE_NOOP(
                "problems", "无法打开备份：密钥或密码不正确，或者备份文件头已损坏"))
        with atomic_write(dst) as writer:
            _decrypt_chunks(reader, writer, AESGCM(enc_key), header)


def _decrypt_chunks(reader: BinaryIO, writer: BinaryIO, aead: AESGCM, header: BackupHeader) -> None:
    full = header.chunk_size + TAG_LENGTH
    for index in range(2**32):
        sealed = _read_up_to(reader, full)
        if len(sealed) < TAG_LENGTH:
            raise _corrupt("backup.truncated", QT_TRANSLATE_NOOP(
                "problems", "备份文件不完整，可能在复制时被截断，请换用完整的备份"))
        final = len(sealed) < full  # only the last chunk is short (it may hold 0 bytes)
        nonce = header.nonce_prefix + struct.pack(">I", index)
        try:
            writer.write(aead.decrypt(nonce, sealed, _aad(header.mac, index, final)))
        except InvalidTag:
            raise _corrupt("backup.tampered", QT_TRANSLATE_NOOP(
                "problems", "备份文件第{chunk}块已损坏、被截断或被篡改，无法恢复"), chunk=index + 1) from None
        if final:
            # Bytes appended after the end join this last read, so its tag already failed.
            return


def _read_header(reader: BinaryIO) -> BackupHeader:
    fixed = reader.read(_FIXED.size)
    if len(fixed) < len(MAGIC) or fixed[:len(MAGIC)] != MAGIC:
        raise _corrupt("backup.not_a_backup", QT_TRANSLATE_NOOP("problems", "这不是本程序生成的备份文件"))
    if len(fixed) < _FIXED.size:
        raise _truncated_header()
    _, version, chunk_size, salt, prefix, keys_length = _FIXED.unpack(fixed)
    if version != FORMAT_VERSION:
        raise _corrupt("backup.version", QT_TRANSLATE_NOOP(
            "problems", "备份文件的格式版本 {version} 不受支持，请使用更新的程序"), version=version)
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE or keys_length > MAX_KEYS_LENGTH:
        raise _damaged_header()
    keys_json, mac = reader.read(keys_length), reader.read(_MAC_LENGTH)
    if len(keys_json) < keys_length or len(mac) < _MAC_LENGTH:
        raise _truncated_header()
    return BackupHeader(version, chunk_size, salt, prefix, _parse_keys(keys_json),
                        raw=fixed + keys_json, mac=mac)


def _parse_keys(keys_json: bytes) -> dict[str, WrappedKey]:
    try:
        data = json.loads(keys_json.decode("utf-8"))
        return {str(name): WrappedKey.from_dict(copy) for name, copy in data.items()}
    except (ValueError, AttributeError, KeyFileCorrupt):
        raise _damaged_header() from None


def _derive(key: bytes, salt: bytes) -> tuple[bytes, bytes]:
    """The per-file (encryption key, MAC key), 32 bytes each, from ``key`` and ``salt``."""
    both = HKDF(algorithm=hashes.SHA256(), length=64, salt=salt, info=_HKDF_INFO).derive(key)
    return both[:32], both[32:]


def _aad(header_mac: bytes, index: int, final: bool) -> bytes:
    return header_mac + struct.pack(">QB", index, 1 if final else 0)


def _read_up_to(reader: BinaryIO, size: int) -> bytes:
    """Exactly ``size`` bytes unless the end comes first (pipes may return less per read)."""
    parts, wanted = [], size
    while wanted:
        part = reader.read(wanted)
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def _check_key(key: bytes) -> None:
    if len(key) != KEY_LENGTH:
        raise ValueError(f"backup key must be {KEY_LENGTH} bytes, got {len(key)}")


def _corrupt(code: str, template: str, **params: object) -> BackupCorrupt:
    return BackupCorrupt(make_problem("backup", code, template, **params))


def _truncated_header() -> BackupCorrupt:
    return _corrupt("backup.truncated", QT_TRANSLATE_NOOP(
        "problems", "备份文件不完整，可能在复制时被截断，请换用完整的备份"))


def _damaged_header() -> BackupCorrupt:
    return _corrupt("backup.header_damaged", QT_TRANSLATE_NOOP("problems", "备份文件头已损坏，无法恢复"))
