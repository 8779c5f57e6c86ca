"""The operators of the expression language, with ``null`` (``None``) semantics spelled out.

Numbers stay exact: ``int`` and ``Decimal`` mix, division always gives a ``Decimal``.
"""
from __future__ import annotations

import ast
import operator
from decimal import ROUND_HALF_UP, Decimal
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

_ORDERING: dict[type, Callable[[object, object], bool]] = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}
COMPARISONS = frozenset({ast.Eq, ast.NotEq, ast.In, ast.NotIn, *_ORDERING})


def truthy(value: object) -> bool:
    """Truth of a result: ``null`` and zero and empty are false."""
    return bool(value) if value is not None else False


def compare(op: ast.cmpop, left: object, right: object) -> bool:
    """One comparison; an ordering with ``null`` on either side is false."""
    if isinstance(op, ast.Eq):
        return _same(left, right)
    if isinstance(op, ast.NotEq):
        return not _same(left, right)
    if isinstance(op, (ast.In, ast.NotIn)):
        found = any(_same(left, candidate) for candidate in right)  # type: ignore[attr-defined]
        return found if isinstance(op, ast.In) else not found
    if left is None or right is None:
        return False
    return _ORDERING[type(op)](left, right)


def _same(left: object, right: object) -> bool:
    # Booleans are not numbers here: `is_labour == 1` must not pass for true.
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    return left == right


def apply_binary(op: ast.operator, left: object, right: object) -> object:
    """``left op right`` for + - * /; ``null`` if either side is ``null`` or the divisor is 0."""
    if left is None or right is None:
        return None
    if isinstance(left, bool) or isinstance(right, bool):
        raise TypeError("booleans do not take part in arithmetic")
    if isinstance(op, ast.Add):
        return left + right  # type: ignore[operator]
    if isinstance(op, ast.Sub):
        return left - right  # type: ignore[operator]
    if isinstance(op, ast.Mult):
        return left * right  # type: ignore[operator]
    if right == 0:
        return None
    return Decimal(left) / Decimal(right)  # type: ignore[arg-type]


def sum_values(values: Iterable[object]) -> object:
    """The sum of the answered values (``0`` when none is answered)."""
    total: object = 0
    for value in values:
        if value is not None:
            total = total + value  # type: ignore[operator]
    return total


def round_to(value: object, places: int) -> object:
    """``value`` rounded half-up to ``places`` decimals; ``null`` stays ``null``."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)  # type: ignore[arg-type]


class ExpressionError(ValueError):
    """A fault in an expression, as a Chinese template with its parameters."""

    def __init__(self, template: str, **params: object):
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


@dataclass(frozen=True)
class Scope:
    """The typed values an expression reads: the whole record and, inside a group, one item."""

    values: Mapping[str, object]
    item: Mapping[str, object] | None = None

    def enter(self, item: Mapping[str, object]) -> "Scope":
        """The same record, looking at one repeat-group item."""
        return Scope(self.values, item)


Getter = Callable[[Scope], object]


@dataclass(frozen=True)
class Ref:
    """What a name means in a form: a value, a repeat group (its items) or a group's column."""

    get: Getter
    kind: str = "value"  # "value" | "group" | "column"
    choices: frozenset[str] | None = None
    group: str | None = None  # for "column": the group; for "group": its own name
    field: str | None = None  # for "column": the item field
