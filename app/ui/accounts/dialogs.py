"""Dialogs that open the store: first set-up (create the administrator) and login.

Unlocking derives a key with argon2id (tens of milliseconds, by design), so it runs in the
thread pool and the dialog stays responsive; a refusal is shown under the fields.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from app.security.errors import SecurityError
from app.security.roles import LABEL_CONTEXT, PERMISSION_LABELS, ROLE_LABELS
from app.services import accounts
from app.services.workflow_errors import ACTIONS as WORKFLOW_ACTIONS
from app.services.workflow_state import STAGE_LABELS
from app.ui.workers import run_task
from sync.errors import SyncError

# Where the layers below the UI keep their messages: "problems" first, then the packages
# with their own context (a Problem does not say which one it came from).
MESSAGE_CONTEXTS = ("problems", "documents", "verification", "sync")
# Role and permission names arrive as Chinese parameters; they are translated in this context.
LABELS = frozenset(ROLE_LABELS.values()) | frozenset(PERMISSION_LABELS.values())
# Workflow stage and action names (a refusal "wrong stage") likewise, in the workflow's context.
WORKFLOW_LABELS = frozenset(STAGE_LABELS.values()) | frozenset(WORKFLOW_ACTIONS.values())


def translate_message(template: str, params: Mapping[str, object]) -> str:
    """A Chinese message template from below the UI, translated, then filled with ``params``."""
    text = template
    for context in MESSAGE_CONTEXTS:
        text = QCoreApplication.translate(context, template)
        if text != template:
            break
    return text.format(**{key: _translate_label(value) for key, value in params.items()})


def _translate_label(value: object) -> object:
    """A role or permission label in the user's language; any other value unchanged."""
    if isinstance(value, str) and value in LABELS:
        return QCoreApplication.translate(LABEL_CONTEXT, value)
    if isinstance(value, str) and value in WORKFLOW_LABELS:
        return QCoreApplication.translate("workflow", value)
    return value


def translate_problem(problem) -> str:
    """A service-layer :class:`Problem` in the user's language."""
    return translate_message(problem.template, problem.params)


def problem_text(error: Exception) -> str:
    """The translated message of a refusal from the services (or of a sync failure)."""
    problem = getattr(error, "problem", None)
    if problem is not None:
        return translate_problem(problem)
    if isinstance(error, SyncError):
        # A plain detail ("连接失败") is itself a sync message; a filled-in one stays Chinese.
        params = {key: QCoreApplication.translate("sync", value) if isinstance(value, str) else value
                  for key, value in error.params.items()}
        return translate_message(error.template, params)
    return str(error)


class _AccountDialog(QDialog):
    def __init__(self, data_dir: Path, title: str, intro: str, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.workspace: accounts.Workspace | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(intro, wordWrap=True)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _password_field(self) -> QLineEdit:
        return QLineEdit(echoMode=QLineEdit.EchoMode.Password)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("正在验证…"))

    def on_submit(self) -> None:
        raise NotImplementedError

    def _on_done(self, workspace: accounts.Workspace) -> None:
        self.workspace = workspace
        self.accept()

    def _on_error(self, error: Exception) -> None:
        self._busy(False)
        self.message.setText(problem_text(error) if isinstance(error, SecurityError) else str(error))


class LoginDialog(_AccountDialog):
    """User name and password; unlocks the encrypted store."""

    def __init__(self, data_dir: Path, parent=None, username: str = ""):
        super().__init__(data_dir, self.tr("登录 — 信用村镇外业助手"),
                         self.tr("请输入用户名和密码。数据已加密，只有本机账户能打开。"), parent)
        self.username = QLineEdit(username)
        self.password = self._password_field()
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("密码"), self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        (self.password if username else self.username).setFocus()

    def on_submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("请填写用户名和密码"))
            return
        self._busy(True)
        run_task(accounts.unlock, self.data_dir, self.username.text().strip(), self.password.text(),
                 on_done=self._on_done, on_error=self._on_error, owner=self)

    def _on_error(self, error: Exception) -> None:
        super()._on_error(error)
        self.password.clear()
        self.password.setFocus()


class SetupDialog(_AccountDialog):
    """First start: create the administrator who will create the other accounts."""

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(data_dir, self.tr("首次使用 — 创建管理员"),
                         self.tr("本机尚无账户。请创建管理员账户：管理员负责建立其他用户、备份与恢复。"
                                 "请牢记密码：数据用它加密，所有账户都忘记密码时数据将无法恢复。"), parent)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = self._password_field()
        self.confirm = self._password_field()
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("密码（至少 8 位）"), self.password)
        self.form.addRow(self.tr("再次输入密码"), self.confirm)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))

    def on_submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        self._busy(True)
        run_task(accounts.initialize, self.data_dir, self.username.text().strip(), self.password.text(),
                 self.display_name.text().strip(), on_done=self._on_done, on_error=self._on_error, owner=self)


class ScreenLock(QDialog):
    """Covers the window after the idle time; only the same user's password opens it again."""

    def __init__(self, workspace: accounts.Workspace, parent=None):
        super().__init__(parent, Qt.WindowType.Dialog)
        self.workspace = workspace
        self.setWindowTitle(self.tr("屏幕已锁定"))
        self.setModal(True)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解锁"))
        buttons.accepted.connect(self.on_submit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("长时间未操作，屏幕已锁定。请输入 {name} 的密码继续。").format(
            name=workspace.actor.display_name), wordWrap=True))
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def on_submit(self) -> None:
        if accounts.check_password(self.workspace, self.password.text()):
            self.accept()
        else:
            self.password.clear()
            self.message.setText(self.tr("密码错误"))

    def reject(self) -> None:  # Esc does not unlock
        pass
