"""Mainland phone numbers: mobiles and landlines, normalised to one written form.

- Mobile: ``1[3-9]`` and 9 more digits, stored as 11 bare digits (``13812345678``);
  a leading ``+86``/``0086`` and spaces or hyphens are dropped.
- Landline: area code ``010``/``02X`` (3 digits) or ``0XXX`` (4 digits) and a 7- or
  8-digit subscriber number not starting with 0, stored as ``0755-12345678``,
  with an optional extension: ``0755-12345678-123``.
"""
from __future__ import annotations

import re
import unicodedata

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SUBSCRIBER = re.compile(r"[1-9]\d{6,7}")
_COUNTRY_PREFIX = re.compile(r"^(?:\+|00)86[\s-]*")
_SEPARATORS = re.compile(r"[\s\-()]")
# An extension named as such: 转 / 分机 / ext / x / #, then 1-6 digits at the end.
_NAMED_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
# An extension written as a last hyphenated group: 0755-12345678-123.
_HYPHEN_EXTENSION = re.compile(r"-(\d{1,6})$")


def area_code_length(digits: str) -> int:
    """Length of the area code that starts ``digits``: 3 for 010 and 02X, else 4."""
    return 3 if digits[:3] == "010" or digits[:2] == "02" else 4


def parse_phone(raw: str, *, field: str = "phone") -> str:
    """Check a phone number and return its normalised form; raise :class:`DomainError` if wrong."""
    text = unicodedata.normalize("NFKC", raw).strip()
    bare = _SEPARATORS.sub("", _COUNTRY_PREFIX.sub("", text))
    if bare.startswith("1"):
        if _MOBILE.fullmatch(bare):
            return bare
        if bare.isdigit() and len(bare) != 11:
            raise DomainError(Problem(field, "phone.mobile_length", QT_TRANSLATE_NOOP(
                "problems", "手机号码应为11位，现在是{length}位，请核对"), {"length": len(bare)}))
    landline = _parse_landline(text)
    if landline is None:
        raise DomainError(Problem(field, "phone.format", QT_TRANSLATE_NOOP(
            "problems", "无法识别电话号码“{raw}”：手机号为1开头的11位数字，"
                     "固定电话请写成“区号-号码”，如 0755-12345678"), {"raw": raw}))
    return landline


def split_landline(number: str) -> tuple[str, str, str]:
    """Split a normalised landline into (area code, subscriber, extension or "")."""
    area, subscriber, *extension = number.split("-")
    return area, subscriber, extension[0] if extension else ""


def _parse_landline(text: str) -> str | None:
    """The normalised landline in ``text``, or None if it is not one."""
    named = _NAMED_EXTENSION.search(text)
    if named:
        return _landline_from(text[: named.start()], named.group(1))
    whole = _landline_from(text, "")
    if whole is not None:
        return whole
    hyphen = _HYPHEN_EXTENSION.search(text.rstrip())
    if hyphen:
        return _landline_from(text.rstrip()[: hyphen.start()], hyphen.group(1))
    return None


def _landline_from(text: str, extension: str) -> str | None:
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or not digits.startswith("0"):
        return None
    area, subscriber = digits[: area_code_length(digits)], digits[area_code_length(digits):]
    if not _SUBSCRIBER.fullmatch(subscriber):
        return None
    return f"{area}-{subscriber}" + (f"-{extension}" if extension else "")
