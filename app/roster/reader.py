"""Reading a workbook safely: values only, XML through a strict expat reader, in limits.

A sheet's declared size is checked as its rows start, and rows were counted on the raw XML
before (:mod:`app.roster.limits`), so a sheet of a million rows is refused in about a second
whatever it claims. No XML part may declare a DTD or entities (:mod:`app.roster.xlsx_read`).
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence
from xml.parsers import expat

from app.domain.problems import QT_TRANSLATE_NOOP
from app.roster.layout import CHOICES_SHEET, INSTRUCTIONS_SHEET
from app.roster.limits import (UNSAFE, DEFAULT_LIMITS, ImportLimits, RosterFileError, check_file,
                               refuse)
from app.roster.xlsx_read import UnsafeXml, Workbook, column_index

_PROLOG_BYTES = 65_536  # where a DOCTYPE would have to be, before the root element


@dataclass
class RawSheet:
    """One sheet as read: its header cells and its non-empty data rows (1-based row numbers)."""

    title: str
    header: list[object]
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)


def read_roster_file(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> list[RawSheet]:
    """The sheets of an .xlsx workbook or the one sheet of a .csv file (see :mod:`csv_read`)."""
    if path.suffix.lower() == ".csv":
        from app.roster.csv_read import read_csv

        check_file(path, limits)
        return read_csv(path, limits)
    return read_workbook(path, limits)


def read_workbook(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> list[RawSheet]:
    """Every data sheet of ``path`` (instructions and choice lists skipped), in workbook order.

    Raises :class:`app.roster.limits.RosterFileError` for a file refused as a whole.
    """
    check_file(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            _no_dtd(archive)
            book = Workbook(archive)
            return [_read_sheet(book, title, part, limits) for title, state, part in book.sheets
                    if title not in (INSTRUCTIONS_SHEET, CHOICES_SHEET) and state == "visible"]
    except RosterFileError:
        raise  # a limit passed (it is a ValueError too: let it through as it is)
    except UnsafeXml:
        raise refuse("xml_unsafe", UNSAFE) from None
    except (KeyError, ValueError, IndexError, OSError, zipfile.BadZipFile, zlib.error,
            expat.ExpatError):
        raise refuse("not_xlsx", QT_TRANSLATE_NOOP(
            "problems", "“{name}”不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）"),
            name=path.name) from None


def _no_dtd(archive: zipfile.ZipFile) -> None:
    """Refuse a DTD or entity in any XML part, also in parts the import never reads."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as stream:
                head = stream.read(_PROLOG_BYTES).upper()
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UnsafeXml(info.filename)


def _read_sheet(book: Workbook, title: str, part: str, limits: ImportLimits) -> RawSheet:
    def declared(ref: str) -> None:
        last = ref.split(":")[-1]
        digits = "".join(c for c in last if c.isdigit())
        if digits and int(digits) > limits.max_rows + 1:
            raise too_many_rows(title, int(digits) - 1, limits)
        columns = (column_index(last.upper()) or 0) + 1
        if columns > limits.max_columns:
            raise too_many_columns(title, columns, limits)

    return collect_rows(title, book.rows(part, declared), limits)


def collect_rows(title: str, rows: Iterable[tuple[int, Sequence[object]]], limits: ImportLimits) -> RawSheet:
    """The sheet ``title`` from numbered rows (row 1 the header), blank rows left out, limits checked."""
    raw = RawSheet(title, [])
    for number, row in rows:
        if number > limits.max_rows + 1:
            raise too_many_rows(title, f"{limits.max_rows:,}+", limits)
        if number == 1:
            raw.header = trimmed(tuple(row))
            if len(raw.header) > limits.max_columns:
                raise too_many_columns(title, len(raw.header), limits)
        elif any(value is not None and str(value).strip() != "" for value in row):
            raw.rows.append((number, tuple(row[:max(len(raw.header), 1)])))
    return raw


def trimmed(row: tuple[object, ...]) -> list[object]:
    values = list(row)
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values.pop()
    return values


def too_many_rows(title: str, rows: object, limits: ImportLimits):
    return refuse("too_many_rows", QT_TRANSLATE_NOOP(
        "problems", "工作表“{sheet}”有 {rows} 行数据，超过每表 {limit} 行的上限：请分成几个文件导入"),
        sheet=title, rows=rows, limit=f"{limits.max_rows:,}")


def too_many_columns(title: str, columns: int, limits: ImportLimits):
    return refuse("too_many_columns", QT_TRANSLATE_NOOP(
        "problems", "工作表“{sheet}”有 {columns} 列，超过 {limit} 列的上限，不像是本系统的花名册"),
        sheet=title, columns=columns, limit=limits.max_columns)
