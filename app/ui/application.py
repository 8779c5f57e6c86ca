"""Starting the GUI: the application object, font, language, store, main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.services.accounts import is_initialized
from app.ui.fonts import install_bundled_font
from app.ui.i18n import install_language, saved_language


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with names, the bundled font and the chosen language installed."""
    QCoreApplication.setOrganizationName("CreditVillage")
    QCoreApplication.setApplicationName("CreditVillageField")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    install_bundled_font(app)
    install_language(app, language or saved_language())
    return app


def run_gui(data_dir: Path, language: str | None = None) -> int:
    """Set up or log in to the store of ``data_dir`` and run the main window until it closes."""
    from app.ui.accounts.dialogs import LoginDialog, SetupDialog
    from app.ui.main_window import MainWindow

    app = make_application(language=language)
    try:
        dialog = LoginDialog(data_dir) if is_initialized(data_dir) else SetupDialog(data_dir)
    except OSError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "无法打开数据目录"), str(exc))
        return 1
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.workspace is None:
        return 0
    workspace = dialog.workspace
    window = MainWindow(workspace)
    install_idle_lock(app, window)
    _daily_backup(window)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()


def _daily_backup(window) -> None:
    """An administrator's first login of the day makes the day's backup, in the background."""
    from app.services.backup import daily_backup_if_due
    from app.ui.workers import run_task

    run_task(daily_backup_if_due, window.ws, on_done=lambda path: path and window.statusBar().showMessage(
        QCoreApplication.translate("Application", "已自动备份到 {path}").format(path=path), 10_000),
        on_error=window.on_failure, owner=window)


def install_idle_lock(app: QApplication, window) -> None:
    """Lock the screen after the configured idle time; the same user's password reopens it."""
    from app.ui.accounts.dialogs import ScreenLock
    from app.ui.accounts.idle import IdleWatcher, idle_minutes

    watcher = IdleWatcher(idle_minutes() * 60_000, window)
    app.installEventFilter(watcher)

    def lock() -> None:
        watcher.pause()
        ScreenLock(window.ws, window).exec()
        watcher.resume()

    watcher.sig_idle.connect(lock)
    window.idle_watcher = watcher
