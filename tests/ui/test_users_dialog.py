"""The administrator's user management dialog: list, add, reset a password, deactivate and reactivate."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.services import accounts
from app.services.accounts import AccountError
from app.ui.accounts.users_dialog import AddUserDialog, ResetPasswordDialog, UsersDialog
from app.ui.workers import wait_for_tasks
from tests.conftest import demo_password

SHOTS = Path("/tmp/shots")


@pytest.fixture
def admin(city_dir: Path):
    ws = accounts.unlock(city_dir, "admin", demo_password("admin"))
    yield ws
    wait_for_tasks()
    ws.close()


def _dialog(qtbot, admin) -> UsersDialog:
    dialog = UsersDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def _text(dialog: UsersDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def _cells(dialog: UsersDialog, username: str) -> list[str]:
    for row in range(dialog.model.rowCount()):
        if _text(dialog, row, 0) == username:
            return [_text(dialog, row, c) for c in range(dialog.model.columnCount())]
    raise AssertionError(f"{username} not listed")


def _select(dialog: UsersDialog, username: str) -> None:
    dialog.table.selectRow([r.username for r in dialog.rows].index(username))


def test_every_account_is_listed_with_its_translated_role_state_and_demo_mark(app, qtbot, admin):
    dialog = _dialog(qtbot, admin)
    assert [_text(dialog, r, 0) for r in range(5)] == ["admin", "loan", "supervisor", "township", "viewer"]
    assert _cells(dialog, "loan")[2:] == ["信贷员", "可登录", "是"]
    assert _cells(dialog, "township")[2] == "乡镇工作人员"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "users-dialog.png"))


def test_an_added_user_appears_with_the_chosen_role_and_can_log_in(app, qtbot, admin, city_dir: Path):
    add = AddUserDialog(admin)
    qtbot.addWidget(add)
    add.username.setText("li.si")
    add.display_name.setText("李四")
    add.role.setCurrentIndex(add.role.findData("supervisor"))
    assert add.role.currentText() == "审核员"
    add.password.setText("li-si-pass-1")
    add.confirm.setText("li-si-pass-1")
    add.grab().save(str(SHOTS / "add-user-dialog.png"))
    with qtbot.waitSignal(add.accepted, timeout=10_000):
        add.on_submit()
    dialog = _dialog(qtbot, admin)
    assert _cells(dialog, "li.si")[1:4] == ["李四", "审核员", "可登录"]
    accounts.unlock(city_dir, "li.si", "li-si-pass-1").close()


@pytest.mark.parametrize("username, password, confirm, message", [
    ("loan", "some-pass-12", "some-pass-12", "用户名 loan 已存在"),
    ("new-user", "some-pass-12", "other-pass-12", "两次输入的密码不一致"),
])
def test_a_refused_new_user_is_explained_in_chinese(app, qtbot, admin, username, password, confirm, message):
    add = AddUserDialog(admin)
    qtbot.addWidget(add)
    add.username.setText(username)
    add.password.setText(password)
    add.confirm.setText(confirm)
    add.on_submit()
    qtbot.waitUntil(lambda: add.message.text() == message, timeout=10_000)
    assert add.result() != add.DialogCode.Accepted


def test_a_reset_password_opens_the_store_for_that_user(app, qtbot, admin, city_dir: Path):
    reset = ResetPasswordDialog(admin, "viewer")
    qtbot.addWidget(reset)
    reset.password.setText("new-viewer-pass-1")
    reset.confirm.setText("new-viewer-pass-1")
    with qtbot.waitSignal(reset.accepted, timeout=10_000):
        reset.on_submit()
    accounts.unlock(city_dir, "viewer", "new-viewer-pass-1").close()


def test_deactivating_locks_the_user_out_and_reactivating_asks_for_a_password_reset(app, qtbot, admin,
                                                                                   city_dir: Path):
    dialog = _dialog(qtbot, admin)
    _select(dialog, "viewer")
    assert dialog.toggle_button.text() == "停用"
    dialog.on_toggle()
    qtbot.waitUntil(lambda: _cells(dialog, "viewer")[3] == "已停用", timeout=10_000)
    assert dialog.message.text() == "已停用 viewer"
    with pytest.raises(AccountError):
        accounts.unlock(city_dir, "viewer", demo_password("viewer"))
    _select(dialog, "viewer")
    assert dialog.toggle_button.text() == "启用" and not dialog.reset_button.isEnabled()
    dialog.on_toggle()
    qtbot.waitUntil(lambda: _cells(dialog, "viewer")[3] == "已启用，需重置密码", timeout=10_000)


def test_the_administrator_cannot_deactivate_their_own_account(app, qtbot, admin):
    dialog = _dialog(qtbot, admin)
    _select(dialog, "admin")
    assert not dialog.toggle_button.isEnabled() and dialog.reset_button.isEnabled()
