"""The credit-village dashboard of a division: charts, township verdicts and a table of villages.

The report (:func:`app.services.villages.village_report`) is built on a worker thread.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from app.rating.fmt import percent
from app.services.accounts import Workspace
from app.services.villages import DivisionReport, village_report
from app.ui.accounts.dialogs import problem_text, translate_message
from app.ui.rating.breakdown_model import scheme_title
from app.ui.rating.charts import coverage_chart, grade_chart
from app.ui.rating.village_table import MET, FAILED, VillageTableModel
from app.ui.workers import run_task


class VillagesDashboard(QDialog):
    """Opened for one division (``None``: the whole city); loads its report in the background."""

    sig_loaded = Signal(bool)  # True: the report is shown; False: it failed

    def __init__(self, ws: Workspace, division_code: str | None, division_name: str, parent=None,
                 on: date | None = None):
        super().__init__(parent)
        self.ws, self.division_code = ws, division_code
        self.report: DivisionReport | None = None
        self.setWindowTitle(self.tr("信用村镇看板 — {name}").format(name=division_name))
        self.resize(1180, 820)
        self.summary = QLabel(self.tr("正在统计…"), wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.charts = QHBoxLayout()
        self.model = VillageTableModel(self)
        self.table = self._make_table()
        self.townships = QStandardItemModel(self)
        self.township_table = QTableView(self)
        self.township_table.setModel(self.townships)
        self.township_table.verticalHeader().setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("各村"))
        self.tabs.addTab(self.township_table, self.tr("各乡镇"))
        self._lay_out()
        run_task(village_report, ws, division_code, on or date.today(), on_done=self.on_loaded,
                 on_error=self.on_failed, owner=self)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(False)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for column, width in enumerate((96, 62, 62, 56, 62, 70, 84, 96, 66, 56)):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(10, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addLayout(self.charts, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setSizes([420, 360])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    # -- handlers ------------------------------------------------------------------------
    def on_loaded(self, report: DivisionReport) -> None:
        self.report = report
        self.summary.setText(self.summary_text(report))
        for view in (grade_chart(report), coverage_chart(report)):
            self.charts.addWidget(view, 1)
            view.show()  # a child added to a shown window would otherwise appear one event later
        self.model.set_villages(report.villages)
        self.table.resizeRowsToContents()
        self._show_townships(report)
        self.sig_loaded.emit(True)

    def _show_townships(self, report: DivisionReport) -> None:
        self.townships.clear()
        self.townships.setHorizontalHeaderLabels([
            self.tr("乡镇"), self.tr("行政村"), self.tr("信用村"), self.tr("信用村占比"), self.tr("不良率"),
            self.tr("信用乡镇"), self.tr("未达标项")])
        for township in report.townships:
            e, s = township.evaluation, township.stats
            ratio = "—" if e.credit_village_ratio is None else percent(e.credit_village_ratio)
            verdict = QStandardItem(self.tr("是") if e.is_credit_township else self.tr("否"))
            verdict.setForeground(MET if e.is_credit_township else FAILED)
            cells = [QStandardItem(f"{township.name}（{township.code}）"), QStandardItem(str(s.villages)),
                     QStandardItem(str(s.credit_villages)), QStandardItem(ratio), QStandardItem(percent(e.npl_ratio)),
                     verdict, QStandardItem(self.tr("；").join(translate_message(f.template, f.params) for f in e.failures))]
            self.townships.appendRow(cells)
        for column, width in enumerate((190, 62, 62, 84, 66, 70)):
            self.township_table.setColumnWidth(column, width)
        self.township_table.horizontalHeader().setStretchLastSection(True)
        self.tabs.setTabEnabled(1, bool(report.townships))

    def on_failed(self, error: Exception) -> None:
        self.summary.setText(self.tr("无法统计：{error}").format(error=problem_text(error)))
        self.sig_loaded.emit(False)

    def summary_text(self, report: DivisionReport) -> str:
        """Villages and townships that meet the criteria, and the non-performing ratio against its cap."""
        villages = report.villages
        met = sum(v.evaluation.is_credit_village for v in villages)
        balance = sum(v.stats.loan_balance_fen for v in villages)
        overdue = sum(v.stats.overdue_balance_fen for v in villages)
        npl = percent(Decimal(overdue) / Decimal(balance)) if balance else "—"
        text = self.tr("截至 {day}（评分方案 {scheme}）：{n} 个村，达到信用村标准 {met} 个；"
                       "不良贷款率 {npl}（上限 {limit}）。").format(
            day=report.on.isoformat(), scheme=scheme_title(report.scheme_ref), n=len(villages), met=met, npl=npl,
            limit=percent(report.criteria["village_npl_ratio_max"]))
        if report.townships:
            towns = sum(t.evaluation.is_credit_township for t in report.townships)
            text += self.tr("{n} 个乡镇中达到信用乡镇标准 {met} 个。").format(n=len(report.townships), met=towns)
        return text
