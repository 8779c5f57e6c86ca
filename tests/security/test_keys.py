"""The database key is wrapped per user under a password-derived key; only that password opens it."""
from __future__ import annotations

import base64
import json

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.security import keys
from app.security.keys import (
    KeyFileCorrupt, WrappedKey, WrongPassword, new_database_key, rewrap_key, sqlcipher_key_literal,
    unwrap_key, wrap_key,
)

PASSWORD = "信用村2024ab"


@pytest.fixture(scope="module")
def db_key() -> bytes:
    return new_database_key()


@pytest.fixture(scope="module")
def wrapped(db_key) -> WrappedKey:
    return wrap_key(db_key, PASSWORD, "wangxd")


def test_a_new_database_key_is_32_random_bytes():
    first, second = new_database_key(), new_database_key()
    assert len(first) == 32 and first != second


def test_sqlcipher_gets_the_key_as_a_raw_hex_literal(db_key):
    assert sqlcipher_key_literal(db_key) == "x'" + db_key.hex() + "'"
    with pytest.raises(ValueError):
        sqlcipher_key_literal(b"short")


def test_the_right_password_unwraps_the_database_key(db_key, wrapped):
    assert unwrap_key(wrapped, PASSWORD, "wangxd") == db_key
    assert db_key not in wrapped.ciphertext


def test_the_wrapping_uses_at_least_owasps_argon2id_parameters_and_a_16_byte_salt(wrapped):
    assert wrapped.memory_cost_kib >= 19456 and wrapped.time_cost >= 2 and wrapped.parallelism == 1
    assert len(wrapped.salt) == 16 and len(wrapped.nonce) == 12


def test_the_format_is_argon2id_raw_then_aes_gcm_with_the_user_name_bound_in(db_key, wrapped):
    kek = hash_secret_raw(PASSWORD.encode(), wrapped.salt, time_cost=wrapped.time_cost,
                          memory_cost=wrapped.memory_cost_kib, parallelism=1, hash_len=32, type=Type.ID)
    aad = keys._AAD_LABEL + "wangxd".encode()
    assert AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, aad) == db_key


@pytest.mark.parametrize("password, username", [
    ("信用村2024aB", "wangxd"),
    ("", "wangxd"),
    (PASSWORD, "lisp"),
    (PASSWORD, "WANGXD"),
])
def test_a_wrong_password_or_another_users_name_raises_wrong_password(wrapped, password, username):
    with pytest.raises(WrongPassword) as refused:
        unwrap_key(wrapped, password, username)
    assert str(refused.value) == "用户名或密码不正确"


def test_a_flipped_byte_in_the_wrapped_key_is_refused(wrapped):
    damaged = bytearray(wrapped.ciphertext)
    damaged[5] ^= 0x01
    with pytest.raises(WrongPassword):
        unwrap_key(WrappedKey(wrapped.salt, wrapped.nonce, bytes(damaged)), PASSWORD, "wangxd")


def test_the_wrapped_key_survives_a_trip_through_the_key_file(db_key, wrapped):
    text = wrapped.to_json()
    assert json.loads(text)["kdf"] == "argon2id"
    restored = WrappedKey.from_json(text)
    assert restored == wrapped
    assert unwrap_key(restored, PASSWORD, "wangxd") == db_key


def test_changing_the_password_keeps_the_database_key_and_retires_the_old_password(db_key, wrapped):
    changed = rewrap_key(wrapped, PASSWORD, "新密码abc123", "wangxd")
    assert unwrap_key(changed, "新密码abc123", "wangxd") == db_key
    assert changed.salt != wrapped.salt and changed.ciphertext != wrapped.ciphertext
    with pytest.raises(WrongPassword):
        unwrap_key(changed, PASSWORD, "wangxd")


def test_changing_the_password_needs_the_old_one(wrapped):
    with pytest.raises(WrongPassword):
        rewrap_key(wrapped, "guessed-password", "新密码abc123", "wangxd")


def test_full_width_typing_of_the_password_unwraps_too(db_key):
    assert unwrap_key(wrap_key(db_key, "Abc12345", "u"), "Ａｂｃ１２３４５", "u") == db_key


def _edited(wrapped: WrappedKey, **changes: object) -> str:
    return json.dumps({**wrapped.to_dict(), **changes})


@pytest.mark.parametrize("change", [
    {"memory_cost_kib": 8192},            # weakened below the floor
    {"memory_cost_kib": 64 * 1024 * 1024},  # a memory bomb
    {"time_cost": 1},
    {"parallelism": 4},
    {"kdf": "pbkdf2"},
    {"version": 2},
    {"salt": base64.b64encode(b"short").decode()},
    {"nonce": "not base64!"},
    {"ciphertext": 12},
    {"time_cost": "2"},
])
def test_a_key_file_entry_with_bad_fields_is_refused_as_corrupt(wrapped, change):
    with pytest.raises(KeyFileCorrupt):
        WrappedKey.from_json(_edited(wrapped, **change))


@pytest.mark.parametrize("text", ["", "[]", "{}", "not json", '{"salt": null}'])
def test_an_unreadable_key_file_entry_is_refused_as_corrupt(text):
    with pytest.raises(KeyFileCorrupt) as refused:
        WrappedKey.from_json(text)
    assert refused.value.code == "key_file.corrupt"


def test_only_a_32_byte_key_can_be_wrapped():
    with pytest.raises(ValueError):
        wrap_key(b"x" * 16, PASSWORD, "wangxd")
