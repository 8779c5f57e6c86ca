"""The ratings of one village as table rows: scores, stage, objections, deadlines."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.services.workflow import STAGE_LABELS, OverviewRow, Stage

COLUMNS = ("name", "type", "computed", "adjustment", "final", "grade", "credit", "stage", "notice",
           "objections", "due", "valid")
_NUMBERS = {"computed", "adjustment", "final", "objections"}
# Stages that wait for someone (a soft colour, so the eye finds them in a long list).
_HIGHLIGHT = {Stage.OBJECTION: QColor(255, 235, 205), Stage.NOTICE_ENDED: QColor(225, 240, 255),
              Stage.EXPIRED: QColor(235, 235, 235)}


class WorkflowTableModel(QAbstractTableModel):
    """Overview rows (one per subject, its latest rating) of one village on ``today``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[OverviewRow] = []
        self.today = date.today()
        self.titles = [self.tr("名称"), self.tr("类型"), self.tr("初评分"), self.tr("调整"), self.tr("最终分"),
                       self.tr("等级"), self.tr("信用户"), self.tr("阶段"), self.tr("公示期"),
                       self.tr("未处理异议"), self.tr("答复期限"), self.tr("有效期至")]

    def set_rows(self, rows: list[OverviewRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def row(self, number: int) -> OverviewRow | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _HIGHLIGHT.get(row.stage)
        if role == Qt.ItemDataRole.ForegroundRole and column == "due" and row.overdue(self.today):
            return QColor(180, 0, 0)
        return None

    def _text(self, row: OverviewRow, column: str) -> Any:
        if column == "name":
            return row.subject_name
        if column == "type":
            return self.tr("农户") if row.subject_type == "household" else self.tr("合作社")
        if column in ("computed", "final"):
            if row.final_grade is None:
                return "—"
            return _points(row.computed_score if column == "computed" else row.final_score)
        if column == "adjustment":
            return "" if row.adjustment is None else f"{row.adjustment:+}"
        if column == "grade":
            return row.final_grade or "—"
        if column == "credit":
            return self.tr("是") if row.credit_household else self.tr("否")
        if column == "stage":
            return QCoreApplication.translate("workflow", STAGE_LABELS[row.stage])
        return self._dates(row, column)

    def _dates(self, row: OverviewRow, column: str) -> str:
        if column == "notice":
            if row.notice_start is None or row.notice_last_day is None:
                return ""
            return f"{row.notice_start:%m-%d} – {row.notice_last_day:%m-%d}"
        if column == "objections":
            return str(row.open_objections) if row.objections else ""
        if column == "due":
            due = row.next_answer_due
            if due is None:
                return ""
            return self.tr("{date}（已超期）").format(date=due) if row.overdue(self.today) else str(due)
        return "" if row.valid_until is None else str(row.valid_until)


def make_table(model: WorkflowTableModel) -> QTableView:
    """A read-only table of ``model``: whole rows selected one at a time, columns fitted to content."""
    table = QTableView(selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                       selectionMode=QAbstractItemView.SelectionMode.SingleSelection)
    table.setModel(model)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)  # the table fills the window: no blank strip on the right
    header.setMinimumSectionSize(64)  # headers stay readable on an empty list
    return table


def _points(value: Decimal) -> str:
    return f"{value:.2f}"
