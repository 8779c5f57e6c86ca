"""The certificate register: every certificate of a division with its status; supervisors
reprint (same number and QR, counted and audited) and revoke (with a reason) from here."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout)

from app.security.roles import Permission
from app.services.accounts import Workspace
from app.services.certificates_register import STATUS_LABELS, RegisterEntry
from app.ui.accounts.dialogs import problem_text
from app.ui.documents.preview import DocumentPreview, pdf_job
from app.ui.table_model import RowsTableModel
from app.ui.workers import run_task


class RegisterTableModel(RowsTableModel):
    """Register entries as rows (one division: hundreds, not thousands)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [self.tr("证书编号"), self.tr("状态"), self.tr("等级"), self.tr("持证人"),
                       self.tr("有效期起"), self.tr("有效期止"), self.tr("签发人"), self.tr("签发日期"),
                       self.tr("补打次数"), self.tr("说明")]

    @property
    def entries(self) -> list[RegisterEntry]:
        return self.rows

    def set_entries(self, entries: list[RegisterEntry]) -> None:
        self.set_rows(entries)

    def cell(self, e: RegisterEntry, column: int) -> str:
        values = (e.number, QCoreApplication.translate("certificates", STATUS_LABELS[e.status]), e.grade,
                  e.holder, e.valid_from.isoformat(), e.valid_until.isoformat(), e.issued_by,
                  e.issued_on.isoformat(), str(e.reprint_count), self._note(e))
        return values[column]

    def _note(self, e: RegisterEntry) -> str:
        if e.revoke_reason:
            return self.tr("撤销原因：{reason}").format(reason=e.revoke_reason)
        if e.superseded_by:
            return self.tr("由 {number} 取代").format(number=e.superseded_by)
        return ""


class RegisterDialog(QDialog):
    """Certificates of a division (12-digit code; empty: all), with reprint and revoke."""

    def __init__(self, ws: Workspace, division_code: str = "", parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("证书登记簿"))
        self.division = QLineEdit(division_code, placeholderText=self.tr("区划代码（留空：全部）"))
        self.division.returnPressed.connect(self.refresh)
        self.model = RegisterTableModel(self)
        self.table = QTableView(selectionBehavior=QTableView.SelectionBehavior.SelectRows,
                                selectionMode=QTableView.SelectionMode.SingleSelection)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.reprint_button = QPushButton(self.tr("补打(&R)…"), visible=ws.can(Permission.REPRINT))
        self.reprint_button.clicked.connect(self.on_reprint)
        self.revoke_button = QPushButton(self.tr("撤销(&V)…"), visible=ws.can(Permission.REVOKE))
        self.revoke_button.clicked.connect(self.on_revoke)
        self._lay_out()
        self.resize(1040, 560)
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("区划：")))
        top.addWidget(self.division, 1)
        search = QPushButton(self.tr("查询"))
        search.clicked.connect(self.refresh)
        top.addWidget(search)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.reprint_button)
        bottom.addWidget(self.revoke_button)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        from app.services.certificates_register import certificate_register

        code = self.division.text().strip() or None
        run_task(certificate_register, self.ws, code, date.today(), on_done=self._on_entries,
                 on_error=self._on_error, owner=self)

    def _on_entries(self, entries: list[RegisterEntry]) -> None:
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):  # breathing room: the contents touch otherwise
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 18)
        self.status.setText(self.tr("共 {n} 张证书").format(n=len(entries)))
        if entries:
            self.table.selectRow(0)

    def _on_error(self, error: Exception) -> None:
        self.status.setText(problem_text(error))

    def selected(self) -> RegisterEntry | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def on_reprint(self) -> DocumentPreview | None:
        from app.services.certificates_pdf import reprint_pdf

        entry = self.selected()
        if entry is None:
            return None
        ws, number = self.ws, entry.number
        self.preview = DocumentPreview(self.tr("补打证书 {number}").format(number=number), f"{number}.pdf",
                                       pdf_job(lambda out, _p, _c: reprint_pdf(ws, number, out)), self)
        self.preview.sig_ready.connect(lambda _pages: self.refresh())
        self.preview.open()
        return self.preview

    def on_revoke(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self.revoke_dialog = RevokeDialog(entry.number, self)
        self.revoke_dialog.accepted.connect(lambda: self._revoke(entry.number, self.revoke_dialog.reason.text()))
        self.revoke_dialog.open()

    def _revoke(self, number: str, reason: str) -> None:
        from app.services.certificates import revoke_certificate

        run_task(revoke_certificate, self.ws, number, reason, on_done=lambda _c: self.refresh(),
                 on_error=self._on_error, owner=self)


class RevokeDialog(QDialog):
    """The reason for revoking one certificate (required)."""

    def __init__(self, number: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("撤销证书 {number}").format(number=number))
        self.reason = QLineEdit(placeholderText=self.tr("如：骗取授信、信息严重失实"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("撤销"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("撤销后该证书核验时显示“已撤销”，不可恢复。"), wordWrap=True))
        form.addRow(self.tr("撤销原因："), self.reason)
        form.addRow(buttons)
        self.setMinimumWidth(420)
