"""Every indicator and band edge of household-default version 1, one field changed at a time."""
from __future__ import annotations

from decimal import Decimal

import pytest

from rating_samples import ON, head_id, points, rate_household, years_before

D = Decimal


def _land(mu: str) -> list[dict]:
    return [{"kind": "farmland", "area_mu": mu, "tenure": "contracted"}]


def _labour(count: int) -> dict:
    """Head counts as labour when count ≥ 1; the rest are members."""
    members = [{"name": "成员", "relation": "child", "is_labour": True} for _ in range(max(count - 1, 0))]
    members.append({"name": "老人", "relation": "parent", "is_labour": False})
    return {"head_is_labour": count >= 1, "members": members}


BASE_CASES = [
    # (indicator, changes, expected points)
    *[("B1", {"head_id_number": head_id(age)}, pts) for age, pts in [
        (17, 1), (18, 5), (24, 5), (25, 8), (55, 8), (56, 5), (60, 5), (61, 3), (65, 3), (66, 1), (80, 1)]],
    *[("B2", {"head_health": code}, pts) for code, pts in [
        ("healthy", 6), ("chronic", 3), ("disabled", 1), ("serious_illness", 0)]],
    *[("B3", {"head_education": code}, pts) for code, pts in [
        ("college", 6), ("high_school", 5), ("junior_high", 4), ("primary", 2), ("none", 1)]],
    *[("B4", _labour(n), pts) for n, pts in [(0, 0), (1, 3), (2, 6), (3, 8), (5, 8)]],
    *[("B5", {"years_resident": y}, pts) for y, pts in [(0, 2), (4, 2), (5, 4), (9, 4), (10, 6), (40, 6)]],
    *[("B6", {"business_years": y}, pts) for y, pts in [(0, 0), (1, 2), (2, 2), (3, 4), (4, 4), (5, 6)]],
    *[("B7", {"annual_net_income": m}, pts) for m, pts in [
        ("0.00", 0), ("9999.99", 0), ("10000.00", 3), ("29999.99", 3), ("30000.00", 6),
        ("49999.99", 6), ("50000.00", 9), ("99999.99", 9), ("100000.00", 12), ("199999.99", 12),
        ("200000.00", 15), ("-5000.00", 0)]],
    # total assets 1,500,000 in the sample: net assets = 1,500,000 − other debts
    *[("B8", {"total_assets": a, "other_debts": "0.00"}, pts) for a, pts in [
        ("49999.99", 0), ("50000.00", 3), ("99999.99", 3), ("100000.00", 6), ("199999.99", 6),
        ("200000.00", 9), ("499999.99", 9), ("500000.00", 12), ("999999.99", 12), ("1000000.00", 15)]],
    ("B8", {"total_assets": "100000.00", "other_debts": "150000.00"}, 0),  # negative net assets
    *[("B9", {"total_assets": "100000.00", "other_debts": debts}, pts) for debts, pts in [
        ("0.00", 12), ("20000.00", 12), ("20000.01", 9), ("40000.00", 9), ("40000.01", 5),
        ("60000.00", 5), ("60000.01", 2), ("80000.00", 2), ("80000.01", 0), ("300000.00", 0)]],
    ("B9", {"total_assets": "0.00"}, 0),
    ("B9", {"total_assets": "100000.00", "other_debts": "10000.00",
            "loans": [{"lender": "农商行", "kind": "bank", "principal": "30000.00", "balance": "10000.01",
                       "overdue_days": 0}]}, 9),  # loans and other debts both count
    *[("B10", {"land": _land(mu)}, pts) for mu, pts in [
        ("0.99", 0), ("1.00", 2), ("4.99", 2), ("5.00", 4), ("9.99", 4), ("10.00", 6), ("19.99", 6),
        ("20.00", 8)]],
    ("B10", {"land": [{"kind": "homestead", "area_mu": "30.00", "tenure": "contracted"}]}, 0),
    ("B10", {"land": [{"kind": "forest", "area_mu": "3.00", "tenure": "leased"},
                      {"kind": "pond", "area_mu": "2.00", "tenure": "contracted"}]}, 4),
    *[("B11", {"overdue_times_3y": n}, pts) for n, pts in [(0, 10), (1, 6), (2, 3), (3, 0), (7, 0)]],
]


@pytest.mark.parametrize(("indicator", "changes", "expected"), BASE_CASES)
def test_household_base_indicator_scores_its_band(indicator, changes, expected):
    assert points(rate_household(**changes), indicator) == D(expected)


def _honour(level: str, days_ago_years: int, extra_days: int = 0) -> dict:
    return {"title": "文明家庭", "level": level,
            "date": years_before(ON, days_ago_years, extra_days).isoformat()}


BONUS_CASES = [
    ("I1", {"honours": [_honour("county_or_above", 1)]}, 3),
    ("I1", {"honours": [_honour("township", 1)]}, 2),
    ("I1", {"honours": [_honour("village", 0)]}, 1),
    ("I1", {"honours": [_honour("township", 1), _honour("village", 2)]}, 3),
    ("I1", {"honours": [_honour("county_or_above", 1), _honour("county_or_above", 2),
                        _honour("township", 0)]}, 6),  # 8 capped at 6
    ("I1", {"honours": [_honour("county_or_above", 3, 1)]}, 3),  # one day short of 3 years: counts
    ("I1", {"honours": [_honour("county_or_above", 3)]}, 0),  # exactly 3 years old: no longer counts
    ("I2", {"agri_insurance": True}, 2), ("I2", {"agri_insurance": False}, 0),
    ("I3", {"coop_member": True}, 2), ("I3", {"coop_member": False}, 0),
    ("I4", {"volunteer_times_year": 1}, 0), ("I4", {"volunteer_times_year": 2}, 1),
    ("I4", {"volunteer_times_year": 9}, 1),
    ("I5", {"pension_insured": True}, 1), ("I5", {"pension_insured": False}, 0),
]


@pytest.mark.parametrize(("indicator", "changes", "expected"), BONUS_CASES)
def test_household_bonus_indicator_adds_its_points(indicator, changes, expected):
    assert points(rate_household(**changes), indicator) == D(expected)


def _penalty(kind: str, years_ago: int = 1, extra_days: int = 0) -> dict:
    return {"kind": kind, "date": years_before(ON, years_ago, extra_days).isoformat(), "source": "镇综治办"}


PENALTY_CASES = [
    ("P1", [_penalty("public_order")], -5), ("P1", [_penalty("public_order")] * 2, -10),
    ("P2", [_penalty("illegal_construction")], -5),
    ("P3", [_penalty("environment")], -2), ("P3", [_penalty("environment", 2), _penalty("environment", 3)], -4),
    ("P4", [_penalty("elder_neglect")], -10),
    ("P5", [_penalty("loan_misuse")], -5), ("P5", [_penalty("private_default")], -5),
    ("P5", [_penalty("guarantor_default"), _penalty("loan_misuse", 2)], -10),
    ("P2", [_penalty("illegal_construction", 5, 1)], -5),  # a day short of five years: counts
    ("P2", [_penalty("illegal_construction", 5)], 0),  # five years old on the rating date: ignored
    ("P2", [_penalty("public_order")], 0),  # another kind does not count here
]


@pytest.mark.parametrize(("indicator", "penalties", "expected"), PENALTY_CASES)
def test_household_penalty_event_deducts_per_event_within_five_years(indicator, penalties, expected):
    assert points(rate_household(penalties=penalties), indicator) == D(expected)


def _loan(days: int) -> list[dict]:
    return [{"lender": "农商行", "kind": "bank", "principal": "10000.00", "balance": "5000.00",
             "overdue_days": days}]


@pytest.mark.parametrize(("indicator", "changes", "expected"), [
    ("P6", {"fee_arrears_months": 2}, 0), ("P6", {"fee_arrears_months": 3}, -3),
    ("P6", {"fee_arrears_months": 12}, -3),
    ("P7", {"loans": _loan(0)}, 0), ("P7", {"loans": _loan(1)}, -10), ("P7", {"loans": _loan(90)}, -10),
    ("P7", {"loans": _loan(0) + _loan(30)}, -10),
])
def test_household_fee_arrears_and_current_overdue_deduct(indicator, changes, expected):
    assert points(rate_household(**changes), indicator) == D(expected)


def test_full_marks_household_scores_one_hundred_and_gets_the_top_line():
    result = rate_household()
    assert (result.base, result.bonus, result.penalty, result.score) == (D(100), D(0), D(0), D(100))
    assert result.grade == "AAA" and result.credit_household
    assert result.credit_line == D("200000.00")
