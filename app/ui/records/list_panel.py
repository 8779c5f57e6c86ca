"""A searchable, sortable list of records for the selected division.

The id query runs in the thread pool; the model then fetches visible rows page by page.
Typing in the search box waits for a short pause before it queries, and an answer that
is no longer the latest is dropped.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from app.services.search import ListQuery
from app.ui.records.table_model import LazyRecordTableModel
from app.ui.workers import RequestCounter, run_task

SEARCH_PAUSE_MS = 250


class RecordListPanel(QWidget):
    """Search box, count and table over a :class:`LazyRecordTableModel`."""

    sig_loaded = Signal(int)           # number of records now listed
    sig_failed = Signal(str)
    sig_record_activated = Signal(str)  # id

    def __init__(self, model: LazyRecordTableModel, find_ids: Callable[[ListQuery], list[str]],
                 placeholder: str, count_format: Callable[[int], str], parent=None):
        super().__init__(parent)
        self.model = model
        self._find_ids = find_ids
        self._count_format = count_format
        self._query = ListQuery()
        self._requests = RequestCounter()
        self.search = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.count_label = QLabel()
        self.table = self._make_table()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._debounce.timeout.connect(self.on_search_paused)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.on_search_paused)
        model.sig_sort_requested.connect(self.on_sort_requested)
        self._lay_out()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(lambda: self._size_compact_columns(table))  # a reset resizes
        self._size_compact_columns(table)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.activated.connect(lambda index: self.sig_record_activated.emit(self.model.id_at(index.row()) or ""))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def _size_compact_columns(self, table: QTableView) -> None:
        header = table.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            if column.compact:  # the header's text and the sort arrow, with room
                header.resizeSection(number, header.fontMetrics().horizontalAdvance(column.title) + 36)

    def add_row_action(self, text: str, handler) -> QAction:
        """A context-menu action on the selected row; ``handler(record_id)``."""
        action = QAction(text, self.table)
        action.triggered.connect(lambda: self._on_row_action(handler))
        self.table.addAction(action)
        return action

    def _on_row_action(self, handler) -> None:
        record_id = self.model.id_at(self.table.currentIndex().row())
        if record_id:
            handler(record_id)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_column_widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    # -- handlers ------------------------------------------------------------------------
    def set_division(self, code: str | None) -> None:
        self._query = ListQuery(code, self._query.text, self._query.sort, self._query.descending)
        self.reload()

    def on_search_paused(self) -> None:
        self._debounce.stop()
        text = self.search.text()
        if text != self._query.text:
            self._query = ListQuery(self._query.division_code, text, self._query.sort, self._query.descending)
            self.reload()

    def on_sort_requested(self, key: str, descending: bool) -> None:
        self._query = ListQuery(self._query.division_code, self._query.text, key, descending)
        self.reload()

    def reload(self) -> None:
        """Query the ids for the current division, search and order in the background."""
        number = self._requests.next()
        self.count_label.setText(self.tr("正在查询…"))
        run_task(self._find_ids, self._query,
                 on_done=lambda ids: self._on_ids(number, ids),
                 on_error=lambda exc: self._on_error(number, exc), owner=self)

    def _on_ids(self, number: int, ids: list[str]) -> None:
        if not self._requests.is_latest(number):
            return
        self.model.set_ids(ids)
        self.count_label.setText(self._count_format(len(ids)))
        self.sig_loaded.emit(len(ids))

    def _on_error(self, number: int, exc: Exception) -> None:
        if self._requests.is_latest(number):
            self.count_label.setText(self.tr("查询失败"))
            self.sig_failed.emit(str(exc))
