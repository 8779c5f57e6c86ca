"""Reading a template's YAML strictly, with Chinese errors that name the file and the setting.

A designer edits these files by hand: a typo must stop the print run with a message saying
which file and which key, not print a wrong certificate or crash with a KeyError.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from collections.abc import Collection, Mapping
from typing import Any

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

CONTEXT = "documents"
_MISSING = object()
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class TemplateError(DomainError):
    """A template that cannot be used; ``problem.params["file"]`` names it."""

    @classmethod
    def at(cls, path: Path, where: str, code: str, template: str, **params: object) -> TemplateError:
        """An error at setting ``where`` of the template file ``path``."""
        return cls(Problem(field=where or "template", code=f"template.{code}", template=template,
                           params={"file": str(path), "where": where, **params}))

    @classmethod
    def unreadable(cls, path: Path, exc: Exception) -> TemplateError:
        """The file is missing, not UTF-8 or not YAML."""
        return cls.at(path, "", "unreadable", QT_TRANSLATE_NOOP(
            "documents", "无法读取证书模板 {file}：{reason}"), reason=str(exc).splitlines()[0])


def check_placeholders(path: Path, where: str, text: str, allowed: Collection[str]) -> str:
    """``text`` when every ``{name}`` in it is in ``allowed``, else a :class:`TemplateError`."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise TemplateError.at(path, where, "braces", QT_TRANSLATE_NOOP(
            "documents", "证书模板 {file} 中“{where}”的大括号不配对：{text}"), text=text) from exc
    for name in names:
        if name not in allowed:
            raise TemplateError.at(path, where, "unknown_placeholder", QT_TRANSLATE_NOOP(
                "documents", "证书模板 {file} 中“{where}”使用了未知的占位符 {{{name}}}；可用的有：{allowed}"),
                name=name, allowed="、".join(sorted(allowed)))
    return text


class Reader:
    """One mapping of the YAML file; remembers which keys were read so leftovers are reported."""

    def __init__(self, path: Path, data: Any, where: str, placeholders: Collection[str]):
        self.path, self.where, self.placeholders = path, where, placeholders
        if not isinstance(data, Mapping):
            raise self._wrong_type(where, "一组设置（键: 值）", data)
        self._data: Mapping[str, Any] = data
        self._seen: set[str] = set()

    def section(self, key: str) -> Reader:
        """The nested mapping at ``key``."""
        return Reader(self.path, self._get(key), self._at(key), self.placeholders)

    def optional_section(self, key: str) -> Reader | None:
        """The nested mapping at ``key``, or None when it is absent or empty."""
        value = self._get(key, None)
        return None if value is None else Reader(self.path, value, self._at(key), self.placeholders)

    def sections(self, key: str) -> list[Reader]:
        """The list of mappings at ``key``."""
        items = self._list(key)
        return [Reader(self.path, item, f"{self._at(key)}[{i}]", self.placeholders)
                for i, item in enumerate(items)]

    def number(self, key: str, default: Any = _MISSING) -> float:
        """A number ≥ 0 (millimetres or points)."""
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise self._wrong_type(self._at(key), "不小于 0 的数字", value)
        return float(value)

    def integers(self, key: str, count: int) -> list[int]:
        """Exactly ``count`` whole numbers ≥ 0."""
        values = self._list(key)
        if len(values) != count or any(isinstance(v, bool) or not isinstance(v, int) or v < 0
                                       for v in values):
            raise self._wrong_type(self._at(key), f"{count} 个不小于 0 的整数", values)
        return list(values)

    def choice(self, key: str, options: tuple[str, ...], default: Any = _MISSING) -> str:
        """One of ``options``."""
        value = self._get(key, default)
        if value not in options:
            raise self._wrong_type(self._at(key), " / ".join(options), value)
        return str(value)

    def colour(self, key: str) -> str:
        """A colour written ``#RRGGBB``."""
        value = self._get(key)
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            raise self._wrong_type(self._at(key), "#RRGGBB 形式的颜色", value)
        return value

    def placeholder_text(self, key: str) -> str:
        """A text whose placeholders are all known."""
        value = self._get(key)
        if not isinstance(value, str):
            raise self._wrong_type(self._at(key), "文字", value)
        return check_placeholders(self.path, self._at(key), value, self.placeholders)

    def placeholder_texts(self, key: str) -> list[str]:
        """A list of texts whose placeholders are all known."""
        values = self._list(key)
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise self._wrong_type(f"{self._at(key)}[{i}]", "文字", value)
            check_placeholders(self.path, f"{self._at(key)}[{i}]", value, self.placeholders)
        return list(values)

    def existing_file(self, key: str, folder: Path) -> Path:
        """A path (relative to ``folder``) to a file that exists."""
        value = self._get(key)
        target = folder / str(value)
        if not isinstance(value, str) or not target.is_file():
            raise TemplateError.at(self.path, self._at(key), "missing_file", QT_TRANSLATE_NOOP(
                "documents", "证书模板 {file} 中“{where}”指向的文件 {target} 不存在"), target=str(target))
        return target

    def done(self) -> None:
        """Refuse keys that nothing read: they are typos or settings this version ignores."""
        for key in self._data:
            if key not in self._seen:
                raise TemplateError.at(self.path, self._at(str(key)), "unknown_key", QT_TRANSLATE_NOOP(
                    "documents", "证书模板 {file} 中有未知的设置项“{where}”（是否拼写错误？）"))

    def _get(self, key: str, default: Any = _MISSING) -> Any:
        self._seen.add(key)
        if key in self._data:
            return self._data[key]
        if default is _MISSING:
            raise TemplateError.at(self.path, self._at(key), "missing_key", QT_TRANSLATE_NOOP(
                "documents", "证书模板 {file} 缺少设置项“{where}”"))
        return default

    def _list(self, key: str) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, list):
            raise self._wrong_type(self._at(key), "列表", value)
        return value

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _wrong_type(self, where: str, expected: str, value: Any) -> TemplateError:
        return TemplateError.at(self.path, where, "wrong_value", QT_TRANSLATE_NOOP(
            "documents", "证书模板 {file} 中“{where}”应为{expected}，现在是“{value}”"),
            expected=expected, value=value)
