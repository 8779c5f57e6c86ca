"""Opening editors: a new record, a stored one (in the version it was saved under), a draft.

Loading runs in the pool; when the record has an unsaved draft of this user, the user chooses
to recover it or throw it away before the editor opens.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.accounts import Workspace
from app.services.drafts import DraftInfo, discard_draft, list_drafts
from app.services.records import load_record
from app.survey.definition import load_form, load_form_for
from app.ui.editor.editor import RecordEditor
from app.ui.workers import run_task


@dataclass
class EditorInput:
    """Everything an editor opens with, read off the GUI thread."""

    record_type: str
    document: dict[str, Any] | None
    revision: int | None
    draft: DraftInfo | None


def read_input(ws: Workspace, record_type: str, record_id: str | None = None,
               draft: DraftInfo | None = None) -> EditorInput:
    """The stored record (if any) and this user's newest draft of it (unless one is given)."""
    document, revision = load_record(ws, record_type, record_id) if record_id else (None, None)
    if draft is None and record_id:
        draft = next(iter(list_drafts(ws, record_type, record_id)), None)
    return EditorInput(record_type, document, revision, draft)


def build_editor(ws: Workspace, given: EditorInput, *, recover: bool = True, today: date | None = None,
                 parent: QWidget | None = None, initial: dict[str, Any] | None = None) -> RecordEditor:
    """The editor for ``given``: the draft's answers when ``recover``, else the stored record."""
    draft = given.draft if recover else None
    if draft is not None:
        form = load_form(draft.form_id, draft.form_version)
    elif given.document is not None:
        form = load_form_for(given.document)  # an older record opens with its own version
    else:
        form = load_form(given.record_type)
    editor = RecordEditor(ws, form, given.document, given.revision, today=today, parent=parent,
                          draft_id=draft.id if draft else None, draft_data=draft.data if draft else None,
                          initial=initial)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return editor


def ask_recover(parent: QWidget | None, draft: DraftInfo) -> bool:
    """Ask whether to continue from the unsaved draft (True) or from the stored record."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("editor", "未保存的草稿"),
                      QCoreApplication.translate("editor", "这份档案有一份未保存的草稿（{time}）。继续编辑草稿吗？\n选择“丢弃草稿”将删除它并打开已保存的档案。")
                      .format(time=_local(draft.saved_at)), parent=parent)
    keep = box.addButton(QCoreApplication.translate("editor", "继续编辑草稿"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("editor", "丢弃草稿"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is keep


def open_editor(parent: QWidget, ws: Workspace, record_type: str, record_id: str | None = None, *,
                draft: DraftInfo | None = None, on_open: Callable[[RecordEditor], None] | None = None,
                on_error: Callable[[Exception], None] | None = None,
                ask: Callable[[QWidget | None, DraftInfo], bool] = ask_recover,
                initial: dict[str, Any] | None = None) -> None:
    """Load in the pool, offer a draft back, then show the editor (``on_open(editor)``);
    ``initial``: the answers a new record starts with."""
    def show(given: EditorInput) -> None:
        recover = given.draft is not None and (draft is not None or ask(parent, given.draft))
        if given.draft is not None and not recover:
            discard_draft(ws, given.draft.id)
        editor = build_editor(ws, given, recover=recover, parent=parent, initial=initial)
        editor.setWindowFlag(Qt.WindowType.Window, True)
        editor.show()
        if on_open is not None:
            on_open(editor)

    run_task(read_input, ws, record_type, record_id, draft, on_done=show, on_error=on_error, owner=parent)


def _local(saved_at: datetime) -> str:
    """A stored (naive UTC) time as local minutes."""
    return saved_at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
