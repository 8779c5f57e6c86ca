"""Start-up with an integrity check: log in, refuse a damaged store, offer the last good backup.

``open_workspace`` is the login loop of the GUI: a store that fails its check at login is
never opened; the user may restore the newest good backup and log in again. Once the window
is open, ``start_background_check`` runs the full ``integrity_check``; damage found then
closes the workspace and leads to the same restore offer.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.services import accounts, integrity
from app.services.unsynced import Unsynced, describe, describe_others
from app.ui.accounts.dialogs import LoginDialog, SetupDialog
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.workers import run_task

SHOWN_UNSYNCED = 8  # records named in the offer; the file beside the quarantined copy lists all


class CheckedLoginDialog(LoginDialog):
    """The login dialog, checking the store first; ``damaged`` is set when the store failed."""

    def __init__(self, data_dir: Path, parent=None, username: str = ""):
        super().__init__(data_dir, parent, username)
        self.damaged: integrity.StoreDamaged | None = None

    def on_submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("请填写用户名和密码"))
            return
        self._busy(True)
        run_task(integrity.unlock_checked, self.data_dir, self.username.text().strip(), self.password.text(),
                 on_done=self._on_done, on_error=self._on_error, owner=self)

    def _on_error(self, error: Exception) -> None:
        if isinstance(error, integrity.StoreDamaged):
            self.damaged = error  # the password stays in its field for the restore offer
            self.accept()
            return
        super()._on_error(error)


def damaged_intro(quarantined: Path, unsynced: Unsynced | None = None, listed: Path | None = None) -> str:
    """What the restore offer says about a damaged store, with the changes never synced."""
    intro = QCoreApplication.translate(
        "Startup", "数据库已损坏，程序没有打开它，也不会在其中写入。损坏的数据库已复制到 {folder}（不会删除）。"
                   "请从最近的完好备份恢复；备份之后录入而尚未同步的修改需要重新录入。").format(folder=quarantined)
    return intro + "\n\n" + _unsynced_text(unsynced, listed)


def _unsynced_text(unsynced: Unsynced | None, listed: Path | None) -> str:
    if unsynced is None:
        return QCoreApplication.translate("Startup", "无法从损坏的数据库读出哪些修改尚未同步。")
    if not unsynced.changes:
        return QCoreApplication.translate("Startup", "所有修改都已同步到平台。")
    translate = QCoreApplication.translate
    named = "、".join(describe(r, translate) for r in unsynced.records[:SHOWN_UNSYNCED])
    if len(unsynced.records) > SHOWN_UNSYNCED and listed is not None:
        named = QCoreApplication.translate("Startup", "{shown}等（完整清单见 {file}）").format(shown=named, file=listed)
    parts = ([named] if named else []) + describe_others(unsynced, translate)
    return QCoreApplication.translate("Startup", "{count} 项修改尚未同步：{records}").format(
        count=unsynced.changes, records="、".join(parts))


def offer_restore(data_dir: Path, username: str, password: str, quarantined: Path, parent=None,
                  key: bytes | None = None, *, unsynced: Unsynced | None = None, listed: Path | None = None) -> bool:
    """The restore offer for a damaged store; True once a backup was restored."""
    dialog = RestoreDialog(data_dir, username, parent, intro=damaged_intro(quarantined, unsynced, listed),
                           password=password, find_good=bool(password or key), key=key)
    dialog.setWindowTitle(QCoreApplication.translate("Startup", "数据库已损坏"))
    return bool(dialog.exec()) and dialog.summary is not None


def open_workspace(data_dir: Path) -> accounts.Workspace | None:
    """Set up or log in until a healthy store is open; None when the user gives up."""
    username = ""
    while True:
        if not accounts.is_initialized(data_dir):
            setup = SetupDialog(data_dir)
            return setup.workspace if setup.exec() else None
        dialog = CheckedLoginDialog(data_dir, username=username)
        if not dialog.exec():
            return None
        if dialog.workspace is not None:
            return dialog.workspace
        username = dialog.username.text().strip()
        damaged = dialog.damaged
        if not offer_restore(data_dir, username, dialog.password.text(), damaged.quarantined,
                             unsynced=damaged.unsynced, listed=damaged.unsynced_file):
            return None
        _restored_notice(None)


def _restored_notice(parent) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("Startup", "从备份恢复"),
                            QCoreApplication.translate("Startup", "数据库已从备份恢复。请重新登录。"))


def restore_from_window(window) -> None:
    """管理 → 从备份恢复…: the workspace closes before the restore; afterwards the user logs in again."""
    dialog = RestoreDialog(window.ws.data_dir, window.ws.actor.username, window, before_restore=window.ws.close)
    dialog.exec()
    if dialog.closed_store:  # the workspace is gone even if the restore failed: log in again
        if dialog.summary is not None:
            _restored_notice(window)
        window.relogin = True
        window.close()


def start_background_check(window) -> None:
    """The full integrity check, off the GUI thread, once the window is open."""
    ws = window.ws
    run_task(integrity.check_database, ws.db.path, ws.key, integrity.FULL,
             on_done=lambda report: report.ok or _damage_found(window),
             on_error=window.on_failure, owner=window)


def _damage_found(window) -> None:
    ws = window.ws
    ws.close()  # nothing more is written to a damaged store
    window.hide()
    try:
        quarantined = integrity.quarantine(ws.data_dir)
    except OSError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "数据库已损坏"),
                             QCoreApplication.translate("Startup", "数据库已损坏，且无法复制到隔离文件夹：{error}")
                             .format(error=exc.strerror or exc))
        window.close()
        return
    unsynced, listed = integrity.list_unsynced(quarantined, ws.key)  # a few ms: two indexed reads
    window.relogin = offer_restore(ws.data_dir, ws.actor.username, "", quarantined, key=ws.key,
                                   unsynced=unsynced, listed=listed)
    if window.relogin:
        _restored_notice(None)
    window.close()

