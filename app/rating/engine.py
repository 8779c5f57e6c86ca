"""The rating engine: a record, a scheme and a date in; an explained, reproducible result out.

``rate`` is pure: the same record, scheme, date and platform events give the same result,
to the last character of every reason. Money and points are ``Decimal``; nothing is float.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.errors import AdjustmentError, RecordError
from app.rating.compiled import CompiledScheme
from app.rating.events import NO_FACTS, PlatformFacts, facts_for
from app.rating.fmt import trim
from app.rating.model import Scheme
from app.rating.readers import MISSING
from app.rating.result import ExpiredEvent, RatingItem, RatingResult
from app.rating.scorers import score_group

ZERO = Decimal("0.00")
HUNDRED = Decimal("100.00")
CENT = Decimal("0.01")

BONUS_CAP = QT_TRANSLATE_NOOP("problems", "加分合计 {raw} 分，超过上限 {cap} 分，按 {cap} 分计")
PENALTY_CAP = QT_TRANSLATE_NOOP("problems", "扣分合计 {raw} 分，超过上限 {cap} 分，按 {cap} 分计")
CAP_NAMES = {"bonus": QT_TRANSLATE_NOOP("problems", "加分上限"), "penalty": QT_TRANSLATE_NOOP("problems", "扣分上限")}
_WRONG_TYPE = QT_TRANSLATE_NOOP("problems", "{field}：记录类型是 {raw!r}，方案 {scheme} 评的是 {expected}")
_BAD_CONSENT = QT_TRANSLATE_NOOP("problems", "{field}：授权书应为对象，signed 为 true 或 false")
_NOT_RATED = QT_TRANSLATE_NOOP("problems", "没有评级结果（未签署信息采集授权书），不能调整")
_OTHER_SCHEME = QT_TRANSLATE_NOOP("problems", "这份结果按方案 {result} 评出，不能按方案 {scheme} 调整")
_TOO_MUCH = QT_TRANSLATE_NOOP("problems", "评议调整 {points} 分超出方案允许的 ±{max} 分")
_NOT_POINTS = QT_TRANSLATE_NOOP("problems", "评议调整应为最多两位小数的分数，现在是 {points!r}")


def rate(record: Mapping[str, Any], scheme: Scheme, on: date, *,
         events: Sequence[Mapping[str, Any]] = ()) -> RatingResult:
    """Rate ``record`` (data-standard JSON) with ``scheme`` on ``on``.

    ``events`` are platform blacklist entries and conduct events; those about this record's
    subject feed the vetoes and the honour/penalty indicators. Raises :class:`RecordError`
    for a value that is present but malformed; absent data makes the result incomplete.
    """
    compiled = scheme.compiled
    record_type = record.get("record_type", scheme.record_type)
    if record_type != scheme.record_type:
        raise RecordError(_WRONG_TYPE.format(field="record_type", raw=record_type, scheme=scheme.ref,
                                             expected=scheme.record_type), field="record_type")
    if not _consented(record):
        return _not_rated(scheme, on)
    facts = facts_for(compiled.subject_of(record), scheme.record_type, events) if events else NO_FACTS
    values, missing = compiled.read(record, facts, on)
    expired: list[ExpiredEvent] = []
    items: list[RatingItem] = []
    base = score_group(compiled.base, values, on, expired, items)
    bonus = _capped(score_group(compiled.bonus, values, on, expired, items), scheme.bonus_cap, "bonus", items)
    penalty = _capped(ZERO - score_group(compiled.penalty, values, on, expired, items),
                      scheme.penalty_cap, "penalty", items)
    vetoes = _vetoes(compiled, values, facts, on, items)
    cap_value = values[scheme.credit_line.cap_input]
    cap = None if cap_value is MISSING else cap_value * scheme.credit_line.cap_multiple
    score, grade, credit, line = _grade(scheme, base, bonus, penalty, ZERO, vetoes, not missing, cap)
    return RatingResult(scheme.id, scheme.version, on, score, base, bonus, penalty, grade, credit,
                        vetoes, line, tuple(items), not missing, tuple(missing),
                        _unique(expired) if expired else (), credit_line_cap=cap)


def apply_adjustment(result: RatingResult, points: Decimal, scheme: Scheme, *,
                     reason: str = "") -> RatingResult:
    """The result after the village appraisal group adjusts its computed score by ``points``.

    Replaces any earlier adjustment (the bound applies to the computed score); refuses more
    than the scheme's bound, results of another scheme and unrated results. A vetoed result
    stays at the veto grade.
    """
    if result.grade is None:
        raise AdjustmentError(_NOT_RATED)
    if (result.scheme_id, result.scheme_version) != (scheme.id, scheme.version):
        raise AdjustmentError(_OTHER_SCHEME.format(result=f"{result.scheme_id}@{result.scheme_version}",
                                                   scheme=scheme.ref))
    if not isinstance(points, (Decimal, int)) or isinstance(points, bool) or \
            Decimal(points) != Decimal(points).quantize(CENT):
        raise AdjustmentError(_NOT_POINTS.format(points=points))
    points = Decimal(points).quantize(CENT)
    if abs(points) > scheme.max_adjustment:
        raise AdjustmentError(_TOO_MUCH.format(points=trim(points), max=trim(scheme.max_adjustment)))
    score, grade, credit, line = _grade(scheme, result.base, result.bonus, result.penalty, points,
                                        result.vetoes, result.complete, result.credit_line_cap)
    return replace(result, score=score, grade=grade, credit_household=credit, credit_line=line,
                   adjustment=points, adjustment_reason=reason)


def _consented(record: Mapping[str, Any]) -> bool:
    consent = record.get("consent")
    if consent is None:
        return False
    if (type(consent) is not dict and not isinstance(consent, Mapping)) or \
            not isinstance(consent.get("signed", False), bool):
        raise RecordError(_BAD_CONSENT.format(field="consent"), field="consent")
    return consent.get("signed") is True


def _not_rated(scheme: Scheme, on: date) -> RatingResult:
    return RatingResult(scheme.id, scheme.version, on, ZERO, ZERO, ZERO, ZERO, None, False, (),
                        ZERO, (), False, ("consent",))


def _capped(raw: Decimal, cap: Decimal, group: str, items: list[RatingItem]) -> Decimal:
    """A group's total (positive), held to its cap; a cap line in ``items`` explains any cut."""
    if raw <= cap:
        return raw
    template = BONUS_CAP if group == "bonus" else PENALTY_CAP
    reason = template.format(raw=trim(raw), cap=trim(cap))
    cut = cap - raw if group == "bonus" else raw - cap  # signed like the group's items
    items.append(RatingItem(f"{group}_cap", group, cut, cap, reason, CAP_NAMES[group]))
    return cap


def _vetoes(compiled: CompiledScheme, values: dict[str, Any], facts: PlatformFacts, on: date,
            items: list[RatingItem]) -> tuple[str, ...]:
    """The ids of the vetoes that apply; each adds an explained item."""
    ids = []
    for ident, name, reason, check in compiled.vetoes:
        state, detail = check(values, facts, on)
        if state:
            ids.append(ident)
            items.append(RatingItem(ident, "veto", ZERO, None, reason.format(detail=detail), name))
    return tuple(ids)


def _unique(expired: list[ExpiredEvent]) -> tuple[ExpiredEvent, ...]:
    return tuple(sorted(set(expired), key=lambda e: (e.date, e.indicator, e.kind, e.source)))


def _grade(scheme: Scheme, base: Decimal, bonus: Decimal, penalty: Decimal, adjustment: Decimal,
           vetoes: tuple[str, ...], complete: bool, cap: Decimal | None) -> tuple[Decimal, str, bool, Decimal]:
    """(score, grade, credit household, credit line) from the group totals and an adjustment.

    Only a complete, unvetoed rating in a credit grade makes a credit household.
    """
    score = min(max(base + bonus - penalty + adjustment, ZERO), HUNDRED)
    grade = scheme.veto_grade if vetoes else scheme.grade_for(score)
    credit = complete and not vetoes and grade in scheme.credit_grades
    return score, grade, credit, _credit_line(scheme, grade, cap) if credit else ZERO


def _credit_line(scheme: Scheme, grade: str, cap: Decimal | None) -> Decimal:
    """The grade's line, at most ``cap`` yuan, rounded down to the scheme's unit (e.g. 1,000)."""
    rule = scheme.credit_line
    line = rule.by_grade.get(grade, ZERO)
    if cap is not None:
        line = min(line, cap)
    if line <= 0:
        return ZERO
    return ((line // rule.round_down_to) * rule.round_down_to).quantize(CENT)
