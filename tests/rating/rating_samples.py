"""Records for rating tests: a complete household and cooperative that score full marks,
changed one field at a time, and hypothesis strategies for random valid households."""
from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from app.domain.idnumber import make_id_number
from app.domain.uscc import make_uscc
from app.rating.engine import rate
from app.rating.result import RatingResult
from app.rating.scheme import find_scheme

ON = date(2024, 6, 1)
HOUSEHOLD = find_scheme("household-default", 1)
COOPERATIVE = find_scheme("cooperative-default", 1)
USCC = make_uscc("93440522MA4X12345")


def years_before(on: date, years: int, days: int = 0) -> date:
    """The date ``years`` whole years before ``on``, then ``days`` later."""
    return on.replace(year=on.year - years) + timedelta(days=days)


def head_id(age: int, on: date = ON) -> str:
    """A head ID number of someone exactly ``age`` on ``on``."""
    return make_id_number("440522", years_before(on, age), 123, "male")


def household(**changes: Any) -> dict[str, Any]:
    """A complete household with 100 base points, no bonus, no penalty (score 100)."""
    record: dict[str, Any] = {
        "record_type": "household", "id": "7d3c8f0e-1111-4a5b-9c2d-000000000001",
        "village_code": "445122100201", "head_name": "张三", "head_id_number": head_id(40),
        "head_education": "college", "head_health": "healthy", "head_is_labour": True,
        "members": [{"name": "李梅", "id_number": head_id(38), "relation": "spouse", "is_labour": True},
                    {"name": "张小明", "id_number": head_id(18), "relation": "child", "is_labour": True}],
        "years_resident": 20, "business_type": "crops", "business_years": 6,
        "land": [{"kind": "farmland", "area_mu": "25.00", "tenure": "contracted"},
                 {"kind": "homestead", "area_mu": "0.50", "tenure": "contracted"}],
        "annual_net_income": "250000.00", "total_assets": "1500000.00", "loans": [],
        "overdue_times_3y": 0, "agri_insurance": False, "pension_insured": False, "coop_member": False,
        "honours": [], "volunteer_times_year": 0, "fee_arrears_months": 0, "penalties": [],
        "dishonest_debtor": False, "debt_evasion_5y": False, "criminal_record_5y": False,
        "false_information": False,
        "consent": {"signed": True, "date": "2024-01-05", "collector": "王信贷"},
    }
    record.update(copy.deepcopy(changes))
    return record


def cooperative(**changes: Any) -> dict[str, Any]:
    """A complete cooperative with 100 base points, no bonus, no penalty."""
    record: dict[str, Any] = {
        "record_type": "cooperative", "id": "7d3c8f0e-2222-4a5b-9c2d-000000000001", "uscc": USCC,
        "name": "潮安县凤凰单丛茶专业合作社", "village_code": "445122100201",
        "legal_rep_name": "陈大", "legal_rep_id_number": head_id(50),
        "registered_on": years_before(ON, 8).isoformat(), "members_count": 150, "main_business": "crops",
        "demo_level": "none", "certifications": [],
        "annual_revenue": "8000000.00", "net_profit": "300000.00", "total_assets": "5000000.00",
        "total_liabilities": "1000000.00", "assembly_held": True, "finance_disclosed": True,
        "standard_accounting": True, "surplus_returned": True, "overdue_times_3y": 0, "penalties": [],
        "serious_dishonest_list": False, "dishonest_debtor": False, "debt_evasion_5y": False,
        "member_household_ids": [], "consent": {"signed": True, "date": "2024-01-05", "collector": "王信贷"},
    }
    record.update(copy.deepcopy(changes))
    return record


def rate_household(on: date = ON, events: tuple = (), **changes: Any) -> RatingResult:
    return rate(household(**changes), HOUSEHOLD, on, events=events)


def rate_cooperative(on: date = ON, events: tuple = (), **changes: Any) -> RatingResult:
    return rate(cooperative(**changes), COOPERATIVE, on, events=events)


def item(result: RatingResult, indicator: str):
    """The result's item for ``indicator``; AssertionError if there is none."""
    found = [i for i in result.items if i.indicator == indicator]
    assert len(found) == 1, f"{indicator}: {found}"
    return found[0]


def points(result: RatingResult, indicator: str) -> Decimal:
    return item(result, indicator).points


def money(yuan: Decimal | int | str) -> str:
    return f"{Decimal(yuan):.2f}"


# -- hypothesis: random valid households ---------------------------------------------------

_money = st.integers(min_value=0, max_value=300_000_000).map(lambda fen: f"{Decimal(fen) / 100:.2f}")
_recent_day = st.integers(min_value=0, max_value=9 * 365).map(lambda d: ON - timedelta(days=d))
_penalty_kinds = st.sampled_from(sorted(HOUSEHOLD.event_kinds))


@st.composite
def households(draw: st.DrawFn, *, vetoes: bool = True) -> dict[str, Any]:
    """Any complete, consented household with valid values (vetoes optional)."""
    booleans = st.booleans() if vetoes else st.just(False)
    kinds = _penalty_kinds if vetoes else _penalty_kinds.filter(
        lambda k: k not in ("debt_evasion", "criminal_conviction"))
    age = draw(st.integers(min_value=16, max_value=90))
    return household(
        head_id_number=make_id_number("440522", years_before(ON, age, draw(st.integers(-200, 200))), 123, "male"),
        head_education=draw(st.sampled_from(["college", "high_school", "junior_high", "primary", "none"])),
        head_health=draw(st.sampled_from(["healthy", "chronic", "disabled", "serious_illness"])),
        head_is_labour=draw(st.booleans()),
        members=[{"name": "成员", "relation": "child", "is_labour": b}
                 for b in draw(st.lists(st.booleans(), max_size=5))],
        years_resident=draw(st.integers(0, 60)), business_years=draw(st.integers(0, 40)),
        land=[{"kind": k, "area_mu": a, "tenure": "contracted"} for k, a in draw(st.lists(st.tuples(
            st.sampled_from(["farmland", "forest", "orchard", "pond", "homestead"]),
            st.integers(0, 3000).map(lambda c: f"{Decimal(c) / 100:.2f}")), max_size=4))],
        annual_net_income=draw(_money), total_assets=draw(st.one_of(st.just("0.00"), _money)),
        loans=[{"lender": "农商行", "kind": "bank", "principal": b, "balance": b, "overdue_days": d}
               for b, d in draw(st.lists(st.tuples(_money, st.integers(0, 90 if not vetoes else 400)),
                                         max_size=3))],
        other_debts=draw(st.one_of(st.none(), _money)),
        overdue_times_3y=draw(st.integers(0, 6)), agri_insurance=draw(st.booleans()),
        pension_insured=draw(st.booleans()), coop_member=draw(st.booleans()),
        honours=[{"title": "荣誉", "level": lv, "date": d.isoformat()} for lv, d in draw(st.lists(st.tuples(
            st.sampled_from(["county_or_above", "township", "village"]), _recent_day), max_size=5))],
        volunteer_times_year=draw(st.integers(0, 10)), fee_arrears_months=draw(st.integers(0, 12)),
        penalties=[{"kind": k, "date": d.isoformat(), "source": "镇政府"}
                   for k, d in draw(st.lists(st.tuples(kinds, _recent_day), max_size=6))],
        dishonest_debtor=draw(booleans), debt_evasion_5y=draw(booleans),
        criminal_record_5y=draw(booleans), false_information=draw(booleans),
    )
