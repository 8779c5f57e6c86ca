"""A rating scheme as checked, immutable Python values (what a scheme file says, nothing more).

Points are ``Decimal`` with two places. Penalty points are written and kept as positive
amounts that are deducted. Ratios (debt ratio, criteria) are fractions: 0.20 means 20 %.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal, Mapping

Group = Literal["base", "bonus", "penalty"]
Rule = Literal["bands", "table", "flag", "events", "per_unit"]


@dataclass(frozen=True)
class Band:
    """A value range and its points; a missing bound is open (−∞ or +∞)."""

    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    points: Decimal
    label: str

    def contains(self, value: Decimal | int) -> bool:
        """True if ``value`` lies in this band."""
        if self.lower is not None and (value < self.lower or (value == self.lower and not self.lower_inclusive)):
            return False
        return self.upper is None or value < self.upper or (value == self.upper and self.upper_inclusive)


@dataclass(frozen=True)
class EventRule:
    """Counted events: which list, which kinds (penalties), the window and the points per event."""

    source: str
    kinds: tuple[str, ...]
    window_years: int
    points_each: Decimal | None
    points_by_level: Mapping[str, Decimal]


@dataclass(frozen=True)
class Indicator:
    """One scored indicator; exactly one of the rule fields is filled, as ``rule`` says."""

    id: str
    name: str
    group: Group
    rule: Rule
    input: str | None
    max: Decimal | None
    reason: str
    bands: tuple[Band, ...] = ()
    table: Mapping[str, Decimal] = field(default_factory=dict)
    if_true: Decimal = Decimal("0.00")
    if_false: Decimal = Decimal("0.00")
    events: EventRule | None = None
    per_unit: Decimal | None = None
    undefined_points: Decimal | None = None
    undefined_reason: str = ""


@dataclass(frozen=True)
class VetoCondition:
    """``field`` compared with ``op``/``value``; or an active ``blacklist`` entry of a kind;
    or an event of ``kinds`` in ``source`` within ``window_years``."""

    type: Literal["field", "blacklist", "events"]
    field: str | None = None
    op: str | None = None
    value: Any = None
    blacklist_kind: str | None = None
    source: str | None = None
    kinds: tuple[str, ...] = ()
    window_years: int = 0


@dataclass(frozen=True)
class Veto:
    id: str
    name: str
    conditions: tuple[VetoCondition, ...]  # any one of them vetoes
    reason: str


@dataclass(frozen=True)
class Grade:
    grade: str
    at_least: Decimal


@dataclass(frozen=True)
class CreditLine:
    """Credit line per grade (yuan), capped at ``cap_multiple`` × the ``cap_input`` value,
    rounded down to a multiple of ``round_down_to`` yuan."""

    by_grade: Mapping[str, Decimal]
    cap_input: str
    cap_multiple: Decimal
    round_down_to: Decimal


@dataclass(frozen=True)
class VillageCriteria:
    filed_ratio_min: Decimal
    credit_household_ratio_min: Decimal
    no_overdue_ratio_min: Decimal
    npl_ratio_max: Decimal


@dataclass(frozen=True)
class TownshipCriteria:
    credit_village_ratio_min: Decimal
    npl_ratio_max: Decimal


@dataclass(frozen=True)
class Scheme:
    """A checked scheme; ``compiled`` holds the callables the engine runs (built at load time)."""

    id: str
    version: int
    record_type: str
    title: str
    path: str
    base_total: Decimal
    bonus_cap: Decimal
    penalty_cap: Decimal
    indicators: tuple[Indicator, ...]
    vetoes: tuple[Veto, ...]
    grades: tuple[Grade, ...]  # highest first; the last one starts at 0
    veto_grade: str
    credit_grades: frozenset[str]
    credit_line: CreditLine
    event_kinds: Mapping[str, str]
    validity_years: int
    max_adjustment: Decimal
    notice_days: int
    objection_answer_days: int
    credit_village: VillageCriteria | None = None
    credit_township: TownshipCriteria | None = None
    compiled: Any = field(default=None, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """``"ID@VERSION"``, how results and the CLI name a scheme."""
        return f"{self.id}@{self.version}"

    def grade_for(self, score: Decimal) -> str:
        """The grade band that ``score`` (0–100) falls in, ignoring vetoes."""
        for grade in self.grades:
            if score >= grade.at_least:
                return grade.grade
        return self.grades[-1].grade

    def valid_until(self, confirmed_on: date) -> date:
        """The last day a rating confirmed on ``confirmed_on`` is valid (the day before the anniversary)."""
        try:
            anniversary = confirmed_on.replace(year=confirmed_on.year + self.validity_years)
        except ValueError:  # 29 February in a year without one
            anniversary = date(confirmed_on.year + self.validity_years, 3, 1)
        return date.fromordinal(anniversary.toordinal() - 1)
