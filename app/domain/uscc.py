"""Unified social credit codes (统一社会信用代码, GB 32100-2015): normalise, parse, make.

18 characters: registering department (1), entity type (1), region code (6 digits),
organisation code (9) and a MOD 31 check character. The alphabet is the digits and
the capital letters without I, O, S, V and Z. Farmers' cooperatives registered with
market regulation begin with ``93``; other departments use letters (``N2`` for rural
collective economic organisations), so the first two characters may be letters.
"""
from __future__ import annotations

import unicodedata

from stdnum.cn import uscc as stdnum_uscc

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

USCC_LENGTH = 18
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Letters people type by mistake for a look-alike digit.
_LOOK_ALIKES = {"O": "0", "I": "1", "Z": "2", "S": "5", "V": "U"}


def normalize_uscc(raw: str) -> str:
    """Drop whitespace and hyphens, turn full-width characters into ASCII, upper-case letters."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).replace("-", "").upper()


def check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    return stdnum_uscc.calc_check_digit(first17)


def parse_uscc(raw: str, *, field: str = "uscc") -> str:
    """Check a credit code and return it normalised; raise :class:`DomainError` if it is wrong."""
    code = normalize_uscc(raw)
    if len(code) != USCC_LENGTH:
        raise _error(field, "uscc.length", QT_TRANSLATE_NOOP(
            "problems", "统一社会信用代码应为18位，现在是{length}位，请核对营业执照"), length=len(code))
    for index, char in enumerate(code):
        _check_character_at(index, char, field)
    expected = check_character(code[:17])
    if code[17] != expected:
        raise _error(field, "uscc.checksum", QT_TRANSLATE_NOOP(
            "problems", "统一社会信用代码第18位校验码应为 {expected}，现在是 {actual}，请核对营业执照"),
            expected=expected, actual=code[17])
    return code


def make_uscc(first17: str) -> str:
    """Append the check character to 17 valid characters (for tests and demo data)."""
    first17 = normalize_uscc(first17)
    if len(first17) != 17 or any(char not in ALPHABET for char in first17):
        raise ValueError(f"need 17 characters from {ALPHABET}, got {first17!r}")
    return first17 + check_character(first17)


def _check_character_at(index: int, char: str, field: str) -> None:
    """Refuse a character that cannot stand at ``index`` (0-based)."""
    if 2 <= index < 8 and not char.isdigit():
        raise _error(field, "uscc.characters", QT_TRANSLATE_NOOP(
            "problems", "统一社会信用代码第{position}位“{char}”应为数字（第3到8位是行政区划代码），请核对营业执照"),
            position=index + 1, char=char)
    if char in ALPHABET:
        return
    if char in _LOOK_ALIKES:
        raise _error(field, "uscc.characters", QT_TRANSLATE_NOOP(
            "problems", "统一社会信用代码不用字母 I、O、S、V、Z：第{position}位“{char}”可能应为“{suggestion}”，请核对营业执照"),
            position=index + 1, char=char, suggestion=_LOOK_ALIKES[char])
    raise _error(field, "uscc.characters", QT_TRANSLATE_NOOP(
        "problems", "统一社会信用代码第{position}位“{char}”不是有效字符，只能是数字和大写字母，请核对营业执照"),
        position=index + 1, char=char)


def _error(field: str, code: str, template: str, **params: object) -> DomainError:
    return DomainError(Problem(field=field, code=code, template=template, params=params))
