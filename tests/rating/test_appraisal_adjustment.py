"""The village appraisal group's adjustment of a computed score (at most ±5 points)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.rating.engine import apply_adjustment
from app.rating.errors import AdjustmentError
from app.rating.result import RatingResult
from rating_samples import COOPERATIVE, HOUSEHOLD, rate_household

D = Decimal
AA_84 = {"overdue_times_3y": 3, "years_resident": 0, "head_education": "junior_high"}  # score 84


@pytest.mark.parametrize(("points", "score", "grade", "line"), [
    (D("1"), D("85"), "AAA", D("200000")), (D("-5"), D("79"), "AA", D("100000")),
    (D("5"), D("89"), "AAA", D("200000")), (D("-4.5"), D("79.5"), "AA", D("100000")),
    (D("0"), D("84"), "AA", D("100000")),
])
def test_adjustment_moves_the_score_and_regrades(points, score, grade, line):
    adjusted = apply_adjustment(rate_household(**AA_84), points, HOUSEHOLD, reason="评议小组一致认可")
    assert (adjusted.score, adjusted.grade, adjusted.credit_line, adjusted.adjustment) == (score, grade, line, points)
    assert adjusted.to_json()["adjustment_reason"] == "评议小组一致认可"


@pytest.mark.parametrize("points", [D("5.01"), D("-5.01"), D("6"), D("0.001"), 2.5])
def test_adjustment_beyond_the_bound_or_not_in_points_is_refused(points):
    with pytest.raises(AdjustmentError):
        apply_adjustment(rate_household(**AA_84), points, HOUSEHOLD)


def test_a_new_adjustment_replaces_the_earlier_one_instead_of_adding_up():
    once = apply_adjustment(rate_household(**AA_84), D(5), HOUSEHOLD)
    twice = apply_adjustment(once, D(5), HOUSEHOLD)
    assert twice.score == D(89) and twice.adjustment == D(5)


def test_adjustment_never_lifts_the_score_above_one_hundred():
    assert apply_adjustment(rate_household(), D(5), HOUSEHOLD).score == D(100)


def test_a_vetoed_result_stays_c_after_adjustment():
    adjusted = apply_adjustment(rate_household(false_information=True), D(5), HOUSEHOLD)
    assert adjusted.grade == "C" and not adjusted.credit_household and adjusted.credit_line == 0


def test_adjustment_can_push_a_household_out_of_credit():
    environment = {"kind": "environment", "date": "2024-01-01", "source": "镇环保站"}
    # 84 − 8 (no land) − 6 (no business years) − 3 (fee arrears) − 4 (two environment fines) = 63
    result = rate_household(**{**AA_84, "land": [], "business_years": 0, "fee_arrears_months": 3,
                               "penalties": [environment, environment]})
    assert (result.score, result.grade, result.credit_household) == (D(63), "A", True)
    adjusted = apply_adjustment(result, D(-5), HOUSEHOLD)
    assert (adjusted.score, adjusted.grade, adjusted.credit_household, adjusted.credit_line) == \
        (D(58), "B", False, D(0))


def test_unrated_results_and_other_schemes_are_refused():
    with pytest.raises(AdjustmentError, match="授权"):
        apply_adjustment(rate_household(consent={"signed": False}), D(1), HOUSEHOLD)
    with pytest.raises(AdjustmentError, match="household-default@1"):
        apply_adjustment(rate_household(), D(1), COOPERATIVE)


def test_a_stored_result_read_back_from_json_can_be_adjusted_the_same_way():
    result = rate_household(**AA_84)
    stored = RatingResult.from_json(result.to_json())
    assert stored == result
    assert apply_adjustment(stored, D(1), HOUSEHOLD) == apply_adjustment(result, D(1), HOUSEHOLD)
