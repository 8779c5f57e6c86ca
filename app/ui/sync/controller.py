"""The 同步 menu and its worker: sync now, automatic retries, status refreshes, dialogs.

Every call into the engine runs through ``run_task``: the GUI thread never waits on the
network or the database. One sync at a time, with its running counts in the status bar. An
automatic sync runs every few minutes while the device is enrolled, and while changes wait and
the last attempt failed a cheap probe (a TCP connect, in a worker) every half minute starts
one as soon as the platform is reachable again (silently: only a sync the user asked for
reports a failure in a message box).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app.security.roles import Permission
from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text
from app.ui.sync.status_widget import SyncStatusWidget
from app.ui.workers import run_task

if TYPE_CHECKING:
    from sync.engine.service import SyncReport

AUTO_SYNC_MS = 5 * 60 * 1000
PROBE_MS = 30 * 1000


class SyncController(QObject):
    """Owns the status widget and the sync actions of one main window."""

    sig_synced = Signal(object)   # SyncReport
    sig_failed = Signal(str)      # the translated one-line reason
    sig_progress = Signal(str, int)  # stage ("push"/"pull"), count so far; emitted from the worker

    def __init__(self, ws: Workspace, window: QMainWindow):
        super().__init__(window)
        self.ws, self.window = ws, window
        self.widget = SyncStatusWidget()
        self.widget.sig_reviews_clicked.connect(self.open_reviews)
        self.running = False
        self._interactive = False
        self.timer = QTimer(self, interval=AUTO_SYNC_MS)
        self.timer.timeout.connect(lambda: self.start(interactive=False))
        self.probe_timer = QTimer(self, interval=PROBE_MS)
        self.probe_timer.timeout.connect(self.probe)
        self._probing = False
        self.sig_progress.connect(self.widget.set_progress)
        self.sync_action = QAction(self.tr("立即同步(&S)"), self, shortcut=QKeySequence("F9"))
        self.sync_action.triggered.connect(lambda: self.start(interactive=True))
        self.sync_action.setEnabled(ws.can(Permission.SYNC))

    def add_menu(self) -> QMenu:
        """The 同步 menu of the window's menu bar."""
        menu = self.window.menuBar().addMenu(self.tr("同步(&Y)"))
        menu.addAction(self.sync_action)
        reviews = QAction(self.tr("处理冲突(&R)…"), self)
        reviews.triggered.connect(self.open_reviews)
        menu.addAction(reviews)
        menu.addSeparator()
        enrol = QAction(self.tr("注册到数据交换平台(&E)…"), self)
        enrol.triggered.connect(self.open_enrol)
        enrol.setEnabled(self.ws.can(Permission.SYNC))
        menu.addAction(enrol)
        return menu

    def refresh(self) -> None:
        """Re-read the figures (after a save, a sync, a resolved conflict)."""
        run_task(_read_status, self.ws, on_done=self._on_status, on_error=lambda _e: None, owner=self.widget)

    def _on_status(self, status) -> None:
        self.widget.set_status(status)
        if status.enrolled and self.ws.can(Permission.SYNC) and not self.timer.isActive():
            self.timer.start()
        waiting = status.enrolled and self.ws.can(Permission.SYNC) and status.pending > 0 and bool(status.last_error)
        if waiting and not self.probe_timer.isActive():
            self.probe_timer.start()
        elif not waiting:
            self.probe_timer.stop()

    def probe(self) -> None:
        """Is the platform reachable again? Then sync (the probe runs in a worker)."""
        if self.running or self._probing:
            return
        self._probing = True
        run_task(_reachable, self.ws, on_done=self._on_probed, on_error=lambda _e: self._probed(),
                 owner=self.widget)

    def _probed(self) -> None:
        self._probing = False

    def _on_probed(self, reachable: bool) -> None:
        self._probed()
        if reachable:
            self.start(interactive=False)

    def start(self, interactive: bool = True) -> None:
        """Sync in the pool unless one is running."""
        if self.running or not self.ws.can(Permission.SYNC):
            return
        self.running, self._interactive = True, interactive
        self.sync_action.setEnabled(False)
        self.widget.set_busy(True)
        run_task(self._sync, on_done=self._on_synced, on_error=self._on_failed, owner=self.widget)

    def _sync(self) -> SyncReport:
        """In the worker: the sync, its progress relayed to the GUI thread by a queued signal."""
        from sync.engine.service import sync_now

        return sync_now(self.ws, progress=self.sig_progress.emit)

    def _on_synced(self, report: SyncReport) -> None:
        self._finish()
        push = report.push
        self.window.statusBar().showMessage(self.tr(
            "同步完成：上传 {sent} 条（被拒绝 {rejected}，冲突 {conflicts}），下载 {received} 条").format(
            sent=push.sent, rejected=push.count("rejected"), conflicts=push.count("conflict"),
            received=report.pull.received), 10_000)
        self.sig_synced.emit(report)

    def _on_failed(self, error: Exception) -> None:
        self._finish()
        message = problem_text(error)
        self.widget.set_error(message)
        self.sig_failed.emit(message)
        if self._interactive:
            self.box = QMessageBox(QMessageBox.Icon.Warning, self.tr("同步未完成"), message,
                                   QMessageBox.StandardButton.Ok, self.window)
            self.box.open()

    def _finish(self) -> None:
        self.running = False
        self.widget.set_busy(False)
        self.sync_action.setEnabled(self.ws.can(Permission.SYNC))
        self.refresh()

    def open_reviews(self) -> None:
        from app.ui.sync.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.ws, self.window)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    def open_enrol(self) -> None:
        from app.ui.sync.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(self.ws, self.window)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()


# The engine is imported in the workers, on first use: it brings the record service (pypinyin's
# dictionary) and ``requests``, which the main window does not need to appear.
def _read_status(ws: Workspace):
    from sync.engine.service import sync_status

    return sync_status(ws)


def _reachable(ws: Workspace) -> bool:
    from sync.engine.service import platform_reachable

    return platform_reachable(ws)
