"""Problems of an import, by sheet, row and column, and the error workbook that lists them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook

from app.domain.problems import Problem
from app.roster.cells import is_dangerous


@dataclass(frozen=True)
class Place:
    """Where a value sits in the workbook: sheet title, 1-based row, column header label."""

    sheet: str
    row: int
    column: str = ""


@dataclass(frozen=True)
class RowProblem:
    """One problem of one cell (or row, or sheet) of an imported workbook."""

    place: Place
    problem: Problem

    @property
    def severity(self) -> str:
        return self.problem.severity

    @property
    def message(self) -> str:
        """The Chinese message, placeholders filled."""
        return self.problem.message

    def line(self) -> str:
        """``农户 第 5 行 户主身份证号码：message`` (one line for the console)."""
        column = f" {self.place.column}" if self.place.column else ""
        kind = "" if self.severity == "error" else "（提醒）"
        return f"{self.place.sheet} 第 {self.place.row} 行{column}：{kind}{self.message}"


def sort_problems(problems: Iterable[RowProblem], sheets: Sequence[str] = ()) -> list[RowProblem]:
    """Errors before warnings, then by sheet (in the order ``sheets`` gives, others after) and row."""
    items = list(problems)
    order: dict[str, int] = {title: index for index, title in enumerate(sheets)}
    for item in items:
        order.setdefault(item.place.sheet, len(order))
    return sorted(items, key=lambda p: (p.severity != "error", order[p.place.sheet], p.place.row))


def write_error_workbook(problems: Iterable[RowProblem], path: Path) -> int:
    """Save the problems as a workbook (sheet, row, column, kind, message); returns the count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("错误清单")
    for letter, width in zip("ABCDE", (14, 8, 24, 8, 90)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.append(["工作表", "行", "列", "类别", "说明"])
    count = 0
    for item in sort_problems(problems):
        values = [item.place.sheet, item.place.row, item.place.column,
                  "错误" if item.severity == "error" else "提醒", item.message]
        # Messages quote what was typed: keep a hostile cell inert in the report too.
        sheet.append([f"'{v}" if is_dangerous(v) else v for v in values])
        count += 1
    workbook.save(path)
    return count


