"""The problems of a checked roster as a table: kind, sheet, row, column, message."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.roster.report import RowProblem
from app.ui.accounts.dialogs import translate_problem

_ERROR, _WARNING = QColor("#b00020"), QColor("#8a6d00")


class ProblemTableModel(QAbstractTableModel):
    """Every problem of the preview, errors first (the service sorts them)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems: list[RowProblem] = []
        self.titles = [self.tr("类别"), self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("说明")]

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.problems[index.row()]
        error = item.severity == "error"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(_ERROR if error else _WARNING)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return self.tr("错误") if error else self.tr("提醒")
        if column == 1:
            return item.place.sheet
        if column == 2:
            return str(item.place.row)
        if column == 3:
            return item.place.column
        return translate_problem(item.problem)
