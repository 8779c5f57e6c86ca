"""Reading a roster saved as CSV: UTF-8 (with or without BOM) or GB18030, as Chinese Excel saves.

A CSV holds one sheet: the main records (no repeat groups; those need the workbook). Its
header row is matched like a workbook's (Chinese labels or data-standard field names), and
the same limits apply: file size, rows, columns, characters per cell. Every cell is text, so
an ID number arrives as typed, unless Excel had already shown it as ``4.40522E+17`` when the
file was saved: that is reported per cell (:func:`app.roster.cells.from_cell`).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP
from app.roster.limits import DEFAULT_LIMITS, ImportLimits, refuse
from app.roster.reader import RawSheet, collect_rows

CSV_TITLE = ""  # the sheet a CSV stands for is named once the questionnaire is known
_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, name: str) -> str:
    """The text of a CSV file: UTF-8 (BOM or not) first, else GB18030; binary refused."""
    if b"\x00" in data[:65_536]:
        raise _not_csv(name)
    if data.startswith(_BOM):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")  # valid UTF-8 is almost never meant as GB18030
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise refuse("csv_encoding", QT_TRANSLATE_NOOP(
        "problems", "“{name}”的编码无法识别：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入"),
        name=name)


def read_csv(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> list[RawSheet]:
    """The one sheet of a CSV roster (title :data:`CSV_TITLE`); the file was size-checked."""
    text = decode(path.read_bytes(), path.name)
    try:
        sheet = collect_rows(path.name, enumerate(csv.reader(io.StringIO(text, newline="")), start=1),
                             limits)  # limits are reported against the file's name
    except csv.Error:
        raise _not_csv(path.name) from None
    sheet.title = CSV_TITLE
    return [sheet]


def _not_csv(name: str):
    return refuse("not_csv", QT_TRANSLATE_NOOP(
        "problems", "“{name}”不是有效的 CSV 文本文件（可能已损坏，或是其他格式改了扩展名）"), name=name)
