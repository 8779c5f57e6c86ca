"""The 文件 menu offers the roster actions each role may use; export goes through a save dialog."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from tests.conftest import login


def _file_actions(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
    return [a.text() for a in menu.actions() if a.text()]


@pytest.mark.parametrize("user, present, absent", [
    ("loan", ["下载导入模板(&T)…", "导入花名册(&I)…"], ["导出花名册(&E)…"]),
    ("supervisor", ["下载导入模板(&T)…", "导出花名册(&E)…"], ["导入花名册(&I)…"]),
])
def test_the_file_menu_offers_what_the_role_may_do(app, qtbot, demo_dir, user, present, absent):
    ws = login(demo_dir, user)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    actions = _file_actions(window)
    assert set(present) <= set(actions) and not set(absent) & set(actions)
    wait_for_tasks()
    ws.close()


def test_a_supervisor_exports_the_selected_village_through_a_save_dialog(app, qtbot, demo_dir, tmp_path,
                                                                         monkeypatch):
    ws = login(demo_dir, "supervisor")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_ready, timeout=10_000):
        window.show()
    assert window.tree.select_code("445122100203")
    target = tmp_path / "村花名册"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.on_roster_export()
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=30_000)
    rows = load_workbook(tmp_path / "村花名册.xlsx")["农户"].max_row
    assert rows > 1
    window.grab().save("/tmp/shots/roster-export-status.png")
    wait_for_tasks()
    ws.close()


def test_the_template_is_saved_where_the_user_says(app, qtbot, demo_dir, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ws = login(demo_dir, "loan")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("合作社", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "模板"), ""))
    window.on_roster_template()
    qtbot.waitUntil(lambda: "导入模板已保存" in window.statusBar().currentMessage(), timeout=15_000)
    assert load_workbook(tmp_path / "模板.xlsx").sheetnames[0] == "合作社"
    wait_for_tasks()
    ws.close()
