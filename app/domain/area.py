"""Land areas in mu (亩, about 666.7 m²) as ``Decimal`` with two places."""
from __future__ import annotations

from decimal import Decimal

from app.domain.decimals import DecimalFault, Fault, read_two_places
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

_FAULT_TEMPLATES = {
    Fault.EMPTY: QT_TRANSLATE_NOOP("problems", "请填写面积（以亩为单位的数字，如 12.5）"),
    Fault.FLOAT: QT_TRANSLATE_NOOP(
        "problems", "面积不能用浮点数表示，请写成带两位小数的字符串，如 \"12.50\""),
    Fault.FORMAT: QT_TRANSLATE_NOOP(
        "problems", "“{raw}”不是面积，请填写以亩为单位的数字，如 12.5"),
    Fault.DECIMALS: QT_TRANSLATE_NOOP(
        "problems", "面积“{raw}”最多保留两位小数（0.01亩），请核对"),
}


def parse_area(raw: str | int | Decimal, *, field: str) -> Decimal:
    """Mu with two places from text, int or Decimal; raise :class:`DomainError` if not an area.

    Accepts full-width digits and a trailing ``亩``; refuses floats, negatives
    and more than two decimals.
    """
    try:
        value = read_two_places(raw, strip_units=("亩",))
    except DecimalFault as fault:
        raise DomainError(Problem(field, f"area.{fault.fault.value}",
                                  _FAULT_TEMPLATES[fault.fault], {"raw": str(raw)})) from None
    if value < 0:
        raise DomainError(Problem(field, "area.negative", QT_TRANSLATE_NOOP(
            "problems", "面积不能为负数（现在是 {raw}），请核对"), {"raw": str(raw)}))
    return value
