"""Restore the store from a backup: pick one (list or file), confirm, restore, log in again.

The same dialog serves 管理 → 从备份恢复… and a store found damaged at start-up; then it
first looks for the newest backup that passes its own check (in the background) and selects
it. The caller's ``before_restore`` closes the open workspace, as the restore service requires.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout)

from app.services import backup_check
from app.services.backup import RestoreSummary, restore
from app.ui.accounts.dialogs import problem_text
from app.ui.table_model import RowsTableModel
from app.ui.workers import run_task


@dataclass(frozen=True)
class BackupRow:
    """One listed backup file: where it is, when it was made (as shown), its size in bytes."""

    path: Path
    when: str
    size: int


class BackupTableModel(RowsTableModel):
    """The backups as rows: time, file name (the full path as its tooltip), size in MB.

    Its texts keep the dialog's translation context ("RestoreDialog", a literal for lupdate).
    """

    right_aligned = (2,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [QCoreApplication.translate("RestoreDialog", "备份时间"),
                       QCoreApplication.translate("RestoreDialog", "文件"),
                       QCoreApplication.translate("RestoreDialog", "大小")]

    def insert(self, row: int, backup: BackupRow) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, backup)
        self.endInsertRows()

    def row_of(self, path: Path) -> int | None:
        return next((row for row, backup in enumerate(self.rows) if backup.path == path), None)

    def cell(self, backup: BackupRow, column: int) -> str:
        if column == 0:
            return backup.when
        if column == 1:
            return backup.path.name
        return QCoreApplication.translate("RestoreDialog", "{mb} MB").format(mb=f"{backup.size / 1048576:.1f}")

    def tooltip(self, backup: BackupRow, column: int) -> str | None:
        return str(backup.path) if column == 1 else None


class RestoreDialog(QDialog):
    """Choose a backup and restore it; ``summary`` is set once a restore succeeded."""

    def __init__(self, data_dir: Path, username: str, parent=None, *, intro: str = "", password: str = "",
                 find_good: bool = False, key: bytes | None = None, before_restore: Callable[[], None] | None = None):
        super().__init__(parent)
        self.data_dir, self.username = Path(data_dir), username
        self.before_restore = before_restore
        self._key = key  # lets the search for a good backup run before the password is typed
        self.summary: RestoreSummary | None = None
        self.closed_store = False  # before_restore ran: the old workspace is gone, whatever happens
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(640, 420)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.browse = QPushButton(self.tr("选择其他备份文件…"))
        self.browse.clicked.connect(self.on_browse)
        self.password = QLineEdit(password, echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复"))
        self.buttons.accepted.connect(self.on_restore)
        self.buttons.rejected.connect(self.reject)
        self._layout(intro)
        self._fill(backup_check.list_backups(self.data_dir))
        if find_good:
            self._find_good()

    def _layout(self, intro: str) -> None:
        layout = QVBoxLayout(self)
        text = intro or self.tr("恢复会用所选备份替换当前数据库；当前数据库移到 backups/ 文件夹中保留。"
                                "恢复后请重新登录。")
        layout.addWidget(QLabel(text, wordWrap=True))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        form = QFormLayout()
        form.addRow(self.tr("{user} 在备份时的密码").format(user=self.username), self.password)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _fill(self, backups: list[backup_check.BackupInfo]) -> None:
        self.model.set_rows(BackupRow(info.path, info.made_at.strftime("%Y-%m-%d %H:%M"), info.size)
                            for info in backups)
        self.table.resizeColumnToContents(0)
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.message.setText(self.tr("备份文件夹中没有备份，请选择备份文件"))

    def chosen(self) -> Path | None:
        """The selected backup file, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].path if rows else None

    def choose(self, path: Path) -> None:
        """Select ``path``, adding it at the top when it is not listed (a file picked elsewhere)."""
        row = self.model.row_of(path)
        if row is not None:
            self.table.selectRow(row)
            return
        stat = path.stat()
        from datetime import datetime

        self.model.insert(0, BackupRow(path, datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M"),
                                       stat.st_size))
        self.table.selectRow(0)
        self.table.resizeColumnToContents(0)
        self.message.clear()

    def on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(self.data_dir),
                                              self.tr("备份文件 (*.cvbak);;所有文件 (*)"))
        if name:
            self.choose(Path(name))

    def _find_good(self) -> None:
        self.message.setText(self.tr("正在查找最近的完好备份…"))
        self.buttons.setEnabled(False)
        run_task(lambda: backup_check.last_good_backup(self.data_dir, self.username, self.password.text(),
                                                      key=self._key),
                 on_done=self._on_good, on_error=self._on_error, owner=self)

    def _on_good(self, info: backup_check.BackupInfo | None) -> None:
        self.buttons.setEnabled(True)
        if info is None:
            self.message.setText(self.tr("没有找到能用您的密码打开且完好的备份；可以选择其他备份文件"))
            return
        self.choose(info.path)
        self.message.setText("")
        self.good_label = self.tr("最近的完好备份：{name}（已选中）").format(name=info.path.name)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.good_label)

    def confirm(self, path: Path) -> bool:
        """Ask before replacing the database (tests replace this method)."""
        answer = QMessageBox.question(self, self.tr("从备份恢复"), self.tr(
            "将用备份 {name} 替换当前数据库。当前数据库会移到 backups/ 文件夹中保留。继续吗？").format(name=path.name))
        return answer == QMessageBox.StandardButton.Yes

    def on_restore(self) -> None:
        path = self.chosen()
        self.message.setStyleSheet("color: #b00020;")
        if path is None:
            self.message.setText(self.tr("请先选择一个备份"))
            return
        if not self.password.text():
            self.message.setText(self.tr("请输入密码"))
            return
        if not self.confirm(path):
            return
        if self.before_restore is not None and not self.closed_store:
            self.before_restore()
            self.closed_store = True
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在恢复…"))
        run_task(restore, self.data_dir, path, self.username, self.password.text(),
                 on_done=self._on_restored, on_error=self._on_error, owner=self)

    def _on_restored(self, summary: RestoreSummary) -> None:
        self.summary = summary
        self.accept()

    def _on_error(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        if isinstance(error, OSError):
            self.message.setText(self.tr("无法读取或写入文件：{error}").format(error=error.strerror or error))
        else:
            self.message.setText(problem_text(error))
