"""The dashboard's table: one row per village with its figures and the criteria it fails."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.rating.fmt import percent
from app.services.villages import VillageReport
from app.ui.accounts.dialogs import translate_message

MET, FAILED = QColor("#2e7d32"), QColor("#c62828")


class VillageTableModel(QAbstractTableModel):
    """Villages of a :class:`DivisionReport` (at most a few hundred rows)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.villages: list[VillageReport] = []
        self.titles = [self.tr("村"), self.tr("登记户"), self.tr("建档户"), self.tr("已评"), self.tr("信用户"),
                       self.tr("建档率"), self.tr("信用户占比"), self.tr("借款户无逾期"), self.tr("不良率"),
                       self.tr("信用村"), self.tr("未达标项")]

    def set_villages(self, villages: list[VillageReport]) -> None:
        self.beginResetModel()
        self.villages = list(villages)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.villages)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        village, column = self.villages[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(village, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("区划代码 {code}").format(code=village.code) if column == 0 else self._text(village, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 9:
            return MET if village.evaluation.is_credit_village else FAILED
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, village: VillageReport, column: int) -> str:
        s, e = village.stats, village.evaluation
        values = (village.name, s.registered_households, s.filed_households,
                  village.rated_households, s.credit_households, _percent(e.filed_ratio),
                  _percent(e.credit_household_ratio), _percent(e.no_overdue_ratio), _percent(e.npl_ratio),
                  self.tr("是") if e.is_credit_village else self.tr("否"),
                  self.tr("；").join(translate_message(f.template, f.params) for f in e.failures))
        return str(values[column])


def _percent(ratio: Decimal | None) -> str:
    return "—" if ratio is None else percent(ratio)
