"""Change one's own password: re-wraps the database key, re-encrypts nothing."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.security.errors import SecurityError
from app.services import accounts
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task


class ChangePasswordDialog(QDialog):
    def __init__(self, ws: accounts.Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(380)
        self.old, self.new, self.again = (QLineEdit(echoMode=QLineEdit.EchoMode.Password) for _ in range(3))
        form = QFormLayout()
        form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码（至少 8 位）"), self.new)
        form.addRow(self.tr("再次输入新密码"), self.again)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def on_submit(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("两次输入的新密码不一致"))
            return
        self.message.setText(self.tr("正在更新…"))
        run_task(accounts.change_password, self.ws, self.old.text(), self.new.text(),
                 on_done=lambda _none: self.accept(), on_error=self._on_error, owner=self)

    def _on_error(self, error: Exception) -> None:
        self.message.setText(problem_text(error) if isinstance(error, SecurityError) else str(error))
