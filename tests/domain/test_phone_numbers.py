"""Mainland phone numbers are normalised to one form, or refused with a hint."""
from __future__ import annotations

import pytest

from app.domain.phone import parse_phone, split_landline
from app.domain.problems import DomainError


@pytest.mark.parametrize(("raw", "normalised"), [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("008613812345678", "13812345678"),
    ("１９９１２３４５６７８", "19912345678"),
    ("0768-2345678", "0768-2345678"),
    ("0768 22345678", "0768-22345678"),
    ("(0768)22345678", "0768-22345678"),
    ("（0768）22345678", "0768-22345678"),
    ("076822345678", "0768-22345678"),
    ("010-87654321", "010-87654321"),
    ("01087654321", "010-87654321"),
    ("02087654321", "020-87654321"),
    ("0768-2234-5678", "0768-22345678"),
    ("0768-22345678-123", "0768-22345678-123"),
    ("0768-22345678转123", "0768-22345678-123"),
    ("0768-22345678 分机 8", "0768-22345678-8"),
    ("0768-22345678 ext. 45", "0768-22345678-45"),
    ("0768-22345678#45", "0768-22345678-45"),
])
def test_mobiles_and_landlines_are_normalised(raw, normalised):
    assert parse_phone(raw) == normalised


@pytest.mark.parametrize(("raw", "code"), [
    ("1381234567", "phone.mobile_length"),
    ("138123456789", "phone.mobile_length"),
    ("12812345678", "phone.format"),     # no mobile network starts 12
    ("", "phone.format"),
    ("电话不详", "phone.format"),
    ("0768-123456", "phone.format"),     # subscriber too short
    ("0768-023456789", "phone.format"),  # subscriber cannot start with 0
    ("22345678", "phone.format"),        # a landline needs its area code
])
def test_numbers_that_are_not_phones_are_refused(raw, code):
    with pytest.raises(DomainError) as caught:
        parse_phone(raw, field="head_phone")
    assert caught.value.problem.code == code
    assert caught.value.problem.field == "head_phone"


def test_a_short_mobile_message_names_the_length():
    with pytest.raises(DomainError) as caught:
        parse_phone("1381234567")
    assert "11位" in caught.value.problem.message and "10位" in caught.value.problem.message


@pytest.mark.parametrize(("number", "parts"), [
    ("0768-22345678", ("0768", "22345678", "")),
    ("010-87654321-12", ("010", "87654321", "12")),
])
def test_split_landline_returns_area_subscriber_and_extension(number, parts):
    assert split_landline(number) == parts
