"""Credit village and credit township criteria of the default household scheme."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.rating.villages import TownshipStats, VillageStats, evaluate_township, evaluate_village
from rating_samples import COOPERATIVE, HOUSEHOLD

GOOD = dict(registered_households=100, filed_households=90, credit_households=63, borrowing_households=50,
            borrowing_without_overdue=45, loan_balance_fen=100_000_000, overdue_balance_fen=3_000_000)


def test_village_exactly_on_every_threshold_is_a_credit_village():
    result = evaluate_village(VillageStats(**GOOD), HOUSEHOLD)
    assert result.is_credit_village and result.failures == ()
    assert (result.filed_ratio, result.credit_household_ratio, result.no_overdue_ratio, result.npl_ratio) == \
        (Decimal("0.9"), Decimal("0.7"), Decimal("0.9"), Decimal("0.03"))


@pytest.mark.parametrize(("changes", "criterion", "words"), [
    ({"filed_households": 89, "credit_households": 62}, "filed_ratio", ["建档户数占登记户数 89%", "低于 90%"]),
    ({"credit_households": 62}, "credit_household_ratio", ["信用户占建档户数 68.89%", "低于 70%"]),
    ({"borrowing_without_overdue": 44}, "no_overdue_ratio", ["无逾期户占 88%"]),
    ({"overdue_balance_fen": 3_000_001}, "npl_ratio", ["不良贷款率 3%", "高于 3%"]),
    ({"registered_households": 0, "filed_households": 0, "credit_households": 0}, "filed_ratio", ["登记户数为 0"]),
])
def test_village_missing_a_criterion_names_it_in_chinese(changes, criterion, words):
    result = evaluate_village(VillageStats(**{**GOOD, **changes}), HOUSEHOLD)
    assert not result.is_credit_village
    assert criterion in [f.criterion for f in result.failures]
    message = next(f.message for f in result.failures if f.criterion == criterion)
    for word in words:
        assert word in message, message


def test_village_failing_everything_lists_every_criterion():
    stats = VillageStats(100, 50, 10, 10, 5, 1_000, 500)
    criteria = [f.criterion for f in evaluate_village(stats, HOUSEHOLD).failures]
    assert criteria == ["filed_ratio", "credit_household_ratio", "no_overdue_ratio", "npl_ratio"]


def test_village_without_borrowers_or_loans_meets_the_loan_criteria():
    stats = VillageStats(**{**GOOD, "borrowing_households": 0, "borrowing_without_overdue": 0,
                            "loan_balance_fen": 0, "overdue_balance_fen": 0})
    result = evaluate_village(stats, HOUSEHOLD)
    assert result.is_credit_village and result.no_overdue_ratio is None and result.npl_ratio == 0


@pytest.mark.parametrize("changes", [{"filed_households": 101}, {"credit_households": 91},
                                     {"overdue_balance_fen": 200_000_000}, {"loan_balance_fen": -1},
                                     {"registered_households": 1.5}])
def test_impossible_village_counts_are_refused(changes):
    with pytest.raises(ValueError, match="统计数字不合理"):
        evaluate_village(VillageStats(**{**GOOD, **changes}), HOUSEHOLD)


@pytest.mark.parametrize(("stats", "passes", "failing"), [
    (TownshipStats(10, 5, 1_000_000, 30_000), True, []),
    (TownshipStats(10, 4, 1_000_000, 30_000), False, ["credit_village_ratio"]),
    (TownshipStats(10, 5, 1_000_000, 30_001), False, ["npl_ratio"]),
    (TownshipStats(0, 0, 0, 0), False, ["credit_village_ratio"]),
])
def test_credit_township_needs_half_its_villages_and_a_low_npl_ratio(stats, passes, failing):
    result = evaluate_township(stats, HOUSEHOLD)
    assert result.is_credit_township is passes
    assert [f.criterion for f in result.failures] == failing


def test_a_scheme_without_village_criteria_cannot_evaluate_villages():
    with pytest.raises(ValueError, match="cooperative-default@1"):
        evaluate_village(VillageStats(**GOOD), COOPERATIVE)
