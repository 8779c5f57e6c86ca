"""Rows to records: headers matched to fields, cells read, group rows attached by key.

The result is one :class:`ParsedRecord` per main-sheet row: the raw record (what the one
validator reads), where each of its values came from, and the problems found in the cells
themselves (an ID number stored as a number, an over-long cell, an unknown column ...).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.roster.cells import from_cell
from app.roster.layout import Column, RosterLayout, SheetLayout, clean_header, header_keys
from app.roster.reader import RawSheet
from app.roster.report import Place, RowProblem
from app.survey.record_paths import item_path, set_path


@dataclass
class ParsedRecord:
    """One main-sheet row with its group rows."""

    row: int
    raw: dict[str, object]
    key: str | None
    places: dict[str, Place] = field(default_factory=dict)  # record path -> cell
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def filled_groups(self) -> set[str]:
        """Repeat groups with at least one row for this record."""
        return {path.split("[")[0] for path in self.places if path.endswith("]")}

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


@dataclass
class ParsedRoster:
    """A whole workbook read through a questionnaire's layout."""

    layout: RosterLayout
    records: list[ParsedRecord]
    columns: frozenset[str]  # top-level field names the main sheet has a column for
    groups: frozenset[str]  # repeat groups the workbook has a sheet for
    problems: list[RowProblem] = field(default_factory=list)  # of sheets and orphan rows


def _problem(place: Place, code: str, template: str, severity: str = "error",
             **params: object) -> RowProblem:
    return RowProblem(place, Problem("file", f"roster.{code}", template, params, severity))  # type: ignore[arg-type]


def parse_roster(sheets: list[RawSheet], layout: RosterLayout, max_cell_chars: int) -> ParsedRoster:
    """Read the raw sheets as records of ``layout``'s questionnaire."""
    parsed = ParsedRoster(layout, [], frozenset(), frozenset())
    by_layout: list[tuple[RawSheet, SheetLayout, dict[int, Column]]] = []
    for raw in sheets:
        sheet = layout.sheet(raw.title)
        if sheet is None:
            parsed.problems.append(_problem(Place(raw.title, 1), "sheet_unknown", QT_TRANSLATE_NOOP(
                "problems", "工作表“{sheet}”不是本问卷的表，已忽略"), "warning", sheet=raw.title))
            continue
        by_layout.append((raw, sheet, _match_columns(raw, sheet, parsed.problems)))
    main = next((entry for entry in by_layout if entry[1].group is None), None)
    if main is None:
        parsed.problems.append(_problem(Place(layout.main.title, 1), "no_main", QT_TRANSLATE_NOOP(
            "problems", "找不到“{sheet}”工作表：请使用导入模板，或把主表命名为“{sheet}”"),
            sheet=layout.main.title))
        return parsed
    parsed.columns = frozenset(col.name for col in main[2].values())
    parsed.groups = frozenset(s.group.name for _r, s, _c in by_layout if s.group is not None)
    if not main[0].rows:
        parsed.problems.append(_problem(Place(main[0].title, 2), "no_rows", QT_TRANSLATE_NOOP(
            "problems", "“{sheet}”表中没有数据：请从第 2 行起每户（每个合作社）填一行"),
            sheet=main[0].title))
    reader = _RowReader(layout, max_cell_chars)
    keys: dict[str, ParsedRecord] = {}
    for number, values in main[0].rows:
        record = reader.main_row(main[0].title, number, values, main[2])
        parsed.records.append(record)
        if record.key and record.key in keys:
            record.problems.append(_problem(record.places.get(layout.key_field.name, Place(
                main[0].title, number)), "key_repeated", QT_TRANSLATE_NOOP(
                "problems", "{label}与第 {other} 行相同：同一户（同一合作社）只能占一行"),
                label=layout.key_field.label, other=keys[record.key].row))
        elif record.key:
            keys[record.key] = record
    for raw, sheet, columns in by_layout:
        if sheet.group is not None:
            for record in parsed.records:
                record.raw.setdefault(sheet.group.name, [])
            for number, values in raw.rows:
                reader.group_row(raw.title, number, values, sheet, columns, keys, parsed.problems)
    return parsed


def _match_columns(raw: RawSheet, sheet: SheetLayout, problems: list[RowProblem]) -> dict[int, Column]:
    names = {clean_header(c.name): c for c in sheet.columns}
    labels = {clean_header(c.field.label): c for c in sheet.columns}
    matched: dict[int, Column] = {}
    for index, text in enumerate(raw.header):
        keys = header_keys(text)
        column = next((names.get(k) or labels.get(k) for k in keys if names.get(k) or labels.get(k)), None)
        place = Place(raw.title, 1, clean_header(keys[0]) if keys else "")
        if column is None:
            if keys:
                problems.append(_problem(place, "column_unknown", QT_TRANSLATE_NOOP(
                    "problems", "列“{column}”不是问卷中的项，已忽略"), "warning", column=keys[0]))
        elif column in matched.values():
            problems.append(_problem(place, "column_repeated", QT_TRANSLATE_NOOP(
                "problems", "“{column}”有两列：请删除多余的一列"), column=column.field.label))
        else:
            matched[index] = column
    if sheet.group is not None and not any(c.is_key for c in matched.values()):
        problems.append(_problem(Place(raw.title, 1), "key_column", QT_TRANSLATE_NOOP(
            "problems", "工作表“{sheet}”缺少第一列“{label}”，无法知道每行属于哪一户"),
            sheet=raw.title, label=sheet.columns[0].field.label))
    return matched


def normalize_key(value: object) -> str | None:
    """A key cell compared as text: NFKC, trimmed, upper case (x -> X)."""
    if value is None or isinstance(value, (int, float)):
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    return text or None


class _RowReader:
    def __init__(self, layout: RosterLayout, max_cell_chars: int):
        self.layout, self.max_chars = layout, max_cell_chars

    def main_row(self, title: str, number: int, values: tuple, columns: dict[int, Column]) -> ParsedRecord:
        record = ParsedRecord(number, {"record_type": self.layout.form.record_type}, None)
        for index, column in columns.items():
            value = values[index] if index < len(values) else None
            self._put(record, record.raw, column, value, column.name, Place(title, number,
                                                                           column.field.label))
        record.key = normalize_key(record.raw.get(self.layout.key_field.name))
        return record

    def group_row(self, title: str, number: int, values: tuple, sheet: SheetLayout,
                  columns: dict[int, Column], keys: dict[str, ParsedRecord],
                  orphans: list[RowProblem]) -> None:
        key_index = next((i for i, c in columns.items() if c.is_key), None)
        if key_index is None:
            return
        key_label = columns[key_index].field.label
        record = keys.get(normalize_key(values[key_index]) or "") if key_index < len(values) else None
        if record is None:
            orphans.append(_problem(Place(title, number, key_label), "orphan", QT_TRANSLATE_NOOP(
                "problems", "这一行的{label}在“{main}”表中找不到：请核对号码，或先在“{main}”表中添加这一户"),
                label=key_label, main=self.layout.main.title))
            return
        group = sheet.group
        items: list = record.raw[group.name]  # type: ignore[assignment, union-attr]
        item: dict[str, object] = {}
        index = len(items)
        record.places[item_path(group.name, index)] = Place(title, number)
        for at, column in columns.items():
            if not column.is_key:
                value = values[at] if at < len(values) else None
                self._put(record, item, column, value, item_path(group.name, index, column.name),
                          Place(title, number, column.field.label))
        items.append(item)

    def _put(self, record: ParsedRecord, into: dict, column: Column, value: object, path: str,
             place: Place) -> None:
        record.places[path] = place
        if isinstance(value, str) and len(value) > self.max_chars:
            record.problems.append(RowProblem(place, Problem(path, "roster.cell_too_long", QT_TRANSLATE_NOOP(
                "problems", "内容有 {length} 个字，超过每格 {limit} 个字的上限"),
                {"length": len(value), "limit": self.max_chars})))
            return
        answer, problem = from_cell(column.field, value, path)
        if problem is not None:
            record.problems.append(RowProblem(place, problem))
        elif answer is not None:
            set_path(into, column.name, answer)
