"""12-digit statistical division codes: which are codes, their level and their parents."""
from __future__ import annotations

import pytest

from app.domain.divisions import county_of, is_division_code, level_of, township_of


@pytest.mark.parametrize(("code", "valid"), [
    ("445102100201", True), ("445102000000", True), ("44510210020", False),
    ("4451021002011", False), ("44510210020A", False), ("４４５１０２１００２０１", False), ("", False),
])
def test_division_codes_are_twelve_ascii_digits(code, valid):
    assert is_division_code(code) is valid


@pytest.mark.parametrize(("code", "level", "county", "township"), [
    ("445102000000", "county", "445102", "445102000000"),
    ("445102100000", "township", "445102", "445102100000"),
    ("445102100201", "village", "445102", "445102100000"),
    ("445122001001", "village", "445122", "445122001000"),
])
def test_level_and_parents_follow_from_the_digits(code, level, county, township):
    assert level_of(code) == level
    assert county_of(code) == county
    assert township_of(code) == township


@pytest.mark.parametrize("function", [level_of, county_of, township_of])
def test_a_malformed_code_is_a_programming_error(function):
    with pytest.raises(ValueError):
        function("4451")
