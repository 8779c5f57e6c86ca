"""The relevance/computed expression language: what it computes, and what it refuses."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.survey.expressions import ExpressionError, Ref, Scope, compile_expression

GROUP_FIELDS = {"loans": ("balance", "kind"), "members": ("is_labour",)}
CHOICES = {"business_type": frozenset({"crops", "migrant_work", "trade"}),
           "loans.kind": frozenset({"bank", "private"})}


def resolve(name: str, context: str | None) -> Ref | None:
    """A small form: top-level fields, a consent object, loans and members groups."""
    if context and name in GROUP_FIELDS[context]:
        return Ref(lambda s: (s.item or {}).get(name), choices=CHOICES.get(f"{context}.{name}"))
    if name in GROUP_FIELDS:
        return Ref(lambda s: s.values.get(name) or [], kind="group", group=name)
    group, _, field = name.partition(".")
    if group in GROUP_FIELDS and field in GROUP_FIELDS[group]:
        return Ref(lambda s: [i.get(field) for i in s.values.get(group) or []], kind="column",
                   group=group, field=field, choices=CHOICES.get(name))
    if name in ("business_type", "head_is_labour", "other_debts", "total_assets",
                "consent.signed"):
        head, _, sub = name.partition(".")
        return Ref(lambda s: (s.values.get(head) or {}).get(sub) if sub else s.values.get(head),
                   choices=CHOICES.get(name))
    return None


VALUES = {
    "business_type": "crops", "head_is_labour": True, "other_debts": Decimal("5000.00"),
    "total_assets": Decimal("100000.00"), "consent": {"signed": True},
    "loans": [{"balance": Decimal("30000.00"), "kind": "bank"},
              {"balance": Decimal("0.00"), "kind": "private"}],
    "members": [{"is_labour": True}, {"is_labour": False}, {"is_labour": True}],
}


@pytest.mark.parametrize("source, expected", [
    ("business_type != 'migrant_work'", True),
    ("business_type == 'migrant_work'", False),
    ("business_type in ('crops', 'trade')", True),
    ("business_type not in ('crops', 'trade')", False),
    ("loans.count > 0", True),
    ("loans.count == 2", True),
    ("consent.signed == true", True),
    ("consent.signed == true and business_type == 'trade'", False),
    ("consent.signed == false or business_type == 'crops'", True),
    ("not consent.signed", False),
    ("sum(loans.balance)", Decimal("30000.00")),
    ("sum(loans.balance) + coalesce(other_debts, 0)", Decimal("35000.00")),
    ("sum(loans.balance, kind == 'private')", Decimal("0.00")),
    ("count(members)", 3),
    ("count(members, is_labour == true) + (1 if head_is_labour == true else 0)", 3),
    ("round((sum(loans.balance) + other_debts) / total_assets, 4)", Decimal("0.3500")),
    ("total_assets * 0.5 - 1", Decimal("49999.000")),
    ("-other_debts", Decimal("-5000.00")),
    ("1 < 2 <= 2", True),
])
def test_expression_evaluates_to_the_expected_value(source: str, expected: object) -> None:
    assert compile_expression(source, resolve).evaluate(Scope(VALUES)) == expected


@pytest.mark.parametrize("source, item, expected", [
    ("balance > 0", {"balance": Decimal("1.00")}, True),
    ("balance > 0", {"balance": Decimal("0.00")}, False),
    ("balance > 0", {}, False),
    ("kind == 'bank' and consent.signed", {"kind": "bank"}, True),
])
def test_names_inside_a_group_read_the_current_item_first(source: str, item: dict,
                                                          expected: bool) -> None:
    expression = compile_expression(source, resolve, context="loans")
    assert expression.holds(Scope(VALUES).enter(item)) is expected


@pytest.mark.parametrize("source, values, expected", [
    ("other_debts > 0", {}, False),          # an ordering with null does not hold
    ("other_debts == null", {}, True),
    ("other_debts != 0", {}, True),
    ("other_debts + 1", {}, None),           # null spreads through arithmetic
    ("coalesce(other_debts, 0) + 1", {}, 1),
    ("sum(loans.balance)", {}, 0),           # no items: nothing owed
    ("total_assets / 0", VALUES, None),      # no division by zero, just no value
    ("business_type > 1", VALUES, None),     # a type clash gives no value, not a crash
    ("head_is_labour == 1", VALUES, False),  # booleans are not numbers
])
def test_unanswered_questions_and_type_clashes_give_null_or_false(source: str, values: dict,
                                                                  expected: object) -> None:
    assert compile_expression(source, resolve).evaluate(Scope(values)) == expected


@pytest.mark.parametrize("source, message", [
    ("__import__('os').system('rm -rf /')",
     "未知函数“__import__('os').system”，可用：count, sum, coalesce, round"),
    ("open('x')", "未知函数“open”，可用：count, sum, coalesce, round"),
    ("business_type.__class__", "表达式引用了表单中没有的字段“business_type.__class__”"),
    ("loans[0]", "表达式中不允许使用“loans[0]”：loans[0]"),
    ("lambda: 1", "表达式中不允许使用“lambda: 1”：lambda: 1"),
    ("[x for x in loans]", "表达式中不允许使用“[x for x in loans]”：[x for x in loans]"),
    ("unknown_field > 1", "表达式引用了表单中没有的字段“unknown_field”"),
    ("business_type == 'farming'",
     "“farming”不是字段“business_type”的选项代码，可选：crops, migrant_work, trade"),
    ("loans > 0", "“loans”是一组记录，请写 loans.count 或 count(loans)"),
    ("sum(loans)", "sum() 的第一个参数写法不对，例如 sum(loans.balance)"),
    ("count(loans.balance)", "count() 的第一个参数写法不对，例如 count(members)"),
    ("2 ** 10", "表达式只允许 + - * / 四则运算：2 ** 10"),
    ("business_type is None", "表达式中不允许使用这个比较：business_type is None"),
    ("business_type ==",
     "表达式语法错误：business_type ==（写法如 balance > 0 and consent.signed == true）"),
    ("   ", "表达式为空"),
])
def test_unsafe_or_wrong_expressions_are_refused_with_a_chinese_message(source: str,
                                                                       message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(source, resolve)
    assert str(caught.value) == message


def test_an_expression_reports_the_names_it_reads() -> None:
    expression = compile_expression("loans.count > 0 and consent.signed", resolve)
    assert expression.names == {"loans.count", "consent.signed"}
