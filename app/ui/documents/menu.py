"""The 打印 menu of the main window: certificates, notice list and rating report for those who
print; the certificate register for them and for supervisors (reprint, revoke)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from app.domain.divisions import level_of
from app.security.roles import Permission
from app.ui.documents.request import CERTIFICATES, NOTICE_LIST, RATING_REPORT



def install_print_menu(window) -> None:
    """Add 打印(&P) to ``window``'s menu bar (a MainWindow), if its user may print or manage certificates."""
    ws = window.ws
    may_print = ws.can(Permission.PRINT)
    if not (may_print or ws.can(Permission.REPRINT) or ws.can(Permission.REVOKE)):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("PrintMenu", "打印(&P)"))
    if may_print:
        for kind, text in ((CERTIFICATES, QCoreApplication.translate("PrintMenu", "证书(&C)…")),
                           (NOTICE_LIST, QCoreApplication.translate("PrintMenu", "公示名单(&N)…")),
                           (RATING_REPORT, QCoreApplication.translate("PrintMenu", "评定表(&R)…"))):
            action = QAction(text, window)
            action.triggered.connect(lambda _=False, k=kind: open_request(window, k))
            menu.addAction(action)
        menu.addSeparator()
    register = QAction(QCoreApplication.translate("PrintMenu", "证书登记簿(&G)…"), window)
    register.triggered.connect(lambda: open_register(window))
    menu.addAction(register)
    window.print_menu = menu


def selection(window) -> tuple[str, str]:
    """(division code, household id) selected in the main window ("" where nothing is)."""
    panel = getattr(window, "households", None)
    query = getattr(panel, "_query", None)
    code = getattr(query, "division_code", None) or ""
    household = ""
    if panel is not None:
        household = panel.model.id_at(panel.table.currentIndex().row()) or ""
    return code, household


def open_request(window, kind: str):
    """Ask what to print; on 预览 open the preview window. Returns the request dialog."""
    from app.ui.documents.request import DocumentRequestDialog

    code, household = selection(window)
    village = code if code and level_of(code) == "village" else ""
    dialog = DocumentRequestDialog(window.ws, kind, village, household, window)
    dialog.accepted.connect(lambda: _show(window, dialog.preview()))
    dialog.open()
    window.document_request = dialog
    return dialog


def _show(window, preview) -> None:
    window.document_preview = preview  # kept: a parentless-looking dialog must not be collected
    preview.show()


def open_register(window):
    from app.ui.documents.register import RegisterDialog

    code, _household = selection(window)
    window.register_dialog = RegisterDialog(window.ws, code, window)
    window.register_dialog.open()
    return window.register_dialog
