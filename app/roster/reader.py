"""Reading a workbook safely: openpyxl read-only, values only, XML through defusedxml, in limits.

A sheet's declared size is checked before its rows are read, and rows are counted while they
stream, so a sheet of a million rows is refused in about a second whatever it claims.
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from defusedxml import DefusedXmlException

from app.domain.problems import QT_TRANSLATE_NOOP
from app.roster.layout import CHOICES_SHEET, INSTRUCTIONS_SHEET
from app.roster.limits import UNSAFE, DEFAULT_LIMITS, ImportLimits, check_file, refuse


@dataclass
class RawSheet:
    """One sheet as read: its header cells and its non-empty data rows (1-based row numbers)."""

    title: str
    header: list[object]
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)


def read_workbook(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> list[RawSheet]:
    """Every data sheet of ``path`` (instructions and choice lists skipped), in workbook order.

    Raises :class:`app.roster.limits.RosterFileError` for a file refused as a whole.
    """
    if not openpyxl.DEFUSEDXML:  # never parse untrusted XML with the standard library's parser
        raise RuntimeError("defusedxml is required to import Excel files")
    check_file(path, limits)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except DefusedXmlException:
        raise _unsafe() from None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error, TypeError) as error:
        if isinstance(error.__cause__, DefusedXmlException):  # openpyxl wraps parse errors
            raise _unsafe() from None
        raise refuse("not_xlsx", QT_TRANSLATE_NOOP(
            "problems", "“{name}”不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）"),
            name=path.name) from None
    try:
        return [_read_sheet(sheet, limits) for sheet in workbook.worksheets
                if sheet.title not in (INSTRUCTIONS_SHEET, CHOICES_SHEET)
                and getattr(sheet, "sheet_state", "visible") == "visible"]
    except DefusedXmlException:
        raise _unsafe() from None
    finally:
        workbook.close()


def _unsafe():
    return refuse("xml_unsafe", UNSAFE)


def _read_sheet(sheet, limits: ImportLimits) -> RawSheet:
    declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
    if declared_rows > limits.max_rows + 1:
        raise _too_many_rows(sheet.title, declared_rows - 1, limits)
    if declared_columns > limits.max_columns:
        raise _too_many_columns(sheet.title, declared_columns, limits)
    sheet.reset_dimensions()  # a declared size can lie: read what is there, and count it
    raw = RawSheet(sheet.title, [])
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > limits.max_rows + 1:
            raise _too_many_rows(sheet.title, f"{limits.max_rows:,}+", limits)
        if number == 1:
            raw.header = _trimmed(row)
            if len(raw.header) > limits.max_columns:
                raise _too_many_columns(sheet.title, len(raw.header), limits)
        elif any(value is not None and value != "" for value in row):
            raw.rows.append((number, tuple(row[:max(len(raw.header), 1)])))
    return raw


def _trimmed(row: tuple[object, ...]) -> list[object]:
    values = list(row)
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values.pop()
    return values


def _too_many_rows(title: str, rows: object, limits: ImportLimits):
    return refuse("too_many_rows", QT_TRANSLATE_NOOP(
        "problems", "工作表“{sheet}”有 {rows} 行数据，超过每表 {limit} 行的上限：请分成几个文件导入"),
        sheet=title, rows=rows, limit=f"{limits.max_rows:,}")


def _too_many_columns(title: str, columns: int, limits: ImportLimits):
    return refuse("too_many_columns", QT_TRANSLATE_NOOP(
        "problems", "工作表“{sheet}”有 {columns} 列，超过 {limit} 列的上限，不像是本系统的花名册"),
        sheet=title, columns=columns, limit=limits.max_columns)
