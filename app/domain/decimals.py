"""Reading decimal numbers that people type, shared by money and area.

The callers give their own Chinese messages; this module only says what is wrong
with the text, so that each message can name the field's unit (元, 亩).
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import Enum

CENT = Decimal("0.01")
# Optional sign, digits with or without correct thousands grouping, optional fraction.
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


class Fault(Enum):
    """Why a value is not a decimal with at most two places."""

    EMPTY = "empty"
    FLOAT = "float"
    FORMAT = "format"
    DECIMALS = "decimals"


class DecimalFault(Exception):
    """Raised by :func:`read_two_places` with the :class:`Fault`."""

    def __init__(self, fault: Fault):
        super().__init__(fault.value)
        self.fault = fault


def read_two_places(raw: object, *, strip_units: tuple[str, ...] = ()) -> Decimal:
    """``raw`` (str, int or Decimal) as a Decimal with exactly two places.

    Text may use full-width digits, thousands separators and the given unit words
    (``strip_units``, e.g. ``("元", "¥")``). Trailing zeros beyond two places are
    harmless (``"1.000"``); any other third decimal raises ``DecimalFault(DECIMALS)``.
    """
    if isinstance(raw, float):
        raise DecimalFault(Fault.FLOAT)
    if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal)):
        raise DecimalFault(Fault.FORMAT)
    value = _decimal_of_text(raw, strip_units) if isinstance(raw, str) else Decimal(raw)
    if not value.is_finite():
        raise DecimalFault(Fault.FORMAT)
    if value != value.quantize(CENT):
        raise DecimalFault(Fault.DECIMALS)
    # 0 + value turns "-0.00" into "0.00".
    return (value.quantize(CENT)) + 0


def _decimal_of_text(raw: str, strip_units: tuple[str, ...]) -> Decimal:
    text = "".join(unicodedata.normalize("NFKC", raw).split())
    for unit in strip_units:
        text = text.removeprefix(unit).removesuffix(unit)
    if not text:
        raise DecimalFault(Fault.EMPTY)
    if not (_PLAIN.fullmatch(text) or _GROUPED.fullmatch(text)):
        raise DecimalFault(Fault.FORMAT)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
        raise DecimalFault(Fault.FORMAT) from None
