"""The problems of a checked roster as a table: kind, sheet, row, column, message."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from app.roster.report import RowProblem
from app.ui.accounts.dialogs import translate_problem
from app.ui.table_model import RowsTableModel

_ERROR, _WARNING = QColor("#b00020"), QColor("#8a6d00")


class ProblemTableModel(RowsTableModel):
    """Every problem of the preview, errors first (the service sorts them)."""

    right_aligned = (2,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [self.tr("类别"), self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("说明")]

    @property
    def problems(self) -> list[RowProblem]:
        return self.rows

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.set_rows(problems)

    def foreground(self, item: RowProblem, column: int) -> QBrush | None:
        if column == 0:
            return QBrush(_ERROR if item.severity == "error" else _WARNING)
        return None

    def cell(self, item: RowProblem, column: int) -> str:
        if column == 0:
            return self.tr("错误") if item.severity == "error" else self.tr("提醒")
        if column == 1:
            return item.place.sheet
        if column == 2:
            return str(item.place.row)
        if column == 3:
            return item.place.column
        return translate_problem(item.problem)
