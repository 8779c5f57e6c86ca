"""A repeat group (members, land parcels, loans, honours, penalties) as an editable table.

One row per item, one column per item field. Keyboard: typing starts editing a cell, Tab and
Enter move to the next cell (Enter at the very end moves on to the next control), Ctrl+Insert
adds a row, Ctrl+Delete removes the current one. Choice and yes/no cells edit with a
drop-down; the stored value (code, ``True``/``False``) sits in ``Qt.UserRole``.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.survey.form_model import RepeatGroup
from app.ui.editor.field_inputs import field_choices
from app.ui.editor.table_cells import VALUE, ChoiceDelegate, GroupTable

ERROR_BRUSH = QBrush(QColor("#fde2e1"))
WARNING_BRUSH = QBrush(QColor("#fff1d6"))
SKIPPED_BRUSH = QBrush(QColor("#eeeeee"))


class RepeatTable(QWidget):
    """Table, add/remove buttons and the problems of the group's items."""

    sig_changed = Signal()

    def __init__(self, group: RepeatGroup, parent=None):
        super().__init__(parent)
        self.group = group
        self.table = GroupTable(0, len(group.fields), self)
        self.table.setObjectName(group.path)
        self.table.setHorizontalHeaderLabels(
            [f"{f.label}{'（' + f.unit + '）' if f.unit else ''}{' *' if f.required else ''}" for f in group.fields])
        self._set_up_table()
        label = group.item_label or group.label
        self.add_button = QPushButton(self.tr("添加{item}").format(item=label), self, autoDefault=False)
        self.remove_button = QPushButton(self.tr("删除当前{item}").format(item=label), self, autoDefault=False)
        self.add_button.setToolTip(self.tr("Ctrl+Insert"))
        self.remove_button.setToolTip(self.tr("Ctrl+Delete"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.table.sig_add_row.connect(self.add_row)
        self.table.sig_remove_row.connect(self.remove_current_row)
        self.message = QLabel(self, wordWrap=True, visible=False)
        self._lay_out()
        self._editable = True
        self.table.itemChanged.connect(lambda _item: self.sig_changed.emit())

    def _set_up_table(self) -> None:
        table = self.table
        table.setTabKeyNavigation(True)
        self._triggers = (QAbstractItemView.EditTrigger.AnyKeyPressed
                          | QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setEditTriggers(self._triggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setToolTip(self.group.help)
        for column, field in enumerate(self.group.fields):
            if field.type in ("single_choice", "boolean"):
                table.setItemDelegateForColumn(column, ChoiceDelegate(field_choices(field), table))
            table.setColumnWidth(column, {"id_number": 175, "single_choice": 150}.get(field.type, 110))
        self._fit_height()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def _fit_height(self) -> None:
        """As tall as its rows (at least 2, at most 8 before it scrolls), so the form stays compact."""
        rows = min(max(self.table.rowCount(), 2), 8)
        bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 26 * rows + bar + 4)

    # -- values --------------------------------------------------------------------------
    def items(self) -> list[dict[str, Any]]:
        """The rows as raw answers (blank cells left out)."""
        rows = []
        for row in range(self.table.rowCount()):
            entry: dict[str, Any] = {}
            for column, field in enumerate(self.group.fields):
                value = self._cell_value(row, column)
                if value is not None:
                    entry[field.name] = value
            rows.append(entry)
        return rows

    def _cell_value(self, row: int, column: int) -> object:
        item = self.table.item(row, column)
        if item is None:
            return None
        if self.group.fields[column].type in ("single_choice", "boolean"):
            return item.data(VALUE)
        text = item.text()
        return text if text.strip() else None

    def set_items(self, entries: list[dict[str, Any]]) -> None:
        """Show ``entries`` (raw or data-standard items)."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for entry in entries:
            self._append(entry)
        self.table.blockSignals(False)
        self._fit_height()

    def _append(self, entry: dict[str, Any]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(self.group.fields):
            value = entry.get(field.name)
            item = QTableWidgetItem()
            if field.type in ("single_choice", "boolean"):
                labels = dict((repr(v), l) for v, l in field_choices(field))
                item.setData(VALUE, value)
                item.setText(labels.get(repr(value), "" if value is None else str(value)))
            else:
                item.setText("" if value is None else str(value))
            item.setToolTip(field.help)
            self.table.setItem(row, column, item)
        return row

    # -- actions -------------------------------------------------------------------------
    def add_row(self) -> None:
        """Append an empty item and start typing in its first cell."""
        if not self._editable:
            return
        self.table.blockSignals(True)
        row = self._append({})
        self.table.blockSignals(False)
        self._fit_height()
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.sig_changed.emit()

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if self._editable and row >= 0:
            self.table.removeRow(row)
            self._fit_height()
            self.sig_changed.emit()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.table.setEditTriggers(self._triggers if editable
                                   else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)

    def mark_cells(self, skipped: set[tuple[int, int]], problems: dict[tuple[int, int], tuple[str, str]],
                   summary: list[tuple[str, str]], colours: Callable[[str], str]) -> None:
        """Grey skipped cells, tint cells with problems, list the problems under the table.

        ``problems`` maps (row, column) to (severity, message); ``summary`` is (severity, message)
        in order; ``colours(severity)`` gives the text colour.
        """
        editing = ((self.table.currentRow(), self.table.currentColumn())
                   if self.table.state() == GroupTable.State.EditingState else None)
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None or (row, column) == editing:
                    continue  # marked by the check its commit starts
                severity, message = problems.get((row, column), ("", ""))
                brush = (SKIPPED_BRUSH if (row, column) in skipped else ERROR_BRUSH if severity == "error"
                         else WARNING_BRUSH if severity == "warning" else QBrush())
                # Only real changes, and never to the cell being edited: the view reloads an open
                # editor from its cell on any change, throwing away what the user is typing.
                if item.background() != brush:
                    item.setBackground(brush)
                editable = Qt.ItemFlag.ItemIsEditable
                flags = item.flags() & ~editable if (row, column) in skipped else item.flags() | editable
                if flags != item.flags():
                    item.setFlags(flags)
                if item.toolTip() != (message or self.group.fields[column].help):
                    item.setToolTip(message or self.group.fields[column].help)
        self.table.blockSignals(False)
        self.message.setVisible(bool(summary))
        worst = "error" if any(s == "error" for s, _m in summary) else "warning"
        self.message.setStyleSheet(f"color: {colours(worst)};")
        self.message.setText("\n".join(m for _s, m in summary))
