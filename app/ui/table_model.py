"""A small read-only table model over a list of rows, for the views that show every row at once.

Subclasses set :attr:`RowsTableModel.titles` (translated in their own ``__init__``, so the
translation context stays theirs) and answer :meth:`RowsTableModel.cell`; the other hooks are
optional. The lazy, paged records model (:mod:`app.ui.records.table_model`) is a different thing.
"""
from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsTableModel(QAbstractTableModel):
    """One row per item of :attr:`rows`, one column per title of :attr:`titles`."""

    right_aligned: Container[int] = ()  # columns shown right-aligned (figures)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []
        self.titles: list[str] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.right_aligned else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        return None

    def cell(self, row: Any, column: int) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        """The tooltip of one cell: its text unless a subclass says otherwise."""
        return self.cell(row, column)

    def foreground(self, row: Any, column: int) -> Any:
        """The text colour (QColor or QBrush) of one cell; None: the view's own."""
        return None
