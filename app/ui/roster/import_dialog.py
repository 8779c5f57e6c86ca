"""导入花名册: choose a workbook, see every problem by sheet, row and column, then import.

Checking and storing run in the thread pool with a progress bar; the Import button stays
disabled while errors remain (unless "only the rows without errors" is ticked). 停止 stops a
long check between chunks of rows, or an import before its one transaction starts.
"""
from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QTableView, QVBoxLayout)

from app.roster.report import write_error_workbook
from app.services.accounts import Workspace
from app.services.roster import ImportPreview, ImportSummary, commit_import, preview_import
from app.ui.accounts.dialogs import problem_text
from app.ui.roster.problems_model import ProblemTableModel
from app.ui.workers import run_task


class _Progress(QObject):
    """Carries (done, total) from the worker thread to the progress bar (queued signal)."""

    sig_progress = Signal(int, int)

    def __call__(self, done: int, total: int) -> None:
        self.sig_progress.emit(done, total)


class ImportDialog(QDialog):
    """Import a household or cooperative roster (.xlsx, or .csv for the main sheet)."""

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("导入花名册"))
        self.resize(920, 560)
        self.path = QLineEdit(readOnly=True,
                              placeholderText=self.tr("请选择要导入的 Excel 文件（.xlsx）或 CSV 文件"))
        self.choose = QPushButton(self.tr("选择文件(&O)…"))
        self.choose.clicked.connect(self.on_choose)
        self.status = QLabel(self.tr("导入前会逐行检查；任何一行有错误时不导入，请按清单改正后重新选择文件。"),
                             wordWrap=True)
        self.progress = QProgressBar(visible=False)
        self.model = ProblemTableModel(self)
        self.table = QTableView(alternatingRowColors=True, wordWrap=True)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((48, 110, 48, 160)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setVisible(False)
        self.good_rows = QCheckBox(self.tr("只导入没有错误的行（有错误的行不导入）"))
        self.good_rows.toggled.connect(self._update_buttons)
        self.save_errors = QPushButton(self.tr("保存问题清单(&S)…"), enabled=False)
        self.save_errors.clicked.connect(self.on_save_errors)
        self.import_button = QPushButton(self.tr("导入(&I)"), enabled=False)
        self.import_button.clicked.connect(self.on_import)
        self.cancel_button = QPushButton(self.tr("停止(&T)"), visible=False)
        self.cancel_button.clicked.connect(self.on_cancel)
        self._stop = threading.Event()
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        self._layout(close)

    def _layout(self, close: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.choose)
        bottom = QHBoxLayout()
        bottom.addWidget(self.good_rows)
        bottom.addStretch(1)
        for button in (self.cancel_button, self.save_errors, self.import_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def on_choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择花名册"), "",
                                              self.tr("花名册 (*.xlsx *.csv)"))
        if name:
            self.check(Path(name))

    def check(self, path: Path) -> None:
        """Read and check ``path`` in the background (the dry run)."""
        self.path.setText(str(path))
        self.preview, self.summary = None, None
        self.model.set_problems([])
        self._busy(self.tr("正在检查 {name}…").format(name=path.name))
        run_task(partial(preview_import, self.ws, path, progress=self._progress_sink(),
                         cancelled=self._stop.is_set),
                 on_done=self._on_checked, on_error=self._on_failed, owner=self)

    def _progress_sink(self) -> _Progress:
        sink = _Progress(self)
        sink.sig_progress.connect(self._on_progress)
        return sink

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)  # indeterminate until the first report
        self.progress.setVisible(True)
        self._stop = threading.Event()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        for widget in (self.choose, self.import_button, self.save_errors, self.good_rows):
            widget.setEnabled(False)

    def on_cancel(self) -> None:
        """Ask the running check or import to stop (it stops at the next chunk of rows)."""
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("正在取消…"))

    def reject(self) -> None:  # closing the dialog stops what it started
        self._stop.set()
        super().reject()

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _on_checked(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._idle()
        self.choose.setEnabled(True)
        self.model.set_problems(preview.problems)
        self.table.resizeRowsToContents()
        noun = self.tr("户") if preview.record_type == "household" else self.tr("个合作社")
        text = self.tr("共 {rows} 行：将新建 {created} {noun}，更新 {updated} {noun}。").format(
            rows=preview.rows, created=preview.created, updated=preview.updated, noun=noun)
        if preview.errors:
            text += self.tr(" 有 {errors} 处错误（涉及 {error_rows} 行），请改正后重新选择文件。").format(
                errors=len(preview.errors), error_rows=preview.error_rows)
        if preview.warnings:
            text += self.tr(" 另有 {n} 处提醒，不影响导入。").format(n=len(preview.warnings))
        self.status.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        ready = preview is not None and self.summary is None and preview.rows > 0
        good = ready and (preview.ok or (self.good_rows.isChecked()
                                          and preview.error_rows < preview.rows))
        self.import_button.setEnabled(bool(good))
        self.good_rows.setEnabled(bool(ready and preview.errors))
        self.save_errors.setEnabled(bool(preview and preview.problems))
        self.import_button.setToolTip("" if good else self.tr("有错误时不能导入：请先改正文件"))

    def on_import(self) -> None:
        if self.preview is None:
            return
        self._busy(self.tr("正在导入…"))
        run_task(partial(commit_import, self.ws, self.preview, good_rows_only=self.good_rows.isChecked(),
                         progress=self._progress_sink(), cancelled=self._stop.is_set),
                 on_done=self._on_imported, on_error=self._on_failed, owner=self)

    def _on_imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self._idle()
        self.choose.setEnabled(True)
        noun = self.tr("户") if summary.record_type == "household" else self.tr("个合作社")
        text = self.tr("已导入：新建 {created} {noun}，更新 {updated} {noun}。").format(
            created=summary.created, updated=summary.updated, noun=noun)
        if summary.skipped:
            text += self.tr(" 有错误的 {n} 行未导入。").format(n=summary.skipped)
        self.status.setText(text if summary.stored else self.tr("有错误，未导入任何记录。"))
        self._update_buttons()

    def _on_failed(self, error: Exception) -> None:
        self._idle()
        self.choose.setEnabled(True)
        self.status.setText(problem_text(error))
        self._update_buttons()

    def on_save_errors(self) -> None:
        if not self.preview:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存问题清单"), "问题清单.xlsx",
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if name:
            write_error_workbook(self.preview.problems, Path(name))
