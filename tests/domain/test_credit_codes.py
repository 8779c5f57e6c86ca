"""Unified social credit codes: GB 32100 check character and the characters allowed."""
from __future__ import annotations

import pytest

from app.domain.problems import DomainError
from app.domain.uscc import make_uscc, normalize_uscc, parse_uscc

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def gb32100_check(first17: str) -> str:
    """The check character by the standard's formula, independent of the code under test."""
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def refusal(raw: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        parse_uscc(raw, field="uscc")
    return caught.value


FIRST17 = [
    "93445122MA4W12345",  # a farmers' cooperative (9 = market regulation, 3 = cooperative)
    "91110000600037341",  # python-stdnum's documented example, 91110000600037341L
    "N2445102MA5X00001",  # a rural collective economic organisation
    "12445100000000000",
]


def test_the_independent_check_agrees_with_a_published_example():
    assert gb32100_check("91110000600037341") == "L"


@pytest.mark.parametrize("first17", FIRST17)
def test_made_codes_carry_the_standard_check_character_and_are_accepted(first17):
    code = make_uscc(first17)
    assert code == first17 + gb32100_check(first17)
    assert parse_uscc(code) == code


@pytest.mark.parametrize("first17", FIRST17)
def test_every_wrong_check_character_is_refused_with_the_right_one_named(first17):
    right = gb32100_check(first17)
    for wrong in ALPHABET.replace(right, ""):
        problem = refusal(first17 + wrong).problem
        assert problem.code == "uscc.checksum"
        assert problem.params["expected"] == right


@pytest.mark.parametrize("raw", [" 93445122-MA4W12345", "９３４４５１２２ｍａ４ｗ１２３４５"])
def test_spaces_hyphens_lower_case_and_full_width_are_normalised(raw):
    code = make_uscc("93445122MA4W12345")
    assert parse_uscc(raw + code[17]) == code
    assert normalize_uscc(raw) == "93445122MA4W12345"


@pytest.mark.parametrize("raw", ["", "9344512", "93445122MA4W1234", "93445122MA4W1234567"])
def test_wrong_lengths_are_refused(raw):
    problem = refusal(raw).problem
    assert problem.code == "uscc.length"
    assert problem.params["length"] == len(raw)


@pytest.mark.parametrize(("raw", "position", "suggestion"), [
    ("93445122MA4WO2345X", 13, "0"),
    ("93445122MA4WI2345X", 13, "1"),
    ("93445122MA4WS2345X", 13, "5"),
])
def test_look_alike_letters_are_refused_with_the_digit_they_probably_are(raw, position, suggestion):
    problem = refusal(raw).problem
    assert problem.code == "uscc.characters"
    assert (problem.params["position"], problem.params["suggestion"]) == (position, suggestion)


@pytest.mark.parametrize(("raw", "position"), [
    ("93A45122MA4W12345X", 3),   # the region code must be digits
    ("93445122MA4W1234*X", 17),
])
def test_other_bad_characters_are_refused_by_position(raw, position):
    problem = refusal(raw).problem
    assert problem.code == "uscc.characters"
    assert problem.params["position"] == position


@pytest.mark.parametrize("first17", ["9344512", "93445122MA4WO2345"])
def test_make_uscc_refuses_what_cannot_be_a_code(first17):
    with pytest.raises(ValueError):
        make_uscc(first17)
