"""The rating views are reachable from the main window: 评定 menu and the lists' context menu."""
from __future__ import annotations

import pytest

from app.ui.main_window import MainWindow
from app.ui.rating.batch_dialog import BatchRatingDialog
from app.ui.rating.breakdown import RatingBreakdownDialog
from app.ui.workers import wait_for_tasks
from tests.conftest import login


def _window(qtbot, ws) -> MainWindow:
    main = MainWindow(ws)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.sig_ready, timeout=10_000):
        main.show()
    return main


def _menu_actions(window: MainWindow, title: str) -> dict:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text() == title)
    return {action.text(): action for action in menu.actions()}


@pytest.mark.parametrize("user, batch", [("loan", True), ("viewer", False)])
def test_the_rating_menu_offers_what_the_role_may_do(app, qtbot, demo_dir, user, batch):
    ws = login(demo_dir, user)
    try:
        window = _window(qtbot, ws)
        texts = _menu_actions(window, "评定(&R)")
        assert ("批量评级(&B)…" in texts) is batch and "信用村镇看板(&D)…" in texts
        assert "查看评级明细" in [a.text() for a in window.households.table.actions()]
        assert "查看评级明细" in [a.text() for a in window.cooperatives.table.actions()]
    finally:
        wait_for_tasks()
        ws.close()


def test_the_context_action_opens_the_breakdown_of_the_selected_household(app, qtbot, demo_ws):
    window = _window(qtbot, demo_ws)
    table = window.households.table
    table.setCurrentIndex(window.households.model.index(0, 0))
    action = next(a for a in table.actions() if a.text() == "查看评级明细")
    action.trigger()
    dialog = window.rating_breakdown
    assert isinstance(dialog, RatingBreakdownDialog)
    assert dialog.subject_id == window.households.model.id_at(0)
    qtbot.waitUntil(lambda: dialog.status.text() != "正在读取评级…", timeout=10_000)
    wait_for_tasks()


def test_batch_rating_opens_for_the_selected_division(app, qtbot, demo_ws):
    window = _window(qtbot, demo_ws)
    with qtbot.waitSignal(window.households.sig_loaded, timeout=10_000):
        assert window.tree.select_code("445122100203")
    _menu_actions(window, "评定(&R)")["批量评级(&B)…"].trigger()
    dialog = window.batch_rating_dialog
    assert isinstance(dialog, BatchRatingDialog) and dialog.division_code == "445122100203"
    dialog.reject()
    wait_for_tasks()
