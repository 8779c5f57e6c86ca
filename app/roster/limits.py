"""What an import accepts before it reads a cell: type, size, macros, zip bombs.

Everything here looks only at the file and the zip directory (milliseconds), so a hostile or
absurd file is refused at once with a Chinese message, before any XML is parsed.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem


@dataclass(frozen=True)
class ImportLimits:
    """Upper bounds of an import (bytes, rows per sheet, columns, characters per cell)."""

    max_file_bytes: int = 50_000_000
    max_unzipped_bytes: int = 400_000_000  # all parts together, once decompressed
    max_ratio: int = 200  # uncompressed / compressed size of any one part
    max_rows: int = 100_000  # data rows per sheet
    max_columns: int = 200
    max_cell_chars: int = 2_000


DEFAULT_LIMITS = ImportLimits()


class RosterFileError(DomainError):
    """A file refused as a whole; ``str()`` is one Chinese sentence."""


def refuse(code: str, template: str, **params: object) -> RosterFileError:
    return RosterFileError(Problem("file", f"roster.{code}", template, params))


def check_file(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`RosterFileError` unless ``path`` is a plausible, macro-free .xlsx in limits."""
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb", ".xls"):
        raise refuse("file_type", QT_TRANSLATE_NOOP(
            "problems", "不接受 {suffix} 文件（含宏或旧格式）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”"
                        "后再导入"), suffix=suffix)
    if suffix not in (".xlsx", ".csv"):
        raise refuse("file_type", QT_TRANSLATE_NOOP(
            "problems", "只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv），“{name}”不是"), name=path.name)
    try:
        size = path.stat().st_size
    except OSError:
        raise refuse("missing", QT_TRANSLATE_NOOP("problems", "找不到文件：{name}"),
                     name=str(path)) from None
    if size > limits.max_file_bytes:
        raise refuse("too_big", QT_TRANSLATE_NOOP(
            "problems", "文件有 {size} MB，超过导入上限 {limit} MB：请分成几个文件导入"),
            size=round(size / 1_000_000, 1), limit=limits.max_file_bytes // 1_000_000)
    if suffix == ".xlsx":
        _check_zip(path, limits)


def _check_zip(path: Path, limits: ImportLimits) -> None:
    if not zipfile.is_zipfile(path):
        raise refuse("not_xlsx", QT_TRANSLATE_NOOP(
            "problems", "“{name}”不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）"), name=path.name)
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        _check_parts(path, archive, parts, limits)


def _check_parts(path: Path, archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo],
                 limits: ImportLimits) -> None:
    names = {part.filename.lower() for part in parts}
    if any(name.endswith("vbaproject.bin") for name in names):
        raise refuse("macro", QT_TRANSLATE_NOOP(
            "problems", "文件中含有宏（VBA），不予导入：请另存为不含宏的“Excel 工作簿 (*.xlsx)”"))
    if "xl/workbook.xml" not in names:
        raise refuse("not_xlsx", QT_TRANSLATE_NOOP(
            "problems", "“{name}”不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）"), name=path.name)
    total = sum(part.file_size for part in parts)
    bomb = any(part.file_size > limits.max_ratio * max(part.compress_size, 1) and
               part.file_size > 1_000_000 for part in parts)
    if bomb or total > limits.max_unzipped_bytes:
        raise refuse("zip_bomb", QT_TRANSLATE_NOOP(
            "problems", "文件解压后有 {size} MB（压缩比异常），超过上限，不予导入：可能是恶意构造的文件"),
            size=total // 1_000_000)
    for part in parts:
        if part.filename.lower().startswith("xl/worksheets/") and part.filename.endswith(".xml"):
            _scan_sheet(archive, part, limits)


def _scan_sheet(archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: ImportLimits) -> None:
    """Count a sheet's rows and look for a DTD in its raw XML, without parsing it.

    openpyxl parses a whole sheet that does not declare its size just to open it, so a
    million-row sheet would cost many seconds before the row limit could be checked.
    """
    rows, tail = 0, b""
    with archive.open(part) as stream:
        head = True
        while chunk := stream.read(1 << 20):
            if head and b"<!DOCTYPE" in chunk[:4096].upper():
                raise refuse("xml_unsafe", UNSAFE)
            head = False
            window = tail + chunk
            rows += window.count(b"<row ") - tail.count(b"<row ")
            tail = window[-8:]
            if rows > limits.max_rows + 1:
                raise refuse("too_many_rows", QT_TRANSLATE_NOOP(
                    "problems", "有一张工作表超过 {limit} 行的上限：请分成几个文件导入"),
                    limit=f"{limits.max_rows:,}")


UNSAFE = QT_TRANSLATE_NOOP("problems", "文件中含有不安全的 XML 结构（实体或文档类型定义），"
                                        "可能是恶意构造的文件，不予导入")
