"""The rows of one worksheet, as expat callbacks: cell values by 0-based column, per row number."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Callable

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_REF = re.compile(r"([A-Z]+)?(\d+)?")
_EPOCHS = {False: CALENDAR_WINDOWS_1900, True: CALENDAR_MAC_1904}
_LOCAL = {name: name for name in ("c", "v", "t", "row", "is", "r", "f", "sheetData")}  # no prefix


def local_name(name: str) -> str:
    """An element or attribute name without its namespace prefix (``x:row`` -> ``row``)."""
    return name.rpartition(":")[2]


def column_index(ref: str) -> int | None:
    """``"C7"`` -> 2 (0-based column), ``None`` when the reference names no column."""
    letters = _REF.match(ref)[1]  # type: ignore[index]
    if not letters:
        return None
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


class SheetRows:
    """Expat callbacks that collect one sheet's rows of values."""

    def __init__(self, strings: list[str], date_styles: set[int], date1904: bool,
                 on_dimension: Callable[[str], None]):
        self.strings, self.date_styles, self.epoch = strings, date_styles, _EPOCHS[date1904]
        self.on_dimension = on_dimension
        self.rows: list[tuple[int, list]] = []
        self.row: list = []
        self.number = 0
        self.column = 0
        self.kind, self.style, self.value, self.collect = "n", 0, [], False

    def start(self, name: str, attrs: dict) -> None:
        local = _LOCAL.get(name) or local_name(name)
        if local == "c":
            ref = attrs.get("r")
            at = column_index(ref) if ref else None
            self.column = self.column + 1 if at is None else at
            self.kind, self.style, self.value = attrs.get("t", "n"), int(attrs.get("s", 0)), []
        elif local in ("v", "t"):
            self.collect = local == "v" or self.kind == "inlineStr"
        elif local == "row":
            ref = attrs.get("r")
            self.number = int(ref) if ref else self.number + 1
            self.row, self.column = [], -1
        elif local == "dimension":
            self.on_dimension(attrs.get("ref", ""))

    def text(self, data: str) -> None:
        if self.collect:
            self.value.append(data)

    def end(self, name: str) -> None:
        local = _LOCAL.get(name) or local_name(name)
        if local in ("v", "t"):
            self.collect = False
        elif local == "c":
            if self.value:
                if len(self.row) <= self.column:
                    self.row.extend([None] * (self.column + 1 - len(self.row)))
                self.row[self.column] = self._value("".join(self.value))
        elif local == "row":
            self.rows.append((self.number, self.row))

    def _value(self, text: str) -> object:
        kind = self.kind
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("str", "inlineStr", "e"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":  # an ISO 8601 date cell
            return datetime.fromisoformat(text.strip().rstrip("Z"))
        number = float(text) if any(c in text for c in ".eE") else int(text)
        if self.style in self.date_styles:  # Excel dates are numbers with a date format
            return from_excel(number, self.epoch)
        return number
