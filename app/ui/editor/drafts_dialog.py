"""未保存的草稿: every unsaved draft of this user, to open again or throw away."""
from __future__ import annotations

from datetime import timezone

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.services.accounts import Workspace
from app.services.drafts import DraftInfo, discard_draft, list_drafts
from app.ui.workers import run_task


class DraftsDialog(QDialog):
    """A table of drafts; Enter opens one (``sig_open``), Delete discards it."""

    sig_open = Signal(object)  # DraftInfo
    sig_loaded = Signal(int)

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.drafts: list[DraftInfo] = []
        self.setWindowTitle(self.tr("未保存的草稿"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("档案"), self.tr("类型"), self.tr("最后保存")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.activated.connect(lambda _index: self.open_current())
        self.note = QLabel(self.tr("程序意外关闭或未保存就关闭编辑窗口时，填写的内容保存在这里。"), wordWrap=True)
        open_button = QPushButton(self.tr("打开(&O)"), autoDefault=False)
        discard_button = QPushButton(self.tr("丢弃(&D)"), autoDefault=False)
        close_button = QPushButton(self.tr("关闭"), autoDefault=False)
        open_button.clicked.connect(self.open_current)
        discard_button.clicked.connect(self.discard_current)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.discard_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (open_button, discard_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(560, 360)
        self.reload()

    def reload(self) -> None:
        run_task(list_drafts, self.ws, on_done=self._show, owner=self)

    def _show(self, drafts: list[DraftInfo]) -> None:
        self.drafts = drafts
        self.table.setRowCount(len(drafts))
        kinds = {"household": self.tr("农户"), "cooperative": self.tr("合作社")}
        for row, draft in enumerate(drafts):
            title = draft.title or self.tr("（未填名称）")
            if draft.record_id is None:
                title = self.tr("{title}（新建）").format(title=title)
            saved = draft.saved_at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
            for column, text in enumerate((title, kinds.get(draft.record_type, draft.record_type), saved)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if drafts:
            self.table.selectRow(0)
            self.table.setFocus()
        self.sig_loaded.emit(len(drafts))

    def _current(self) -> DraftInfo | None:
        row = self.table.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def open_current(self) -> None:
        draft = self._current()
        if draft is not None:
            self.sig_open.emit(draft)
            self.accept()

    def discard_current(self) -> None:
        draft = self._current()
        if draft is not None:
            discard_draft(self.ws, draft.id)
            self.reload()
