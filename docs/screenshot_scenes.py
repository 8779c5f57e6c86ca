"""The widgets that need more than a constructor call before their picture is taken.

Used by ``make_screenshots.py``; each function takes its ``Demo`` and returns a shown-ready widget.
"""
from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

TODAY = date(2026, 11, 28)
VILLAGE = "445122100203"  # 埔坑村: a village of the demo city with a few dozen households (rated by the script)
# Villages the demo (seed 1, 3,000 households) leaves at a workflow stage; rating them again would
# start them over, so the script rates VILLAGE only.
NOTICE_VILLAGE = ("445122103204", "上山村")  # in public notice, with an open objection
CONFIRMED_VILLAGE = ("445103101202", "林厝村")  # confirmed: certificates can be printed
DASHBOARD_TOWNSHIP = ("445103100000", "庵埠镇")  # a confirmed, an expired and a rated-only village


def ui(module: str, name: str) -> Any:
    """``app.ui.<module>.<name>``, imported only when its shot is taken."""
    return getattr(importlib.import_module(f"app.ui.{module}"), name)


def wait(signal, ms: int = 15_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main_window(demo, user: str, *, village: str | None = VILLAGE, search: str = "") -> QWidget:
    """The main window of ``user``, with the tree on ``village`` and ``search`` typed."""
    window = ui("main_window", "MainWindow")(demo.ws(user))
    window.resize(1280, 800)
    window.show()
    wait(window.sig_ready)
    if village and window.tree.select_code(village):
        wait(window.households.sig_loaded)
    if search:
        window.households.search.setText(search)
        window.households.on_search_paused()
        wait(window.households.sig_loaded)
    return window


def editor(demo, record_id: str | None) -> QWidget:
    launch = importlib.import_module("app.ui.editor.launch")
    given = launch.read_input(demo.ws("loan"), "household", record_id)
    widget = launch.build_editor(demo.ws("loan"), given, today=TODAY)
    widget.resize(1100, 760)
    return widget


def roster_import(demo) -> QWidget:
    """The import dialog after checking the village's exported roster with two typing mistakes."""
    import openpyxl

    from app.services.roster_export import export_roster

    roster = demo.folder / "埔坑村花名册.xlsx"
    export_roster(demo.ws("supervisor"), roster, division=VILLAGE, full_ids=True)
    book = openpyxl.load_workbook(roster)
    sheet = book.worksheets[0]
    keys = [str(cell.value).split("\n")[-1] for cell in sheet[1]]  # "户主姓名*\nhead_name"
    for key, row, value in (("head_id_number", 3, "445122198203150012"), ("head_phone", 5, "1380000")):
        sheet.cell(row, keys.index(key) + 1, value)
    book.save(roster)
    widget = ui("roster.import_dialog", "ImportDialog")(demo.ws("loan"))
    widget.check(roster)
    widget.path.setText(roster.name)  # not the temporary folder's random name
    return widget


def detail(demo) -> QWidget:
    record = ui("detail.loader", "load_detail")(demo.ws("loan"), "household", demo.household())
    widget = ui("detail.view", "RecordDetailDialog")(demo.ws("loan"), record)
    widget.resize(900, 700)
    return widget


RATED_VILLAGE = ("445103100207", "旧塘村")  # rated only: waiting for appraisal


def workflow(demo, user: str, village: tuple[str, str], row: int = 0) -> QWidget:
    """The village's 评议与公示 window as ``user``, with row ``row`` selected (its buttons enabled)."""
    window = ui("workflow.window", "WorkflowWindow")(demo.ws(user), *village, TODAY)
    wait(window.sig_loaded)
    window.table.selectRow(row)
    return window


def appraisal(demo) -> QWidget:
    """The 评议 dialog of a household of a village waiting for appraisal, filled in."""
    window = workflow(demo, "township", RATED_VILLAGE)
    window.on_appraise()
    dialog = window.dialog
    dialog.adjustment.setText("2")
    dialog.reason.setPlainText("多年带头修村道、调解邻里纠纷，村评议小组一致同意上调")
    dialog.appraisers.setText("陈建国、林秀英、黄志明")
    demo.keep.append(window)  # the dialog's parent must outlive the picture
    return dialog


def decision(demo) -> QWidget:
    """The 处理异议 dialog (审核员) for the open objection in :data:`NOTICE_VILLAGE`, answer written."""
    window = workflow(demo, "supervisor", NOTICE_VILLAGE)
    window.on_decide()
    dialog = window.dialog
    dialog.answer.setPlainText("经核对近两年销售单据和银行流水，家庭收入登记无误，维持原评定结果。")
    demo.keep.append(window)
    return dialog
