"""Compiles a whitelisted Python syntax tree into closures (see :mod:`app.survey.expressions`)."""
from __future__ import annotations

import ast
from decimal import Decimal
from typing import Callable

from app.domain.problems import QT_TRANSLATE_NOOP
from app.survey.expression_ops import (COMPARISONS, ExpressionError, Getter, Ref, Scope,
                                       apply_binary, compare, round_to, sum_values, truthy)

_NAMED_LITERALS = {"true": True, "false": False, "null": None}
_FUNCTIONS = ("count", "sum", "coalesce", "round")
#: Resolves a dotted name in a group context (``None`` at the top level), or returns ``None``.
Resolver = Callable[[str, "str | None"], "Ref | None"]


class Compiler:
    """Turns whitelisted syntax nodes into closures over a :class:`Scope`."""

    def __init__(self, source: str, resolve: Resolver):
        self.source = source
        self.resolve = resolve
        self.names: set[str] = set()

    def node(self, node: ast.expr, context: str | None) -> Getter:
        """The closure for one node; only the node types in ``_HANDLERS`` are accepted."""
        handler = _HANDLERS.get(type(node))
        if handler is None:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式中不允许使用“{syntax}”：{text}"),
                                  syntax=ast.get_source_segment(self.source, node) or
                                  type(node).__name__, text=self.source)
        return getattr(self, handler)(node, context)

    def _Constant(self, node: ast.Constant, context: str | None) -> Getter:
        value = _literal(node, self.source)
        return lambda scope: value

    def _Name(self, node: ast.expr, context: str | None) -> Getter:
        if isinstance(node, ast.Name) and node.id in _NAMED_LITERALS:
            value = _NAMED_LITERALS[node.id]
            return lambda scope: value
        ref = self.reference(node, context)
        if ref.kind == "group":
            raise ExpressionError(QT_TRANSLATE_NOOP(
                "problems", "“{name}”是一组记录，请写 {name}.count 或 count({name})"), name=ref.group)
        return ref.get

    def reference(self, node: ast.expr, context: str | None) -> Ref:
        """Resolve a dotted name (``a`` or ``a.b``), including ``group.count``."""
        dotted = _dotted(node)
        if dotted is None:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "“{syntax}”不是字段名"),
                                  syntax=ast.get_source_segment(self.source, node) or "?")
        ref = self.resolve(dotted, context)
        if ref is None and dotted.endswith(".count"):
            group = self.resolve(dotted[: -len(".count")], context)
            if group is not None and group.kind == "group":
                ref = Ref(lambda scope, items=group.get: len(items(scope) or ()))
        if ref is None:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式引用了表单中没有的字段“{name}”"),
                                  name=dotted)
        self.names.add(dotted)
        return ref

    def _BoolOp(self, node: ast.BoolOp, context: str | None) -> Getter:
        parts = [self.node(value, context) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda scope: all(truthy(part(scope)) for part in parts)
        return lambda scope: any(truthy(part(scope)) for part in parts)

    def _UnaryOp(self, node: ast.UnaryOp, context: str | None) -> Getter:
        operand = self.node(node.operand, context)
        if isinstance(node.op, ast.Not):
            return lambda scope: not truthy(operand(scope))
        if isinstance(node.op, ast.USub):
            return lambda scope: apply_binary(ast.Sub(), 0, operand(scope))
        raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式中不允许使用这个运算符：{text}"),
                              text=self.source)

    def _BinOp(self, node: ast.BinOp, context: str | None) -> Getter:
        if not isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式只允许 + - * / 四则运算：{text}"),
                                  text=self.source)
        left, right, op = self.node(node.left, context), self.node(node.right, context), node.op
        return lambda scope: apply_binary(op, left(scope), right(scope))

    def _IfExp(self, node: ast.IfExp, context: str | None) -> Getter:
        test, body = self.node(node.test, context), self.node(node.body, context)
        orelse = self.node(node.orelse, context)
        return lambda scope: body(scope) if truthy(test(scope)) else orelse(scope)

    def _Tuple(self, node: ast.Tuple | ast.List, context: str | None) -> Getter:
        values = tuple(_literal(item, self.source) for item in node.elts)
        return lambda scope: values

    def _Compare(self, node: ast.Compare, context: str | None) -> Getter:
        operands = [node.left, *node.comparators]
        for op in node.ops:
            if type(op) not in COMPARISONS:
                raise ExpressionError(QT_TRANSLATE_NOOP("problems", "表达式中不允许使用这个比较：{text}"),
                                      text=self.source)
        for left, right in zip(operands, operands[1:]):
            self.check_choice_codes(left, right, context)
        getters = [self.node(operand, context) for operand in operands]
        ops = list(node.ops)

        def run(scope: Scope) -> bool:
            values = [getter(scope) for getter in getters]
            return all(compare(op, a, b) for op, a, b in zip(ops, values, values[1:]))
        return run

    def check_choice_codes(self, left: ast.expr, right: ast.expr, context: str | None) -> None:
        """A string compared with a choice field must be one of that field's codes."""
        for field_node, other in ((left, right), (right, left)):
            dotted = _dotted(field_node)
            ref = self.resolve(dotted, context) if dotted else None
            if ref is None or ref.choices is None:
                continue
            items = other.elts if isinstance(other, (ast.Tuple, ast.List)) else [other]
            for item in items:
                if isinstance(item, ast.Constant) and isinstance(item.value, str) \
                        and item.value not in ref.choices:
                    raise ExpressionError(QT_TRANSLATE_NOOP(
                        "problems", "“{code}”不是字段“{name}”的选项代码，可选：{codes}"),
                        code=item.value, name=dotted, codes=", ".join(sorted(ref.choices)))

    def _Call(self, node: ast.Call, context: str | None) -> Getter:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in _FUNCTIONS or node.keywords:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "未知函数“{name}”，可用：{functions}"),
                                  name=ast.get_source_segment(self.source, node.func) or "?",
                                  functions=", ".join(_FUNCTIONS))
        return getattr(self, "call_" + name)(node.args, context)

    def call_count(self, args: list[ast.expr], context: str | None) -> Getter:
        group = self._aggregate_ref(args, "count", "group", context)
        condition = self._condition(args, group.group)
        return lambda scope: sum(1 for item in group.get(scope) or ()
                                 if condition(scope.enter(item)))

    def call_sum(self, args: list[ast.expr], context: str | None) -> Getter:
        column = self._aggregate_ref(args, "sum", "column", context)
        items = self.resolve(column.group or "", None)
        condition, field = self._condition(args, column.group), column.field or ""
        assert items is not None  # a column's group always resolves
        return lambda scope: sum_values(item.get(field) for item in items.get(scope) or ()
                                        if condition(scope.enter(item)))

    def call_coalesce(self, args: list[ast.expr], context: str | None) -> Getter:
        if not args:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "coalesce() 至少需要一个参数"))
        parts = [self.node(arg, context) for arg in args]
        return lambda scope: next((v for v in (p(scope) for p in parts) if v is not None), None)

    def call_round(self, args: list[ast.expr], context: str | None) -> Getter:
        if len(args) != 2 or not (isinstance(args[1], ast.Constant) and type(args[1].value) is int):
            raise ExpressionError(QT_TRANSLATE_NOOP(
                "problems", "round() 的写法是 round(数值, 小数位数)"))
        value, places = self.node(args[0], context), args[1].value
        return lambda scope: round_to(value(scope), places)

    def _aggregate_ref(self, args: list[ast.expr], name: str, kind: str,
                       context: str | None) -> Ref:
        if not 1 <= len(args) <= 2:
            raise ExpressionError(QT_TRANSLATE_NOOP("problems", "{name}() 需要一个或两个参数"),
                                  name=name)
        ref = self.reference(args[0], context)
        if ref.kind != kind:
            example = "count(members)" if kind == "group" else "sum(loans.balance)"
            raise ExpressionError(QT_TRANSLATE_NOOP(
                "problems", "{name}() 的第一个参数写法不对，例如 {example}"), name=name, example=example)
        return ref

    def _condition(self, args: list[ast.expr], group: str | None) -> Callable[[Scope], bool]:
        if len(args) < 2:
            return lambda scope: True
        test = self.node(args[1], group)
        return lambda scope: truthy(test(scope))


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else ``None``."""
    if isinstance(node, ast.Name):
        return None if node.id in _NAMED_LITERALS else node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def _literal(node: ast.expr, source: str) -> object:
    """A literal's value; numbers become exact (``int`` or ``Decimal`` from the source text)."""
    if isinstance(node, ast.Name) and node.id in _NAMED_LITERALS:
        return _NAMED_LITERALS[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal(node.operand, source)
        if isinstance(inner, (int, Decimal)) and not isinstance(inner, bool):
            return -inner
    if isinstance(node, ast.Constant):
        value = node.value
        if value is None or isinstance(value, (bool, str, int)):
            return value
        if isinstance(value, float):
            return Decimal(ast.get_source_segment(source, node) or repr(value))
    raise ExpressionError(QT_TRANSLATE_NOOP(
        "problems", "“{syntax}”不是允许的常量（数字、'文字'、true、false、null）"),
        syntax=ast.get_source_segment(source, node) or "?")


#: The whitelist: syntax node type -> the Compiler method that compiles it.
_HANDLERS: dict[type, str] = {
    ast.Constant: "_Constant", ast.Name: "_Name", ast.Attribute: "_Name", ast.BoolOp: "_BoolOp",
    ast.UnaryOp: "_UnaryOp", ast.BinOp: "_BinOp", ast.IfExp: "_IfExp", ast.Tuple: "_Tuple",
    ast.List: "_Tuple", ast.Compare: "_Compare", ast.Call: "_Call"}
