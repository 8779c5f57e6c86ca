"""The list of sections beside the form: where the cursor is, and what is done or wrong.

It takes no keyboard focus (Tab runs through the questions only); Ctrl+PgDown / Ctrl+PgUp
jump between sections, a click jumps too.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.problems import Problem
from app.survey.form_model import FormDefinition
from app.ui.editor.form_state import section_of

if TYPE_CHECKING:
    from app.ui.editor.editor import RecordEditor

DONE, ERRORS, WARNINGS = "✓", "✗", "!"


class SectionNav(QListWidget):
    """One line per section: ``✓ 基本信息``, ``✗ 借贷（2）``, ``! 家庭成员``."""

    sig_section_chosen = Signal(str)  # section id

    def __init__(self, form: FormDefinition, parent=None):
        super().__init__(parent)
        self.form = form
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ids = [section.id for section in form.sections]
        for section in form.sections:
            item = QListWidgetItem(section.label)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setToolTip(section.help)
            self.addItem(item)
        self.setFixedWidth(150)
        self.itemClicked.connect(lambda item: self.sig_section_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_current(self, section_id: str) -> None:
        if section_id in self.ids:
            self.blockSignals(True)
            self.setCurrentRow(self.ids.index(section_id))
            self.blockSignals(False)

    def neighbour(self, section_id: str, step: int) -> str:
        """The section ``step`` places after (or before) ``section_id``, clamped."""
        index = self.ids.index(section_id) if section_id in self.ids else 0
        return self.ids[max(0, min(len(self.ids) - 1, index + step))]

    def set_marks(self, problems: list[Problem], shown: set[str]) -> None:
        """Marks from every problem; sections not in ``shown`` (all skipped) get none."""
        errors: dict[str, int] = {}
        warnings: set[str] = set()
        for problem in problems:
            section = section_of(self.form, problem.field)
            if problem.severity == "error":
                errors[section] = errors.get(section, 0) + 1
            else:
                warnings.add(section)
        for row, section in enumerate(self.form.sections):
            item = self.item(row)
            if section.id not in shown:
                text, colour = f"  {section.label}", "#999999"
            elif section.id in errors:
                text, colour = f"{ERRORS} {section.label}（{errors[section.id]}）", "#c62828"
            elif section.id in warnings:
                text, colour = f"{WARNINGS} {section.label}", "#b26a00"
            else:
                text, colour = f"{DONE} {section.label}", "#2e7d32"
            item.setText(text)
            item.setForeground(QColor(colour))


def go_to_section(editor: "RecordEditor", section_id: str) -> None:
    """Scroll to a section's header and put the cursor on its first question one may answer."""
    editor.scroll.verticalScrollBar().setValue(editor.view.headers[section_id].y())
    first = next((row.widget for row in editor.view.rows.values()
                  if row.item.section == section_id and row.widget.isVisible() and _focusable(row.widget)), None)
    if first is not None:
        getattr(first, "table", first).setFocus()
    editor.nav.set_current(section_id)


def follow_focus(editor: "RecordEditor", new: QWidget | None) -> None:
    """Keep the focused question in view and its section highlighted (Qt's scroll area does not)."""
    widget = new
    while widget is not None and widget is not editor.view:
        for row in editor.view.rows.values():
            if row.widget is widget:
                editor.scroll.ensureWidgetVisible(new, 40, 60)
                editor.nav.set_current(row.item.section)
                return
        widget = widget.parentWidget()


def _focusable(widget: QWidget) -> bool:
    """Takes Tab focus itself, or is a group table that does."""
    inner = getattr(widget, "table", widget)
    return inner.isEnabled() and inner.focusPolicy() != Qt.FocusPolicy.NoFocus
