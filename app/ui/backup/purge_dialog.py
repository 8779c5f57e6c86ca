"""管理 → 清理过期负面信息…: count what is five years old, confirm, purge (administrator)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

from app.services.accounts import Workspace
from app.services.retention import RETENTION_YEARS, PurgeSummary, purge
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task


class PurgeDialog(QDialog):
    """Shows the dry-run counts first; 清理 removes them. ``summary`` is set after the purge."""

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.summary: PurgeSummary | None = None
        self.setWindowTitle(self.tr("清理过期负面信息"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("依照《征信业管理条例》，不良信息自不良行为终止之日起保存 {years} 年。"
                               "已满 {years} 年的不良行为记录和行政处罚记录将从档案中删除，并同步到平台；"
                               "审计日志只记录条数。").format(years=RETENTION_YEARS)
                       + self.tr("平台下发的失信名单和处罚记录（失信名单自移出名单之日起算）只删除本机副本，"
                                 "以后同步也不会再下载。"), wordWrap=True)
        self.counts = QLabel(self.tr("正在统计…"), wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("清理"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.on_purge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Wrapped labels report their height for the dialog's width only with this constraint;
        # without it the last line of the explanation is cut off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addWidget(self.counts)
        layout.addWidget(self.buttons)
        run_task(lambda: purge(ws, dry_run=True), on_done=self._on_counted, on_error=self._on_error, owner=self)

    def _describe(self, summary: PurgeSummary) -> str:
        events = summary.events
        local = self.tr("截至 {on}：农户不良行为记录 {households} 条、合作社行政处罚记录 {cooperatives} 条，"
                        "涉及 {records} 份档案。").format(on=summary.on.isoformat(),
                                                     households=events.get("household.penalties", 0),
                                                     cooperatives=events.get("cooperative.penalties", 0),
                                                     records=summary.records)
        pulled = self.tr("平台下发的失信名单 {blacklist} 条、处罚记录 {conduct} 条。").format(
            blacklist=events.get("platform.blacklist_entry", 0), conduct=events.get("platform.conduct_event", 0))
        return local + pulled

    def _on_counted(self, summary: PurgeSummary) -> None:
        if summary.total_events == 0:
            self.counts.setText(self.tr("没有已满 {years} 年的负面信息，无需清理。").format(years=RETENTION_YEARS))
            self.adjustSize()
            return
        self.counts.setText(self._describe(summary))
        self.ok.setEnabled(True)
        self.adjustSize()  # the wrapped label grew by a line

    def on_purge(self) -> None:
        self.ok.setEnabled(False)
        self.counts.setText(self.tr("正在清理…"))
        run_task(lambda: purge(self.ws), on_done=self._on_purged, on_error=self._on_error, owner=self)

    def _on_purged(self, summary: PurgeSummary) -> None:
        self.summary = summary
        self.accept()

    def _on_error(self, error: Exception) -> None:
        self.counts.setStyleSheet("color: #b00020;")
        self.counts.setText(problem_text(error))
        self.adjustSize()
