"""User management (administrator): list accounts, add one, reset a password, (de)activate.

Every change goes through ``app.services.accounts`` (permission check, audit, key wrapping),
off the GUI thread because hashing and wrapping take tens of milliseconds each.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout)

from app.security.roles import LABEL_CONTEXT, Role, role_label
from app.services import accounts
from app.services.user_admin import UserRow, user_rows
from app.ui.accounts.dialogs import problem_text
from app.ui.table_model import RowsTableModel
from app.ui.workers import run_task


def _role_text(role: str) -> str:
    return QCoreApplication.translate(LABEL_CONTEXT, role_label(role))


class UserTableModel(RowsTableModel):
    """The accounts as rows: user name, name, role, state, demo mark; deactivated ones in grey.

    Its texts keep the dialog's translation context ("UsersDialog", a literal for lupdate).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles = [QCoreApplication.translate("UsersDialog", "用户名"),
                       QCoreApplication.translate("UsersDialog", "姓名"),
                       QCoreApplication.translate("UsersDialog", "角色"),
                       QCoreApplication.translate("UsersDialog", "状态"),
                       QCoreApplication.translate("UsersDialog", "演示账户")]

    def cell(self, row: UserRow, column: int) -> str:
        if column == 0:
            return row.username
        if column == 1:
            return row.display_name
        if column == 2:
            return _role_text(row.role)
        if column == 3:
            if not row.active:
                return QCoreApplication.translate("UsersDialog", "已停用")
            return (QCoreApplication.translate("UsersDialog", "可登录") if row.can_log_in
                    else QCoreApplication.translate("UsersDialog", "已启用，需重置密码"))
        return QCoreApplication.translate("UsersDialog", "是") if row.is_demo else ""

    def foreground(self, row: UserRow, column: int) -> QBrush | None:
        return None if row.active else QBrush(Qt.GlobalColor.gray)


class _FormDialog(QDialog):
    """A small form whose OK runs one service call in the pool; closes when it succeeded."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.form = QFormLayout()
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def passwords(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = (QLineEdit(echoMode=QLineEdit.EchoMode.Password) for _ in range(2))
        self.form.addRow(self.tr("密码（至少 8 位）"), first)
        self.form.addRow(self.tr("再次输入密码"), second)
        return first, second

    def run(self, fn, *args) -> None:
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在保存…"))
        run_task(fn, *args, on_done=lambda _result: self.accept(), on_error=self._on_error, owner=self)

    def _on_error(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(problem_text(error))

    def on_submit(self) -> None:
        raise NotImplementedError


class AddUserDialog(_FormDialog):
    def __init__(self, ws: accounts.Workspace, parent=None):
        super().__init__(self.tr("添加用户"), parent)
        self.ws = ws
        self.username, self.display_name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(_role_text(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.LOAN_OFFICER.value))
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("角色"), self.role)
        self.password, self.confirm = self.passwords()

    def on_submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        self.run(accounts.add_user, self.ws, self.username.text().strip(), self.password.text(),
                 self.role.currentData(), self.display_name.text().strip())


class ResetPasswordDialog(_FormDialog):
    def __init__(self, ws: accounts.Workspace, username: str, parent=None):
        super().__init__(self.tr("重置 {user} 的密码").format(user=username), parent)
        self.ws, self.username = ws, username
        self.password, self.confirm = self.passwords()

    def on_submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        self.run(accounts.reset_password, self.ws, self.username, self.password.text())


class UsersDialog(QDialog):
    """The accounts of this laptop and what the administrator may do with them."""

    def __init__(self, ws: accounts.Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("用户管理"))
        self.resize(720, 420)
        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.add_button.clicked.connect(self.on_add)
        self.reset_button.clicked.connect(self.on_reset)
        self.toggle_button.clicked.connect(self.on_toggle)
        self.message = QLabel(wordWrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._update_buttons()
        self.refresh()

    @property
    def rows(self) -> list[UserRow]:
        return self.model.rows

    def refresh(self, select: str = "") -> None:
        run_task(user_rows, self.ws, on_done=lambda rows: self._show(rows, select), on_error=self._on_error,
                 owner=self)

    def _show(self, rows: list[UserRow], select: str) -> None:
        self.model.set_rows(rows)
        for index, row in enumerate(rows):
            if row.username == select:
                self.table.selectRow(index)
        for column in (0, 2, 3, 4):  # the name column stretches
            self.table.resizeColumnToContents(column)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None and row.active)
        self.toggle_button.setEnabled(row is not None and row.username != self.ws.actor.username)
        self.toggle_button.setText(self.tr("启用") if row is not None and not row.active else self.tr("停用"))

    def on_add(self) -> None:
        dialog = AddUserDialog(self.ws, self)
        if dialog.exec():
            self._done(self.tr("已添加用户 {user}").format(user=dialog.username.text().strip()),
                       dialog.username.text().strip())

    def on_reset(self) -> None:
        row = self.selected()
        if row is not None and ResetPasswordDialog(self.ws, row.username, self).exec():
            self._done(self.tr("已重置 {user} 的密码").format(user=row.username), row.username)

    def on_toggle(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = (self.tr("已启用 {user}；请为其重置密码后再登录") if not row.active
                else self.tr("已停用 {user}")).format(user=row.username)
        run_task(accounts.set_active, self.ws, row.username, not row.active,
                 on_done=lambda _none: self._done(text, row.username), on_error=self._on_error, owner=self)

    def _done(self, text: str, username: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.refresh(select=username)

    def _on_error(self, error: Exception) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(problem_text(error))
