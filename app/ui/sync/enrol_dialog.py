"""Enrol this laptop on the city's exchange platform with the one-time code from its administrator."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.services.accounts import Workspace
from app.ui.accounts.dialogs import problem_text
from app.ui.workers import run_task
from sync.engine.service import enrol


class EnrolDialog(QDialog):
    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("注册到数据交换平台"))
        self.setMinimumWidth(460)
        self.url = QLineEdit(placeholderText="https://platform.example.cn")
        self.code = QLineEdit()
        self.name = QLineEdit(placeholderText=self.tr("默认：计算机名"))
        form = QFormLayout()
        form.addRow(self.tr("平台地址"), self.url)
        form.addRow(self.tr("注册码"), self.code)
        form.addRow(self.tr("设备名称"), self.name)
        self.message = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请输入平台管理员给您的平台地址和一次性注册码。"), wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.message.setText(self.tr("请填写平台地址和注册码"))
            return
        if not url.startswith(("https://", "http://")):
            self.message.setText(self.tr("平台地址应以 https:// 开头"))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在注册…"))
        run_task(lambda: enrol(self.ws, url, code, device_name=self.name.text().strip() or None),
                 on_done=self._on_done, on_error=self._on_error, owner=self)

    def _on_done(self, _status) -> None:
        self.accept()

    def _on_error(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(problem_text(error))
