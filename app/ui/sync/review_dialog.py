"""The review queue: one field changed here and on the platform; both values side by side, the user picks."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task
from sync.engine.review import ReviewView
from sync.engine.service import open_reviews, resolve


def shown(value: Any) -> str:
    """A value as the user reads it: text as is, lists and objects as indented JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


class _Side(QGroupBox):
    """One side's value and the button that keeps it."""

    def __init__(self, title: str, button: str, parent=None):
        super().__init__(title, parent)
        self.value = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
                            alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.value.setMinimumHeight(80)
        self.value.setStyleSheet("font-size: 15px; padding: 6px; background: palette(base);")
        self.keep = QPushButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.keep)


class ReviewDialog(QDialog):
    """Lists the open review items; picking a side resolves the selected one."""

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.items: list[ReviewView] = []
        self.setWindowTitle(self.tr("处理同步冲突"))
        self.resize(820, 440)
        intro = QLabel(self.tr("以下字段在本机和平台上都被修改过，平台暂时保留了它的值。"
                               "请逐条核对，选择要保留的值；选择会在下次同步时上传。"), wordWrap=True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.heading = QLabel(wordWrap=True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.local = _Side(self.tr("本机的值"), self.tr("保留本机的值"))
        self.server = _Side(self.tr("平台的值"), self.tr("保留平台的值"))
        self.local.keep.clicked.connect(lambda: self._resolve("local"))
        self.server.keep.clicked.connect(lambda: self._resolve("server"))
        self.message = QLabel(wordWrap=True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self._detail())
        self.splitter.setSizes([260, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    def _detail(self) -> QWidget:
        panel = QWidget()
        sides = QHBoxLayout()
        sides.addWidget(self.local)
        sides.addWidget(self.server)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.heading)
        layout.addLayout(sides, 1)
        return panel

    def reload(self) -> None:
        run_task(open_reviews, self.ws, on_done=self._on_items, on_error=self._on_error, owner=self)

    def _on_items(self, items: list[ReviewView]) -> None:
        self.items = items
        self.list.clear()
        for item in items:
            self.list.addItem(QListWidgetItem(self.tr("{subject} · {field}").format(
                subject=item.subject or item.record_id[:8], field=item.field_label)))
        if items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        for side in (self.local, self.server):
            side.keep.setEnabled(has)
        if not has:
            self.heading.setText(self.tr("没有待处理的冲突"))
            self.local.value.setText("")
            self.server.value.setText("")
            return
        item = self.items[row]
        self.heading.setText(self.tr("{subject}：{field}").format(subject=item.subject, field=item.field_label))
        empty = self.tr("（空）")
        self.local.value.setText(shown(item.local_value) or empty)
        self.server.value.setText(shown(item.server_value) or empty)

    def _resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        for side in (self.local, self.server):
            side.keep.setEnabled(False)
        run_task(resolve, self.ws, self.items[row].id, choice, on_done=self._on_resolved,
                 on_error=self._on_error, owner=self)

    def _on_resolved(self, _mutation_id: int) -> None:
        self.message.setText(self.tr("已保存您的选择，将在下次同步时上传。"))
        self.reload()

    def _on_error(self, error: Exception) -> None:
        self.message.setText(problem_text(error))
        self._show(self.list.currentRow())
