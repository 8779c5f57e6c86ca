"""12-digit statistical division codes (统计用区划代码) and their levels.

Digits 1-6 are the county (区县), 7-9 the township (乡镇/街道), 10-12 the village
(村/居委会). A county's code ends in six zeros, a township's in three.
"""
from __future__ import annotations

from typing import Literal

Level = Literal["county", "township", "village"]

DIVISION_CODE_LENGTH = 12


def is_division_code(code: str) -> bool:
    """Whether ``code`` is 12 ASCII digits."""
    return len(code) == DIVISION_CODE_LENGTH and code.isascii() and code.isdigit()


def level_of(code: str) -> Level:
    """The level of a 12-digit code: ``"county"``, ``"township"`` or ``"village"``."""
    _require_code(code)
    if code.endswith("000000"):
        return "county"
    if code.endswith("000"):
        return "township"
    return "village"


def county_of(code: str) -> str:
    """The 6-digit county code (the region code of ID numbers) of a 12-digit code."""
    _require_code(code)
    return code[:6]


def township_of(code: str) -> str:
    """The 12-digit code of the township a village (or township) code belongs to."""
    _require_code(code)
    return code[:9] + "000"


def _require_code(code: str) -> None:
    # Codes come from our own division list, so a bad one is a programming error.
    if not is_division_code(code):
        raise ValueError(f"not a 12-digit division code: {code!r}")
