"""Money is exact: two-place Decimal yuan or integer fen, never float."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.money import format_money, format_wan, from_fen, parse_money, to_fen
from app.domain.problems import DomainError


@pytest.mark.parametrize(("raw", "value"), [
    ("85000", "85000.00"),
    ("85000.00", "85000.00"),
    ("8,500.5", "8500.50"),
    ("1,234,567.89", "1234567.89"),
    ("0.1", "0.10"),
    (".5", "0.50"),
    ("１２３．４５", "123.45"),
    ("８，５００", "8500.00"),
    (" 85000 ", "85000.00"),
    ("¥85000", "85000.00"),
    ("85000元", "85000.00"),
    ("1.000", "1.00"),
    ("0", "0.00"),
    (85000, "85000.00"),
    (Decimal("8500.5"), "8500.50"),
])
def test_accepted_amounts_become_two_place_decimals(raw, value):
    parsed = parse_money(raw, field="total_assets")
    assert parsed == Decimal(value)
    assert str(parsed) == value


@pytest.mark.parametrize(("raw", "code"), [
    (85000.0, "money.float"),
    (0.1, "money.float"),
    ("1.005", "money.decimals"),
    (Decimal("0.001"), "money.decimals"),
    ("-1", "money.negative"),
    (-1, "money.negative"),
    ("", "money.empty"),
    ("  ", "money.empty"),
    ("abc", "money.format"),
    ("85,00", "money.format"),       # a decimal comma, not thousands
    ("8,5000", "money.format"),
    ("1e5", "money.format"),
    ("NaN", "money.format"),
    ("Infinity", "money.format"),
    (Decimal("NaN"), "money.format"),
    ("1.2.3", "money.format"),
    (True, "money.format"),
    (None, "money.format"),
    ("1000000000000", "money.too_large"),
])
def test_refused_amounts_say_why(raw, code):
    with pytest.raises(DomainError) as caught:
        parse_money(raw, field="loans[0].balance")
    assert caught.value.problem.code == code
    assert caught.value.problem.field == "loans[0].balance"
    assert caught.value.problem.message  # every template fills without a missing placeholder


@pytest.mark.parametrize(("raw", "value"), [("-1", "-1.00"), ("-8,500.5", "-8500.50"), (-3, "-3.00")])
def test_negative_amounts_are_accepted_when_allowed(raw, value):
    assert parse_money(raw, field="net_profit", allow_negative=True) == Decimal(value)


def test_minus_zero_is_plain_zero():
    assert str(parse_money("-0", field="x")) == "0.00"


@pytest.mark.parametrize(("amount", "text"), [
    (Decimal("85000"), "85000.00"), (Decimal("0.5"), "0.50"), (Decimal("-12.3"), "-12.30"),
    (Decimal("1.005"), "1.01"), (Decimal("1E+5"), "100000.00"),
])
def test_format_money_writes_two_places(amount, text):
    assert format_money(amount) == text


@pytest.mark.parametrize(("amount", "text"), [
    (Decimal("85000"), "8.5 万元"),
    (Decimal("1200"), "0.12 万元"),
    (Decimal("100000"), "10 万元"),
    (Decimal("300000.00"), "30 万元"),
    (Decimal("123456"), "12.3456 万元"),
    (Decimal("0"), "0 万元"),
])
def test_format_wan_trims_trailing_zeros(amount, text):
    assert format_wan(amount) == text


@pytest.mark.parametrize(("amount", "fen"), [
    (Decimal("8500.50"), 850050), (Decimal("0.01"), 1), (Decimal("-0.05"), -5),
    (Decimal("1E+3"), 100000), (Decimal("12.3"), 1230), (Decimal("0"), 0),
])
def test_to_fen_counts_whole_fen(amount, fen):
    assert to_fen(amount) == fen


def test_to_fen_refuses_a_fraction_of_a_fen():
    with pytest.raises(ValueError):
        to_fen(Decimal("1.005"))


@pytest.mark.parametrize("bad", [1.5, 150, Decimal("NaN")])
def test_to_fen_takes_only_finite_decimals(bad):
    with pytest.raises(TypeError):
        to_fen(bad)


@given(st.integers(min_value=-10**20, max_value=10**20))
def test_fen_survive_the_round_trip_through_yuan(fen):
    yuan = from_fen(fen)
    assert yuan.as_tuple().exponent == -2
    assert to_fen(yuan) == fen


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_yuan_survive_the_round_trip_through_fen_and_text(amount):
    assert from_fen(to_fen(amount)) == amount
    assert parse_money(format_money(amount), field="x", allow_negative=True) == amount
