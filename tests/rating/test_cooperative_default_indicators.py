"""Every indicator and band edge of cooperative-default version 1."""
from __future__ import annotations

from decimal import Decimal

import pytest

from rating_samples import ON, USCC, item, points, rate_cooperative, years_before

D = Decimal


def _registered(years: int, days: int = 0) -> dict:
    return {"registered_on": years_before(ON, years, days).isoformat()}


BASE_CASES = [
    ("C1", _registered(0), 1), ("C1", _registered(1, 1), 1),  # one day short of a year
    ("C1", _registered(1), 3), ("C1", _registered(2), 3), ("C1", _registered(3), 6),
    ("C1", _registered(4), 6), ("C1", _registered(5), 8), ("C1", _registered(20), 8),
    *[("C2", {"members_count": n}, pts) for n, pts in [
        (4, 0), (5, 2), (19, 2), (20, 4), (49, 4), (50, 6), (99, 6), (100, 8)]],
    *[("C3", {"annual_revenue": m}, pts) for m, pts in [
        ("0.00", 2), ("99999.99", 2), ("100000.00", 5), ("499999.99", 5), ("500000.00", 8),
        ("999999.99", 8), ("1000000.00", 11), ("4999999.99", 11), ("5000000.00", 14)]],
    ("C4", {"assembly_held": True}, 8), ("C4", {"assembly_held": False}, 0),
    ("C5", {"finance_disclosed": True}, 7), ("C5", {"finance_disclosed": False}, 0),
    ("C6", {"standard_accounting": True}, 5), ("C6", {"standard_accounting": False}, 0),
    ("C7", {"surplus_returned": True}, 5), ("C7", {"surplus_returned": False}, 0),
    # liabilities 0 so that net assets = total assets
    *[("C8", {"total_assets": a, "total_liabilities": "0.00"}, pts) for a, pts in [
        ("99999.99", 2), ("100000.00", 5), ("499999.99", 5), ("500000.00", 8), ("999999.99", 8),
        ("1000000.00", 10), ("1999999.99", 10), ("2000000.00", 12)]],
    ("C8", {"total_assets": "100000.00", "total_liabilities": "300000.00"}, 2),
    *[("C9", {"total_assets": "1000000.00", "total_liabilities": debts}, pts) for debts, pts in [
        ("0.00", 12), ("300000.00", 12), ("300000.01", 9), ("500000.00", 9), ("500000.01", 5),
        ("700000.00", 5), ("700000.01", 0)]],
    ("C9", {"total_assets": "0.00", "total_liabilities": "0.00"}, 0),
    *[("C10", {"net_profit": m}, pts) for m, pts in [("-0.01", 0), ("0.00", 5), ("0.01", 11), ("-90000.00", 0)]],
    *[("C11", {"overdue_times_3y": n}, pts) for n, pts in [(0, 10), (1, 5), (2, 0), (5, 0)]],
]


@pytest.mark.parametrize(("indicator", "changes", "expected"), BASE_CASES)
def test_cooperative_base_indicator_scores_its_band(indicator, changes, expected):
    assert points(rate_cooperative(**changes), indicator) == D(expected)


@pytest.mark.parametrize(("indicator", "changes", "expected"), [
    *[("D1", {"demo_level": lv}, pts) for lv, pts in [
        ("national", 5), ("provincial", 4), ("city", 3), ("county", 2), ("none", 0)]],
    ("D2", {"certifications": []}, 0), ("D2", {"certifications": ["organic"]}, 1),
    ("D2", {"certifications": ["organic", "green_food", "geo_indication", "registered_brand"]}, 4),
])
def test_cooperative_bonus_indicator_adds_its_points(indicator, changes, expected):
    assert points(rate_cooperative(**changes), indicator) == D(expected)


def test_cooperative_bonus_is_capped_at_eight():
    result = rate_cooperative(demo_level="national",
                              certifications=["organic", "green_food", "geo_indication", "registered_brand"])
    assert result.bonus == D(8)
    assert item(result, "bonus_cap").points == D(-1)


def _penalty(kind: str, years: int, days: int = 0) -> dict:
    return {"kind": kind, "date": years_before(ON, years, days).isoformat(), "source": "市场监管局"}


@pytest.mark.parametrize(("indicator", "penalties", "expected"), [
    ("Q1", [_penalty("admin_penalty", 1)], -5), ("Q1", [_penalty("admin_penalty", 1)] * 3, -15),
    ("Q2", [_penalty("abnormal_operation", 4)], -10),
    ("Q2", [_penalty("abnormal_operation", 5, 1)], -10), ("Q2", [_penalty("abnormal_operation", 5)], 0),
])
def test_cooperative_penalty_deducts_within_five_years(indicator, penalties, expected):
    assert points(rate_cooperative(penalties=penalties), indicator) == D(expected)


def test_cooperative_penalties_are_capped_at_thirty():
    result = rate_cooperative(penalties=[_penalty("abnormal_operation", 1)] * 4)
    assert result.penalty == D(30) and result.score == D(70) and result.grade == "A"


@pytest.mark.parametrize(("field", "entry_kind", "veto"), [
    ("serious_dishonest_list", "serious_dishonest", "V1"), ("dishonest_debtor", "dishonest_debtor", "V2")])
def test_cooperative_on_a_list_is_vetoed_by_field_or_platform_entry(field, entry_kind, veto):
    by_field = rate_cooperative(**{field: True})
    entry = {"record_type": "blacklist_entry", "uscc": USCC, "kind": entry_kind,
             "case_number": "(2023)粤5122执100号", "court_or_agency": "潮安区人民法院", "listed_on": "2023-01-01"}
    by_entry = rate_cooperative(events=(entry,))
    for result in (by_field, by_entry):
        assert result.vetoes == (veto,) and result.grade == "C" and not result.credit_household


def test_cooperative_debt_evasion_is_vetoed():
    assert rate_cooperative(debt_evasion_5y=True).vetoes == ("V3",)


@pytest.mark.parametrize(("revenue", "expected_line"), [
    ("8000000.00", "1000000.00"),  # half is 4,000,000: the grade's line
    ("1500000.00", "750000.00"),  # half of revenue
    ("1234567.89", "617000.00"),  # half is 617,283.945: rounded down to 1,000
])
def test_cooperative_credit_line_is_at_most_half_of_revenue(revenue, expected_line):
    result = rate_cooperative(annual_revenue=revenue)
    assert result.grade == "AAA"
    assert result.credit_line == D(expected_line)
