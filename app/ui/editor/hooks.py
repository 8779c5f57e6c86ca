"""Wires editing into the main window: the 档案 menu, Enter / double-click, the context menu.

Kept here so the main window only calls :func:`install_editing` (one line there).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from app.domain.divisions import is_division_code, level_of
from app.security.roles import Permission
from app.services.drafts import EDIT_PERMISSIONS, DraftInfo, list_drafts
from app.ui.workers import run_task

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def install_editing(window: "MainWindow") -> None:
    """Add 新建农户 / 新建合作社 / 未保存的草稿, and open records from the lists."""
    ws = window.ws
    if not ws.can(Permission.VIEW_RECORDS):
        return
    can_edit = any(ws.can(p) for p in EDIT_PERMISSIONS)
    for panel, kind in ((window.households, "household"), (window.cooperatives, "cooperative")):
        panel.sig_record_activated.connect(
            lambda record_id, k=kind: (edit_record if can_edit else show_detail)(window, k, record_id))
        if can_edit:
            panel.add_row_action(QCoreApplication.translate("editor", "编辑"), lambda record_id, k=kind: edit_record(window, k, record_id))
        panel.add_row_action(QCoreApplication.translate("editor", "查看详情"), lambda record_id, k=kind: show_detail(window, k, record_id))
    if not can_edit:
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("editor", "档案(&E)"))
    help_menu = window.menuBar().actions()[-2]  # keep 帮助 last
    window.menuBar().insertMenu(help_menu, menu)
    for text, shortcut, kind in ((QCoreApplication.translate("editor", "新建农户(&H)…"), QKeySequence.StandardKey.New, "household"),
                                 (QCoreApplication.translate("editor", "新建合作社(&C)…"), None, "cooperative")):
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _=False, k=kind: edit_record(window, k, None))
        menu.addAction(action)
    menu.addSeparator()
    drafts = QAction(QCoreApplication.translate("editor", "未保存的草稿(&D)…"), window)
    drafts.triggered.connect(lambda: show_drafts(window))
    menu.addAction(drafts)
    window.sig_ready.connect(lambda: offer_drafts(window))


def edit_record(window: "MainWindow", record_type: str, record_id: str | None,
                draft: DraftInfo | None = None) -> None:
    from app.ui.editor.launch import open_editor

    def opened(editor) -> None:
        window.editors = [e for e in getattr(window, "editors", []) if e.isVisible()] + [editor]
        editor.sig_saved.connect(lambda result: _on_saved(window, result))

    open_editor(window, window.ws, record_type, record_id, draft=draft, on_open=opened,
                on_error=window.on_failure, initial=None if record_id else new_record_answers(window))


def new_record_answers(window: "MainWindow") -> dict[str, str]:
    """A new record starts in the village chosen in the division tree (if a village is)."""
    from app.ui.rating.hooks import selected_division

    code, _name = selected_division(window)
    return {"village_code": code} if code and is_division_code(code) and level_of(code) == "village" else {}


def _on_saved(window: "MainWindow", result) -> None:
    text = QCoreApplication.translate("editor", "已保存（第 {revision} 版）").format(revision=result.revision)
    if result.warnings:
        text += QCoreApplication.translate("editor", "，有 {n} 条提醒请核对").format(n=len(result.warnings))
    window.statusBar().showMessage(text, 10_000)
    window.households.reload() if result.record_type == "household" else window.cooperatives.reload()


def show_detail(window: "MainWindow", record_type: str, record_id: str) -> None:
    from app.ui.detail.view import open_detail

    open_detail(window, window.ws, record_type, record_id,
                on_edit=lambda: edit_record(window, record_type, record_id))


def show_drafts(window: "MainWindow") -> None:
    from app.ui.editor.drafts_dialog import DraftsDialog

    dialog = DraftsDialog(window.ws, window)
    dialog.sig_open.connect(lambda draft: edit_record(window, draft.record_type, draft.record_id, draft))
    dialog.open()
    window.drafts_dialog = dialog


def offer_drafts(window: "MainWindow") -> None:
    """After a crash or power cut: if this user has unsaved drafts, list them at start."""
    run_task(list_drafts, window.ws, on_done=lambda drafts: show_drafts(window) if drafts else None,
             owner=window)
