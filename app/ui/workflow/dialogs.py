"""Dialogs of the workflow steps: appraisal, notice start, objection, decision.

Each dialog runs its service call in the thread pool when OK is pressed; a refusal is shown
under the fields (the dialog stays open to correct it), success closes it.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget)

from app.services.workflow import Objection, OverviewRow
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task

_POINTS = QRegularExpression(r"^[+-]?\d{0,2}([.]\d{0,2})?$")


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), calendarPopup=True, displayFormat="yyyy-MM-dd")
    return edit


def picked(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class StepDialog(QDialog):
    """A form, a line for refusals and OK/Cancel; OK runs :meth:`call` off the GUI thread."""

    def __init__(self, title: str, intro: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel(wordWrap=True, objectName="error")
        self.error.setStyleSheet("color: #b00000;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_value: Any = None

    def call(self) -> Callable[[], Any]:
        """The service call to make with the form's values (overridden)."""
        raise NotImplementedError

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.error.hide()
        run_task(self.call(), on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(problem_text(error))
        self.error.show()


class AppraisalDialog(StepDialog):
    """评议: an adjustment (absent for a whole village), the reason, the appraisers, the date."""

    def __init__(self, action: Callable[..., Any], row: OverviewRow | None, bound: str, today: date, parent=None):
        title = self.tr("评议") if row else self.tr("整村评议")
        intro = (self.tr("{name}：初评 {score} 分。调整分在 ±{bound} 分以内，调整后按评分方案重新定级。").format(
            name=row.subject_name, score=f"{row.computed_score:.2f}", bound=bound) if row else
            self.tr("本村所有只完成初评的评级按初评结果通过评议（不调整分数）。"))
        super().__init__(title, intro, parent)
        self.action, self.row = action, row
        self.adjustment = QLineEdit("0" if row is None or row.adjustment is None else str(row.adjustment))
        self.adjustment.setValidator(QRegularExpressionValidator(_POINTS, self.adjustment))
        self.reason = QPlainTextEdit(placeholderText=self.tr("写明评议理由"))
        self.reason.setFixedHeight(80)
        self.appraisers = QLineEdit(placeholderText=self.tr("评议小组成员姓名，用“、”分隔"))
        self.on = date_edit(today)
        if row is not None:
            self.form.addRow(self.tr("调整分："), self.adjustment)
        self.form.addRow(self.tr("评议理由："), self.reason)
        self.form.addRow(self.tr("评议小组："), self.appraisers)
        self.form.addRow(self.tr("评议日期："), self.on)

    def call(self) -> Callable[[], Any]:
        reason, names, on = self.reason.toPlainText(), self.appraisers.text(), picked(self.on)
        if self.row is None:
            return lambda: self.action(reason, names, on)
        adjustment = self.adjustment.text().strip() or "0"
        return lambda: self.action(adjustment, reason, names, on)


class NoticeDialog(StepDialog):
    """公示: the start date of the village's notice."""

    def __init__(self, action: Callable[[date], Any], count: int, days: int, today: date, parent=None):
        super().__init__(self.tr("发起公示"), self.tr("本村 {count} 户已评议的评级将公示 {days} 天。").format(
            count=count, days=days), parent)
        self.action = action
        self.start = date_edit(today)
        self.form.addRow(self.tr("公示开始日："), self.start)

    def call(self) -> Callable[[], Any]:
        start = picked(self.start)
        return lambda: self.action(start)


class ObjectionDialog(StepDialog):
    """异议: what the objector says and the day it was received."""

    def __init__(self, action: Callable[[str, date], Any], row: OverviewRow, today: date, parent=None):
        super().__init__(self.tr("登记异议"), self.tr("{name} 的评级在公示期内收到的异议，须在 20 天内答复。").format(
            name=row.subject_name), parent)
        self.action = action
        self.content = QPlainTextEdit(placeholderText=self.tr("异议人、异议内容和理由"))
        self.content.setFixedHeight(100)
        self.on = date_edit(today)
        self.form.addRow(self.tr("异议内容："), self.content)
        self.form.addRow(self.tr("受理日期："), self.on)

    def call(self) -> Callable[[], Any]:
        content, on = self.content.toPlainText(), picked(self.on)
        return lambda: self.action(content, on)


class DecisionDialog(StepDialog):
    """异议处理: which objection, upheld (with the new adjustment) or rejected, and the answer."""

    def __init__(self, action: Callable[..., Any], row: OverviewRow, today: date, parent=None):
        super().__init__(self.tr("处理异议"), self.tr("{name}：复核后作出决定并书面答复异议人。").format(
            name=row.subject_name), parent)
        self.action = action
        self.objection = QComboBox()
        open_cases = [o for o in row.objections if o.open]
        for case in open_cases:
            self.objection.addItem(self._label(case), case.id)
        # The whole objection, wrapped: the list shows only its start, and the answer replies to all of it.
        self.content = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.objection.currentIndexChanged.connect(
            lambda index: self.content.setText(open_cases[index].text if 0 <= index < len(open_cases) else ""))
        self.content.setText(open_cases[0].text if open_cases else "")
        self.upheld, self.rejected = QRadioButton(self.tr("异议成立，调整分数")), QRadioButton(self.tr("异议不成立，维持原结果"))
        self.rejected.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.upheld)
        choice.addButton(self.rejected)
        outcome = QWidget()
        line = QHBoxLayout(outcome)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.rejected)
        line.addWidget(self.upheld)
        self.adjustment = QLineEdit("0" if row.adjustment is None else str(row.adjustment), enabled=False)
        self.adjustment.setValidator(QRegularExpressionValidator(_POINTS, self.adjustment))
        self.upheld.toggled.connect(self.adjustment.setEnabled)
        self.answer = QPlainTextEdit(placeholderText=self.tr("给异议人的答复"))
        self.answer.setFixedHeight(80)
        self.on = date_edit(today)
        for label, widget in ((self.tr("异议："), self.objection), (self.tr("异议内容："), self.content),
                              (self.tr("结论："), outcome),
                              (self.tr("复核后调整分："), self.adjustment), (self.tr("答复："), self.answer),
                              (self.tr("处理日期："), self.on)):
            self.form.addRow(label, widget)

    def _label(self, case: Objection) -> str:
        text = case.text if len(case.text) <= 24 else case.text[:23] + "…"
        return self.tr("{received} 受理，{due} 前答复：{text}").format(received=case.received_on, due=case.answer_due,
                                                                   text=text)

    def call(self) -> Callable[[], Any]:
        objection, upheld = self.objection.currentData(), self.upheld.isChecked()
        answer, on = self.answer.toPlainText(), picked(self.on)
        adjustment = (self.adjustment.text().strip() or "0") if upheld else None
        return lambda: self.action(objection, upheld, answer, on, adjustment)

