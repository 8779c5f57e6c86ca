"""Land areas are mu with at most two decimals, never negative, never float."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.area import parse_area
from app.domain.problems import DomainError


@pytest.mark.parametrize(("raw", "mu"), [
    ("12.5", "12.50"), ("0", "0.00"), ("3亩", "3.00"), ("１２．５", "12.50"),
    ("1,200", "1200.00"), (7, "7.00"), (Decimal("0.25"), "0.25"),
])
def test_areas_become_two_place_decimals_of_mu(raw, mu):
    assert str(parse_area(raw, field="land[0].area_mu")) == mu


@pytest.mark.parametrize(("raw", "code"), [
    (12.5, "area.float"), ("-1", "area.negative"), ("0.125", "area.decimals"),
    ("", "area.empty"), ("十亩", "area.format"), ("12,5", "area.format"),
])
def test_refused_areas_say_why_in_the_areas_own_words(raw, code):
    with pytest.raises(DomainError) as caught:
        parse_area(raw, field="land[0].area_mu")
    problem = caught.value.problem
    assert (problem.code, problem.field) == (code, "land[0].area_mu")
    assert "面积" in problem.message
