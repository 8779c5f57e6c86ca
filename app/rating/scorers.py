"""Indicators turned into plain callables when a scheme is loaded.

A score function is ``score(value, on, expired) -> RatingItem`` for the indicator's input
value; :func:`score_group` handles inputs that are :data:`MISSING` or :data:`UNDEFINED`;
``expired`` collects events too old to count. Points are signed: penalties come out negative.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Callable, NamedTuple

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.catalog import Catalog
from app.rating.events import Event, counts_on, is_expired
from app.rating.fields import HONOUR_LEVEL
from app.rating.fmt import VALUE_TEXT, points_text, trim, value_text
from app.rating.model import Indicator
from app.rating.readers import MISSING, UNDEFINED
from app.rating.result import ExpiredEvent, RatingItem

Score = Callable[[Any, date, list[ExpiredEvent]], RatingItem]
ZERO = Decimal("0.00")
MEMO_SIZE = 1024  # items remembered per band indicator: bounded, so memory stays small

MISSING_REASON = QT_TRANSLATE_NOOP("problems", "缺少数据：{fields} → 0 分")
FIELD_NAMED = QT_TRANSLATE_NOOP("problems", "{label}（{field}）")
CAPPED_REASON = QT_TRANSLATE_NOOP("problems", "{reason}（原计 {raw} 分，本项最多 {max} 分）")
YES, NO = QT_TRANSLATE_NOOP("problems", "是"), QT_TRANSLATE_NOOP("problems", "否")
NONE = QT_TRANSLATE_NOOP("problems", "无")
LEVEL_COUNT = QT_TRANSLATE_NOOP("problems", "{level} {count} 项")


class CompiledIndicator(NamedTuple):
    """An indicator ready to run: read ``values[input]``, then call ``score`` with it, or
    ``missing(values)`` if it is MISSING, or use ``undefined`` if it is UNDEFINED."""

    input: str
    score: Score
    missing: Callable[[dict[str, Any]], RatingItem]
    undefined: RatingItem | None


def compile_indicator(ind: Indicator, catalog: Catalog) -> CompiledIndicator:
    """One indicator with everything that does not depend on the record precomputed."""
    make = {"bands": _bands, "table": _table, "flag": _flag, "per_unit": _per_unit,
            "events": _events}[ind.rule]
    return CompiledIndicator(ind.input, make(ind, catalog), _missing_item(ind, catalog),  # type: ignore[arg-type]
                             _undefined_item(ind))


def score_group(group: tuple[CompiledIndicator, ...], values: dict[str, Any], on: date,
                expired: list[ExpiredEvent], items: list[RatingItem]) -> Decimal:
    """Score a group's indicators into ``items``; return the sum of their (signed) points."""
    total = ZERO
    for name, score, missing, undefined in group:
        value = values[name]
        if value is MISSING:
            item = missing(values)
        elif value is UNDEFINED:
            item = undefined
        else:
            item = score(value, on, expired)
        items.append(item)
        total += item.points
    return total


def _item(ind: Indicator, points: Decimal, reason: str) -> RatingItem:
    return RatingItem(ind.id, ind.group, points, ind.max, reason, ind.name)


def _points(ind: Indicator, points: Decimal) -> tuple[Decimal, str]:
    """(signed points, their text) for an indicator of this group."""
    signed = -points if ind.group == "penalty" and points else points
    return signed, points_text(signed, signed=ind.group != "base")


def _missing_item(ind: Indicator, catalog: Catalog) -> Callable[[dict[str, Any]], RatingItem]:
    sources = catalog.required_fields(ind.input)

    def item(values: dict[str, Any]) -> RatingItem:
        absent = [f for f in sources if values.get(f) is MISSING] or list(sources)
        named = "、".join(FIELD_NAMED.format(label=catalog.fields[f].label, field=f) for f in absent)
        return _item(ind, ZERO, MISSING_REASON.format(fields=named))
    return item


def _undefined_item(ind: Indicator) -> RatingItem | None:
    if ind.undefined_points is None:
        return None
    signed, text = _points(ind, ind.undefined_points)
    return _item(ind, signed, ind.undefined_reason.format(points=text))


def _bands(ind: Indicator, catalog: Catalog) -> Callable[..., RatingItem]:
    kind = catalog.kind_of(ind.input)
    show = VALUE_TEXT[kind]
    # Whole-number inputs compare with int bounds (int < Decimal is slow); bands of counts
    # have whole bounds (checked at load).
    bound = int if kind == "int" else (lambda d: d)
    # Bands are contiguous from low to high, so the first band whose upper bound admits the
    # value is the one; the last band has no upper bound.
    steps = [(None if b.upper is None else bound(b.upper), b.upper_inclusive, b.label, *_points(ind, b.points))
             for b in ind.bands]
    last, head = steps[-1], steps[:-1]
    ident, group, top, name, reason = ind.id, ind.group, ind.max, ind.name, ind.reason

    def explain(value: Any, step: tuple[Any, ...]) -> str:
        return reason.format(value=show(value), band=step[2], points=step[4])

    # The item depends on the value only, and counts (ages, years, people) repeat across
    # households: remember their items. Money and ratios rarely repeat, so are not kept.
    memo: dict[Any, RatingItem] = {}
    remember = kind == "int"

    def score(value: Any, on: date, expired: list[ExpiredEvent]) -> RatingItem:
        item = memo.get(value)
        if item is not None:
            return item
        step = last
        for candidate in head:
            upper = candidate[0]
            if value < upper or (value == upper and candidate[1]):
                step = candidate
                break
        item = RatingItem(ident, group, step[3], top, explain, name, (value, step))
        if remember and len(memo) < MEMO_SIZE:
            memo[value] = item
        return item
    return score


def _table(ind: Indicator, catalog: Catalog) -> Callable[..., RatingItem]:
    codes = catalog.info(ind.input).codes  # type: ignore[union-attr]
    # One item per code, built once: the reason depends on nothing else.
    items = {}
    for code, points in ind.table.items():
        signed, text = _points(ind, points)
        items[code] = _item(ind, signed, ind.reason.format(value=code, choice=codes[code], points=text))

    def score(value: Any, on: date, expired: list[ExpiredEvent]) -> RatingItem:
        return items[value]
    return score


def _flag(ind: Indicator, catalog: Catalog) -> Callable[..., RatingItem]:
    items = {answer: _item(ind, signed, ind.reason.format(answer=word, points=text))
             for answer, word, (signed, text) in ((True, YES, _points(ind, ind.if_true)),
                                                  (False, NO, _points(ind, ind.if_false)))}

    def score(value: Any, on: date, expired: list[ExpiredEvent]) -> RatingItem:
        return items[value]
    return score


def _capped(ind: Indicator, raw: Decimal, reason_of: Callable[[str], str]) -> RatingItem:
    """An item of ``raw`` points, held to the indicator's max with the cap explained.

    The reason is made only when it is read (``reason_of`` gets the points as text).
    """
    if ind.max is not None and raw > ind.max:
        def explain() -> str:
            return CAPPED_REASON.format(reason=reason_of(_points(ind, ind.max)[1]),  # type: ignore[arg-type]
                                        raw=_points(ind, raw)[1], max=trim(ind.max))  # type: ignore[arg-type]
        signed = _points(ind, ind.max)[0]
    else:
        def explain() -> str:
            return reason_of(_points(ind, raw)[1])
        signed = -raw if ind.group == "penalty" and raw else raw
    return RatingItem(ind.id, ind.group, signed, ind.max, explain, ind.name, ())


def _per_unit(ind: Indicator, catalog: Catalog) -> Callable[..., RatingItem]:
    kind, per_unit = catalog.kind_of(ind.input), ind.per_unit

    def score(value: Any, on: date, expired: list[ExpiredEvent]) -> RatingItem:
        return _capped(ind, per_unit * value,
                       lambda text: ind.reason.format(value=value_text(value, kind), points=text))
    return score


def _events(ind: Indicator, catalog: Catalog) -> Callable[..., RatingItem]:
    rule = ind.events
    assert rule is not None
    kinds, window, each, by_level = frozenset(rule.kinds), rule.window_years, rule.points_each, rule.points_by_level
    honours = rule.source == "honours"
    # Most households have no event that counts: that item is always the same.
    nothing = _capped(ind, ZERO, lambda text: ind.reason.format(
        count=0, dates="", detail=_level_detail([]) if honours else "0", years=window, points=text))
    assert nothing.reason  # made now: this one item is shared by every rating

    def score(value: tuple[Event, ...], on: date, expired: list[ExpiredEvent]) -> RatingItem:
        counted: list[Event] = []
        for event in value:
            if not honours and event.kind not in kinds:
                continue
            if counts_on(event.on, on, window):
                counted.append(event)
            elif is_expired(event.on, on, window):
                expired.append(ExpiredEvent(ind.id, event.kind, event.on, event.source))
        if not counted:
            return nothing
        counted.sort()
        raw = sum((each if each is not None else by_level.get(e.level, ZERO) for e in counted), ZERO)
        return _capped(ind, raw, lambda text: ind.reason.format(
            count=len(counted), dates="（" + "、".join(e.on.isoformat() for e in counted) + "）",
            detail=_level_detail(counted) if honours else str(len(counted)), years=window, points=text))
    return score


def _level_detail(counted: list[Event]) -> str:
    """``"县级以上 1 项、乡镇级 2 项"`` in the order of the level list; ``"无"`` if none."""
    parts = [LEVEL_COUNT.format(level=label, count=n) for level, label in HONOUR_LEVEL.items()
             if (n := sum(1 for e in counted if e.level == level))]
    return "、".join(parts) or NONE
