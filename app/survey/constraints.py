"""The limits a questionnaire puts on one typed answer: ranges, patterns, lengths, dates."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.survey.form_model import NUMERIC_TYPES, Field


def check_constraints(field: Field, value: object, path: str, today: date) -> list[Problem]:
    """Problems of one typed, non-blank value (range errors, soft-range warnings, ...)."""
    if field.type in NUMERIC_TYPES:
        return _numeric(field, value, path)  # type: ignore[arg-type]
    if field.type == "text":
        return _text(field, value, path)  # type: ignore[arg-type]
    if field.type == "date" and not field.allow_future and value > today:  # type: ignore[operator]
        return [Problem(path, "date.future", QT_TRANSLATE_NOOP(
            "problems", "{label}“{value}”晚于今天（{today}），请核对日期"),
            {"label": field.label, "value": value.isoformat(), "today": today.isoformat()})]  # type: ignore[attr-defined]
    return []


def _numeric(field: Field, value: Decimal | int, path: str) -> list[Problem]:
    params = {"label": field.label, "value": value, "unit": field.unit}
    if field.minimum is not None and value < field.minimum:
        return [Problem(path, "range.min", QT_TRANSLATE_NOOP(
            "problems", "{label}不能小于 {limit}{unit}，现在是 {value}{unit}"),
            {**params, "limit": field.minimum})]
    if field.maximum is not None and value > field.maximum:
        return [Problem(path, "range.max", QT_TRANSLATE_NOOP(
            "problems", "{label}不能大于 {limit}{unit}，现在是 {value}{unit}"),
            {**params, "limit": field.maximum})]
    if field.warn_minimum is not None and value < field.warn_minimum:
        return [Problem(path, "range.unusually_low", QT_TRANSLATE_NOOP(
            "problems", "{label} {value}{unit} 低于常见的 {limit}{unit}，请核对（单位是否填错）"),
            {**params, "limit": field.warn_minimum}, severity="warning")]
    if field.warn_maximum is not None and value > field.warn_maximum:
        return [Problem(path, "range.unusually_high", QT_TRANSLATE_NOOP(
            "problems", "{label} {value}{unit} 高于常见的 {limit}{unit}，请核对（单位是否填错）"),
            {**params, "limit": field.warn_maximum}, severity="warning")]
    return []


def _text(field: Field, value: str, path: str) -> list[Problem]:
    if field.max_length is not None and len(value) > field.max_length:
        return [Problem(path, "text.too_long", QT_TRANSLATE_NOOP(
            "problems", "{label}最多 {limit} 个字，现在有 {length} 个，请精简"),
            {"label": field.label, "limit": field.max_length, "length": len(value)})]
    if field.pattern is not None and not re.fullmatch(field.pattern, value):
        return [Problem(path, "text.pattern", QT_TRANSLATE_NOOP(
            "problems", "{label}“{value}”格式不对：{help}"),
            {"label": field.label, "value": value, "help": field.help or field.pattern})]
    return []
