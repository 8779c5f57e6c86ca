"""Benchmark: household ratings per second of the scheme engine against the hand-written
reference function (app.rating.reference), both measured in this process on the same
synthetic records.

    python -m bench.bench_rating      (or: python bench/bench_rating.py)
"""
from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta
from typing import Any, Callable

from app.domain.idnumber import make_id_number
from app.rating.engine import rate
from app.rating.reference import reference_rating
from app.rating.scheme import find_scheme

TARGET_PER_SECOND = 10_000
ON = date(2024, 6, 1)
KINDS = ["public_order", "illegal_construction", "environment", "elder_neglect", "loan_misuse"]
LEVELS = ["county_or_above", "township", "village"]


def synthetic_households(count: int, seed: int = 20240601) -> list[dict[str, Any]]:
    """``count`` varied, complete, consented household records (money as data-standard strings)."""
    rng = random.Random(seed)

    def money(high: int) -> str:
        return f"{rng.randrange(high)}.{rng.randrange(100):02d}"

    def day_within(years: int) -> str:
        return (ON - timedelta(days=rng.randrange(years * 365))).isoformat()

    records = []
    for index in range(count):
        birth = ON - timedelta(days=rng.randrange(18 * 365, 80 * 365))
        records.append({
            "record_type": "household", "id": f"bench-{index}",
            "head_id_number": make_id_number("440522", birth, rng.randrange(1000), "male"),
            "head_education": rng.choice(["college", "high_school", "junior_high", "primary", "none"]),
            "head_health": rng.choice(["healthy", "chronic", "disabled", "serious_illness"]),
            "head_is_labour": rng.random() < 0.9,
            "members": [{"name": "成员", "relation": "child", "is_labour": rng.random() < 0.6}
                        for _ in range(rng.randrange(5))],
            "years_resident": rng.randrange(40), "business_type": "crops", "business_years": rng.randrange(30),
            "land": [{"kind": rng.choice(["farmland", "orchard", "homestead"]),
                      "area_mu": f"{rng.randrange(30)}.{rng.randrange(100):02d}", "tenure": "contracted"}
                     for _ in range(rng.randrange(1, 4))],
            "annual_net_income": money(300_000), "total_assets": money(2_000_000),
            "loans": [{"lender": "农商行", "kind": "bank", "principal": "50000.00", "balance": money(200_000),
                       "overdue_days": rng.choice([0, 0, 0, 0, 15, 120])} for _ in range(rng.randrange(3))],
            "other_debts": money(50_000), "overdue_times_3y": rng.randrange(4),
            "agri_insurance": rng.random() < 0.5, "pension_insured": rng.random() < 0.7,
            "coop_member": rng.random() < 0.3, "volunteer_times_year": rng.randrange(5),
            "fee_arrears_months": rng.randrange(6),
            "honours": [{"title": "文明家庭", "level": rng.choice(LEVELS), "date": day_within(5)}
                        for _ in range(rng.randrange(3))],
            "penalties": [{"kind": rng.choice(KINDS), "date": day_within(7), "source": "镇政府"}
                          for _ in range(rng.choice([0, 0, 0, 1, 2]))],
            "dishonest_debtor": rng.random() < 0.02, "debt_evasion_5y": rng.random() < 0.01,
            "criminal_record_5y": rng.random() < 0.01, "false_information": rng.random() < 0.01,
            "consent": {"signed": True, "date": "2024-01-05", "collector": "王信贷"},
        })
    return records


def _per_second(work: Callable[[dict[str, Any]], object], records: list[dict[str, Any]], rounds: int) -> float:
    """The best of ``rounds`` passes over ``records``, in records per second."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for record in records:
            work(record)
        best = min(best, time.perf_counter() - start)
    return len(records) / best


def run(count: int | None = None, rounds: int = 3) -> list[dict[str, Any]]:
    """Rows ``{name, value, unit, target, baseline, ratio, note}``; ratio = engine / reference speed.

    ``count`` synthetic households (5,000; 500 with ``BENCH_QUICK=1``), best of ``rounds`` passes.
    """
    count = count or (500 if os.environ.get("BENCH_QUICK") == "1" else 5_000)
    scheme = find_scheme("household-default", 1)
    records = synthetic_households(count)
    engine = _per_second(lambda r: rate(r, scheme, ON), records, rounds)
    reference = _per_second(lambda r: reference_rating(r, ON), records, rounds)
    return [{"name": "engine household ratings per second", "value": round(engine, 1), "unit": "ratings/s",
             "target": f"≥ {TARGET_PER_SECOND:,}/s", "baseline": round(reference, 1),
             "ratio": round(engine / reference, 3),
             "note": "baseline: hand-written if/else scoring (app.rating.reference), same records; "
                     "engine reasons are formatted when read"}]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']:,.0f} {row['unit']} (target {row['target']}; "
              f"reference {row['baseline']:,.0f}; ratio {row['ratio']:.2f})")
