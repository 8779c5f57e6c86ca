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


def _select_division(window: MainWindow, level_digits: str) -> str:
    """Select the first division in the tree whose code ends as ``level_digits`` says; its code."""
    from app.ui.divisions.tree import CODE_ROLE

    model = window.tree.model()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        code = index.data(CODE_ROLE) or ""
        if code and (code.endswith("000") if level_digits == "township" else not code.endswith("000")):
            window.tree.setCurrentIndex(index)
            return code
        pending += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    raise AssertionError(level_digits)


@pytest.mark.parametrize("level", ["village", "township"])
def test_a_new_household_starts_in_the_village_chosen_in_the_tree(app, qtbot, demo_ws, level):
    window = _window(qtbot, demo_ws)
    code = _select_division(window, level)
    _action(window, "新建农户").trigger()
    qtbot.waitUntil(lambda: bool(_top(RecordEditor)), timeout=10_000)
    editor = _top(RecordEditor)[0]
    expected = code if level == "village" else None  # a township names no one village
    assert (editor.view.inputs["village_code"].value() or None) == expected
    wait_for_tasks()
    editor.writer._retired = True  # leave no draft in the shared demo store
    editor.close()
