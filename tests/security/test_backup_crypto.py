"""Encrypted backups round-trip, and any cut, flipped bit, swapped chunk or wrong key is refused
without leaving a partial file behind."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.security.backup_crypto import (
    DEFAULT_CHUNK_SIZE, MIN_CHUNK_SIZE, TAG_LENGTH, BackupCorrupt, decrypt_file, encrypt_file,
    read_header,
)
from app.security import backup_crypto
from app.security.keys import WrappedKey, new_database_key, unwrap_key, wrap_key

SMALL = MIN_CHUNK_SIZE  # keeps the many tamper cases small; the default size is tested too


@pytest.fixture(scope="module")
def key() -> bytes:
    return new_database_key()


@pytest.fixture(scope="module")
def plaintext() -> bytes:
    return os.urandom(3 * DEFAULT_CHUNK_SIZE + 12345)  # three full chunks and a short one


@pytest.fixture(scope="module")
def copies(key) -> dict[str, WrappedKey]:
    return {"wangxd": wrap_key(key, "信用村2024ab", "wangxd")}


@pytest.fixture()
def backup(tmp_path, key, copies) -> tuple[Path, bytes]:
    """A small backup of 3 full chunks and 1 short chunk, with its plaintext."""
    data = os.urandom(3 * SMALL + 100)
    src, dst = tmp_path / "db.sqlite", tmp_path / "db.cvbak"
    src.write_bytes(data)
    encrypt_file(src, dst, key, wrapped_keys=copies, chunk_size=SMALL)
    return dst, data


def layout(path: Path) -> tuple[int, int]:
    """(header length in bytes, sealed chunk length in bytes) of a backup."""
    header = read_header(path)
    return len(header.raw) + len(header.mac), header.chunk_size + TAG_LENGTH


def refused_without_output(src: Path, key: bytes, tmp_path: Path) -> BackupCorrupt:
    out = tmp_path / "restored.sqlite"
    with pytest.raises(BackupCorrupt) as refused:
        decrypt_file(src, out, key)
    assert not out.exists()
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]
    return refused.value


def test_a_multi_chunk_file_round_trips_with_the_default_chunk_size(tmp_path, key, plaintext):
    src, enc, out = tmp_path / "db", tmp_path / "db.cvbak", tmp_path / "back"
    src.write_bytes(plaintext)
    encrypt_file(src, enc, key)
    _, sealed = layout(enc)
    assert sealed == DEFAULT_CHUNK_SIZE + TAG_LENGTH
    assert enc.stat().st_size > len(plaintext) + 4 * TAG_LENGTH
    assert plaintext[1000:1064] not in enc.read_bytes()
    decrypt_file(enc, out, key)
    assert out.read_bytes() == plaintext


@pytest.mark.parametrize("size", [0, 1, SMALL - 1, SMALL, SMALL + 1, 2 * SMALL, 3 * SMALL + 7])
def test_files_of_every_size_around_the_chunk_boundary_round_trip(tmp_path, key, size):
    data = os.urandom(size)
    (tmp_path / "src").write_bytes(data)
    encrypt_file(tmp_path / "src", tmp_path / "enc", key, chunk_size=SMALL)
    decrypt_file(tmp_path / "enc", tmp_path / "out", key)
    assert (tmp_path / "out").read_bytes() == data


def test_two_backups_of_the_same_file_differ(tmp_path, key):
    (tmp_path / "src").write_bytes(b"same content" * 100)
    encrypt_file(tmp_path / "src", tmp_path / "a", key)
    encrypt_file(tmp_path / "src", tmp_path / "b", key)
    assert (tmp_path / "a").read_bytes() != (tmp_path / "b").read_bytes()


def test_a_backup_restores_on_a_new_laptop_with_one_users_password(tmp_path, key):
    (tmp_path / "src").write_bytes(b"households" * 500)
    copies = {"wangxd": wrap_key(key, "信用村2024ab", "wangxd"), "lisp": wrap_key(key, "另一个密码xy", "lisp")}
    encrypt_file(tmp_path / "src", tmp_path / "enc", key, wrapped_keys=copies)
    header = read_header(tmp_path / "enc")
    assert set(header.wrapped_keys) == {"wangxd", "lisp"}
    recovered = unwrap_key(header.wrapped_keys["lisp"], "另一个密码xy", "lisp")
    decrypt_file(tmp_path / "enc", tmp_path / "out", recovered)
    assert (tmp_path / "out").read_bytes() == b"households" * 500


def cut_points(header: int, sealed: int, total: int) -> dict[str, int]:
    return {"inside the magic": 4, "inside the fixed header": 20, "inside the MAC": header - 5,
            "right after the header": header, "inside chunk 1": header + 100,
            "after chunk 1": header + sealed, "after chunk 3": header + 3 * sealed,
            "inside the last tag": total - 5, "one byte short": total - 1, "empty file": 0}


@pytest.mark.parametrize("where", list(cut_points(100, 1040, 5000)))
def test_a_backup_cut_short_anywhere_is_refused(tmp_path, key, backup, where):
    path, _ = backup
    data = path.read_bytes()
    cut = cut_points(*layout(path), len(data))[where]
    path.write_bytes(data[:cut])
    error = refused_without_output(path, key, tmp_path)
    assert error.code in {"backup.truncated", "backup.tampered", "backup.not_a_backup"}


def flip_points(header: int, sealed: int, total: int) -> dict[str, int]:
    return {"magic": 1, "version": 9, "chunk size": 12, "salt": 20, "nonce prefix": 35,
            "wrapped keys": 60, "header MAC": header - 1, "chunk 1 body": header + 10,
            "chunk 1 tag": header + sealed - 3, "chunk 2 body": header + sealed + 500,
            "last chunk body": total - TAG_LENGTH - 1, "last tag": total - 1}


@pytest.mark.parametrize("where", list(flip_points(100, 1040, 5000)))
def test_one_flipped_bit_anywhere_is_refused(tmp_path, key, backup, where):
    path, _ = backup
    data = bytearray(path.read_bytes())
    data[flip_points(*layout(path), len(data))[where]] ^= 0x04
    path.write_bytes(bytes(data))
    refused_without_output(path, key, tmp_path)


def test_a_tampered_chunk_is_named_in_the_message(tmp_path, key, backup):
    path, _ = backup
    header, sealed = layout(path)
    data = bytearray(path.read_bytes())
    data[header + sealed + 1] ^= 0x01
    path.write_bytes(bytes(data))
    error = refused_without_output(path, key, tmp_path)
    assert error.code == "backup.tampered" and "第2块" in str(error)


@pytest.mark.parametrize("first, second", [(0, 1), (1, 2), (0, 2)])
def test_swapped_chunks_are_refused(tmp_path, key, backup, first, second):
    path, _ = backup
    header, sealed = layout(path)
    data = path.read_bytes()
    chunks = [data[header + i * sealed: header + (i + 1) * sealed] for i in range(3)]
    chunks[first], chunks[second] = chunks[second], chunks[first]
    path.write_bytes(data[:header] + b"".join(chunks) + data[header + 3 * sealed:])
    assert refused_without_output(path, key, tmp_path).code == "backup.tampered"


def test_a_dropped_middle_chunk_is_refused(tmp_path, key, backup):
    path, _ = backup
    header, sealed = layout(path)
    data = path.read_bytes()
    path.write_bytes(data[:header + sealed] + data[header + 2 * sealed:])
    refused_without_output(path, key, tmp_path)


def test_a_short_final_chunk_cannot_be_passed_off_as_the_end(tmp_path, key, backup):
    path, _ = backup
    header, sealed = layout(path)
    data = path.read_bytes()
    path.write_bytes(data[:header + 2 * sealed] + data[-(100 + TAG_LENGTH):])
    refused_without_output(path, key, tmp_path)


@pytest.mark.parametrize("extra", [1, SMALL, 3 * SMALL])
def test_bytes_appended_after_the_final_chunk_are_refused(tmp_path, key, backup, extra):
    path, _ = backup
    path.write_bytes(path.read_bytes() + os.urandom(extra))
    assert refused_without_output(path, key, tmp_path).code == "backup.tampered"


def test_the_wrong_key_is_refused_before_anything_is_written(tmp_path, backup):
    path, _ = backup
    error = refused_without_output(path, new_database_key(), tmp_path)
    assert error.code == "backup.wrong_key_or_header"
    assert "密钥或密码不正确" in str(error)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, key):
    path = tmp_path / "photo.jpg"
    path.write_bytes(os.urandom(5000))
    assert refused_without_output(path, key, tmp_path).code == "backup.not_a_backup"


def test_a_failed_restore_leaves_the_existing_file_untouched(tmp_path, key, backup):
    path, _ = backup
    path.write_bytes(path.read_bytes()[:-1])
    existing = tmp_path / "current.sqlite"
    existing.write_bytes(b"the database in use")
    with pytest.raises(BackupCorrupt):
        decrypt_file(path, existing, key)
    assert existing.read_bytes() == b"the database in use"


def test_a_substituted_key_copy_in_the_header_is_refused(tmp_path, key, copies, backup):
    path, _ = backup
    header = read_header(path)
    genuine = copies["wangxd"].to_dict()
    forged = wrap_key(new_database_key(), "attacker-pw1", "wangxd").to_dict()
    data = path.read_bytes()
    for name in ("salt", "nonce", "ciphertext"):
        assert data.count(genuine[name].encode()) == 1
        data = data.replace(genuine[name].encode(), forged[name].encode())
    path.write_bytes(data)
    assert read_header(path).wrapped_keys["wangxd"] != header.wrapped_keys["wangxd"]
    assert refused_without_output(path, key, tmp_path).code == "backup.wrong_key_or_header"


def test_an_encryption_that_fails_midway_leaves_no_partial_backup(tmp_path, key, monkeypatch):
    (tmp_path / "src").write_bytes(os.urandom(3 * SMALL))
    real_read, calls = backup_crypto._read_up_to, []

    def failing_read(reader, size):
        calls.append(size)
        if len(calls) > 1:
            raise OSError("disk unplugged")
        return real_read(reader, size)

    monkeypatch.setattr(backup_crypto, "_read_up_to", failing_read)
    with pytest.raises(OSError, match="disk unplugged"):
        encrypt_file(tmp_path / "src", tmp_path / "enc", key, chunk_size=SMALL)
    assert os.listdir(tmp_path) == ["src"]
