"""View, filter, verify and export the audit trail."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QCompleter, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout)

from app.services import audit
from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text, translate_problem
from app.ui.workers import run_task

COLUMNS = ("seq", "at", "actor", "action", "target_type", "target_id", "details")

# What the codes stored in the trail mean to a person; a code not listed here is shown as stored.
ACTION_LABELS = {
    "setup": QT_TRANSLATE_NOOP("audit", "创建本机账户"),
    "login": QT_TRANSLATE_NOOP("audit", "登录"),
    "login_failed": QT_TRANSLATE_NOOP("audit", "登录失败"),
    "permission_denied": QT_TRANSLATE_NOOP("audit", "无权限被拒"),
    "user_created": QT_TRANSLATE_NOOP("audit", "新建用户"),
    "user_activated": QT_TRANSLATE_NOOP("audit", "启用用户"),
    "user_deactivated": QT_TRANSLATE_NOOP("audit", "停用用户"),
    "password_changed": QT_TRANSLATE_NOOP("audit", "修改密码"),
    "password_reset": QT_TRANSLATE_NOOP("audit", "重置密码"),
    "record_created": QT_TRANSLATE_NOOP("audit", "新建档案"),
    "record_edited": QT_TRANSLATE_NOOP("audit", "修改档案"),
    "record_deleted": QT_TRANSLATE_NOOP("audit", "删除档案"),
    "view_full_id": QT_TRANSLATE_NOOP("audit", "查看完整身份证号"),
    "draft_created": QT_TRANSLATE_NOOP("audit", "保存草稿"),
    "draft_discarded": QT_TRANSLATE_NOOP("audit", "丢弃草稿"),
    "roster_imported": QT_TRANSLATE_NOOP("audit", "导入花名册"),
    "export": QT_TRANSLATE_NOOP("audit", "导出花名册"),
    "rated": QT_TRANSLATE_NOOP("audit", "评级"),
    "rated_batch": QT_TRANSLATE_NOOP("audit", "批量评级"),
    "workflow_appraised": QT_TRANSLATE_NOOP("audit", "评议"),
    "workflow_appraised_village": QT_TRANSLATE_NOOP("audit", "整村评议"),
    "workflow_notice_started": QT_TRANSLATE_NOOP("audit", "发起公示"),
    "workflow_objection_recorded": QT_TRANSLATE_NOOP("audit", "登记异议"),
    "workflow_objection_decided": QT_TRANSLATE_NOOP("audit", "异议答复"),
    "workflow_confirmed": QT_TRANSLATE_NOOP("audit", "确认评级"),
    "workflow_confirmed_village": QT_TRANSLATE_NOOP("audit", "整村确认"),
    "certificate_issued": QT_TRANSLATE_NOOP("audit", "签发证书"),
    "certificate_reprinted": QT_TRANSLATE_NOOP("audit", "补打证书"),
    "certificate_revoked": QT_TRANSLATE_NOOP("audit", "撤销证书"),
    "signing_key_created": QT_TRANSLATE_NOOP("audit", "生成签名密钥"),
    "signing_key_exported": QT_TRANSLATE_NOOP("audit", "导出签名公钥"),
    "backup_made": QT_TRANSLATE_NOOP("audit", "备份"),
    "restored": QT_TRANSLATE_NOOP("audit", "从备份恢复"),
    "retention_purge": QT_TRANSLATE_NOOP("audit", "清理过期负面信息"),
    "retention_purged": QT_TRANSLATE_NOOP("audit", "清除过期负面信息"),
    "audit_exported": QT_TRANSLATE_NOOP("audit", "导出审计日志"),
    "demo_created": QT_TRANSLATE_NOOP("audit", "生成演示数据"),
}
TARGET_LABELS = {
    "user": QT_TRANSLATE_NOOP("audit", "用户"),
    "database": QT_TRANSLATE_NOOP("audit", "数据库"),
    "division": QT_TRANSLATE_NOOP("audit", "区划"),
    "household": QT_TRANSLATE_NOOP("audit", "农户"),
    "cooperative": QT_TRANSLATE_NOOP("audit", "合作社"),
    "rating": QT_TRANSLATE_NOOP("audit", "评级"),
    "certificate": QT_TRANSLATE_NOOP("audit", "证书"),
    "signing_key": QT_TRANSLATE_NOOP("audit", "签名密钥"),
    "audit_log": QT_TRANSLATE_NOOP("audit", "审计日志"),
}


def action_label(code: str | None) -> str:
    """The action as a person reads it (the stored code if it has no label)."""
    label = ACTION_LABELS.get(code or "")
    return QCoreApplication.translate("audit", label) if label else (code or "")


def action_code(text: str) -> str:
    """The stored code for ``text``, typed as a label (登录) or as the code itself (login)."""
    text = text.strip()
    for code in ACTION_LABELS:
        if text == action_label(code):
            return code
    return text


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
        if COLUMNS[index.column()] == "action":
            label = action_label(value)
            return f"{label}（{value}）" if role == Qt.ItemDataRole.ToolTipRole and label != value else label
        if COLUMNS[index.column()] == "target_type" and value in TARGET_LABELS:
            return QCoreApplication.translate("audit", TARGET_LABELS[value])
        return "" if value is None else str(value)


class AuditDialog(QDialog):
    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1000, 600)
        self.actor = QLineEdit(placeholderText=self.tr("用户名"))
        self.action = QLineEdit(placeholderText=self.tr("操作，如 登录、批量评级"))
        completer = QCompleter(sorted(action_label(code) for code in ACTION_LABELS), self.action)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.action.setCompleter(completer)
        self.status = QLabel()
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)  # one line an entry; the whole text is in the tooltip
        for column, width in ((0, 60), (1, 150), (2, 90), (3, 130), (4, 80), (5, 170)):
            self.table.setColumnWidth(column, width)  # 5: a certificate number fits
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
        return audit.AuditFilter(self.actor.text().strip(), action_code(self.action.text()))

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
