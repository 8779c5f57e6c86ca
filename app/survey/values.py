"""One answer: from what a person, a spreadsheet or the platform gives to a typed value, and back.

Typed values: ``str`` (text, codes, ID numbers, credit codes, phones, UUIDs), ``int``,
``Decimal`` (decimal; money in yuan and areas in mu, both with two places), ``bool``,
``datetime.date``, ``list[str]`` (multiple choice, UUID lists).
"""
from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from app.domain.area import parse_area
from app.domain.idnumber import parse_id_number
from app.domain.money import format_money, parse_money
from app.domain.phone import parse_phone
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.domain.uscc import parse_uscc
from app.survey.form_model import Field

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE, _FALSE = ("true", "是", "yes", "1"), ("false", "否", "no", "0")


def fault(path: str, code: str, template: str, **params: object) -> DomainError:
    """A :class:`DomainError` for the field at ``path``."""
    return DomainError(Problem(path, code, template, params))


def parse_value(field: Field, raw: object, path: str, today: date) -> object:
    """The typed value of one non-blank answer; raise :class:`DomainError` if it is not one."""
    kind = field.type
    if kind == "money":
        return parse_money(raw, field=path,  # type: ignore[arg-type]
                           allow_negative=field.allow_negative)
    if kind == "area":
        return parse_area(raw, field=path)  # type: ignore[arg-type]
    if kind in _CODE_PARSERS:
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise fault(path, "field.type", QT_TRANSLATE_NOOP(
                "problems", "{label}应填写文字，现在是“{raw}”"), label=field.label, raw=raw)
        return _CODE_PARSERS[kind](str(raw), path, today)
    return _PARSERS[kind](field, raw, path)


def _text(field: Field, raw: object, path: str) -> str:
    # A spreadsheet cell holding digits, e.g. a village code.
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if not isinstance(raw, str):
        raise fault(path, "field.type", QT_TRANSLATE_NOOP("problems", "{label}应填写文字"),
                    label=field.label)
    return raw.strip()


def _integer(field: Field, raw: object, path: str) -> int:
    text = unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else raw
    if isinstance(text, str) and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    # Spreadsheets hand over whole numbers as 3.0.
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool) \
            and text == int(text):
        return int(text)
    raise fault(path, "integer.format", QT_TRANSLATE_NOOP(
        "problems", "{label}应为整数，现在是“{raw}”"), label=field.label, raw=raw)


def _decimal(field: Field, raw: object, path: str) -> Decimal:
    try:
        if isinstance(raw, (bool, float)):
            raise InvalidOperation
        text = unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else raw
        value = Decimal(text)  # type: ignore[arg-type]
        if value.is_finite():
            return value
    except (InvalidOperation, TypeError, ValueError):
        pass
    raise fault(path, "decimal.format", QT_TRANSLATE_NOOP(
        "problems", "{label}应为数字（不能是浮点数），现在是“{raw}”"), label=field.label, raw=raw)


def _date(field: Field, raw: object, path: str) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise fault(path, "date.format", QT_TRANSLATE_NOOP(
        "problems", "{label}“{raw}”不是有效日期，请写成 2024-03-15 这样的格式"),
        label=field.label, raw=raw)


def _boolean(field: Field, raw: object, path: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = raw.strip().lower() if isinstance(raw, str) else None
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise fault(path, "boolean.format", QT_TRANSLATE_NOOP(
        "problems", "{label}应选“是”或“否”，现在是“{raw}”"), label=field.label, raw=raw)


def _single(field: Field, raw: object, path: str) -> str:
    code = raw.strip() if isinstance(raw, str) else raw
    if code not in field.choice_codes:
        raise fault(path, "choice.unknown", QT_TRANSLATE_NOOP(
            "problems", "{label}没有“{raw}”这个选项，请从以下选择：{choices}"), label=field.label,
            raw=raw, choices="、".join(f"{c.label}({c.code})" for c in field.choices))
    return code  # type: ignore[return-value]


def _multiple(field: Field, raw: object, path: str) -> list[str]:
    codes = [_single(field, item, path) for item in _list(field, raw, path)]
    if len(set(codes)) != len(codes):
        raise fault(path, "choice.repeated", QT_TRANSLATE_NOOP(
            "problems", "{label}中有重复的选项，请每项只选一次"), label=field.label)
    order = [choice.code for choice in field.choices]
    return sorted(codes, key=order.index)


def _uuid(field: Field, raw: object, path: str) -> str:
    try:
        return str(uuid.UUID(str(raw).strip()))
    except ValueError:
        raise fault(path, "uuid.format", QT_TRANSLATE_NOOP(
            "problems", "{label}“{raw}”不是有效的记录编号（UUID）"), label=field.label,
            raw=raw) from None


def _uuid_list(field: Field, raw: object, path: str) -> list[str]:
    ids = [_uuid(field, item, path) for item in _list(field, raw, path)]
    if len(set(ids)) != len(ids):
        raise fault(path, "uuid.repeated", QT_TRANSLATE_NOOP(
            "problems", "{label}中有重复的记录，请删除重复项"), label=field.label)
    return ids


def _list(field: Field, raw: object, path: str) -> list[object]:
    if not isinstance(raw, (list, tuple)):
        raise fault(path, "field.type", QT_TRANSLATE_NOOP("problems", "{label}应是一个列表"),
                    label=field.label)
    return list(raw)


_CODE_PARSERS = {
    "id_number": lambda raw, path, today: parse_id_number(raw, today=today, field=path).number,
    "credit_code": lambda raw, path, today: parse_uscc(raw, field=path),
    "phone": lambda raw, path, today: parse_phone(raw, field=path),
}
_PARSERS = {"text": _text, "integer": _integer, "decimal": _decimal, "date": _date,
            "boolean": _boolean, "single_choice": _single, "multiple_choice": _multiple,
            "uuid": _uuid, "uuid_list": _uuid_list}


def format_value(field: Field, value: object) -> object:
    """A typed value as the data standard writes it in JSON."""
    if field.type == "money" or field.type == "area":
        return format_money(value)  # type: ignore[arg-type]  # both are two-place strings
    if field.type == "decimal":
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):  # a copy: a stored document shares nothing with a reading
        return list(value)
    return value
