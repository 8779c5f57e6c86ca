"""Cells of a repeat-group table: drop-down editing of choices, Enter walking like Tab."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableWidget

VALUE = Qt.ItemDataRole.UserRole  # where a choice cell keeps its code (or True/False)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of (value, label) pairs."""

    def __init__(self, choices: list[tuple[object, str]], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(VALUE)
        editor.setCurrentIndex(next((i for i, (v, _l) in enumerate(self.choices)
                                     if v == value and type(v) is type(value)), 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        value, label = self.choices[editor.currentIndex()]
        model.setData(index, value, VALUE)
        model.setData(index, label, Qt.ItemDataRole.DisplayRole)


class GroupTable(QTableWidget):
    """The table itself: Enter walks the cells like Tab; Ctrl+Insert / Ctrl+Delete add / remove.

    Why keys here and not QShortcut: Ctrl+Insert is also the standard Copy key, which the view
    claims for itself, so a window shortcut on it never fires.
    """

    sig_add_row = Signal()
    sig_remove_row = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and self.state() != self.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.sig_add_row.emit()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.sig_remove_row.emit()
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            row, column = self.currentRow(), self.currentColumn()
            if column + 1 < self.columnCount():
                self.setCurrentCell(row, column + 1)
                return
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, 0)
                return
            event.ignore()  # the editor window moves the focus on
            return
        super().keyPressEvent(event)
