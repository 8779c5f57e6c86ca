"""The workflow window: the village's ratings with their stage; the steps a role may take."""
from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from app.services import workflow as wf
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from app.ui.workflow.window import WorkflowWindow
from test_workflow_city import demo_login as login
from test_workflow_city import build_city

APPRAISED_ON, IN_NOTICE, AFTER_NOTICE = date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 20)
SHOTS = Path("/tmp/shots")


@pytest.fixture
def city(data_dir):
    return build_city(data_dir, households=5)


@pytest.fixture
def open_window(app, qtbot, city):
    opened: list[tuple[WorkflowWindow, object]] = []

    def make(user: str, today: date) -> WorkflowWindow:
        ws = city.login(user)
        window = WorkflowWindow(ws, city.village, "示范村", today=today)
        with qtbot.waitSignal(window.sig_loaded, timeout=10_000):
            window.show()
        opened.append((window, ws))
        return window

    yield make
    wait_for_tasks()
    for window, _ws in opened:
        window.close()
    workspaces = [ws for _window, ws in opened]
    opened.clear()
    # The windows hold reference cycles (signal connections to their own methods): collect
    # them here, on the GUI thread, not whenever the collector next runs in a pool thread.
    gc.collect()
    for ws in workspaces:
        ws.close()


def shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def select(window: WorkflowWindow, subject_id: str) -> wf.OverviewRow:
    number = next(i for i, row in enumerate(window.model.rows) if row.subject_id == subject_id)
    window.table.selectRow(number)
    return window.model.rows[number]


def press_ok(qtbot, window: WorkflowWindow) -> None:
    with qtbot.waitSignal(window.sig_loaded, timeout=10_000):
        window.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def stages(window: WorkflowWindow) -> dict[str, wf.Stage]:
    return {row.subject_id: row.stage for row in window.model.rows}


@pytest.mark.parametrize(("user", "shown"), [
    ("township", {"appraise", "appraise_village", "notice", "object"}),
    ("loan", {"object"}),
    ("supervisor", {"decide", "confirm", "confirm_village"}),
    ("viewer", set()),
])
def test_only_the_steps_of_the_users_role_are_offered(open_window, user, shown):
    window = open_window(user, APPRAISED_ON)
    assert set(window.buttons) == shown


def test_a_township_officer_appraises_and_starts_the_notice_from_the_window(qtbot, open_window, city):
    window = open_window("township", APPRAISED_ON)
    assert window.model.rowCount() == len(city.households) + 1
    assert not window.buttons["appraise"].isEnabled() and window.buttons["appraise_village"].isEnabled()
    select(window, city.households[0])
    assert window.buttons["appraise"].isEnabled() and not window.buttons["notice"].isEnabled()
    window.buttons["appraise"].click()
    window.dialog.adjustment.setText("-2.5")
    window.dialog.reason.setPlainText("村民代表认为经营收入登记偏高")
    window.dialog.appraisers.setText("王村长、李会计、陈代表")
    shot(window.dialog, "workflow-appraisal")
    press_ok(qtbot, window)
    row = select(window, city.households[0])
    assert (row.stage, str(row.adjustment)) == (wf.Stage.APPRAISED, "-2.50")

    window.buttons["appraise_village"].click()
    window.dialog.reason.setPlainText("其余各户无异议")
    window.dialog.appraisers.setText("王村长")
    press_ok(qtbot, window)
    assert window.buttons["notice"].isEnabled()
    window.buttons["notice"].click()
    press_ok(qtbot, window)  # the notice starts today
    assert {s for h, s in stages(window).items() if h != city.unconsented} == {wf.Stage.IN_NOTICE}
    shot(window, "workflow-window-notice")


def test_a_refused_step_is_shown_in_the_dialog_which_stays_open(qtbot, open_window, city):
    window = open_window("township", APPRAISED_ON)
    select(window, city.households[1])
    window.buttons["appraise"].click()
    window.dialog.adjustment.setText("9")
    window.dialog.reason.setPlainText("理由")
    window.dialog.appraisers.setText("王村长")
    window.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.dialog.error.isVisible(), timeout=10_000)
    assert "超出方案允许的 ±5 分" in window.dialog.error.text() and window.dialog.isVisible()
    shot(window.dialog, "workflow-appraisal-refused")


def test_objections_are_recorded_decided_and_the_village_confirmed(qtbot, open_window, city):
    township = city.login("township")
    try:
        wf.appraise_village(township, city.village, "无异议", ["王村长"], APPRAISED_ON)
        wf.start_notice(township, city.village, date(2026, 10, 10))
    finally:
        township.close()
    window = open_window("loan", IN_NOTICE)
    select(window, city.households[2])
    window.buttons["object"].click()
    window.dialog.content.setPlainText("户主称其家庭年收入被少记")
    press_ok(qtbot, window)
    assert stages(window)[city.households[2]] is wf.Stage.OBJECTION
    shot(window, "workflow-window-objection")

    window = open_window("supervisor", AFTER_NOTICE)
    assert not window.buttons["confirm_village"].isEnabled()
    select(window, city.households[2])
    window.buttons["decide"].click()
    window.dialog.upheld.setChecked(True)
    window.dialog.adjustment.setText("3")
    window.dialog.answer.setPlainText("经复核，收入确有漏记，上调 3 分")
    shot(window.dialog, "workflow-decision")
    press_ok(qtbot, window)
    assert window.buttons["confirm_village"].isEnabled()
    window.buttons["confirm_village"].click()
    with qtbot.waitSignal(window.sig_loaded, timeout=10_000):
        window.question.button(window.question.StandardButton.Yes).click()
    assert {s for h, s in stages(window).items() if h != city.unconsented} == {wf.Stage.CONFIRMED}
    assert "已确认 5 户" in window.message.text()
    shot(window, "workflow-window-confirmed")


def menu_actions(main) -> dict[str, object]:
    return {action.text(): action for menu in main.menuBar().findChildren(QMenu) for action in menu.actions()}


@pytest.mark.parametrize(("user", "offered"), [("township", True), ("supervisor", True), ("loan", True),
                                               ("viewer", False)])
def test_the_main_window_offers_the_workflow_only_to_roles_that_take_a_step(app, qtbot, demo_dir, user, offered):
    ws = login(demo_dir, user)
    main = MainWindow(ws)
    try:
        assert ("评议与公示(&W)…" in menu_actions(main)) is offered
    finally:
        main.close()
        wait_for_tasks()
        main.deleteLater()
        del main
        gc.collect()
        ws.close()


def test_the_menu_opens_the_window_of_the_selected_village(app, qtbot, demo_dir):
    ws = login(demo_dir, "supervisor")
    main = MainWindow(ws)
    try:
        with qtbot.waitSignal(main.sig_ready, timeout=10_000):
            main.show()
        village = "445103102205"  # in notice with an open objection (demo seed 3, see workflow_demo)
        assert main.tree.select_code(village)
        menu_actions(main)["评议与公示(&W)…"].trigger()
        with qtbot.waitSignal(main.workflow_window.sig_loaded, timeout=10_000):
            pass
        assert main.workflow_window.village == village and main.workflow_window.isVisible()
        assert wf.Stage.OBJECTION in {row.stage for row in main.workflow_window.model.rows}
        shot(main.workflow_window, "workflow-window-demo")
    finally:
        wait_for_tasks()
        main.close()
        main.deleteLater()
        del main
        gc.collect()
        ws.close()
