"""Password hashing (argon2id) and the password policy.

Hashes are argon2id PHC strings (``$argon2id$v=19$m=19456,t=2,p=1$...``) that carry
their own salt and parameters, so raising the parameters later only needs
:func:`needs_rehash` at the next successful login. The parameters are OWASP's
minimum for argon2id: 19 MiB of memory (19456 KiB), 2 passes, 1 lane, which costs
a few tens of milliseconds on a field laptop and makes guessing slow on a stolen one.

Passwords are normalised with NFKC before hashing (:func:`password_bytes`), because
Chinese input methods switch easily into full-width mode: ``Ａｂｃ１２３`` and
``Abc123`` are the same password to the person typing it, and must be to us too.
The key derivation in :mod:`app.security.keys` uses the same bytes.
"""
from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.security.errors import make_problem

MEMORY_COST_KIB = 19456  # OWASP minimum for argon2id (19 MiB)
TIME_COST = 2
PARALLELISM = 1
HASH_LENGTH = 32  # bytes
SALT_LENGTH = 16  # bytes
MIN_PASSWORD_LENGTH = 8  # characters (code points after NFKC), Chinese characters count one each

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_COST_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_LENGTH,
    salt_len=SALT_LENGTH,
    type=Type.ID,
)


def normalize_password(password: str) -> str:
    """The password as it is hashed: NFKC-normalised (full-width forms become ASCII)."""
    return unicodedata.normalize("NFKC", password)


def password_bytes(password: str) -> bytes:
    """The UTF-8 bytes of the normalised password, the input of every argon2 call."""
    return normalize_password(password).encode("utf-8")


def hash_password(password: str) -> str:
    """An argon2id PHC string for ``password`` with a fresh random salt."""
    return _HASHER.hash(password_bytes(password))


def verify_password(password_hash: str, password: str) -> bool:
    """True if ``password`` matches ``password_hash``; False on mismatch or an unreadable hash."""
    try:
        return _HASHER.verify(password_hash, password_bytes(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        # A damaged hash in the database must refuse the login, not crash it.
        return False


def needs_rehash(password_hash: str) -> bool:
    """True if the hash was made with other parameters than today's (rehash after login)."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True


def check_password_policy(password: str, username: str | None = None) -> list[Problem]:
    """The policy problems of a new password (empty list if it is acceptable).

    Rules: at least 8 characters, not only digits (birthdays and phone numbers are the
    first guesses), not the user name (compared without case or surrounding spaces).
    """
    text = normalize_password(password)
    problems = []
    if len(text) < MIN_PASSWORD_LENGTH:
        problems.append(make_problem("password", "password.too_short", QT_TRANSLATE_NOOP(
            "problems", "密码至少需要{minimum}个字符，现在只有{length}个"),
            minimum=MIN_PASSWORD_LENGTH, length=len(text)))
    if text and text.isdigit():
        problems.append(make_problem("password", "password.all_digits", QT_TRANSLATE_NOOP(
            "problems", "密码不能全是数字（生日、电话号码很容易被猜到），请加入字母或符号")))
    if username and _same_name(text, username):
        problems.append(make_problem("password", "password.equals_username", QT_TRANSLATE_NOOP(
            "problems", "密码不能与用户名相同")))
    return problems


def _same_name(password: str, username: str) -> bool:
    name = unicodedata.normalize("NFKC", username).strip().casefold()
    return password.strip().casefold() == name
