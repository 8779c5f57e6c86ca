"""View, filter, verify and export the audit trail."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout)

from app.services import audit
from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text, translate_problem
from app.ui.workers import run_task

COLUMNS = ("seq", "at", "actor", "action", "target_type", "target_id", "details")


class AuditTableModel(QAbstractTableModel):
    """Audit entries as rows (at most a few thousand: the service caps the query)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []
        self.titles = [self.tr("序号"), self.tr("时间（UTC）"), self.tr("用户"), self.tr("操作"),
                       self.tr("对象类型"), self.tr("对象"), self.tr("详情")]

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.entries[index.row()][COLUMNS[index.column()]]
        if COLUMNS[index.column()] == "details":
            return json.dumps(value, ensure_ascii=False) if value else ""
        if COLUMNS[index.column()] == "at":
            return str(value)[:19].replace("T", " ")
        return "" if value is None else str(value)


class AuditDialog(QDialog):
    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1000, 600)
        self.actor = QLineEdit(placeholderText=self.tr("用户名"))
        self.action = QLineEdit(placeholderText=self.tr("操作，如 login、permission_denied"))
        self.status = QLabel()
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(3, 150)
        search, verify, export = (QPushButton(self.tr("筛选")), QPushButton(self.tr("校验哈希链")),
                                  QPushButton(self.tr("导出 CSV…")))
        search.clicked.connect(self.on_search)
        verify.clicked.connect(self.on_verify)
        export.clicked.connect(self.on_export)
        self.actor.returnPressed.connect(self.on_search)
        self.action.returnPressed.connect(self.on_search)
        bar = QHBoxLayout()
        for widget in (self.actor, self.action, search, verify, export):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.on_search()

    def _filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(self.actor.text().strip(), self.action.text().strip())

    def on_search(self) -> None:
        run_task(self._find, self._filter(), on_done=self._on_entries, on_error=self._on_error, owner=self)

    def _find(self, wanted: audit.AuditFilter) -> list[dict[str, Any]]:
        from app.security.roles import Permission

        self.ws.require(Permission.VIEW_AUDIT, "audit_log")
        return audit.find_entries(self.ws.db, wanted)

    def _on_entries(self, entries: list[dict[str, Any]]) -> None:
        self.model.set_entries(entries)
        self.status.setText(self.tr("共 {n} 条（最新在前）").format(n=len(entries)))

    def on_verify(self) -> None:
        run_task(audit.verify, self.ws.db, on_done=self._on_verified, on_error=self._on_error, owner=self)

    def _on_verified(self, report) -> None:
        if report.ok:
            self.status.setText(self.tr("哈希链完整：已校验 {n} 条").format(n=report.verified))
        else:
            self.status.setText(self.tr("哈希链被破坏：第 {seq} 条。{problem}").format(
                seq=report.first_bad_seq, problem=translate_problem(report.problem)))

    def on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), "audit.csv", "CSV (*.csv)")
        if path:
            count = audit.export_csv(self.model.entries, Path(path))
            with self.ws.db.session() as session:
                audit.record(session, self.ws.actor.username, "audit_exported", details={"entries": count})
            self.status.setText(self.tr("已导出 {n} 条 → {path}").format(n=count, path=path))

    def _on_error(self, error: Exception) -> None:
        self.status.setText(problem_text(error))
