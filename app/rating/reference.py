"""The default household scheme (``household-default`` version 1) written out by hand.

No scheme data, no engine code: plain if/else from ``shared/domain/RATING-SCHEME.md``.
Tests use it as an oracle for the engine, and the benchmark as the baseline. It rates
complete records only (it raises KeyError on a missing field) and ignores platform events.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Mapping

from app.domain.area import parse_area
from app.domain.idnumber import age_on, birth_date_of
from app.domain.money import parse_money

D = Decimal


def reference_rating(record: Mapping[str, Any], on: date) -> dict[str, Any]:
    """Points per indicator, totals, grade, vetoes and credit line, as Decimals and strings."""
    if not (record.get("consent") or {}).get("signed"):
        return {"grade": None, "score": D(0), "vetoes": [], "credit_household": False, "credit_line": D(0)}
    income = parse_money(record["annual_net_income"], field="annual_net_income", allow_negative=True)
    assets = parse_money(record["total_assets"], field="total_assets")
    debts = sum((parse_money(loan["balance"], field="balance") for loan in record["loans"]), D(0))
    debts += parse_money(record.get("other_debts") or "0", field="other_debts")
    overdue_now = max((loan["overdue_days"] for loan in record["loans"]), default=0)
    points = {
        "B1": _age_points(age_on(birth_date_of(record["head_id_number"]), on)),
        "B2": {"healthy": 6, "chronic": 3, "disabled": 1, "serious_illness": 0}[record["head_health"]],
        "B3": {"college": 6, "high_school": 5, "junior_high": 4, "primary": 2, "none": 1}[record["head_education"]],
        "B4": _labour_points(sum(1 for m in record["members"] if m["is_labour"]) + (1 if record["head_is_labour"] else 0)),
        "B5": 6 if record["years_resident"] >= 10 else 4 if record["years_resident"] >= 5 else 2,
        "B6": _business_points(record["business_years"]),
        "B7": _steps(income, [(200000, 15), (100000, 12), (50000, 9), (30000, 6), (10000, 3)]),
        "B8": _steps(assets - debts, [(1000000, 15), (500000, 12), (200000, 9), (100000, 6), (50000, 3)]),
        "B9": _debt_ratio_points(debts, assets),
        "B10": _steps(_operated_land(record["land"]), [(20, 8), (10, 6), (5, 4), (1, 2)]),
        "B11": {0: 10, 1: 6, 2: 3}.get(record["overdue_times_3y"], 0),
    }
    bonus = {
        "I1": min(_honour_points(record["honours"], on), 6),
        "I2": 2 if record["agri_insurance"] else 0,
        "I3": 2 if record["coop_member"] else 0,
        "I4": 1 if record["volunteer_times_year"] >= 2 else 0,
        "I5": 1 if record["pension_insured"] else 0,
    }
    penalty = _penalty_points(record["penalties"], on)
    penalty["P6"] = 3 if record["fee_arrears_months"] >= 3 else 0
    penalty["P7"] = 10 if 1 <= overdue_now <= 90 else 0
    vetoes = _vetoes(record, on, overdue_now)
    base_total = D(sum(points.values()))
    bonus_total = min(D(sum(bonus.values())), D(10))
    penalty_total = min(D(sum(penalty.values())), D(30))
    score = min(max(base_total + bonus_total - penalty_total, D(0)), D(100))
    grade = "C" if vetoes else "AAA" if score >= 85 else "AA" if score >= 75 else "A" if score >= 60 else "B"
    credit = grade in ("AAA", "AA", "A")
    line = D(0)
    if credit:
        line = max(min(D({"AAA": 200000, "AA": 100000, "A": 50000}[grade]), income * 3), D(0))
        line = (line // 1000) * 1000
    return {"points": {**points, **bonus, **{k: -v for k, v in penalty.items()}},
            "base": base_total, "bonus": bonus_total, "penalty": penalty_total, "score": score,
            "grade": grade, "vetoes": vetoes, "credit_household": credit, "credit_line": line}


def _age_points(age: int) -> int:
    if 25 <= age <= 55:
        return 8
    if 18 <= age <= 24 or 56 <= age <= 60:
        return 5
    if 61 <= age <= 65:
        return 3
    return 1


def _labour_points(count: int) -> int:
    return 8 if count >= 3 else 6 if count == 2 else 3 if count == 1 else 0


def _business_points(years: int) -> int:
    return 6 if years >= 5 else 4 if years >= 3 else 2 if years >= 1 else 0


def _steps(value: Decimal, steps: list[tuple[int, int]]) -> int:
    for threshold, points in steps:
        if value >= threshold:
            return points
    return 0


def _debt_ratio_points(debts: Decimal, assets: Decimal) -> int:
    if assets == 0:
        return 0
    ratio = debts / assets
    for limit, points in ((D("0.2"), 12), (D("0.4"), 9), (D("0.6"), 5), (D("0.8"), 2)):
        if ratio <= limit:
            return points
    return 0


def _operated_land(land: list[Mapping[str, Any]]) -> Decimal:
    return sum((parse_area(plot["area_mu"], field="area_mu") for plot in land
                if plot["kind"] != "homestead"), D(0))


def _recent(event_date: str, on: date, years: int) -> bool:
    day = date.fromisoformat(event_date)
    return day <= on and age_on(day, on) < years


def _honour_points(honours: list[Mapping[str, Any]], on: date) -> int:
    worth = {"county_or_above": 3, "township": 2, "village": 1}
    return sum(worth[h["level"]] for h in honours if _recent(h["date"], on, 3))


def _penalty_points(penalties: list[Mapping[str, Any]], on: date) -> dict[str, int]:
    each = {"public_order": ("P1", 5), "illegal_construction": ("P2", 5), "environment": ("P3", 2),
            "elder_neglect": ("P4", 10), "loan_misuse": ("P5", 5), "private_default": ("P5", 5),
            "guarantor_default": ("P5", 5)}
    totals = {"P1": 0, "P2": 0, "P3": 0, "P4": 0, "P5": 0}
    for penalty in penalties:
        if penalty["kind"] in each and _recent(penalty["date"], on, 5):
            indicator, points = each[penalty["kind"]]
            totals[indicator] += points
    return totals


def _vetoes(record: Mapping[str, Any], on: date, overdue_now: int) -> list[str]:
    kinds = {p["kind"] for p in record["penalties"] if _recent(p["date"], on, 5)}
    vetoes = []
    if record.get("dishonest_debtor"):
        vetoes.append("V1")
    if record["debt_evasion_5y"] or "debt_evasion" in kinds:
        vetoes.append("V2")
    if overdue_now > 90:
        vetoes.append("V3")
    if record["criminal_record_5y"] or "criminal_conviction" in kinds:
        vetoes.append("V4")
    if record["false_information"]:
        vetoes.append("V5")
    return vetoes
