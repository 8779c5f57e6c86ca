"""The sync part of the status bar: online/offline, changes waiting, refusals, conflicts, last sync."""
from __future__ import annotations

from datetime import timezone

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from sync.engine.state import SyncStatus

_GREEN, _GREY, _RED, _ORANGE = "#2e7d32", "#757575", "#c62828", "#e65100"


class SyncStatusWidget(QWidget):
    """Shows a :class:`SyncStatus`; clicking the conflicts or refusals asks to open them."""

    sig_reviews_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.network_label = QLabel(self.tr("● 离线"))
        self.network_label.setToolTip(self.tr("尚未配置数据交换平台"))
        self.pending_label = QLabel()
        self.rejected_label = QLabel()
        self.reviews_label = QLabel()
        self.reviews_label.linkActivated.connect(lambda _link: self.sig_reviews_clicked.emit())
        self.sync_label = QLabel(self.tr("上次同步：从未同步"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the totals are not known in advance
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(90, 12)
        self.progress_label = QLabel()
        # room for six-digit counts, so the status bar does not squeeze the text while it grows
        self.progress_label.setMinimumWidth(self.progress_label.fontMetrics().horizontalAdvance(
            self.tr("已上传 {pushed} 条 / 已下载 {pulled} 条").format(pushed=888888, pulled=888888)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for label in (self.progress, self.progress_label, self.pending_label, self.rejected_label,
                      self.reviews_label, self.sync_label, self.network_label):
            layout.addWidget(label)
        self.set_busy(False)

    def set_status(self, status: SyncStatus) -> None:
        """Show ``status`` (called on the GUI thread with what a worker read)."""
        self.pending_label.setText(self.tr("待上传 {n} 条").format(n=status.pending))
        self.rejected_label.setText(self.tr("被拒绝 {n} 条").format(n=status.rejected))
        self.rejected_label.setStyleSheet(f"color: {_RED if status.rejected else _GREY}")
        self.rejected_label.setVisible(bool(status.rejected))
        self.reviews_label.setText(self.tr("<a href='#'>待处理冲突 {n} 条</a>").format(n=status.reviews))
        self.reviews_label.setVisible(bool(status.reviews))
        when = status.last_sync_at
        self.sync_label.setText(self.tr("上次同步：{when}").format(
            when=when.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M"))
            if when else self.tr("上次同步：从未同步"))
        self._show_network(status)

    def _show_network(self, status: SyncStatus) -> None:
        if not status.enrolled:
            text, colour, tip = self.tr("● 离线"), _GREY, self.tr("尚未配置数据交换平台")
        elif status.last_error:
            text, colour, tip = self.tr("● 离线"), _ORANGE, status.last_error
        elif status.online:
            text, colour, tip = self.tr("● 在线"), _GREEN, status.platform_url
        else:
            text, colour, tip = self.tr("● 未连接"), _GREY, status.platform_url
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour}")
        self.network_label.setToolTip(tip)

    def set_error(self, message: str) -> None:
        """A failed sync: offline, with the reason as the tooltip."""
        self.network_label.setText(self.tr("● 离线"))
        self.network_label.setStyleSheet(f"color: {_ORANGE}")
        self.network_label.setToolTip(message)

    def set_busy(self, busy: bool) -> None:
        """While a sync runs: a busy bar, the running counts, and the last-sync label says so."""
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self._pushed = self._pulled = 0
        if busy:
            self.sync_label.setText(self.tr("正在同步…"))
            self._show_progress()

    def set_progress(self, stage: str, count: int) -> None:
        """``count`` changes done so far in ``stage`` ("push" or "pull") of the running sync."""
        if stage == "push":
            self._pushed = count
        else:
            self._pulled = count
        self._show_progress()

    def _show_progress(self) -> None:
        self.progress_label.setText(self.tr("已上传 {pushed} 条 / 已下载 {pulled} 条").format(
            pushed=self._pushed, pulled=self._pulled))
