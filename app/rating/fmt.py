"""How numbers read in Chinese reasons: points with their sign, values with their unit."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.domain.money import format_wan

MINUS = "\u2212"  # the minus sign, not a hyphen: "−5 分"
_PERCENT_PLACES = Decimal("0.01")
_HUNDRED = Decimal(100)


def trim(number: Decimal | int) -> str:
    """``Decimal("9.00")`` → ``"9"``, ``Decimal("2.50")`` → ``"2.5"``."""
    if isinstance(number, int):
        return str(number)
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def points_text(points: Decimal, *, signed: bool) -> str:
    """Points as a reason shows them: ``"9"`` for base points, ``"+3"``/``"−5"`` for bonus/penalty."""
    if not signed or points == 0:
        return trim(abs(points)) if points == 0 else trim(points)
    return ("+" if points > 0 else MINUS) + trim(abs(points))


def percent(ratio: Decimal) -> str:
    """A fraction as a percentage to 0.01 %: ``Decimal("0.352")`` → ``"35.2%"``."""
    return trim((ratio * _HUNDRED).quantize(_PERCENT_PLACES, rounding=ROUND_HALF_UP)) + "%"


def value_text(value: Decimal | int, kind: str) -> str:
    """A value in its unit: money in 万元, ratios in %, areas in 亩, counts bare."""
    if kind == "money":
        return format_wan(value)  # type: ignore[arg-type]
    if kind == "ratio":
        return percent(value)  # type: ignore[arg-type]
    if kind == "area":
        return f"{trim(value)} 亩"
    return trim(value)


def _area(value: Decimal) -> str:
    return f"{trim(value)} 亩"


# The formatter of each value kind, picked once per indicator.
VALUE_TEXT = {"money": format_wan, "ratio": percent, "area": _area, "int": trim}


def band_label(lower: Decimal | None, lower_inclusive: bool, upper: Decimal | None,
               upper_inclusive: bool, kind: str) -> str:
    """A short label for a band: ``"25–55"`` for whole-number ranges, else the deciding bound."""
    if kind == "int" and lower is not None and upper is not None:
        low = int(lower) if lower_inclusive else int(lower) + 1
        high = int(upper) if upper_inclusive else int(upper) - 1
        return str(low) if low == high else f"{low}–{high}"
    if lower is not None and lower == upper:
        return value_text(lower, kind)
    if lower is not None and lower_inclusive:
        return "≥" + value_text(lower, kind)
    if upper is not None and upper_inclusive:
        return "≤" + value_text(upper, kind)
    if lower is not None:
        return ">" + value_text(lower, kind)
    if upper is not None:
        return "<" + value_text(upper, kind)
    return "任意"
