"""Columns of the cooperative list."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from app.services.search import CooperativeRow
from app.ui.records.table_model import Column, LazyRecordTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("CooperativeTableModel", text)


class CooperativeTableModel(LazyRecordTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], list[CooperativeRow]], parent=None):
        columns = [Column(_t("合作社名称"), "name", "name"),
                   Column(_t("统一社会信用代码"), "uscc", "uscc"),
                   Column(_t("法定代表人"), "legal_rep_name", "legal_rep"),
                   Column(_t("联系电话"), "phone_masked", "phone"),
                   Column(_t("所在村"), "village_name", "village"),
                   Column(_t("更新时间"), "updated_at", "updated")]
        super().__init__(columns, fetch_rows, parent)

    def display(self, column: Column, value: Any) -> str:
        if column.attribute == "updated_at":
            return value.strftime("%Y-%m-%d %H:%M")
        return super().display(column, value)
