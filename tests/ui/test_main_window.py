"""The main window on the demo city: opens in Chinese, filters by division, finds by pinyin."""
from __future__ import annotations

import pytest

from app.services.search import ListQuery, household_ids
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks


@pytest.fixture
def window(app, qtbot, demo_ws):
    main = MainWindow(demo_ws)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.sig_ready, timeout=10_000):
        main.show()
    yield main
    wait_for_tasks()


def test_window_opens_in_chinese_with_every_household_listed(window, demo_ws):
    assert window.windowTitle().startswith("信用村镇外业助手")
    assert window.tabs.tabText(0) == "农户"
    assert window.households.model.rowCount() == len(household_ids(demo_ws, ListQuery()))
    assert window.households.model.headerData(0, _horizontal(), _display()) == "户主"
    assert "离线" in window.network_label.text()
    assert not window.grab().isNull()


def test_division_tree_shows_counts_for_the_whole_city(window, demo_ws):
    model = window.tree.model()
    everything = model.index(0, 1)
    assert int(everything.data()) == len(household_ids(demo_ws, ListQuery()))


def test_selecting_a_village_filters_the_list(window, qtbot, demo_ws):
    village = "445122100203"
    expected = household_ids(demo_ws, ListQuery(division_code=village))
    with qtbot.waitSignal(window.households.sig_loaded, timeout=10_000):
        assert window.tree.select_code(village)
    model = window.households.model
    assert model.rowCount() == len(expected) > 0
    village_names = {model.row_object(row).village_name for row in range(model.rowCount())}
    assert len(village_names) == 1
    assert window.households.count_label.text() == f"共 {len(expected)} 户"


def test_search_by_pinyin_initials_finds_the_head(window, qtbot, demo_ws):
    model = window.households.model
    name = model.row_object(0).head_name
    from app.domain.pinyin import initials

    typed = initials(name)
    with qtbot.waitSignal(window.households.sig_loaded, timeout=10_000):
        qtbot.keyClicks(window.households.search, typed)
    names = [model.row_object(row).head_name for row in range(model.rowCount())]
    assert name in names
    assert all(initials(n).startswith(typed) for n in names)


def test_list_cells_show_masked_id_numbers(window):
    cell = window.households.model.index(0, 1).data()
    assert len(cell) == 18 and "**********" in cell


def test_clicking_a_header_sorts_in_the_background(window, qtbot):
    model = window.households.model
    with qtbot.waitSignal(window.households.sig_loaded, timeout=10_000):
        window.households.table.sortByColumn(0, _descending())
    first, last = model.row_object(0), model.row_object(model.rowCount() - 1)
    from app.domain.pinyin import sort_key

    assert sort_key(first.head_name) >= sort_key(last.head_name)


def test_cooperative_tab_lists_cooperatives(window, qtbot):
    qtbot.waitUntil(lambda: window.cooperatives.model.rowCount() > 0, timeout=10_000)
    assert window.cooperatives.model.headerData(1, _horizontal(), _display()) == "统一社会信用代码"


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _display():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.DisplayRole


def _descending():
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder


def test_revealing_a_full_id_number_is_audited(window, qtbot, demo_ws):
    from app.services import audit

    window.households.table.selectRow(0)
    household_id = window.households.model.id_at(0)
    window.on_reveal_id(household_id)
    qtbot.waitUntil(lambda: hasattr(window, "revealed"), timeout=10_000)
    assert "**" not in window.revealed.text() and "审计" in window.revealed.text()
    entry = audit.find_entries(demo_ws.db, audit.AuditFilter(action="view_full_id"), limit=1)[0]
    assert entry["target_id"] == household_id and entry["actor"] == "loan"
    window.revealed.close()


def _boxes(window):
    from PySide6.QtWidgets import QMessageBox

    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_a_failed_background_task_is_told_without_blocking_and_a_database_error_in_chinese(window, qtbot):
    import sqlalchemy.exc

    from app.ui.workers import run_task

    def fail():
        raise sqlalchemy.exc.DatabaseError("SELECT 1", {}, Exception("database disk image is malformed"))

    run_task(fail, on_done=lambda _r: None, on_error=window.on_failure, owner=window)
    qtbot.waitUntil(lambda: bool(_boxes(window)), timeout=10_000)  # returns: no nested event loop
    [box] = _boxes(window)
    assert "数据库可能已损坏" in box.text() and "malformed" not in box.text()
    box.close()
    window.hide()  # a closed window (the store found damaged) says nothing more
    window.on_failure(RuntimeError("late"))
    assert not _boxes(window)
