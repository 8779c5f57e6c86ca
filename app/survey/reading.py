"""Reads a record through its questionnaire: typed values, skip logic, per-field problems.

Both :func:`app.survey.validate.validate_record` and :func:`normalize_record` start here, so
the GUI, the import and the platform see one interpretation of every answer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from collections.abc import Mapping

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.domain.uscc import normalize_uscc
from app.survey.constraints import check_constraints
from app.survey.expressions import Scope
from app.survey.form_model import Field, FormDefinition, RepeatGroup
from app.survey.record_paths import get_path, is_blank, item_path, set_path
from app.survey.values import parse_value


@dataclass
class Reading:
    """What a record says, as far as its questionnaire can tell.

    ``values`` holds the relevant, well-formed answers, typed and nested like the record;
    ``unreadable`` the relevant answers that could not be read (record path -> raw value).
    """

    values: dict[str, object] = field(default_factory=dict)
    unreadable: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def overridden_paths(record: Mapping[str, object]) -> dict[str, Mapping[str, object]]:
    """Supervisor overrides that give a reason and a name, by the field path they cover."""
    found: dict[str, Mapping[str, object]] = {}
    overrides = record.get("overrides")
    for entry in overrides if isinstance(overrides, list) else ():
        if isinstance(entry, Mapping) and not is_blank(entry.get("reason")) \
                and not is_blank(entry.get("by")) and isinstance(entry.get("field"), str):
            found[entry["field"]] = entry  # type: ignore[index]
    return found


_ITEMS: dict[int, tuple[FormDefinition, tuple[Field | RepeatGroup, ...]]] = {}


def _items(form: FormDefinition) -> tuple[Field | RepeatGroup, ...]:
    """The form's top-level items as a tuple: walked several times per record (speed).

    Keyed by identity, not by hash: hashing a frozen form hashes every field (~40 µs).
    """
    cached = _ITEMS.get(id(form))
    if cached is None or cached[0] is not form:
        if len(_ITEMS) > 64:
            _ITEMS.clear()
        cached = _ITEMS[id(form)] = (form, tuple(form.items()))
    return cached[1]


def _get(values: Mapping[str, object], name: str) -> object:
    """:func:`get_path` with a fast lane for plain names in plain dicts (most answers)."""
    if type(values) is dict and "." not in name:
        return values.get(name)
    return get_path(values, name)


# The reading normalize_record just made, handed once to the next read of the same unchanged
# record: a save normalizes then validates each record, and reading is most of either.
_KEPT: dict[int, tuple[Mapping[str, object], FormDefinition, date, str, Reading]] = {}


def read_record(record: Mapping[str, object], form: FormDefinition, today: date) -> Reading:
    """Type every answer, apply skip logic, and report faults of relevant answers only."""
    kept = _KEPT.pop(id(record), None) if _KEPT else None
    if kept is not None and kept[0] is record and kept[1] is form and kept[2] == today \
            and kept[3] == repr(record):
        return kept[4]
    return _read(record, form, today)


def read_record_and_keep(record: Mapping[str, object], form: FormDefinition,
                         today: date) -> Reading:
    """:func:`read_record`, keeping the result for the next :func:`read_record` of ``record``.

    Only for callers that never change the reading: the one kept is handed out once, and only
    while ``repr(record)`` (which shows every value of plain JSON-like data) is unchanged.
    """
    reading = read_record(record, form, today)
    if len(_KEPT) >= 4:
        _KEPT.clear()
    _KEPT[id(record)] = (record, form, today, repr(record), reading)
    return reading


def _read(record: Mapping[str, object], form: FormDefinition, today: date) -> Reading:
    reader = _Reader(record, form, today)
    for item in _items(form):
        if isinstance(item, RepeatGroup):
            reader.read_group(item)
        elif not item.computed:
            reader.read_field(item, _get(record, item.name), item.path, reader.reading.values)
    reader.apply_relevance()
    return reader.finish()


class _Reader:
    def __init__(self, record: Mapping[str, object], form: FormDefinition, today: date):
        self.record, self.form, self.today = record, form, today
        self.reading = Reading()
        self.overrides = overridden_paths(record)
        self.pending: dict[str, Problem] = {}  # parse problems, kept if the field is relevant
        self.irrelevant: set[str] = set()
        self.required: list[tuple[Field | RepeatGroup, str]] = []

    def read_field(self, field: Field, raw: object, path: str,
                   into: dict[str, object]) -> None:
        if raw is None or is_blank(raw):
            self.required.append((field, path))
            return
        try:
            value = parse_value(field, raw, path, self.today)
        except DomainError as error:
            value = self.overridden(field, raw, path, error.problem)
            if value is None:
                self.pending[path] = error.problem
                self.reading.unreadable[path] = raw
                return
        if "." in field.name:
            set_path(into, field.name, value)
        else:
            into[field.name] = value

    def overridden(self, field: Field, raw: object, path: str, problem: Problem) -> str | None:
        """A credit code that fails only its check character stands if a supervisor said so."""
        entry = self.overrides.get(path)
        if field.type != "credit_code" or problem.code != "uscc.checksum" or entry is None:
            return None
        self.pending[path] = Problem(path, "uscc.checksum_overridden", QT_TRANSLATE_NOOP(
            "problems", "{label}校验码不符，已由 {by} 确认保留，原因：{reason}"),
            {"label": field.label, "by": entry["by"], "reason": entry["reason"]},
            severity="warning")
        return normalize_uscc(str(raw))

    def read_group(self, group: RepeatGroup) -> None:
        raw = self.record.get(group.name)
        if raw is None:
            self.required.append((group, group.name))
            return
        if not isinstance(raw, list):
            self.pending[group.name] = Problem(group.name, "group.type", QT_TRANSLATE_NOOP(
                "problems", "{label}应是一个列表（每项一行）"), {"label": group.label})
            self.reading.unreadable[group.name] = raw
            return
        items: list[dict[str, object]] = []
        for index, entry in enumerate(raw):
            values: dict[str, object] = {}
            readable = isinstance(entry, Mapping)
            prefix = f"{group.name}[{index}]."  # item_path(group.name, index, name), built once
            for field in group.fields:
                source = entry.get(field.name) if readable else None
                self.read_field(field, source, prefix + field.name, values)
            items.append(values)
        self.reading.values[group.name] = items

    def apply_relevance(self) -> None:
        """Drop answers whose relevance condition does not hold (in questionnaire order)."""
        values = self.reading.values
        scope = Scope(values)
        for item in _items(self.form):
            if item.relevant is not None and not item.relevant.holds(scope):
                self.irrelevant.add(item.path)
                _drop(values, item.path)
                if isinstance(item, Field) and item.skipped_value is not None:
                    set_path(values, item.name, item.skipped_value)
            elif isinstance(item, RepeatGroup):
                conditional = [f for f in item.fields if f.relevant is not None]
                for index, entry in enumerate(values.get(item.name) or ()  # type: ignore[arg-type]
                                              if conditional else ()):
                    inside = scope.enter(entry)
                    for field in conditional:
                        relevant = field.relevant
                        if not relevant.holds(inside):  # type: ignore[union-attr]
                            self.irrelevant.add(item_path(item.name, index, field.name))
                            entry.pop(field.name, None)
                            if field.skipped_value is not None:
                                entry[field.name] = field.skipped_value

    def is_relevant(self, path: str) -> bool:
        head = path.split("[")[0]
        return path not in self.irrelevant and head not in self.irrelevant

    def finish(self) -> Reading:
        reading = self.reading
        reading.unreadable = {p: v for p, v in reading.unreadable.items() if self.is_relevant(p)}
        reading.problems.extend(p for path, p in self.pending.items() if self.is_relevant(path))
        for item, path in self.required:
            if item.required and self.is_relevant(path):
                reading.problems.append(Problem(path, "field.required", QT_TRANSLATE_NOOP(
                    "problems", "请填写{label}"), {"label": item.label}))
        self.check_values()
        return reading

    def check_values(self) -> None:
        values = self.reading.values
        for item in _items(self.form):
            if isinstance(item, Field):
                value = _get(values, item.name)
                if value is not None and not item.computed:
                    self.reading.problems.extend(
                        check_constraints(item, value, item.path, self.today))
                continue
            entries = values.get(item.name)
            if entries is None:
                continue
            self.reading.problems.extend(_count_problems(item, len(entries)))  # type: ignore[arg-type]
            for index, entry in enumerate(entries):  # type: ignore[arg-type]
                for field in item.fields:
                    if field.name in entry:
                        found = check_constraints(field, entry[field.name],
                                                  item_path(item.name, index, field.name), self.today)
                        if found:
                            self.reading.problems.extend(found)


def _count_problems(group: RepeatGroup, count: int) -> list[Problem]:
    params = {"label": group.label, "count": count}
    if count < group.min_items:
        return [Problem(group.name, "group.too_few", QT_TRANSLATE_NOOP(
            "problems", "{label}至少要有 {limit} 项，现在是 {count} 项"),
            {**params, "limit": group.min_items})]
    if group.max_items is not None and count > group.max_items:
        return [Problem(group.name, "group.too_many", QT_TRANSLATE_NOOP(
            "problems", "{label}最多 {limit} 项，现在是 {count} 项"),
            {**params, "limit": group.max_items})]
    return []


def _drop(values: dict[str, object], path: str) -> None:
    *heads, last = path.split(".")
    parent = get_path(values, ".".join(heads)) if heads else values
    if isinstance(parent, dict):
        parent.pop(last, None)
