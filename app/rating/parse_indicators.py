"""Indicators from scheme YAML, checked against the data standard and their own maxima.

Which rule an indicator uses is told by the key it has: ``bands`` (numbers), ``table``
(enum codes), ``if_true`` (booleans), ``events`` (counted honours or penalties) or
``per_unit`` (points per unit of a count).
"""
from __future__ import annotations

from decimal import Decimal
from collections.abc import Mapping
from typing import Any

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.bands import parse_bands
from app.rating.catalog import NUMERIC, Catalog, InputInfo
from app.rating.checker import Checker
from app.rating.fields import HONOUR_LEVEL
from app.rating.fmt import trim
from app.rating.model import EventRule, Group, Indicator

RULE_KEYS = ("bands", "table", "if_true", "events", "per_unit")
COMMON_KEYS = ("id", "name", "input", "max", "reason", "when_undefined")
EXTRA_KEYS = {"bands": (), "table": (), "if_true": ("if_false",), "per_unit": (),
              "events": ("kinds", "window_years", "points_each", "points_by_level")}
PLACEHOLDERS = {"bands": {"value", "band", "points"}, "table": {"value", "choice", "points"},
                "if_true": {"answer", "points"}, "per_unit": {"value", "points"},
                "events": {"count", "dates", "detail", "years", "points"}}
RULE_NAMES = {"bands": "bands", "table": "table", "if_true": "flag", "events": "events",
              "per_unit": "per_unit"}
RULE_INPUT_KINDS = {"bands": NUMERIC, "table": {"enum"}, "if_true": {"bool"}, "events": {"events"},
                    "per_unit": {"int"}}

_NO_RULE = QT_TRANSLATE_NOOP("problems", "要写且只写一种规则（{rules}），现在是 {found}")
_UNKNOWN_INPUT = QT_TRANSLATE_NOOP("problems", "不认识的字段或派生值“{input}”")
_WRONG_KIND = QT_TRANSLATE_NOOP("problems", "规则 {rule} 不能用于“{input}”（{kind}）")
_NEEDS_MAX = QT_TRANSLATE_NOOP("problems", "缺少“max”（指标满分）")
_UNKNOWN_CODE = QT_TRANSLATE_NOOP("problems", "不认识的代码“{code}”（{input} 可用：{codes}）")
_CODES_LEFT = QT_TRANSLATE_NOOP("problems", "对照表漏了代码：{codes}")
_POINTS_ABOVE_MAX = QT_TRANSLATE_NOOP("problems", "“{what}”{points} 分，高于指标满分 {max} 分")
_UNDEFINED = QT_TRANSLATE_NOOP("problems", "“{input}”可能无法计算，需要写 when_undefined（分数和理由）")
_NEVER_UNDEFINED = QT_TRANSLATE_NOOP("problems", "“{input}”总能算出，不需要 when_undefined")
_EVENT_POINTS = QT_TRANSLATE_NOOP("problems", "计数规则要写 points_each 或 points_by_level 之一")
_KINDS_FOR = QT_TRANSLATE_NOOP("problems", "{source} 计数规则{need}写 kinds")
_UNKNOWN_KIND = QT_TRANSLATE_NOOP("problems", "不认识的事件种类“{kind}”（方案的 event_kinds 中有：{kinds}）")


def parse_indicator(check: Checker, raw: Any, group: Group, catalog: Catalog,
                    event_kinds: Mapping[str, str]) -> Indicator:
    """One indicator of ``group``; ``check`` is already placed at this indicator."""
    rules = [key for key in RULE_KEYS if key in raw]
    if len(rules) != 1:
        check.fail(_NO_RULE, rules="、".join(RULE_KEYS), found="、".join(rules) or "无")
    rule = rules[0]
    check.only(raw, (*COMMON_KEYS, rule, *EXTRA_KEYS[rule]))
    max_points = check.points(raw["max"], "max") if raw.get("max") is not None else None
    if max_points is None and (group == "base" or rule == "per_unit"):
        check.fail(_NEEDS_MAX)
    info = _input(check, raw, rule, catalog)
    reason = check.template(check.text(check.need(raw, "reason"), "reason"), PLACEHOLDERS[rule])
    fields: dict[str, Any] = {}
    if rule == "bands":
        fields["bands"] = parse_bands(check, raw["bands"], kind=info.kind, input_name=info.name,
                                      max_points=max_points)
    elif rule == "table":
        fields["table"] = _table(check, raw["table"], info, max_points)
    elif rule == "if_true":
        fields["if_true"] = _capped(check, raw["if_true"], "if_true", max_points)
        fields["if_false"] = _capped(check, raw.get("if_false", 0), "if_false", max_points)
    elif rule == "events":
        fields["events"] = _event_rule(check, raw, info, event_kinds, max_points)
    else:
        fields["per_unit"] = check.points(raw["per_unit"], "per_unit")
    undefined_points, undefined_reason = _when_undefined(check, raw, info, max_points)
    return Indicator(id=raw["id"], name=check.text(check.need(raw, "name"), "name"), group=group,
                     rule=RULE_NAMES[rule], input=info.name, max=max_points, reason=reason,
                     undefined_points=undefined_points, undefined_reason=undefined_reason, **fields)


def _input(check: Checker, raw: Mapping[str, Any], rule: str, catalog: Catalog) -> InputInfo:
    name = raw["events"] if rule == "events" else check.need(raw, "input")
    info = catalog.info(name) if isinstance(name, str) else None
    if info is None:
        check.fail(_UNKNOWN_INPUT, input=name)
    if info.kind not in RULE_INPUT_KINDS[rule]:
        check.fail(_WRONG_KIND, rule=rule, input=name, kind=info.kind)
    return info


def _capped(check: Checker, raw: Any, what: str, max_points: Decimal | None) -> Decimal:
    points = check.points(raw, what)
    if max_points is not None and points > max_points:
        check.fail(_POINTS_ABOVE_MAX, what=what, points=trim(points), max=trim(max_points))
    return points


def _table(check: Checker, raw: Any, info: InputInfo, max_points: Decimal | None) -> dict[str, Decimal]:
    table = check.mapping(raw, "table")
    for code in table:
        if code not in info.codes:
            check.fail(_UNKNOWN_CODE, code=code, input=info.name, codes="、".join(info.codes))
    left = [code for code in info.codes if code not in table]
    if left:
        check.fail(_CODES_LEFT, codes="、".join(left))
    return {code: _capped(check, points, code, max_points) for code, points in table.items()}


def _event_rule(check: Checker, raw: Mapping[str, Any], info: InputInfo,
                event_kinds: Mapping[str, str], max_points: Decimal | None) -> EventRule:
    window = check.whole(check.need(raw, "window_years"), "window_years")
    if info.name == "penalties":
        window = check.negative_window(window)
    if ("points_each" in raw) == ("points_by_level" in raw):
        check.fail(_EVENT_POINTS)
    by_level: dict[str, Decimal] = {}
    if "points_by_level" in raw:
        for level, points in check.mapping(raw["points_by_level"], "points_by_level").items():
            if level not in HONOUR_LEVEL:
                check.fail(_UNKNOWN_CODE, code=level, input="level", codes="、".join(HONOUR_LEVEL))
            by_level[level] = _capped(check, points, level, max_points)
    each = _capped(check, raw["points_each"], "points_each", max_points) if "points_each" in raw else None
    kinds: tuple[str, ...] = ()
    if info.name == "penalties":
        if "kinds" not in raw:
            check.fail(_KINDS_FOR, source=info.name, need="要")
        kinds = tuple(check.items(raw["kinds"], "kinds"))
        for kind in kinds:
            if kind not in event_kinds:
                check.fail(_UNKNOWN_KIND, kind=kind, kinds="、".join(event_kinds))
    elif "kinds" in raw:
        check.fail(_KINDS_FOR, source=info.name, need="不能")
    return EventRule(info.name, kinds, window, each, by_level)


def _when_undefined(check: Checker, raw: Mapping[str, Any], info: InputInfo,
                    max_points: Decimal | None) -> tuple[Decimal | None, str]:
    if not info.may_be_undefined:
        if "when_undefined" in raw:
            check.fail(_NEVER_UNDEFINED, input=info.name)
        return None, ""
    spec = raw.get("when_undefined")
    if not isinstance(spec, Mapping):
        check.fail(_UNDEFINED, input=info.name)
    check.only(spec, ("points", "reason"))
    points = _capped(check, check.need(spec, "points"), "when_undefined", max_points)
    return points, check.template(check.text(check.need(spec, "reason"), "reason"), {"points"})
