"""评议与公示: the ratings of one village with their stage, and the steps the user's role may take.

Buttons are shown only for steps the role holds and enabled only when the selected row (or the
village) is at a stage where the step applies; the service checks everything again.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from app.rating.batch import DEFAULT_SCHEMES
from app.rating.scheme import find_scheme
from app.security.roles import Permission
from app.services import workflow as wf
from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task
from app.ui.workflow.dialogs import AppraisalDialog, DecisionDialog, NoticeDialog, ObjectionDialog
from app.ui.workflow.table_model import WorkflowTableModel, make_table

# Which permission each button needs.
BUTTONS = {"appraise": Permission.APPRAISE, "appraise_village": Permission.APPRAISE,
           "notice": Permission.START_NOTICE, "object": Permission.RECORD_OBJECTION,
           "decide": Permission.DECIDE_OBJECTION, "confirm": Permission.CONFIRM,
           "confirm_village": Permission.CONFIRM}
WORKFLOW_PERMISSIONS = frozenset(BUTTONS.values())


def can_use_workflow(ws: Workspace) -> bool:
    """True if the user may take at least one workflow step (the menu entry is shown then)."""
    return any(ws.can(permission) for permission in WORKFLOW_PERMISSIONS)


class WorkflowWindow(QDialog):
    """The workflow of ``village_code`` as of ``today`` (default: the real today)."""

    sig_loaded = Signal(int)  # rows shown
    sig_failed = Signal(str)  # a refusal or failure, translated

    def __init__(self, ws: Workspace, village_code: str, village_name: str = "", today: date | None = None,
                 parent=None):
        super().__init__(parent)
        self.ws, self.village, self.today = ws, village_code, today or date.today()
        self.scheme = find_scheme(DEFAULT_SCHEMES["household"])
        self.setWindowTitle(self.tr("评议与公示 — {village}").format(village=village_name or village_code))
        self.resize(1180, 620)
        self.model = WorkflowTableModel(self)
        self.table = make_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.summary = QLabel()
        self.message = QLabel(wordWrap=True)
        self.buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{village}（{code}）　今天：{today}　公示期 {days} 天，异议 {answer} 天内答复，"
                                        "评议调整上限 ±{bound} 分").format(
            village=village_name or village_code, code=village_code, today=self.today, days=self.scheme.notice_days,
            answer=self.scheme.objection_answer_days, bound=_bound(self.scheme))))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        bar = QHBoxLayout()
        for name, button in self.buttons.items():
            bar.addWidget(button)
            if name in ("appraise_village", "notice"):
                bar.addSpacing(12)
        bar.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.reload()

    def _make_buttons(self) -> dict[str, QPushButton]:
        labels = {"appraise": self.tr("评议…"), "appraise_village": self.tr("整村评议…"),
                  "notice": self.tr("发起公示…"), "object": self.tr("登记异议…"), "decide": self.tr("处理异议…"),
                  "confirm": self.tr("确认"), "confirm_village": self.tr("整村确认")}
        buttons = {}
        for name, permission in BUTTONS.items():
            if self.ws.can(permission):
                button = QPushButton(labels[name], enabled=False)
                button.clicked.connect(getattr(self, f"on_{name}"))
                buttons[name] = button
        return buttons

    def reload(self) -> None:
        run_task(wf.village_overview, self.ws, self.village, self.today, on_done=self._loaded,
                 on_error=self._failed, owner=self)

    def _loaded(self, rows: list[wf.OverviewRow]) -> None:
        self.model.set_rows(rows, self.today)
        counts = Counter(row.stage for row in rows)
        parts = [f"{QCoreApplication.translate('workflow', wf.STAGE_LABELS[s])} {n}" for s, n in counts.items()]
        self.summary.setText(self.tr("共 {n} 户：{parts}").format(n=len(rows), parts="，".join(parts)) if rows
                             else self.tr("本村还没有评级。请先由信贷员评分。"))
        self._update_buttons()
        self.sig_loaded.emit(len(rows))

    def _failed(self, error: Exception) -> None:
        text = problem_text(error)
        self.message.setStyleSheet("color: #b00000;")
        self.message.setText(text)
        self.sig_failed.emit(text)

    def _done(self, text: str, _result: Any = None) -> None:
        self.message.setStyleSheet("color: #006000;")
        self.message.setText(text)
        self.reload()

    # -- which steps apply -------------------------------------------------------------
    def selected(self) -> wf.OverviewRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        row = self.selected()
        stage = row.stage if row else None
        stages = {r.stage for r in self.model.rows}
        enabled = {
            "appraise": stage in (wf.Stage.COMPUTED, wf.Stage.APPRAISED),
            "appraise_village": wf.Stage.COMPUTED in stages,
            "notice": wf.Stage.APPRAISED in stages and wf.Stage.COMPUTED not in stages,
            "object": stage in (wf.Stage.IN_NOTICE, wf.Stage.OBJECTION) and row is not None
            and row.notice_last_day is not None and self.today <= row.notice_last_day,
            "decide": row is not None and row.open_objections > 0,
            "confirm": stage is wf.Stage.NOTICE_ENDED,
            "confirm_village": wf.Stage.NOTICE_ENDED in stages and not stages & {
                wf.Stage.IN_NOTICE, wf.Stage.NOTICE_PENDING, wf.Stage.OBJECTION},
        }
        for name, button in self.buttons.items():
            button.setEnabled(bool(enabled[name]))

    # -- steps -------------------------------------------------------------------------
    def _open(self, dialog: QDialog, done_text: str) -> None:
        """Show a step's dialog (window-modal, not blocking: tests and the event loop go on)."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._done(done_text))
        dialog.open()

    def on_appraise(self) -> None:
        row = self.selected()
        if row is not None:
            action = partial(wf.appraise, self.ws, row.rating_id)
            self._open(AppraisalDialog(action, row, _bound(self.scheme), self.today, self),
                       self.tr("已评议：{name}").format(name=row.subject_name))

    def on_appraise_village(self) -> None:
        action = partial(wf.appraise_village, self.ws, self.village)
        self._open(AppraisalDialog(action, None, _bound(self.scheme), self.today, self),
                   self.tr("已整村评议"))

    def on_notice(self) -> None:
        count = sum(1 for r in self.model.rows if r.stage is wf.Stage.APPRAISED)
        action = partial(wf.start_notice, self.ws, self.village)
        self._open(NoticeDialog(action, count, self.scheme.notice_days, self.today, self), self.tr("已发起公示"))

    def on_object(self) -> None:
        row = self.selected()
        if row is not None:
            action = partial(wf.record_objection, self.ws, row.rating_id)
            self._open(ObjectionDialog(action, row, self.today, self),
                       self.tr("已登记异议：{name}").format(name=row.subject_name))

    def on_decide(self) -> None:
        row = self.selected()
        if row is not None:
            action = partial(wf.decide_objection, self.ws)
            self._open(DecisionDialog(action, row, self.today, self),
                       self.tr("已处理异议：{name}").format(name=row.subject_name))

    def on_confirm(self) -> None:
        row = self.selected()
        if row is not None:
            self._ask(self.tr("确认 {name} 的评级？确认后即生效，可据此发证。").format(name=row.subject_name),
                      lambda: run_task(wf.confirm, self.ws, row.rating_id, self.today, owner=self,
                                       on_error=self._failed, on_done=partial(
                                           self._done, self.tr("已确认：{name}").format(name=row.subject_name))))

    def on_confirm_village(self) -> None:
        count = sum(1 for r in self.model.rows if r.stage is wf.Stage.NOTICE_ENDED)
        self._ask(self.tr("确认本村公示期满的 {n} 户评级？").format(n=count),
                  lambda: run_task(wf.confirm_village, self.ws, self.village, self.today, owner=self,
                                   on_error=self._failed,
                                   on_done=lambda n: self._done(self.tr("已确认 {n} 户").format(n=n))))

    def _ask(self, question: str, then: Any) -> None:
        """Ask a yes/no question; ``then()`` on yes (non-blocking, like the dialogs)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        self.question = QMessageBox(QMessageBox.Icon.Question, self.tr("审核确认"), question, buttons, self)
        self.question.accepted.connect(then)
        self.question.open()


def _bound(scheme) -> str:
    """The scheme's adjustment bound as people write it: 5, 2.5."""
    return f"{scheme.max_adjustment.normalize():f}"
