"""Wiring the rating views into the main window: the 评定 menu and the list context menus.

``install_rating(window)`` is called once by the main window; everything here is imported
lazily from there, so the main window stays a thin assembly of features.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.security.roles import Permission
from app.ui.divisions.tree import CODE_ROLE



def install_rating(window: QMainWindow) -> None:
    """Add 批量评级 and 信用村镇看板 to the 评定 menu, and 查看评级明细 to both record lists."""
    ws = window.ws
    if not ws.can(Permission.VIEW_RECORDS) and not ws.can(Permission.RATE):
        return
    menu = rating_menu(window)
    if ws.can(Permission.RATE):
        batch = QAction(QCoreApplication.translate("RatingHooks", "批量评级(&B)…"), window)
        batch.triggered.connect(lambda: open_batch_rating(window))
        menu.addAction(batch)
    if ws.can(Permission.VIEW_RECORDS):
        dashboard = QAction(QCoreApplication.translate("RatingHooks", "信用村镇看板(&D)…"), window)
        dashboard.triggered.connect(lambda: open_dashboard(window))
        menu.addAction(dashboard)
        text = QCoreApplication.translate("RatingHooks", "查看评级明细")
        for panel in (window.households, window.cooperatives):
            panel.add_row_action(text, lambda record_id, p=panel: open_breakdown(window, p, record_id))


def rating_menu(window: QMainWindow) -> QMenu:
    """The main window's 评定 menu, made if no other feature has made it yet."""
    title = QCoreApplication.translate("MainWindow", "评定(&R)")
    for action in window.menuBar().actions():
        if action.menu() and action.text() == title:
            return action.menu()
    return window.menuBar().addMenu(title)


def selected_division(window: QMainWindow) -> tuple[str | None, str]:
    """(code or None for the whole city, name) of the division selected in the tree."""
    label = window.tree.currentIndex().siblingAtColumn(0)
    code = label.data(CODE_ROLE) or None
    return code, label.data() or QCoreApplication.translate("RatingHooks", "全部区划")


def open_batch_rating(window: QMainWindow) -> None:
    from app.ui.rating.batch_dialog import BatchRatingDialog

    code, name = selected_division(window)
    window.batch_rating_dialog = BatchRatingDialog(window.ws, code, name, window)
    window.batch_rating_dialog.open()


def open_dashboard(window: QMainWindow) -> None:
    from app.ui.rating.dashboard import VillagesDashboard

    code, name = selected_division(window)
    window.villages_dashboard = VillagesDashboard(window.ws, code, name, window)
    window.villages_dashboard.show()


def open_breakdown(window: QMainWindow, panel, record_id: str) -> None:
    from app.ui.rating.breakdown import RatingBreakdownDialog

    row = panel.table.currentIndex().row()
    title = panel.model.index(row, 0).data() or ""
    window.rating_breakdown = RatingBreakdownDialog(window.ws, record_id, title, window)
    window.rating_breakdown.show()
