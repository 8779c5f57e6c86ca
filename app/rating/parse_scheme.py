"""A whole scheme from its YAML mapping: identity, groups and their caps, grades, credit line,
timings and the credit-village criteria, each checked with a message naming the place."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.catalog import Catalog
from app.rating.checker import Checker
from app.rating.fields import RECORD_TYPES
from app.rating.fmt import trim
from app.rating.model import (CreditLine, Grade, Group, Indicator, Scheme, TownshipCriteria,
                              VillageCriteria)
from app.rating.parse_indicators import parse_indicator
from app.rating.parse_vetoes import parse_veto

TOP_KEYS = ("id", "version", "record_type", "title", "event_kinds", "base", "bonus", "penalty",
            "vetoes", "grades", "veto_grade", "credit_grades", "credit_line", "validity_years",
            "appraisal_max_adjustment", "notice_days", "objection_answer_days",
            "credit_village", "credit_township")
HUNDRED = Decimal(100)

# Where in a scheme a fault is, as messages name it.
PLACES = {
    "scheme": QT_TRANSLATE_NOOP("problems", "方案"), "base": QT_TRANSLATE_NOOP("problems", "基础指标"),
    "bonus": QT_TRANSLATE_NOOP("problems", "加分指标"), "penalty": QT_TRANSLATE_NOOP("problems", "扣分指标"),
    "indicator": QT_TRANSLATE_NOOP("problems", "指标 {id}"), "veto": QT_TRANSLATE_NOOP("problems", "否决项 {id}"),
    "grades": QT_TRANSLATE_NOOP("problems", "等级"), "credit_grades": QT_TRANSLATE_NOOP("problems", "信用户等级"),
    "credit_line": QT_TRANSLATE_NOOP("problems", "授信额度"), "appraisal": QT_TRANSLATE_NOOP("problems", "评议调整"),
    "village": QT_TRANSLATE_NOOP("problems", "信用村标准"), "township": QT_TRANSLATE_NOOP("problems", "信用乡镇标准"),
}
_RECORD_TYPE = QT_TRANSLATE_NOOP("problems", "record_type 应为 {types}，现在是 {raw!r}")
_DUPLICATE = QT_TRANSLATE_NOOP("problems", "编号 {id} 重复")
_BAD_ID = QT_TRANSLATE_NOOP("problems", "编号应为非空文本，现在是 {raw!r}")
_TOTAL = QT_TRANSLATE_NOOP("problems", "基础指标满分合计 {sum} 分，不等于规定的 {total} 分")
_NO_CAP = QT_TRANSLATE_NOOP("problems", "缺少合计上限“cap”")
_GRADE_ORDER = QT_TRANSLATE_NOOP("problems", "等级 {grade} 的起点 {at_least} 不低于上一等级的起点，应从高到低排列")
_GRADE_TOP = QT_TRANSLATE_NOOP("problems", "等级 {grade} 的起点 {at_least} 超过 100 分")
_GRADE_FLOOR = QT_TRANSLATE_NOOP("problems", "最低等级 {grade} 应从 0 分起，现在从 {at_least} 分起，0–100 分未全覆盖")
_UNKNOWN_GRADE = QT_TRANSLATE_NOOP("problems", "不认识的等级“{grade}”（可用：{grades}）")
_VETO_GRADE = QT_TRANSLATE_NOOP("problems", "否决等级 {grade} 不能同时是分数等级")
_CAP_INPUT = QT_TRANSLATE_NOOP("problems", "cap_input“{input}”应为金额字段（可用：{inputs}）")
_RATIO = QT_TRANSLATE_NOOP("problems", "“{key}”是比例，应在 0 到 1 之间（0.9 即 90%），现在是 {raw}")
_ADJUSTMENT = QT_TRANSLATE_NOOP("problems", "评议调整上限应在 0 到 100 分之间，现在是 {raw}")


def parse_scheme(data: Any, file: str) -> Scheme:
    """A checked :class:`Scheme` (without its compiled form) from YAML data read from ``file``."""
    check = Checker(file, PLACES["scheme"])
    data = check.mapping(data, "方案")
    check.only(data, TOP_KEYS)
    record_type = check.need(data, "record_type")
    if record_type not in RECORD_TYPES:
        check.fail(_RECORD_TYPE, types="、".join(RECORD_TYPES), raw=record_type)
    catalog = Catalog(record_type)
    event_kinds = {str(k): check.text(v, str(k)) for k, v in (data.get("event_kinds") or {}).items()}
    groups = {group: _group(check, data, group, catalog, event_kinds)
              for group in ("base", "bonus", "penalty")}
    indicators = tuple(i for _, items in groups.values() for i in items)
    _unique(check, [i.id for i in indicators] + [v.get("id") for v in data.get("vetoes") or []])
    base_total = groups["base"][0]
    base_sum = sum((i.max for i in groups["base"][1]), Decimal("0.00"))
    if base_sum != base_total:
        check.at(PLACES["base"]).fail(_TOTAL, sum=trim(base_sum), total=trim(base_total))
    vetoes = tuple(parse_veto(check.at(PLACES["veto"].format(id=v.get("id"))), v, catalog, event_kinds)
                   for v in check.items(check.need(data, "vetoes"), "vetoes"))
    grades = _grades(check.at(PLACES["grades"]), check.need(data, "grades"))
    names = [g.grade for g in grades]
    veto_grade = check.text(check.need(data, "veto_grade"), "veto_grade")
    if veto_grade in names:
        check.at(PLACES["grades"]).fail(_VETO_GRADE, grade=veto_grade)
    credit_grades = frozenset(_known_grades(check.at(PLACES["credit_grades"]),
                                            check.items(check.need(data, "credit_grades"), "credit_grades"), names))
    return Scheme(
        id=check.text(check.need(data, "id"), "id"),
        version=check.whole(check.need(data, "version"), "version"),
        record_type=record_type, title=check.text(check.need(data, "title"), "title"), path=file,
        base_total=base_total, bonus_cap=groups["bonus"][0], penalty_cap=groups["penalty"][0],
        indicators=indicators, vetoes=vetoes, grades=grades, veto_grade=veto_grade,
        credit_grades=credit_grades,
        credit_line=_credit_line(check.at(PLACES["credit_line"]), check.need(data, "credit_line"), names, catalog),
        event_kinds=event_kinds,
        validity_years=check.whole(check.need(data, "validity_years"), "validity_years"),
        max_adjustment=_adjustment(check.at(PLACES["appraisal"]), check.need(data, "appraisal_max_adjustment")),
        notice_days=check.whole(check.need(data, "notice_days"), "notice_days"),
        objection_answer_days=check.whole(check.need(data, "objection_answer_days"),
                                          "objection_answer_days"),
        credit_village=_village(check.at(PLACES["village"]), data.get("credit_village")),
        credit_township=_township(check.at(PLACES["township"]), data.get("credit_township")),
    )


def _group(check: Checker, data: Mapping[str, Any], group: Group, catalog: Catalog,
           event_kinds: Mapping[str, str]) -> tuple[Decimal, tuple[Indicator, ...]]:
    """(total or cap, indicators) of one group; base states its ``total``, bonus/penalty their ``cap``."""
    place = check.at(PLACES[group])
    section = place.mapping(place.need(data, group), group)
    limit_key = "total" if group == "base" else "cap"
    place.only(section, (limit_key, "indicators"))
    if section.get(limit_key) is None and group != "base":
        place.fail(_NO_CAP)
    place.need(section, limit_key)
    limit = place.points(section[limit_key], limit_key)
    items = []
    for raw in place.items(place.need(section, "indicators"), "indicators"):
        raw = place.mapping(raw, "indicators[]")
        ident = raw.get("id")
        if not isinstance(ident, str) or not ident.strip():
            place.fail(_BAD_ID, raw=ident)
        items.append(parse_indicator(check.at(PLACES["indicator"].format(id=ident)), raw, group, catalog, event_kinds))
    return limit, tuple(items)


def _unique(check: Checker, ids: list[Any]) -> None:
    seen: set[Any] = set()
    for ident in ids:
        if not isinstance(ident, str) or not ident.strip():
            check.fail(_BAD_ID, raw=ident)
        if ident in seen:
            check.fail(_DUPLICATE, id=ident)
        seen.add(ident)


def _grades(check: Checker, raw: Any) -> tuple[Grade, ...]:
    grades = []
    for item in check.items(raw, "grades"):
        item = check.mapping(item, "grades[]")
        check.only(item, ("grade", "at_least"))
        grade = Grade(check.text(check.need(item, "grade"), "grade"),
                      check.points(check.need(item, "at_least"), "at_least"))
        if grade.at_least > HUNDRED:
            check.fail(_GRADE_TOP, grade=grade.grade, at_least=trim(grade.at_least))
        if grades and grade.at_least >= grades[-1].at_least:
            check.fail(_GRADE_ORDER, grade=grade.grade, at_least=trim(grade.at_least))
        if any(g.grade == grade.grade for g in grades):
            check.fail(_DUPLICATE, id=grade.grade)
        grades.append(grade)
    if grades[-1].at_least != 0:
        check.fail(_GRADE_FLOOR, grade=grades[-1].grade, at_least=trim(grades[-1].at_least))
    return tuple(grades)


def _known_grades(check: Checker, grades: list[Any], names: list[str]) -> list[str]:
    for grade in grades:
        if grade not in names:
            check.fail(_UNKNOWN_GRADE, grade=grade, grades="、".join(names))
    return grades


def _credit_line(check: Checker, raw: Any, names: list[str], catalog: Catalog) -> CreditLine:
    raw = check.mapping(raw, "credit_line")
    check.only(raw, ("by_grade", "cap_input", "cap_multiple", "round_down_to"))
    by_grade = check.mapping(check.need(raw, "by_grade"), "by_grade")
    _known_grades(check, list(by_grade), names)
    cap_input = check.need(raw, "cap_input")
    info = catalog.info(cap_input) if isinstance(cap_input, str) else None
    if info is None or info.kind != "money":
        money = [n for n in catalog.names() if catalog.kind_of(n) == "money"]
        check.fail(_CAP_INPUT, input=cap_input, inputs="、".join(money))
    return CreditLine({g: check.number(v, g) for g, v in by_grade.items()}, cap_input,
                      check.number(check.need(raw, "cap_multiple"), "cap_multiple", places=None),
                      check.number(check.need(raw, "round_down_to"), "round_down_to"))


def _adjustment(check: Checker, raw: Any) -> Decimal:
    value = check.points(raw, "appraisal_max_adjustment")
    if value > HUNDRED:
        check.fail(_ADJUSTMENT, raw=raw)
    return value


def _ratios(check: Checker, raw: Any, keys: tuple[str, ...]) -> list[Decimal]:
    raw = check.mapping(raw, "criteria")
    check.only(raw, keys)
    ratios = [check.number(check.need(raw, key), key, places=None) for key in keys]
    for key, ratio in zip(keys, ratios):
        if ratio > 1:
            check.fail(_RATIO, key=key, raw=ratio)
    return ratios


def _village(check: Checker, raw: Any) -> VillageCriteria | None:
    keys = ("filed_ratio_min", "credit_household_ratio_min", "no_overdue_ratio_min", "npl_ratio_max")
    return None if raw is None else VillageCriteria(*_ratios(check, raw, keys))


def _township(check: Checker, raw: Any) -> TownshipCriteria | None:
    keys = ("credit_village_ratio_min", "npl_ratio_max")
    return None if raw is None else TownshipCriteria(*_ratios(check, raw, keys))
