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
from app.ui.accounts.dialogs import LoginDialog, SetupDialog
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.workers import run_task


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


def damaged_intro(quarantined: Path) -> str:
    """What the restore offer says about a damaged store."""
    return QCoreApplication.translate(
        "Startup", "数据库已损坏，程序没有打开它，也不会在其中写入。损坏的数据库已复制到 {folder}（不会删除）。"
                   "请从最近的完好备份恢复；备份之后录入而尚未同步的修改需要重新录入。").format(folder=quarantined)


def offer_restore(data_dir: Path, username: str, password: str, quarantined: Path, parent=None,
                  key: bytes | None = None) -> bool:
    """The restore offer for a damaged store; True once a backup was restored."""
    dialog = RestoreDialog(data_dir, username, parent, intro=damaged_intro(quarantined), password=password,
                           find_good=bool(password or key), key=key)
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
        if not offer_restore(data_dir, username, dialog.password.text(), dialog.damaged.quarantined):
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
    window.relogin = offer_restore(ws.data_dir, ws.actor.username, "", quarantined, key=ws.key)
    if window.relogin:
        _restored_notice(None)
    window.close()

