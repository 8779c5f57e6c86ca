"""The division tree on the left of the main window, with household counts."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from app.services.divisions import DivisionNode

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class DivisionTreeView(QTreeView):
    """Shows counties, townships and villages; emits the chosen code (``""`` for all)."""

    sig_division_selected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._model.setHorizontalHeaderLabels([self.tr("行政区划"), self.tr("建档户数")])
        self.setModel(self._model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().currentChanged.connect(self.on_current_changed)

    def set_divisions(self, roots: list[DivisionNode]) -> None:
        """Replace the tree; the whole city stays the first row, selected."""
        self._model.removeRows(0, self._model.rowCount())
        total = sum(root.households for root in roots)
        everything = self._row(self.tr("全部区划"), "", total)
        self._model.appendRow(everything)
        for root in roots:
            self._add(everything[0], root)
        self.expand(self._model.index(0, 0))
        for row in range(everything[0].rowCount()):
            self.expand(everything[0].child(row).index())
        self.setCurrentIndex(self._model.index(0, 0))

    def _add(self, parent: QStandardItem, node: DivisionNode) -> None:
        row = self._row(node.name, node.code, node.households)
        row[0].setToolTip(self.tr("区划代码 {code}，登记 {registered} 户").format(
            code=node.code, registered=node.registered_households))
        parent.appendRow(row)
        for child in node.children:
            self._add(row[0], child)

    @staticmethod
    def _row(name: str, code: str, households: int) -> list[QStandardItem]:
        label, count = QStandardItem(name), QStandardItem(str(households))
        label.setData(code, CODE_ROLE)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [label, count]

    def select_code(self, code: str) -> bool:
        """Select the division with ``code``; False if the tree has none."""
        matches = self._model.match(self._model.index(0, 0), CODE_ROLE, code, 1,
                                    Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        if matches:
            self.setCurrentIndex(matches[0])
        return bool(matches)

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        label = current.siblingAtColumn(0)
        self.sig_division_selected.emit(label.data(CODE_ROLE) or "")
