"""The detail view: the file read-only (ID numbers and phones masked), the rating's workflow stage
with an objection mark, ratings, edit history."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from app.services.accounts import Workspace
from app.services.drafts import EDIT_PERMISSIONS
from app.services.workflow import STAGE_LABELS
from app.ui.detail.loader import RecordDetail, load_detail
from app.ui.detail.render import Words, record_html
from app.ui.detail.reveal import RevealIdNumber, may_reveal
from app.ui.workers import run_task


class RecordDetailDialog(QDialog):
    """Three tabs: 档案, 评级记录, 修改记录; 编辑 for those who may edit."""

    sig_edit = Signal()

    def __init__(self, ws: Workspace, detail: RecordDetail, parent=None):
        super().__init__(parent)
        self.detail = detail
        name = detail.document.get("head_name") or detail.document.get("name") or ""
        self.setWindowTitle(self.tr("{title} — {name}（第 {revision} 版）").format(
            title=detail.form.title, name=name, revision=detail.revision))
        self.record = QTextBrowser()
        village = detail.document.get("village_code")
        shown = {"village_code": f"{detail.village_name}（{village}）"} if detail.village_name and village else {}
        self.record.setHtml(record_html(detail.document, detail.form,
                                        Words(self.tr("是"), self.tr("否"), self.tr("—")), shown=shown))
        self.ratings = self._table([self.tr("评定日期"), self.tr("得分"), self.tr("等级"), self.tr("信用户"),
                                    self.tr("评分方案"), self.tr("评定人")], self._rating_rows())
        self.history = self._table([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("修改的内容")],
                                   self._history_rows())
        self.stage = QLabel(self._stage_text())
        self.stage.setWordWrap(True)
        self.objection = QLabel(self._objection_text())
        open_objections = detail.workflow is not None and bool(detail.workflow.open_objections)
        self.objection.setStyleSheet("color: #b00020; font-weight: bold" if open_objections else "color: #555")
        self.objection.setVisible(bool(self.objection.text()))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.record, self.tr("档案"))
        self.tabs.addTab(self.ratings, self.tr("评级记录（{n}）").format(n=len(detail.ratings)))
        self.tabs.addTab(self.history, self.tr("修改记录（{n}）").format(n=len(detail.history)))
        buttons = QHBoxLayout()
        if may_reveal(ws, detail.record_type):
            self.reveal = RevealIdNumber(ws, detail.record_id, self)
            buttons.addWidget(self.reveal)
        buttons.addStretch(1)
        if any(ws.can(p) for p in EDIT_PERMISSIONS):
            edit = QPushButton(self.tr("编辑(&E)"), autoDefault=False)
            edit.clicked.connect(self._on_edit)
            buttons.addWidget(edit)
        close = QPushButton(self.tr("关闭"), autoDefault=False)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        status = QHBoxLayout()
        status.addWidget(self.stage, 1)
        status.addWidget(self.objection)
        layout.addLayout(status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(820, 680)

    def _table(self, headers: list[str], rows: list[list[str]]) -> QWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table

    def _rating_rows(self) -> list[list[str]]:
        return [[r.rated_on.isoformat(), r.score, r.grade or self.tr("未评级"),
                 self.tr("是") if r.credit_household else self.tr("否"),
                 f"{r.scheme_id} v{r.scheme_version}", r.rated_by] for r in self.detail.ratings]

    def _stage_text(self) -> str:
        """The latest rating's workflow stage, final grade and the dates that matter at that stage."""
        row = self.detail.workflow
        if row is None:
            return self.tr("评级流程：尚未评级")
        stage = QCoreApplication.translate("workflow", STAGE_LABELS[row.stage])
        text = self.tr("评级流程：{stage}").format(stage=stage)
        if row.final_grade:
            text += self.tr("，最终等级 {grade}（{score} 分）").format(grade=row.final_grade,
                                                                  score=row.final_score)
        if row.confirmed_on is not None and row.valid_until is not None:
            text += self.tr("，{confirmed} 确认，有效期至 {until}").format(
                confirmed=row.confirmed_on.isoformat(), until=row.valid_until.isoformat())
        elif row.notice_start is not None and row.notice_last_day is not None:
            text += self.tr("，公示期 {start} 至 {last}").format(start=row.notice_start.isoformat(),
                                                              last=row.notice_last_day.isoformat())
        return text

    def _objection_text(self) -> str:
        """The objection mark: open objections with their deadline (empty when there are none)."""
        row = self.detail.workflow
        if row is None or not row.objections:
            return ""
        if not row.open_objections:
            return self.tr("⚑ 异议 {n} 件，已处理").format(n=len(row.objections))
        due = row.next_answer_due.isoformat() if row.next_answer_due else ""
        if self.detail.today is not None and row.overdue(self.detail.today):
            return self.tr("⚑ 异议 {n} 件待处理，答复已超期（{due}）").format(n=row.open_objections,
                                                                       due=due)
        return self.tr("⚑ 异议 {n} 件待处理，{due} 前答复").format(n=row.open_objections, due=due)

    def _history_rows(self) -> list[list[str]]:
        actions = {"record_created": self.tr("建档"), "record_edited": self.tr("修改")}
        return [[_local(line.at), line.actor, actions.get(line.action, line.action), self._what(line)]
                for line in self.detail.history]

    def _what(self, line) -> str:
        if line.action == "record_created":
            return self.tr("建立档案（{n} 项）").format(n=len(line.fields))
        return "、".join(self._label(name) for name in line.fields)

    def _label(self, name: str) -> str:
        """A changed top-level key in words; an object (``consent``) by its section's title."""
        form = self.detail.form
        item = form.field(name) or form.group(name)
        if item is not None:
            return item.label
        member = next((f for f in form.fields() if f.path.startswith(name + ".")), None)
        section = next((s for s in form.sections if member is not None and s.id == member.section), None)
        return section.label if section is not None else name

    def _on_edit(self) -> None:
        self.sig_edit.emit()
        self.accept()


def _local(at: str) -> str:
    """An ISO UTC audit time as local minutes."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def open_detail(parent: QWidget, ws: Workspace, record_type: str, record_id: str, *,
                on_edit: Callable[[], None] | None = None,
                on_open: Callable[[RecordDetailDialog], None] | None = None) -> None:
    """Load in the pool, then show the detail view (non-modal)."""
    def show(detail: RecordDetail) -> None:
        dialog = RecordDetailDialog(ws, detail, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_edit is not None:
            dialog.sig_edit.connect(on_edit)
        dialog.show()
        if on_open is not None:
            on_open(dialog)

    run_task(load_detail, ws, record_type, record_id, on_done=show,
             on_error=getattr(parent, "on_failure", None), owner=parent)
