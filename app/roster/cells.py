"""One cell: a stored answer as a cell value (export), a cell value as a raw answer (import).

Cells carry Chinese labels for codes (``配偶`` for ``spouse``) and 是/否 for booleans; an import
also takes the codes themselves and true/false, so another system's export loads as it is.
Formula injection: text starting with ``= + - @``, tab or CR is written as a string-typed
cell with Excel's quote prefix (the stored leading apostrophe), so it shows and stays text.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.roster.layout import LIST_SEPARATORS, NO, YES
from app.survey.form_model import Field

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SPLIT = re.compile("[" + re.escape(LIST_SEPARATORS) + "]+")
_LOOSE_DATE = re.compile(r"(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?")
_NUMBER_STORED = ("id_number", "credit_code")
# How Excel shows a long number (and saves it so in a CSV): no ID number or code has a "+".
_SCIENTIFIC = re.compile(r"\d+(?:\.\d+)?[eE]\+\d+")


def is_dangerous(value: object) -> bool:
    """Whether a text cell could be taken for a formula by a spreadsheet."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def to_cell(field: Field, value: object) -> object:
    """A stored (data-standard JSON) answer as the value of its cell."""
    if value is None:
        return None
    if field.type == "boolean":
        return YES if value is True else NO if value is False else str(value)
    if field.type == "single_choice":
        return field.choice_label(str(value))
    if field.type in ("multiple_choice", "uuid_list") and isinstance(value, list):
        return "、".join(field.choice_label(str(v)) if field.choices else str(v) for v in value)
    if field.type in ("money", "area", "decimal") and isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if field.type == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def from_cell(field: Field, value: object, path: str) -> tuple[object, Problem | None]:
    """The raw answer a cell gives for ``field`` (what the one validator reads), or a problem.

    Only what a spreadsheet changes is undone here: labels back to codes, floats back to
    exact decimals, dates as ISO; everything else is left for the validator to judge.
    """
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            value = None
    if value is None:  # a blank list column means "none of them", as the editor stores it
        return ([] if field.type in ("multiple_choice", "uuid_list") else None), None
    if field.type in _NUMBER_STORED and (isinstance(value, (int, float)) and not isinstance(
            value, bool) or isinstance(value, str) and _SCIENTIFIC.fullmatch(value)):
        return None, Problem(path, "roster.number_id", QT_TRANSLATE_NOOP(
            "problems", "{label}被存成了数字（{raw}），末几位可能已丢失：请把该列设为“文本”格式后"
                        "重新输入号码"), {"label": field.label, "raw": _shown(value)})
    kind = field.type
    if kind in ("id_number", "phone") and isinstance(value, str) and "*" in value:
        return None, Problem(path, "roster.masked", QT_TRANSLATE_NOOP(
            "problems", "{label}已被遮蔽（带 *），不能导入：请使用含完整号码的表格"), {"label": field.label})
    if kind == "boolean" and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and float(value).is_integer():
        return str(int(value)), None  # 1 / 0 typed into a yes/no column
    if kind == "single_choice" and isinstance(value, str):
        return _code(field, value), None
    if kind == "multiple_choice" and isinstance(value, str):
        return [_code(field, part.strip()) for part in _SPLIT.split(value) if part.strip()], None
    if kind == "uuid_list" and isinstance(value, str):
        return [part.strip() for part in _SPLIT.split(value) if part.strip()], None
    if isinstance(value, datetime):
        value = value.date()
    if kind == "date":
        return _date(value), None
    if isinstance(value, float):
        return _number(field, value), None
    if kind in ("text", "phone") and isinstance(value, (date, Decimal)):
        return str(value), None
    return value, None


def _code(field: Field, text: str) -> str:
    """A choice label (or the code itself) as its code; unknown text is left for the validator."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for choice in field.choices:
        if cleaned in (choice.code, unicodedata.normalize("NFKC", choice.label)):
            return choice.code
    return text


def _date(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        match = _LOOSE_DATE.fullmatch(value.strip())
        if match:
            year, month, day = (int(part) for part in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return value


def _number(field: Field, value: float) -> object:
    """A float from a numeric cell as what was typed: ``85000.5`` -> ``"85000.5"``, ``3.0`` -> 3."""
    if value.is_integer() and field.type in ("integer", "text", "phone", "money", "area"):
        return int(value)
    # repr() is the shortest text that reads back as the same float: what the user typed.
    return repr(value)


def _shown(value: float | int | str) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)
