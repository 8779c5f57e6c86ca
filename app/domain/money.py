"""Money in yuan as ``Decimal`` with two places, or as integer fen; never float.

The data standard writes money as a string of yuan (``"85000.00"``); storage may
keep integer fen (1 yuan = 100 fen); certificates and reports show 万元.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.domain.decimals import CENT, DecimalFault, Fault, read_two_places
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

# Far above any household or cooperative, far below what an SQLite integer of fen holds.
MAX_YUAN = Decimal("1000000000000")
_TEN_THOUSAND = Decimal(10000)
_WAN_PLACES = Decimal("0.0001")  # 0.0001 万元 = 1 yuan

_FAULT_TEMPLATES = {
    Fault.EMPTY: QT_TRANSLATE_NOOP("problems", "请填写金额（以元为单位的数字，如 85000）"),
    Fault.FLOAT: QT_TRANSLATE_NOOP(
        "problems", "金额不能用浮点数表示，请写成带两位小数的字符串，如 \"85000.00\""),
    Fault.FORMAT: QT_TRANSLATE_NOOP(
        "problems", "“{raw}”不是金额，请填写以元为单位的数字，如 85000 或 8,500.50"),
    Fault.DECIMALS: QT_TRANSLATE_NOOP(
        "problems", "金额“{raw}”最多到分（两位小数），请核对"),
}


def parse_money(raw: str | int | Decimal, *, field: str, allow_negative: bool = False) -> Decimal:
    """Yuan with two places from text, int or Decimal; raise :class:`DomainError` if not money.

    Accepts thousands separators, full-width digits and a ``¥``/``元`` sign;
    refuses floats, more than two decimals, and negatives unless ``allow_negative``.
    """
    try:
        value = read_two_places(raw, strip_units=("¥", "元"))
    except DecimalFault as fault:
        raise DomainError(Problem(field, f"money.{fault.fault.value}",
                                  _FAULT_TEMPLATES[fault.fault], {"raw": str(raw)})) from None
    if value < 0 and not allow_negative:
        raise DomainError(Problem(field, "money.negative", QT_TRANSLATE_NOOP(
            "problems", "金额不能为负数（现在是 {raw}），请核对"), {"raw": str(raw)}))
    if abs(value) >= MAX_YUAN:
        raise DomainError(Problem(field, "money.too_large", QT_TRANSLATE_NOOP(
            "problems", "金额 {raw} 元大得不合常理，请核对是否多填了位数"), {"raw": str(raw)}))
    return value


def format_money(amount: Decimal) -> str:
    """Yuan as the data standard writes it: ``"85000.00"`` (rounded half up to the fen)."""
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def to_fen(amount: Decimal) -> int:
    """Whole fen in ``amount`` yuan; ``ValueError`` if it has a fraction of a fen."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise TypeError(f"to_fen needs a finite Decimal, got {amount!r}")
    sign, digits, exponent = amount.as_tuple()
    coefficient = int("".join(map(str, digits)))
    shift = int(exponent) + 2  # yuan to fen is two places left
    if shift >= 0:
        fen = coefficient * 10**shift
    else:
        # Integer arithmetic, so no Decimal context can round it.
        fen, rest = divmod(coefficient, 10**-shift)
        if rest:
            raise ValueError(f"{amount} yuan is not a whole number of fen")
    return -fen if sign else fen


def from_fen(fen: int) -> Decimal:
    """Yuan with two places for a whole number of fen."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"from_fen needs an int, got {fen!r}")
    # Built from text, so it is exact whatever the Decimal context precision.
    return Decimal(f"{fen}E-2")


def format_wan(amount: Decimal) -> str:
    """Yuan shown in 万元 to the yuan, trailing zeros trimmed: 85000 → ``"8.5 万元"``."""
    wan = (amount / _TEN_THOUSAND).quantize(_WAN_PLACES, rounding=ROUND_HALF_UP)
    text = f"{wan:f}".rstrip("0").rstrip(".")
    return f"{'0' if text in ('', '-0') else text} 万元"
