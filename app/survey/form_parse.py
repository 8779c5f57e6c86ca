"""Turns the YAML mapping of a questionnaire into :mod:`form_model` objects, refusing bad shapes.

Expressions are only collected here (as source text); :mod:`form_checks` compiles them once
every field is known, so a condition may name a field defined further down.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from collections.abc import Mapping
from typing import NoReturn

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError
from app.survey.form_model import (FIELD_TYPES, RECORD_TYPES, SENSITIVITIES,
                                   Choice, Field, FormDefinition, FormError, Item, RepeatGroup,
                                   Section)
from app.survey.form_parse_field import field_options
from app.survey.standard import ENVELOPE_KEYS
from app.survey.values import parse_value

_TOP_KEYS = {"kind", "form_id", "version", "record_type", "title", "description", "sections"}
_SECTION_KEYS = {"id", "label", "help", "sensitivity", "fields"}
_COMMON_KEYS = {"name", "type", "label", "help", "required", "relevant", "sensitivity", "unit",
                "skipped_value"}
_NUMBER_KEYS = {"min", "max", "warn_min", "warn_max", "compute"}
_KEYS_BY_TYPE: dict[str, set[str]] = {
    "text": {"pattern", "max_length"}, "integer": _NUMBER_KEYS, "area": _NUMBER_KEYS,
    "decimal": _NUMBER_KEYS | {"allow_negative"}, "money": _NUMBER_KEYS | {"allow_negative"},
    "date": {"allow_future"}, "single_choice": {"choices"}, "multiple_choice": {"choices"},
    "boolean": {"compute"}, "repeat": {"fields", "item_label", "min_items", "max_items"},
}
_TOP_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?")
_ITEM_NAME = re.compile(r"[a-z][a-z0-9_]*")
#: path -> (relevance source, compute source), filled while parsing.
Expressions = dict[str, tuple[str | None, str | None]]


def parse_form(data: object, source: Path) -> tuple[FormDefinition, Expressions]:
    """The form with its expressions still as text; raise :class:`FormError` on a bad shape."""
    return _Parser(source).form(data)


class _Parser:
    def __init__(self, source: Path):
        self.source = source
        self.expressions: Expressions = {}
        self.names: set[str] = set()

    def fail(self, field_name: str, template: str, **params: object) -> NoReturn:
        raise FormError(self.source, field_name, template, **params)

    def mapping(self, data: object, where: str, allowed: set[str]) -> Mapping[str, object]:
        if not isinstance(data, Mapping):
            self.fail(where, QT_TRANSLATE_NOOP("problems", "这里应是“键: 值”形式的映射"))
        unknown = sorted(set(map(str, data)) - allowed)
        if unknown:
            self.fail(where, QT_TRANSLATE_NOOP("problems", "未知属性“{key}”，允许的属性：{allowed}"),
                      key=unknown[0], allowed=", ".join(sorted(allowed)))
        return data

    def text(self, data: Mapping[str, object], key: str, where: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(where, QT_TRANSLATE_NOOP("problems", "缺少“{key}”，或它不是文字"), key=key)
        return value.strip()

    def form(self, data: object) -> tuple[FormDefinition, Expressions]:
        top = self.mapping(data, "-", _TOP_KEYS)
        if top.get("kind") != "questionnaire":
            self.fail("kind", QT_TRANSLATE_NOOP("problems", "问卷文件须写 kind: questionnaire"))
        form_id, version = self.text(top, "form_id", "form_id"), top.get("version")
        if type(version) is not int or version < 1:
            self.fail("version", QT_TRANSLATE_NOOP("problems", "版本号应为正整数，现在是“{value}”"),
                      value=version)
        record_type = top.get("record_type")
        if record_type not in RECORD_TYPES:
            self.fail("record_type", QT_TRANSLATE_NOOP("problems", "record_type 应为 {allowed} 之一"),
                      allowed=", ".join(RECORD_TYPES))
        sections = top.get("sections")
        if not isinstance(sections, list) or not sections:
            self.fail("sections", QT_TRANSLATE_NOOP("problems", "sections 应为非空列表"))
        seen: set[str] = set()
        parsed = tuple(self.section(section, index, seen) for index, section in enumerate(sections))
        form = FormDefinition(form_id=form_id, version=version, record_type=str(record_type),
                              title=self.text(top, "title", "title"), sections=parsed,
                              source=self.source,
                              description=self.text(top, "description", "description", False))
        return form, self.expressions

    def section(self, data: object, index: int, seen: set[str]) -> Section:
        where = f"sections[{index}]"
        section = self.mapping(data, where, _SECTION_KEYS)
        section_id = self.text(section, "id", where)
        if section_id in seen:
            self.fail(section_id, QT_TRANSLATE_NOOP("problems", "分节 id“{id}”重复"), id=section_id)
        seen.add(section_id)
        fields = section.get("fields")
        if not isinstance(fields, list) or not fields:
            self.fail(section_id, QT_TRANSLATE_NOOP("problems", "分节的 fields 应为非空列表"))
        default = section.get("sensitivity")
        items = tuple(self.item(item, f"{section_id}.fields[{n}]", section_id, default)
                      for n, item in enumerate(fields))
        return Section(section_id, self.text(section, "label", section_id), items,
                       self.text(section, "help", section_id, False))

    def item(self, data: object, where: str, section: str, default: object,
             group: str | None = None) -> Item:
        if not isinstance(data, Mapping):
            self.fail(where, QT_TRANSLATE_NOOP("problems", "这里应是“键: 值”形式的映射"))
        name = data.get("name")
        pattern = _ITEM_NAME if group else _TOP_NAME
        if not isinstance(name, str) or not pattern.fullmatch(name):
            self.fail(where, QT_TRANSLATE_NOOP("problems", "字段名“{name}”无效：应为小写英文、数字和下划线"
                                                        "（数据标准中的名称）"), name=name)
        path = f"{group}.{name}" if group else name
        kind = data.get("type")
        if kind != "repeat" and kind not in FIELD_TYPES:
            self.fail(path, QT_TRANSLATE_NOOP("problems", "未知字段类型“{type}”，可用类型：{types}"),
                      type=kind, types=", ".join((*FIELD_TYPES, "repeat")))
        self.mapping(data, path, _COMMON_KEYS | _KEYS_BY_TYPE.get(str(kind), set()))
        self.claim(path, group)
        sensitivity = data.get("sensitivity", default)
        if sensitivity not in SENSITIVITIES:
            self.fail(path, QT_TRANSLATE_NOOP("problems", "sensitivity 应为 {allowed} 之一"),
                      allowed=", ".join(SENSITIVITIES))
        self.remember_expressions(path, data)
        if kind == "repeat":
            if group:
                self.fail(path, QT_TRANSLATE_NOOP("problems", "重复组里不能再嵌套重复组"))
            return self.repeat_group(data, name, section, sensitivity)
        return self.field(data, name, str(kind), section, sensitivity, group)

    def claim(self, path: str, group: str | None) -> None:
        """Refuse a second field of the same name, or a name clashing with an object's members."""
        head = path.split(".")[0]
        clash = path in self.names or (not group and any(
            n.startswith(path + ".") or n == head for n in self.names))
        if clash or path in ENVELOPE_KEYS:
            self.fail(path, QT_TRANSLATE_NOOP("problems", "字段名重复（或与系统字段 {reserved} 冲突）"),
                      reserved=", ".join(ENVELOPE_KEYS))
        self.names.add(path)

    def remember_expressions(self, path: str, data: Mapping[str, object]) -> None:
        relevant, compute = data.get("relevant"), data.get("compute")
        for key, value in (("relevant", relevant), ("compute", compute)):
            if value is not None and not isinstance(value, str):
                self.fail(path, QT_TRANSLATE_NOOP("problems", "{key} 应为一行表达式文字"), key=key)
        if relevant is not None or compute is not None:
            self.expressions[path] = (relevant, compute)  # type: ignore[assignment]

    def repeat_group(self, data: Mapping[str, object], name: str, section: str,
                     sensitivity: object) -> RepeatGroup:
        fields = data.get("fields")
        if not isinstance(fields, list) or not fields:
            self.fail(name, QT_TRANSLATE_NOOP("problems", "重复组的 fields 应为非空列表"))
        items = tuple(self.item(item, f"{name}.fields[{n}]", section, sensitivity, name)
                      for n, item in enumerate(fields))
        min_items = self.count(data, "min_items", name, 0)
        max_items = self.count(data, "max_items", name, None)
        if max_items is not None and min_items > max_items:
            self.fail(name, QT_TRANSLATE_NOOP("problems", "min_items {low} 大于 max_items {high}"),
                      low=min_items, high=max_items)
        return RepeatGroup(name=name, label=self.text(data, "label", name), section=section,
                           sensitivity=sensitivity, fields=items,  # type: ignore[arg-type]
                           help=self.text(data, "help", name, False),
                           item_label=self.text(data, "item_label", name, False),
                           required=self.flag(data, "required", name),
                           min_items=min_items, max_items=max_items)

    def field(self, data: Mapping[str, object], name: str, kind: str, section: str,
              sensitivity: object, group: str | None) -> Field:
        path = f"{group}.{name}" if group else name
        options = field_options(self, data, path, kind)
        field = Field(name=name, type=kind, label=self.text(data, "label", path), section=section,
                      sensitivity=sensitivity,  # type: ignore[arg-type]
                      help=self.text(data, "help", path, False),
                      required=self.flag(data, "required", path), group=group,
                      unit=self.text(data, "unit", path, False), **options)
        if data.get("skipped_value") is None:
            return field
        try:
            return replace(field, skipped_value=parse_value(field, data["skipped_value"], path,
                                                            date.max))
        except DomainError as error:
            self.fail(path, QT_TRANSLATE_NOOP("problems", "skipped_value 不是此字段的有效值：{fault}"),
                      fault=error.problem.message)

    def flag(self, data: Mapping[str, object], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(where, QT_TRANSLATE_NOOP("problems", "{key} 应为 true 或 false"), key=key)
        return value

    def count(self, data: Mapping[str, object], key: str, where: str,
              default: int | None) -> int | None:
        value = data.get(key, default)
        if value is not None and (type(value) is not int or value < 0):
            self.fail(where, QT_TRANSLATE_NOOP("problems", "{key} 应为不小于 0 的整数"), key=key)
        return value  # type: ignore[return-value]

    def number(self, data: Mapping[str, object], key: str, where: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            return Decimal(str(value))
        except InvalidOperation:
            self.fail(where, QT_TRANSLATE_NOOP("problems", "{key} 应为数字，现在是“{value}”"),
                      key=key, value=value)
