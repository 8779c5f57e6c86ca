"""Saving from the editor: the draft first, then the record, in the pool; what a refusal shows.

The service judges (``save_record``); the editor only shows its verdict. A refused or failed
save leaves the editor open and the draft in place, holding exactly what was being saved.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.services.records import RecordInvalid, SaveResult, save_record
from app.ui.accounts.dialogs import translate_message
from app.ui.workers import run_task

if TYPE_CHECKING:
    from app.ui.editor.editor import RecordEditor


class SaveFlow:
    """Ctrl+S of one editor."""

    def __init__(self, editor: "RecordEditor"):
        self.editor = editor
        self.saving = False
        self.result: SaveResult | None = None
        self.failure = ""  # why the last save failed, kept on show until the next attempt

    def save(self) -> None:
        editor = self.editor
        if self.saving:
            return
        self.saving = True
        self.failure = ""
        editor.save_button.setEnabled(False)
        editor.autosave_timer.stop()
        raw = editor.raw()
        draft = {**raw, "_base_revision": editor.revision}
        ws, revision, today = editor.ws, editor.revision, editor.today
        number = max(editor._number, 1)

        def store(draft_id: str) -> SaveResult:
            return save_record(ws, raw, base_revision=revision, today=today, draft_id=draft_id)

        run_task(editor.writer.then_save, number, draft, store, on_done=self._on_saved,
                 on_error=self._on_failed, owner=editor)

    def _on_saved(self, result: SaveResult) -> None:
        self.saving = False
        self.result = result
        self.editor.sig_saved.emit(result)
        self.editor.accept()

    def _on_failed(self, exc: Exception) -> None:
        self.saving = False
        editor = self.editor
        editor.save_button.setEnabled(True)
        if isinstance(exc, RecordInvalid):
            editor.show_all = True
            editor.show_report(exc.report.problems)
            first = next((p for p in editor.report_problems if p.severity == "error"), None)
            if first is not None:
                editor.view.focus_path(first.field)
            return
        problem = getattr(exc, "problem", None)  # DomainError, SecurityError
        text = translate_message(problem.template, problem.params) if problem is not None else str(exc)
        self.failure = QCoreApplication.translate("editor", "未能保存（草稿已保留）：{error}").format(error=text)
        editor.status.setText(self.failure)
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("editor", "未能保存"),
                          editor.status.text(), QMessageBox.StandardButton.Ok, editor)
        box.open()
        editor.failure_box = box
