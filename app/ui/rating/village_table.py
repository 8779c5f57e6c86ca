"""The dashboard's table: one row per village with its figures and the criteria it fails."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor

from app.rating.fmt import percent
from app.services.villages import VillageReport
from app.ui.accounts.dialogs import translate_message
from app.ui.table_model import RowsTableModel

MET, FAILED = QColor("#2e7d32"), QColor("#c62828")


class VillageTableModel(RowsTableModel):
    """Villages of a :class:`DivisionReport` (at most a few hundred rows)."""

    right_aligned = range(1, 9)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [self.tr("村"), self.tr("登记户"), self.tr("建档户"), self.tr("已评"), self.tr("信用户"),
                       self.tr("建档率"), self.tr("信用户占比"), self.tr("借款户无逾期"), self.tr("不良率"),
                       self.tr("信用村"), self.tr("未达标项")]

    @property
    def villages(self) -> list[VillageReport]:
        return self.rows

    def set_villages(self, villages: list[VillageReport]) -> None:
        self.set_rows(villages)

    def tooltip(self, village: VillageReport, column: int) -> str:
        return self.tr("区划代码 {code}").format(code=village.code) if column == 0 else self.cell(village, column)

    def foreground(self, village: VillageReport, column: int) -> QColor | None:
        if column == 9:
            return MET if village.evaluation.is_credit_village else FAILED
        return None

    def cell(self, village: VillageReport, column: int) -> str:
        s, e = village.stats, village.evaluation
        values = (village.name, s.registered_households, s.filed_households,
                  village.rated_households, s.credit_households, _percent(e.filed_ratio),
                  _percent(e.credit_household_ratio), _percent(e.no_overdue_ratio), _percent(e.npl_ratio),
                  self.tr("是") if e.is_credit_village else self.tr("否"),
                  self.tr("；").join(translate_message(f.template, f.params) for f in e.failures))
        return str(values[column])


def _percent(ratio: Decimal | None) -> str:
    return "—" if ratio is None else percent(ratio)
