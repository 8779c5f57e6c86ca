"""The main window opens editors and detail views: 档案 menu, Enter on a row, context menu."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.detail.view import RecordDetailDialog
from app.ui.editor.editor import RecordEditor
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from tests.conftest import login


def _window(qtbot, ws) -> MainWindow:
    main = MainWindow(ws)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.sig_ready, timeout=10_000):
        main.show()
    return main


def _top(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _action(window: MainWindow, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().startswith(text):
                return action
    raise AssertionError(text)


def test_new_household_opens_an_empty_editor(app, qtbot, demo_ws):
    window = _window(qtbot, demo_ws)
    _action(window, "新建农户").trigger()
    qtbot.waitUntil(lambda: bool(_top(RecordEditor)), timeout=10_000)
    editor = _top(RecordEditor)[0]
    assert editor.record_id is None and editor.windowTitle().startswith("新建")
    wait_for_tasks()
    editor.writer._retired = True  # leave no draft in the shared demo store
    editor.close()


def test_enter_on_a_household_opens_its_editor_for_an_officer(app, qtbot, demo_ws):
    window = _window(qtbot, demo_ws)
    record_id = window.households.model.id_at(0)
    window.households.sig_record_activated.emit(record_id)
    qtbot.waitUntil(lambda: bool(_top(RecordEditor)), timeout=10_000)
    editor = _top(RecordEditor)[0]
    assert editor.record_id == record_id and editor.view.inputs["head_name"].value()
    wait_for_tasks()
    editor.close()


@pytest.fixture
def viewer(demo_dir):
    workspace = login(demo_dir, "viewer")
    yield workspace
    workspace.close()


def test_a_viewer_gets_the_detail_view_and_no_editing_menu(app, qtbot, viewer):
    window = _window(qtbot, viewer)
    assert all(not a.text().startswith("档案") for a in window.menuBar().actions())
    texts = [a.text() for a in window.households.table.actions()]
    assert "查看详情" in texts and "编辑" not in texts
    window.households.sig_record_activated.emit(window.households.model.id_at(0))
    qtbot.waitUntil(lambda: bool(_top(RecordDetailDialog)), timeout=10_000)
    wait_for_tasks()
    _top(RecordDetailDialog)[0].close()
