"""Starting the GUI: the application object, font, language, store, main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
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
    """Set up or log in to the store of ``data_dir`` and run the main window until it closes.

    The login checks the store first (a damaged one is never opened; see
    ``app.ui.backup.startup``); after a restore the window closes and the login comes back.
    """
    app = make_application(language=language)
    while True:
        code = _one_session(app, data_dir)
        if code is not None:
            return code


def _one_session(app: QApplication, data_dir: Path) -> int | None:
    """Log in and run one main window; None when the user is to log in again (after a restore)."""
    from app.ui.backup.startup import open_workspace, start_background_check
    from app.ui.main_window import MainWindow

    try:
        workspace = open_workspace(data_dir)
    except OSError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "无法打开数据目录"), str(exc))
        return 1
    if workspace is None:
        return 0
    window = MainWindow(workspace)
    window.relogin = False
    install_idle_lock(app, window)
    _daily_backup(window)
    window.show()
    start_background_check(window)
    try:
        code = app.exec()
    finally:
        workspace.close()
        window.idle_watcher.pause()  # a closed session must not lock the screen later
        app.removeEventFilter(window.idle_watcher)
        window.deleteLater()
    return None if window.relogin else code


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
