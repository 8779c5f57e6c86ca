"""Columns of the cooperative list."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from app.services.search import CooperativeRow
from app.ui.records.table_model import Column, LazyRecordTableModel



class CooperativeTableModel(LazyRecordTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], list[CooperativeRow]], parent=None):
        columns = [Column(QCoreApplication.translate("CooperativeTableModel", "合作社名称"), "name", "name"),
                   Column(QCoreApplication.translate("CooperativeTableModel", "统一社会信用代码"), "uscc", "uscc"),
                   Column(QCoreApplication.translate("CooperativeTableModel", "法定代表人"), "legal_rep_name", "legal_rep"),
                   Column(QCoreApplication.translate("CooperativeTableModel", "联系电话"), "phone_masked", "phone"),
                   Column(QCoreApplication.translate("CooperativeTableModel", "所在村"), "village_name", "village"),
                   Column(QCoreApplication.translate("CooperativeTableModel", "更新时间"), "updated_at", "updated")]
        super().__init__(columns, fetch_rows, parent)

    def display(self, column: Column, value: Any) -> str:
        if column.attribute == "updated_at":
            return value.strftime("%Y-%m-%d %H:%M")
        return super().display(column, value)
