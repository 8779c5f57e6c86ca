"""Veto items turned into callables: ``check(values, facts, on) -> (state, detail)``.

``state`` is True (vetoed), False (not vetoed) or None (cannot tell: an input is missing).
"""
from __future__ import annotations

import operator
from datetime import date
from typing import Any, Callable

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.catalog import Catalog
from app.rating.events import PlatformFacts, counts_on
from app.rating.fmt import value_text
from app.rating.model import Veto, VetoCondition
from app.rating.readers import MISSING, UNDEFINED

VetoCheck = Callable[[dict[str, Any], PlatformFacts, date], tuple[bool | None, str]]
ConditionCheck = Callable[[dict[str, Any], PlatformFacts, date], tuple[bool | None, str]]

_OPS = {"is": operator.eq, "at_least": operator.ge, "above": operator.gt,
        "below": operator.lt, "at_most": operator.le}
FIELD_DETAIL = QT_TRANSLATE_NOOP("problems", "（{label} {value}）")
LIST_DETAIL = QT_TRANSLATE_NOOP("problems", "（{case}，{agency}，{listed_on} 列入）")
EVENT_DETAIL = QT_TRANSLATE_NOOP("problems", "（{dates}）")


def compile_veto(veto: Veto, catalog: Catalog) -> VetoCheck:
    """True as soon as one condition holds; None if none holds and one could not be told."""
    checks = [_condition(c, catalog) for c in veto.conditions]

    def check(values: dict[str, Any], facts: PlatformFacts, on: date) -> tuple[bool | None, str]:
        unknown = False
        for condition in checks:
            state, detail = condition(values, facts, on)
            if state:
                return True, detail
            unknown = unknown or state is None
        return (None if unknown else False), ""
    return check


def veto_inputs(veto: Veto) -> list[str]:
    """The inputs a veto reads."""
    return [c.field if c.type == "field" else "penalties"  # type: ignore[misc]
            for c in veto.conditions if c.type != "blacklist"]


def _condition(condition: VetoCondition, catalog: Catalog) -> ConditionCheck:
    if condition.type == "field":
        return _field(condition, catalog)
    if condition.type == "blacklist":
        return _blacklist(condition)
    return _events(condition)


def _field(condition: VetoCondition, catalog: Catalog) -> ConditionCheck:
    info = catalog.info(condition.field)  # type: ignore[arg-type]
    assert info is not None
    name, compare, expected = info.name, _OPS[condition.op], condition.value  # type: ignore[index]

    def check(values: dict[str, Any], facts: PlatformFacts, on: date) -> tuple[bool | None, str]:
        value = values[name]
        if value is MISSING:
            return None, ""
        if value is UNDEFINED or not compare(value, expected):
            return False, ""
        if info.kind == "bool":
            return True, ""
        shown = info.codes.get(value, value) if info.kind == "enum" else value_text(value, info.kind)
        return True, FIELD_DETAIL.format(label=info.label, value=shown)
    return check


def _blacklist(condition: VetoCondition) -> ConditionCheck:
    kind = condition.blacklist_kind

    def check(values: dict[str, Any], facts: PlatformFacts, on: date) -> tuple[bool | None, str]:
        for entry in facts.blacklist:
            if entry.kind == kind and entry.active_on(on):
                listed = entry.listed_on.isoformat() if entry.listed_on else "—"
                return True, LIST_DETAIL.format(case=entry.case_number or "—",
                                                agency=entry.agency or "—", listed_on=listed)
        return False, ""
    return check


def _events(condition: VetoCondition) -> ConditionCheck:
    kinds, window = frozenset(condition.kinds), condition.window_years

    def check(values: dict[str, Any], facts: PlatformFacts, on: date) -> tuple[bool | None, str]:
        events = values["penalties"]
        if events is MISSING:
            return None, ""
        dates = sorted(e.on for e in events if e.kind in kinds and counts_on(e.on, on, window))
        if not dates:
            return False, ""
        return True, EVENT_DETAIL.format(dates="、".join(d.isoformat() for d in dates))
    return check
