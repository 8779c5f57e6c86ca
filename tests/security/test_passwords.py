"""Passwords are hashed with argon2id at OWASP's minimum and checked against a simple policy."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from app.security.passwords import check_password_policy, hash_password, needs_rehash, verify_password


def test_hash_is_argon2id_with_at_least_owasp_parameters():
    parts = hash_password("田间地头2024").split("$")
    assert parts[1] == "argon2id"
    params = dict(item.split("=") for item in parts[3].split(","))
    assert int(params["m"]) >= 19456 and int(params["t"]) >= 2 and params["p"] == "1"


def test_the_right_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password("田间地头2024")
    assert verify_password(stored, "田间地头2024") is True
    assert verify_password(stored, "田间地头2025") is False


def test_two_hashes_of_one_password_differ_because_each_has_its_own_salt():
    assert hash_password("same-password") != hash_password("same-password")


def test_full_width_input_from_a_chinese_ime_matches_the_ascii_password():
    stored = hash_password("Abc12345")
    assert verify_password(stored, "Ａｂｃ１２３４５") is True


@pytest.mark.parametrize("damaged", ["", "not a hash", "$argon2id$v=19$m=19456,t=2,p=1$broken"])
def test_a_damaged_stored_hash_refuses_the_login_instead_of_crashing(damaged):
    assert verify_password(damaged, "anything1") is False


def test_a_current_hash_needs_no_rehash_but_a_weaker_or_unreadable_one_does():
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID).hash("pw")
    assert needs_rehash(hash_password("pw")) is False
    assert needs_rehash(weak) is True
    assert needs_rehash("garbage") is True


@pytest.mark.parametrize("password, username, expected_codes", [
    ("Abc12345", "zhangsan", []),
    ("农户信用好好好好", "zhangsan", []),
    ("Ab1", "zhangsan", ["password.too_short"]),
    ("", "zhangsan", ["password.too_short"]),
    ("12345678", "zhangsan", ["password.all_digits"]),
    ("１２３４５６７８", "zhangsan", ["password.all_digits"]),
    ("1234", "zhangsan", ["password.too_short", "password.all_digits"]),
    ("zhangsan", "zhangsan", ["password.equals_username"]),
    ("ZhangSan ", "zhangsan", ["password.equals_username"]),
    ("zhangsan", None, []),
    ("19880101", "19880101", ["password.all_digits", "password.equals_username"]),
])
def test_password_policy_reports_each_broken_rule(password, username, expected_codes):
    problems = check_password_policy(password, username)
    assert [problem.code for problem in problems] == expected_codes
    assert all(problem.field == "password" for problem in problems)


def test_policy_messages_are_chinese_with_the_numbers_filled_in():
    (problem,) = check_password_policy("Ab1", "zhangsan")
    assert problem.message == "密码至少需要8个字符，现在只有3个"
