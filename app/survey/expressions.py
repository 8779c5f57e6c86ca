"""A tiny, safe expression language for relevance (skip logic) and computed fields.

Written like Python and parsed with :mod:`ast`, but never evaluated by Python: the syntax tree
is checked against a whitelist and compiled into closures. What it accepts:

- literals: numbers (exact, as ``Decimal``/``int``), ``'strings'``, ``true``, ``false``, ``null``,
  tuples/lists of literals after ``in``;
- field references: ``business_type``, ``consent.signed``; inside a repeat group a bare name is
  the item's own field (``balance > 0`` on a loan), else a top-level field;
- ``group.count`` (number of items), ``group.field`` (that field over all items);
- ``and``, ``or``, ``not``, comparisons (``== != < <= > >= in not in``), ``+ - * /``,
  ``a if cond else b``;
- functions: ``count(group)``, ``count(group, cond)``, ``sum(group.field)``,
  ``sum(group.field, cond)`` (``cond`` is read inside each item), ``coalesce(a, b, ...)``,
  ``round(x, places)``.

``null`` (an absent answer) spreads through arithmetic, compares unequal to everything but
``null``, and makes ``<``-style comparisons false, so a skip condition over an unanswered
question simply does not hold.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from app.domain.problems import QT_TRANSLATE_NOOP
from app.survey.expression_compiler import Compiler, Resolver
from app.survey.expression_ops import ExpressionError, Getter, Ref, Scope, truthy

__all__ = ["Expression", "ExpressionError", "Ref", "Resolver", "Scope", "compile_expression"]

MAX_LENGTH = 500

@dataclass(frozen=True)
class Expression:
    """A compiled expression and the field names it reads."""

    source: str
    names: frozenset[str]
    run: Getter

    def evaluate(self, scope: Scope) -> object:
        """The value; ``None`` when the data cannot answer (a type clash, a division by zero)."""
        try:
            return self.run(scope)
        except (TypeError, ArithmeticError):
            return None

    def holds(self, scope: Scope) -> bool:
        """Whether the expression is true for ``scope`` (``null`` counts as false)."""
        return truthy(self.evaluate(scope))


def compile_expression(source: str, resolve: Resolver, context: str | None = None) -> Expression:
    """Check and compile ``source``; raise :class:`ExpressionError` naming the first fault."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式为空"))
    if len(source) > MAX_LENGTH:
        raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式超过 {limit} 个字符"), limit=MAX_LENGTH)
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError:
        raise ExpressionError(QT_TRANSLATE_NOOP(
            "problems", "表达式语法错误：{text}（写法如 balance > 0 and consent.signed == true）"),
            text=source.strip()) from None
    compiler = Compiler(source.strip(), resolve)
    run = compiler.node(tree.body, context)
    return Expression(source.strip(), frozenset(compiler.names), run)


