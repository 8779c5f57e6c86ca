"""Bands over a number: parsed from scheme YAML and checked to cover every value exactly once.

A band is written with at most one lower bound (``at_least``: ≥, ``above``: >) and at most
one upper bound (``below``: <, ``at_most``: ≤). Bands are listed from low to high; the
first has no lower bound, the last no upper bound, and each band starts exactly where the
previous one stops (``below: 50000`` is followed by ``at_least: 50000``).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.checker import Checker
from app.rating.fmt import band_label, trim
from app.rating.model import Band

BAND_KEYS = ("at_least", "above", "below", "at_most", "points", "label")

_TWO_BOUNDS = QT_TRANSLATE_NOOP("problems", "第 {n} 档同时写了 {first} 和 {second}，只能有一个")
_EMPTY = QT_TRANSLATE_NOOP("problems", "第 {n} 档的下限高于上限，不含任何值")
_NOT_WHOLE_BOUND = QT_TRANSLATE_NOOP("problems", "第 {n} 档的界限 {bound} 不是整数，而 {input} 是整数")
_LOW_GAP = QT_TRANSLATE_NOOP("problems", "分档有缺口：第 1 档有下限 {bound}，更小的值没有分数")
_HIGH_GAP = QT_TRANSLATE_NOOP("problems", "分档有缺口：最后一档有上限 {bound}，更大的值没有分数")
_GAP = QT_TRANSLATE_NOOP("problems", "分档有缺口：第 {n} 档止于 {upper}，第 {m} 档始于 {lower}")
_OVERLAP = QT_TRANSLATE_NOOP("problems", "分档重叠：第 {n} 档止于 {upper}，第 {m} 档始于 {lower}")
_ABOVE_MAX = QT_TRANSLATE_NOOP("problems", "第 {n} 档 {points} 分，高于指标满分 {max} 分")


def parse_bands(check: Checker, raw: Any, *, kind: str, input_name: str,
                max_points: Decimal | None) -> tuple[Band, ...]:
    """Bands from YAML, checked: bounds, whole numbers for counts, coverage, points ≤ max."""
    bands = tuple(_band(check, item, n, kind, input_name)
                  for n, item in enumerate(check.items(raw, "bands"), start=1))
    _check_coverage(check, bands)
    if max_points is not None:
        for n, band in enumerate(bands, start=1):
            if band.points > max_points:
                check.fail(_ABOVE_MAX, n=n, points=trim(band.points), max=trim(max_points))
    return bands


def _band(check: Checker, item: Any, n: int, kind: str, input_name: str) -> Band:
    item = check.mapping(item, f"bands[{n - 1}]")
    check.only(item, BAND_KEYS)
    lower, lower_inclusive = _bound(check, item, n, "at_least", "above")
    upper, upper_inclusive = _bound(check, item, n, "at_most", "below")
    if lower is not None and upper is not None:
        if lower > upper or (lower == upper and not (lower_inclusive and upper_inclusive)):
            check.fail(_EMPTY, n=n)
    if kind == "int":
        for bound in (lower, upper):
            if bound is not None and bound != bound.to_integral_value():
                check.fail(_NOT_WHOLE_BOUND, n=n, bound=bound, input=input_name)
    points = check.points(check.need(item, "points"), "points")
    label = item.get("label")
    if label is None:
        label = band_label(lower, lower_inclusive, upper, upper_inclusive, kind)
    return Band(lower, lower_inclusive, upper, upper_inclusive, points, check.text(label, "label"))


def _bound(check: Checker, item: Mapping[str, Any], n: int,
           inclusive_key: str, exclusive_key: str) -> tuple[Decimal | None, bool]:
    if inclusive_key in item and exclusive_key in item:
        check.fail(_TWO_BOUNDS, n=n, first=inclusive_key, second=exclusive_key)
    if inclusive_key in item:
        return check.number(item[inclusive_key], inclusive_key, places=None, negative=True), True
    if exclusive_key in item:
        return check.number(item[exclusive_key], exclusive_key, places=None, negative=True), False
    return None, False


def _check_coverage(check: Checker, bands: tuple[Band, ...]) -> None:
    if bands[0].lower is not None:
        check.fail(_LOW_GAP, bound=bands[0].lower)
    if bands[-1].upper is not None:
        check.fail(_HIGH_GAP, bound=bands[-1].upper)
    for n, (low, high) in enumerate(zip(bands, bands[1:]), start=1):
        params = {"n": n, "m": n + 1, "upper": _bound_text(low.upper, low.upper_inclusive, "≤", "<"),
                  "lower": _bound_text(high.lower, high.lower_inclusive, "≥", ">")}
        if low.upper is None or high.lower is None or high.lower < low.upper:
            check.fail(_OVERLAP, **params)
        if high.lower > low.upper:
            check.fail(_GAP, **params)
        if low.upper_inclusive == high.lower_inclusive:  # same value: both or neither hold it
            check.fail(_OVERLAP if low.upper_inclusive else _GAP, **params)


def _bound_text(bound: Decimal | None, inclusive: bool, inclusive_sign: str, exclusive_sign: str) -> str:
    if bound is None:
        return QT_TRANSLATE_NOOP("problems", "无界")
    return (inclusive_sign if inclusive else exclusive_sign) + str(bound)
