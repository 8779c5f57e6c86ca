"""Login, first set-up and the screen lock, driven by keyboard on a real encrypted store."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import accounts
from app.ui.accounts.dialogs import LoginDialog, ScreenLock, SetupDialog
from app.ui.workers import wait_for_tasks


def test_login_with_the_right_password_opens_the_workspace(app, qtbot, demo_dir):
    dialog = LoginDialog(demo_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "loan")
    qtbot.keyClicks(dialog.password, "demo-loan-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.workspace.actor.role == "loan_officer"
    dialog.workspace.close()


def test_a_wrong_password_is_explained_and_cleared(app, qtbot, demo_dir):
    dialog = LoginDialog(demo_dir, username="viewer")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "用户名或密码错误", timeout=10_000)
    assert dialog.password.text() == "" and dialog.workspace is None
    wait_for_tasks()


def test_first_setup_creates_the_administrator(app, qtbot, data_dir):
    dialog = SetupDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("王管理")  # QTest types Latin keys only
    qtbot.keyClicks(dialog.password, "first-admin-1")
    qtbot.keyClicks(dialog.confirm, "first-admin-2")
    dialog.on_submit()
    assert dialog.message.text() == "两次输入的密码不一致"
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "first-admin-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.on_submit()
    assert dialog.workspace.actor.role == "admin" and accounts.is_initialized(data_dir)
    dialog.workspace.close()


def test_screen_lock_opens_only_for_the_users_password(app, qtbot, demo_ws):
    lock = ScreenLock(demo_ws)
    qtbot.addWidget(lock)
    lock.show()
    qtbot.keyClicks(lock.password, "nope-nope")
    lock.on_submit()
    assert lock.isVisible() and lock.message.text() == "密码错误"
    lock.reject()
    assert lock.isVisible()  # Esc does not unlock
    qtbot.keyClicks(lock.password, "demo-loan-2026")
    with qtbot.waitSignal(lock.accepted, timeout=5_000):
        lock.on_submit()
