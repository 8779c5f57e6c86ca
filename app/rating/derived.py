"""The fixed set of derived values a scheme may score, computed in code from record fields.

Household (DATA-STANDARD "Derived values"):

- ``liabilities`` (yuan) = sum of ``loans[].balance`` + ``other_debts``
- ``net_assets`` (yuan) = ``total_assets`` − liabilities
- ``debt_ratio`` (fraction) = liabilities / ``total_assets``; undefined when total assets are 0
- ``operated_land_mu`` (mu) = sum of ``land[].area_mu`` except ``homestead``
- ``labour_count`` = members with ``is_labour`` + the head if ``head_is_labour``
- ``head_age`` (whole years) from the birth date in ``head_id_number`` to the rating date
- ``max_overdue_days`` = the longest ``loans[].overdue_days`` now (0 without loans)

Cooperative: ``years_since_registration`` (whole years from ``registered_on``),
``net_assets`` = ``total_assets`` − ``total_liabilities``, ``debt_ratio`` =
``total_liabilities`` / ``total_assets``, ``certification_count``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Callable, Literal, Mapping

from app.domain.idnumber import age_on, birth_date_of
from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.readers import UNDEFINED, ZERO, fault

ValueKind = Literal["money", "ratio", "int", "area"]


@dataclass(frozen=True)
class DerivedSpec:
    """A derived value: its inputs (fields or other derived values) and how to compute it."""

    name: str
    label: str
    kind: ValueKind
    needs: tuple[str, ...]
    compute: Callable[[tuple[Any, ...], date], Any]
    may_be_undefined: bool = False


def _liabilities(args: tuple[Any, ...], on: date) -> Decimal:
    loans, other_debts = args
    return sum((loan.balance for loan in loans), other_debts)


def _difference(args: tuple[Any, ...], on: date) -> Decimal:
    return args[0] - args[1]


def _ratio(args: tuple[Any, ...], on: date) -> Any:
    debts, assets = args
    return UNDEFINED if assets == 0 else debts / assets


def _operated_land(args: tuple[Any, ...], on: date) -> Decimal:
    return sum((plot.area_mu for plot in args[0] if plot.kind != "homestead"), ZERO)


def _labour_count(args: tuple[Any, ...], on: date) -> int:
    members, head_is_labour = args
    return sum(members) + (1 if head_is_labour else 0)


def _head_age(args: tuple[Any, ...], on: date) -> int:
    try:
        return age_on(birth_date_of(args[0]), on)
    except ValueError:
        raise fault("head_id_number", QT_TRANSLATE_NOOP(
            "problems", "{field}：无法从身份证号码读出出生日期")) from None


def _max_overdue_days(args: tuple[Any, ...], on: date) -> int:
    return max((loan.overdue_days for loan in args[0]), default=0)


def _years_since(args: tuple[Any, ...], on: date) -> int:
    return age_on(args[0], on)


def _count(args: tuple[Any, ...], on: date) -> int:
    return len(args[0])


def _specs(*specs: DerivedSpec) -> Mapping[str, DerivedSpec]:
    return MappingProxyType({spec.name: spec for spec in specs})


HOUSEHOLD_DERIVED = _specs(
    DerivedSpec("liabilities", "负债合计", "money", ("loans", "other_debts"), _liabilities),
    DerivedSpec("net_assets", "家庭净资产", "money", ("total_assets", "liabilities"), _difference),
    DerivedSpec("debt_ratio", "资产负债率", "ratio", ("liabilities", "total_assets"), _ratio, True),
    DerivedSpec("operated_land_mu", "经营土地面积", "area", ("land",), _operated_land),
    DerivedSpec("labour_count", "劳动力人数", "int", ("members", "head_is_labour"), _labour_count),
    DerivedSpec("head_age", "户主年龄", "int", ("head_id_number",), _head_age),
    DerivedSpec("max_overdue_days", "现有贷款最长逾期天数", "int", ("loans",), _max_overdue_days),
)

COOPERATIVE_DERIVED = _specs(
    DerivedSpec("years_since_registration", "成立年限", "int", ("registered_on",), _years_since),
    DerivedSpec("net_assets", "净资产", "money", ("total_assets", "total_liabilities"), _difference),
    DerivedSpec("debt_ratio", "资产负债率", "ratio", ("total_liabilities", "total_assets"), _ratio, True),
    DerivedSpec("certification_count", "认证数量", "int", ("certifications",), _count),
)

DERIVED_BY_TYPE: Mapping[str, Mapping[str, DerivedSpec]] = MappingProxyType(
    {"household": HOUSEHOLD_DERIVED, "cooperative": COOPERATIVE_DERIVED})
