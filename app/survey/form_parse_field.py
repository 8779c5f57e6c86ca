"""The type-specific options of one field: choices, ranges, patterns, flags."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Mapping, NoReturn, Protocol

from app.domain.problems import QT_TRANSLATE_NOOP
from app.survey.form_model import Choice

_CHOICE_KEYS = {"code", "label", "help"}


class _Parser(Protocol):
    def fail(self, field_name: str, template: str, **params: object) -> NoReturn: ...
    def mapping(self, data: object, where: str, allowed: set[str]) -> Mapping[str, object]: ...
    def text(self, data: Mapping[str, object], key: str, where: str,
             required: bool = True) -> str: ...
    def flag(self, data: Mapping[str, object], key: str, where: str) -> bool: ...
    def count(self, data: Mapping[str, object], key: str, where: str,
              default: int | None) -> int | None: ...
    def number(self, data: Mapping[str, object], key: str, where: str) -> Decimal | None: ...


def field_options(parser: _Parser, data: Mapping[str, object], path: str,
                  kind: str) -> dict[str, object]:
    """Keyword arguments for :class:`Field` beyond the common ones (keys already whitelisted)."""
    options: dict[str, object] = {
        "allow_negative": parser.flag(data, "allow_negative", path),
        "allow_future": parser.flag(data, "allow_future", path),
        "max_length": parser.count(data, "max_length", path, None),
        "pattern": _pattern(parser, data, path),
        "choices": _choices(parser, data, path, kind),
    }
    bounds = [parser.number(data, key, path) for key in ("min", "max", "warn_min", "warn_max")]
    _check_order(parser, path, "min", "max", bounds[0], bounds[1])
    _check_order(parser, path, "warn_min", "warn_max", bounds[2], bounds[3])
    if kind == "integer":
        for key, bound in zip(("min", "max", "warn_min", "warn_max"), bounds):
            if bound is not None and bound != bound.to_integral_value():
                parser.fail(path, QT_TRANSLATE_NOOP("problems", "整数字段的 {key} 应为整数"), key=key)
    options.update(minimum=bounds[0], maximum=bounds[1], warn_minimum=bounds[2],
                   warn_maximum=bounds[3])
    return options


def _check_order(parser: _Parser, path: str, low_key: str, high_key: str,
                 low: Decimal | None, high: Decimal | None) -> None:
    if low is not None and high is not None and low > high:
        parser.fail(path, QT_TRANSLATE_NOOP("problems", "{low_key} {low} 大于 {high_key} {high}"),
                    low_key=low_key, low=low, high_key=high_key, high=high)


def _pattern(parser: _Parser, data: Mapping[str, object], path: str) -> str | None:
    pattern = data.get("pattern")
    if pattern is None:
        return None
    try:
        re.compile(str(pattern))
    except re.error as error:
        parser.fail(path, QT_TRANSLATE_NOOP("problems", "pattern 不是有效的正则表达式：{error}"),
                    error=error)
    return str(pattern)


def _choices(parser: _Parser, data: Mapping[str, object], path: str,
             kind: str) -> tuple[Choice, ...]:
    if kind not in ("single_choice", "multiple_choice"):
        return ()
    raw = data.get("choices")
    if not isinstance(raw, list) or not raw:
        parser.fail(path, QT_TRANSLATE_NOOP("problems", "选择题须有非空的 choices 列表"))
    choices: list[Choice] = []
    for index, item in enumerate(raw):
        where = f"{path}.choices[{index}]"
        entry = parser.mapping(item, where, _CHOICE_KEYS)
        code = entry.get("code")
        if not isinstance(code, str) or not code:
            parser.fail(where, QT_TRANSLATE_NOOP("problems", "选项缺少 code（数据标准中的代码）"))
        if any(choice.code == code for choice in choices):
            parser.fail(path, QT_TRANSLATE_NOOP("problems", "选项代码“{code}”重复"), code=code)
        choices.append(Choice(code, parser.text(entry, "label", where),
                              parser.text(entry, "help", where, False)))
    return tuple(choices)
