""""显示完整号码": the head's full ID number, for roles with VIEW_FULL_ID, read and audited in the pool.

Everyone else sees the masked number of the record tab only (the button is not even offered).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.security.roles import Permission
from app.services.accounts import Workspace
from app.services.search import reveal_id_number
from app.ui.accounts.dialogs import translate_message
from app.ui.workers import run_task


def may_reveal(ws: Workspace, record_type: str) -> bool:
    """Whether the detail view offers the full ID number (households only; the role decides)."""
    return record_type == "household" and ws.can(Permission.VIEW_FULL_ID)


class RevealIdNumber(QWidget):
    """A button that fetches the full number (one audit entry per reveal) and shows it beside."""

    def __init__(self, ws: Workspace, household_id: str, parent=None):
        super().__init__(parent)
        self.ws, self.household_id = ws, household_id
        self.button = QPushButton(self.tr("显示完整号码"), autoDefault=False)
        self.button.setToolTip(self.tr("查看户主的完整身份证号码；每次查看都记入审计日志"))
        self.number = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button.clicked.connect(self.reveal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.number)

    def reveal(self) -> None:
        self.button.setEnabled(False)
        run_task(reveal_id_number, self.ws, self.household_id, on_done=self._show,
                 on_error=self._failed, owner=self)

    def _show(self, number: str) -> None:
        self.number.setText(self.tr("户主身份证号码：{number}").format(number=number))
        self.button.setVisible(False)

    def _failed(self, exc: Exception) -> None:
        self.button.setEnabled(True)
        problem = getattr(exc, "problem", None)  # a refused permission says why, in the user's language
        self.number.setText(translate_message(problem.template, problem.params) if problem
                            else self.tr("无法显示完整号码"))
