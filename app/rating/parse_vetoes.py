"""Veto items (一票否决) from scheme YAML: any one true condition vetoes.

A condition is one of::

    {field: debt_evasion_5y, is: true}           # a field or derived value equals a value
    {field: max_overdue_days, above: 90}         # or compares (at_least, above, below, at_most)
    {blacklist: dishonest_debtor}                # an active platform list entry of that kind
    {events: penalties, kinds: [debt_evasion], window_years: 5}   # a recent event of a kind
"""
from __future__ import annotations

from typing import Any, Mapping

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.catalog import NUMERIC, Catalog
from app.rating.checker import Checker
from app.rating.model import Veto, VetoCondition

COMPARISONS = ("is", "at_least", "above", "below", "at_most")
BLACKLIST_KINDS = ("dishonest_debtor", "serious_dishonest")

_CONDITION = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件要写 field、blacklist 或 events 之一")
_ONE_COMPARISON = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件要写且只写一种比较（{ops}）")
_UNKNOWN_INPUT = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：不认识的字段或派生值“{input}”")
_NOT_NUMERIC = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：“{input}”不是数值，不能用 {op}")
_BAD_VALUE = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：“{input}”不会等于 {value!r}")
_UNKNOWN_LIST = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：不认识的名单种类“{kind}”（可用：{kinds}）")
_NOT_EVENTS = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：events 只能是 penalties")
_UNKNOWN_KIND = QT_TRANSLATE_NOOP("problems", "第 {n} 个条件：不认识的事件种类“{kind}”（方案的 event_kinds 中有：{kinds}）")


def parse_veto(check: Checker, raw: Any, catalog: Catalog, event_kinds: Mapping[str, str]) -> Veto:
    """One veto; ``check`` is already placed at it."""
    check.only(raw, ("id", "name", "any", "reason"))
    conditions = tuple(_condition(check, item, n, catalog, event_kinds)
                       for n, item in enumerate(check.items(check.need(raw, "any"), "any"), start=1))
    reason = check.template(check.text(check.need(raw, "reason"), "reason"), {"detail"})
    return Veto(raw["id"], check.text(check.need(raw, "name"), "name"), conditions, reason)


def _condition(check: Checker, raw: Any, n: int, catalog: Catalog,
               event_kinds: Mapping[str, str]) -> VetoCondition:
    raw = check.mapping(raw, f"any[{n - 1}]")
    if "field" in raw:
        return _field_condition(check, raw, n, catalog)
    if "blacklist" in raw:
        check.only(raw, ("blacklist",))
        if raw["blacklist"] not in BLACKLIST_KINDS:
            check.fail(_UNKNOWN_LIST, n=n, kind=raw["blacklist"], kinds="、".join(BLACKLIST_KINDS))
        return VetoCondition("blacklist", blacklist_kind=raw["blacklist"])
    if "events" in raw:
        return _event_condition(check, raw, n, event_kinds)
    check.fail(_CONDITION, n=n)


def _field_condition(check: Checker, raw: Mapping[str, Any], n: int, catalog: Catalog) -> VetoCondition:
    check.only(raw, ("field", *COMPARISONS))
    ops = [op for op in COMPARISONS if op in raw]
    if len(ops) != 1:
        check.fail(_ONE_COMPARISON, n=n, ops="、".join(COMPARISONS))
    op, name = ops[0], raw["field"]
    info = catalog.info(name) if isinstance(name, str) else None
    if info is None or info.kind == "events":
        check.fail(_UNKNOWN_INPUT, n=n, input=name)
    value = raw[op]
    if op != "is":
        if info.kind not in NUMERIC:
            check.fail(_NOT_NUMERIC, n=n, input=name, op=op)
        value = check.number(value, op, places=None, negative=True)
    elif info.kind == "bool" and not isinstance(value, bool):
        check.fail(_BAD_VALUE, n=n, input=name, value=value)
    elif info.kind == "enum" and value not in info.codes:
        check.fail(_BAD_VALUE, n=n, input=name, value=value)
    elif info.kind in NUMERIC:
        value = check.number(value, op, places=None, negative=True)
    return VetoCondition("field", field=name, op=op, value=value)


def _event_condition(check: Checker, raw: Mapping[str, Any], n: int,
                     event_kinds: Mapping[str, str]) -> VetoCondition:
    check.only(raw, ("events", "kinds", "window_years"))
    if raw["events"] != "penalties":
        check.fail(_NOT_EVENTS, n=n)
    kinds = tuple(check.items(check.need(raw, "kinds"), "kinds"))
    for kind in kinds:
        if kind not in event_kinds:
            check.fail(_UNKNOWN_KIND, n=n, kind=kind, kinds="、".join(event_kinds))
    window = check.negative_window(check.need(raw, "window_years"))
    return VetoCondition("events", source="penalties", kinds=kinds, window_years=window)
