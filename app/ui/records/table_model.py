"""A table model that holds only row ids and fetches the rows it shows, a page at a time.

The id list of 100,000 households is a few megabytes; the rows themselves are fetched
in pages of ``PAGE_SIZE`` when the view first asks for them (a primary-key lookup of a
few milliseconds) and kept in a small LRU cache, as Anki's browser does.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

PAGE_SIZE = 200
MAX_PAGES = 64

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header, the row attribute it shows, the service's sort key."""

    title: str
    attribute: str
    sort_key: str | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    compact: bool = False  # short values (a grade, 已签): as wide as its header, not the default


class LazyRecordTableModel(QAbstractTableModel):
    """Rows are ids; ``fetch_rows(ids) -> rows`` supplies the row objects on demand."""

    sig_sort_requested = Signal(str, bool)  # service sort key, descending

    def __init__(self, columns: Sequence[Column], fetch_rows: Callable[[list[str]], list[Any]],
                 parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()

    # -- what the panel calls ------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        """Show these records, in this order."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_object(self, row: int) -> Any | None:
        """The fetched row at ``row`` (fetching its page if needed)."""
        if not 0 <= row < len(self._ids):
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def invalidate_rows(self) -> None:
        """Forget fetched rows (after an edit); ids stay."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_object(index.row())
        if row is None:
            return None
        return self.display(column, getattr(row, column.attribute))

    def display(self, column: Column, value: Any) -> str:
        """How a value shows in a cell; subclasses format booleans and dates."""
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key:
            self.sig_sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    # -- paging --------------------------------------------------------------------------
    def _page(self, number: int) -> list[Any]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._ids[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
        page = self._fetch_rows(ids)
        if len(page) != len(ids):  # a record vanished since the ids were read: keep rows aligned
            by_id = {row.id: row for row in page}
            page = [by_id.get(i) for i in ids]
        self._pages[number] = page
        if len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page
