"""Administrator and supervisor tools in the GUI: backup, audit viewer, password change."""
from __future__ import annotations

from app.services import accounts
from app.ui.accounts.password import ChangePasswordDialog
from app.ui.audit.dialog import AuditDialog
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from tests.conftest import login


def _menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_administrator_gets_backup_and_audit_but_no_credit_files(app, qtbot, demo_dir):
    admin = login(demo_dir, "admin")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_ready, timeout=10_000):
        window.show()
    assert "管理(&M)" in _menus(window)
    assert window.tabs.tabText(0) == "档案"
    window.on_backup()
    qtbot.waitUntil(lambda: "已备份到" in window.statusBar().currentMessage(), timeout=15_000)
    wait_for_tasks()
    admin.close()


def test_a_loan_officer_has_no_management_menu(app, qtbot, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    assert "管理(&M)" not in _menus(window)
    wait_for_tasks()


def test_audit_viewer_lists_logins_and_verifies_the_chain(app, qtbot, demo_dir):
    supervisor = login(demo_dir, "supervisor")
    dialog = AuditDialog(supervisor)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    actions = {entry["action"] for entry in dialog.model.entries}
    assert {"login", "setup"} <= actions
    dialog.action.setText("login")
    dialog.on_search()
    qtbot.waitUntil(lambda: {e["action"] for e in dialog.model.entries} == {"login"}, timeout=10_000)
    dialog.on_verify()
    qtbot.waitUntil(lambda: "哈希链完整" in dialog.status.text(), timeout=10_000)
    wait_for_tasks()
    supervisor.close()


def test_changing_the_password_rewraps_the_key(app, qtbot, ws):
    dialog = ChangePasswordDialog(ws)
    qtbot.addWidget(dialog)
    dialog.old.setText("loan-pass-1")
    dialog.new.setText("loan-pass-2")
    dialog.again.setText("loan-pass-2")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.on_submit()
    again = accounts.unlock(ws.data_dir, "loan", "loan-pass-2")
    again.close()
