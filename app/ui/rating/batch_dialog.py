"""Batch rating of a division from the GUI: rate_all on a worker, a progress bar and Cancel.

The worker reports progress through a Qt signal of an object that lives on the GUI thread
(queued across threads), so no widget is touched from the worker; Cancel sets an event the
service asks before storing each page (pages already stored stay stored).
"""
from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout)

from app.services.accounts import Workspace
from app.services.ratings import NOT_RATED, RateAllSummary, rate_all
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task

GRADE_ORDER = ("AAA", "AA", "A", "B", "C", NOT_RATED)


class _ProgressRelay(QObject):
    """Created on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    sig_progress = Signal(int, int)  # records done, records in all


class BatchRatingDialog(QDialog):
    """Rate and store every household and cooperative of one division (all if code is None)."""

    sig_finished = Signal(object)  # the RateAllSummary, or the exception that stopped the run

    def __init__(self, ws: Workspace, division_code: str | None, division_name: str, parent=None):
        super().__init__(parent)
        self.ws, self.division_code = ws, division_code
        self.running = False
        self._cancel = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.sig_progress.connect(self.on_progress)
        self.setWindowTitle(self.tr("批量评级"))
        self.setMinimumWidth(520)
        self.intro = QLabel(self.tr("为“{name}”的全部农户和合作社评分并保存评级。已有评级不会被覆盖，"
                                    "每次评级新增一条记录。").format(name=division_name), wordWrap=True)
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.progress = QProgressBar(minimum=0, maximum=1, value=0, textVisible=True)
        self.status = QLabel(self.tr("尚未开始"), wordWrap=True)
        self.start_button = QPushButton(self.tr("开始评级"), default=True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.start_button.clicked.connect(self.on_start)
        self.cancel_button.clicked.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("评分日期："), self.day)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def rating_day(self) -> date:
        day = self.day.date()
        return date(day.year(), day.month(), day.day())

    # -- handlers ------------------------------------------------------------------------
    def on_start(self) -> None:
        self.running = True
        self._cancel.clear()
        self.start_button.setEnabled(False)
        self.day.setEnabled(False)
        self.progress.setMaximum(0)  # busy until the first page is stored and the total is known
        self.status.setText(self.tr("正在评级…"))
        run_task(rate_all, self.ws, self.division_code, self.rating_day(), self._relay.sig_progress.emit,
                 self._cancel.is_set, on_done=self.on_done, on_error=self.on_failed, owner=self)

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("已评 {done} / {total} 条档案").format(done=done, total=total))

    def reject(self) -> None:
        """Cancel while running (the dialog closes when the worker has stopped), else close."""
        if not self.running:
            super().reject()
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("正在取消：当前一页保存后停止…"))

    def on_done(self, summary: RateAllSummary) -> None:
        self.running = False
        self.progress.setMaximum(max(self.progress.maximum(), 1))
        if not summary.cancelled:
            self.progress.setValue(self.progress.maximum())
        self.status.setText(self.summary_text(summary))
        self._finish()
        self.sig_finished.emit(summary)

    def on_failed(self, error: Exception) -> None:
        self.running = False
        self.progress.setMaximum(1)
        self.status.setText(self.tr("评级未能完成：{error}").format(error=problem_text(error)))
        self._finish()
        self.sig_finished.emit(error)

    def _finish(self) -> None:
        self.cancel_button.setText(self.tr("关闭"))
        self.cancel_button.setEnabled(True)
        self.adjustSize()  # the summary may take several lines

    def summary_text(self, summary: RateAllSummary) -> str:
        """What the run stored, in the user's language: counts per kind and per grade."""
        head = (self.tr("已取消，此前各页的评级已保存。") if summary.cancelled else self.tr("评级完成。"))
        lines = [head + self.tr("农户 {households} 户，合作社 {cooperatives} 个。").format(
            households=summary.households.rated, cooperatives=summary.cooperatives.rated)]
        grades = summary.households.by_grade
        parts = [f"{grade if grade != NOT_RATED else self.tr('未评级')} {grades[grade]}"
                 for grade in GRADE_ORDER if grades.get(grade)]
        if parts:
            lines.append(self.tr("农户等级：") + "，".join(parts))
        if summary.failed:
            lines.append(self.tr("{n} 条档案无法评分（资料格式有误），未保存。").format(n=len(summary.failed)))
        return "\n".join(lines)
