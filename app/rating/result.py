"""The rating result of the data standard ("Rating result"), with its JSON form.

Item ``points`` are signed contributions (penalties negative), so the items of a group
add up to the group total shown in ``base``/``bonus`` and, negated, ``penalty`` (which is
the positive amount deducted). ``score`` = base + bonus − penalty + adjustment, clamped to 0–100.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Mapping, NamedTuple

from app.domain.money import format_money

CENT = Decimal("0.01")


def decimal_text(value: Decimal) -> str:
    """Two places, as the data standard writes points: ``"85.00"``, ``"-5.00"``."""
    return f"{value.quantize(CENT):f}"


class RatingItem:
    """One explained line: an indicator's points, or a group cap, or a veto (0 points).

    ``reason`` is the Chinese explanation. The engine may hand it over as a function and
    its arguments (``explain``), so that a rating whose text nobody reads does not pay for
    formatting numbers; the text is made, always the same, when first asked for.
    """

    __slots__ = ("indicator", "kind", "points", "max", "name", "_reason", "_explain")

    def __init__(self, indicator: str, kind: str, points: Decimal, max: Decimal | None,  # noqa: A002
                 reason: str | Callable[..., str], name: str, explain: tuple[Any, ...] | None = None):
        self.indicator = indicator
        self.kind = kind  # base, bonus, penalty, veto
        self.points = points
        self.max = max
        self.name = name
        self._reason = reason
        self._explain = explain

    @property
    def reason(self) -> str:
        if self._explain is not None:
            self._reason = self._reason(*self._explain)  # type: ignore[operator]
            self._explain = None
        return self._reason  # type: ignore[return-value]

    def _key(self) -> tuple[Any, ...]:
        return (self.indicator, self.kind, self.points, self.max, self.reason, self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RatingItem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"RatingItem{self._key()!r}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"indicator": self.indicator, "name": self.name, "kind": self.kind,
                                "points": decimal_text(self.points)}
        if self.max is not None:
            data["max"] = decimal_text(self.max)
        data["reason"] = self.reason
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RatingItem:
        top = data.get("max")
        return cls(data["indicator"], data["kind"], Decimal(data["points"]),
                   None if top is None else Decimal(top), data["reason"], data.get("name", ""))


class ExpiredEvent(NamedTuple):
    """An event too old to count on the rating date: retention should remove it from the file."""

    indicator: str
    kind: str
    date: date
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "kind": self.kind, "date": self.date.isoformat(),
                "source": self.source}


@dataclass(frozen=True)
class RatingResult:
    """A rating. ``grade`` is None when the household was not rated (no consent)."""

    scheme_id: str
    scheme_version: int
    rated_on: date
    score: Decimal
    base: Decimal
    bonus: Decimal
    penalty: Decimal
    grade: str | None
    credit_household: bool
    vetoes: tuple[str, ...]
    credit_line: Decimal
    items: tuple[RatingItem, ...]
    complete: bool
    missing: tuple[str, ...]
    expired_events: tuple[ExpiredEvent, ...] = ()
    adjustment: Decimal = Decimal("0.00")
    adjustment_reason: str = ""
    credit_line_cap: Decimal | None = None  # yuan; the income/revenue cap, None if unknown

    def to_json(self) -> dict[str, Any]:
        """The data-standard JSON: decimals as two-place strings, the credit line as money."""
        cap = self.credit_line_cap
        return {
            "scheme_id": self.scheme_id, "scheme_version": self.scheme_version,
            "rated_on": self.rated_on.isoformat(),
            "score": decimal_text(self.score), "base": decimal_text(self.base),
            "bonus": decimal_text(self.bonus), "penalty": decimal_text(self.penalty),
            "adjustment": decimal_text(self.adjustment), "adjustment_reason": self.adjustment_reason,
            "grade": self.grade, "credit_household": self.credit_household,
            "vetoes": list(self.vetoes), "credit_line": format_money(self.credit_line),
            "credit_line_cap": None if cap is None else format_money(cap),
            "items": [item.to_json() for item in self.items],
            "complete": self.complete, "missing": list(self.missing),
            "expired_events": [event.to_json() for event in self.expired_events],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RatingResult:
        """The result back from :meth:`to_json` (for stored ratings that are later adjusted)."""
        cap = data.get("credit_line_cap")
        return cls(
            data["scheme_id"], int(data["scheme_version"]), date.fromisoformat(data["rated_on"]),
            Decimal(data["score"]), Decimal(data["base"]), Decimal(data["bonus"]),
            Decimal(data["penalty"]), data.get("grade"), bool(data["credit_household"]),
            tuple(data.get("vetoes", ())), Decimal(data["credit_line"]),
            tuple(RatingItem.from_json(item) for item in data.get("items", ())),
            bool(data["complete"]), tuple(data.get("missing", ())),
            tuple(ExpiredEvent(e["indicator"], e["kind"], date.fromisoformat(e["date"]), e["source"])
                  for e in data.get("expired_events", ())),
            Decimal(data.get("adjustment", "0.00")), data.get("adjustment_reason", ""),
            None if cap is None else Decimal(cap))
