"""Writing rosters: the same sheets for a blank template and a filled export.

Streams (openpyxl write-only), so 100,000 households fit in memory. Header cells carry the
help text as a comment; choice and yes/no columns get drop-downs from a hidden ``选项`` sheet;
ID-number, credit-code and phone columns are formatted as text so Excel never turns an ID
number into 4.40522E+17. Text that a spreadsheet could take for a formula is written as a
string cell with the quote prefix (see :mod:`app.roster.cells`).
"""
from __future__ import annotations

from pathlib import Path
from collections.abc import Callable, Iterable, Mapping

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from app.roster.cells import is_dangerous, to_cell
from app.roster.layout import (CHOICES_SHEET, Column, RosterLayout, SheetLayout, choice_labels)
from app.survey.form_model import Field

TEXT_TYPES = ("id_number", "credit_code", "phone", "text")
EMPTY_ROWS = 2000  # rows below the data that keep drop-downs and formats, for new entries
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_KEY_FILL = PatternFill("solid", fgColor="FCE4D6")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
Progress = Callable[[int, int], None]


def open_workbook(layout: RosterLayout) -> tuple[Workbook, dict[str, object]]:
    """A write-only workbook with the layout's sheets created (headers not yet written)."""
    workbook = Workbook(write_only=True)
    sheets = {sheet.title: workbook.create_sheet(sheet.title) for sheet in layout.sheets}
    return workbook, sheets


def write_sheets(workbook: Workbook, sheets: dict, layout: RosterLayout,
                 documents: Iterable[Mapping], *, total: int = 0,
                 progress: Progress | None = None) -> int:
    """Headers, one row per document (and per group item), drop-downs; returns documents written."""
    choices = _choice_ranges(layout)
    counts = {sheet.title: 0 for sheet in layout.sheets}
    for sheet in layout.sheets:
        _prepare(sheets[sheet.title], sheet)
    written = 0
    key = layout.key_field.name
    for document in documents:
        main = layout.main
        sheets[main.title].append(_cells(sheets[main.title], main, document, None))
        counts[main.title] += 1
        for sheet in layout.sheets[1:]:
            for item in document.get(sheet.name) or ():
                sheets[sheet.title].append(_cells(sheets[sheet.title], sheet, item,
                                                  document.get(key)))
                counts[sheet.title] += 1
        written += 1
        if progress and written % 500 == 0:
            progress(written, total)
    for sheet in layout.sheets:
        _validations(sheets[sheet.title], sheet, choices, counts[sheet.title] + 1 + EMPTY_ROWS)
    _write_choices(workbook, layout)
    if progress:
        progress(written, total)
    return written


def _prepare(worksheet, sheet: SheetLayout) -> None:
    worksheet.freeze_panes = "B2" if sheet.group else "A2"
    for index, column in enumerate(sheet.columns, start=1):
        dimension = worksheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.field.type in TEXT_TYPES:
            dimension.number_format = "@"
        elif column.field.type == "date":
            dimension.number_format = "yyyy-mm-dd"
    worksheet.row_dimensions[1].height = 34
    worksheet.append([_header(worksheet, column) for column in sheet.columns])


def _header(worksheet, column: Column) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, column.header)
    cell.font, cell.alignment = _HEADER_FONT, _HEADER_ALIGN
    cell.fill = _KEY_FILL if column.is_key else _HEADER_FILL
    note = help_note(column.field, key=column.is_key)
    comment = Comment(note, "信用村镇外业助手")
    comment.width, comment.height = 320, max(80, 18 * (len(note) // 18 + 2))
    cell.comment = comment
    return cell


def help_note(field: Field, *, key: bool = False) -> str:
    """The comment of a header: help, unit, whether required, the choices."""
    if key:
        return "填写本行所属记录的" + field.label + "，与主表中的一致（必填）。"
    parts = [field.help or field.label]
    if field.unit:
        parts.append(f"单位：{field.unit}。")
    if field.required:
        parts.append("必填。" if field.relevant is None else "必填（适用时）。")
    labels = choice_labels(field) if field.type in ("single_choice", "boolean") else []
    if field.type == "multiple_choice":
        parts.append("可填多项，用顿号“、”分隔：" + "、".join(c.label for c in field.choices))
    elif labels:
        parts.append("从下拉列表选择：" + "、".join(labels))
    if field.type == "date":
        parts.append("格式 2024-03-15。")
    return "\n".join(parts)


def _cells(worksheet, sheet: SheetLayout, record: Mapping, key_value: object) -> list[object]:
    row: list[object] = []
    for column in sheet.columns:
        value = to_cell(column.field, key_value if column.is_key else _get(record, column.name))
        row.append(_safe(worksheet, value, column.field))
    return row


def _get(record: Mapping, path: str) -> object:
    value: object = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _safe(worksheet, value: object, field: Field) -> object:
    """Plain values as they are; dates and numbers formatted; formula-like text made inert."""
    if is_dangerous(value):
        cell = WriteOnlyCell(worksheet, value)
        cell.data_type = "s"  # a string, never a formula
        cell.quotePrefix = True  # Excel's leading apostrophe: stays text when edited too
        return cell
    if field.type == "date" and value is not None and not isinstance(value, str):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if field.type in ("money", "area") and value is not None and not isinstance(value, str):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = "0.00"
        return cell
    return value


def _choice_ranges(layout: RosterLayout) -> dict[str, str]:
    """Field path -> the ``选项`` sheet range holding its drop-down labels."""
    ranges: dict[str, str] = {}
    for index, field in enumerate(_choice_fields(layout), start=1):
        letter = get_column_letter(index)
        count = len(choice_labels(field))
        ranges[field.path] = f"{quote_sheetname(CHOICES_SHEET)}!${letter}$2:${letter}${count + 1}"
    return ranges


def _choice_fields(layout: RosterLayout) -> list[Field]:
    seen: dict[str, Field] = {}
    for sheet in layout.sheets:
        for column in sheet.columns:
            if column.field.type in ("single_choice", "boolean") and not column.is_key:
                seen.setdefault(column.field.path, column.field)
    return list(seen.values())


def _validations(worksheet, sheet: SheetLayout, choices: dict[str, str], last_row: int) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        source = choices.get(column.field.path)
        if source is None or column.is_key:
            continue
        rule = DataValidation(type="list", formula1=source, allow_blank=True,
                              showErrorMessage=True, errorStyle="warning",
                              errorTitle="请从列表中选择", error="不在下拉列表中的值导入时可能被拒绝。")
        letter = get_column_letter(index)
        rule.add(f"{letter}2:{letter}{last_row}")
        worksheet.data_validations.append(rule)


def _write_choices(workbook: Workbook, layout: RosterLayout) -> None:
    fields = _choice_fields(layout)
    sheet = workbook.create_sheet(CHOICES_SHEET)
    sheet.sheet_state = "hidden"
    columns = [[field.path, *choice_labels(field)] for field in fields]
    height = max((len(c) for c in columns), default=0)
    for row in range(height):
        sheet.append([c[row] if row < len(c) else None for c in columns])


def save(workbook: Workbook, path: Path) -> None:
    """Save to ``path`` through a temporary file, so a failed export leaves no half file."""
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
