"""Columns of the household list; ID numbers and phones arrive masked from the service."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from app.services.search import HouseholdRow
from app.ui.records.table_model import Column, LazyRecordTableModel



class HouseholdTableModel(LazyRecordTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], list[HouseholdRow]], parent=None):
        columns = [Column(QCoreApplication.translate("HouseholdTableModel", "户主"), "head_name", "name"),
                   Column(QCoreApplication.translate("HouseholdTableModel", "身份证号码"), "id_number_masked", "id_number"),
                   Column(QCoreApplication.translate("HouseholdTableModel", "联系电话"), "phone_masked", "phone"),
                   Column(QCoreApplication.translate("HouseholdTableModel", "所在村"), "village_name", "village"),
                   Column(QCoreApplication.translate("HouseholdTableModel", "村民小组"), "group_name", "group"),
                   Column(QCoreApplication.translate("HouseholdTableModel", "授权"), "consent_signed", "consent", compact=True),
                   Column(QCoreApplication.translate("HouseholdTableModel", "最近评级"), "grade_mark", compact=True),
                   Column(QCoreApplication.translate("HouseholdTableModel", "更新时间"), "updated_at", "updated")]
        super().__init__(columns, fetch_rows, parent)

    def display(self, column: Column, value: Any) -> str:
        if column.attribute == "consent_signed":
            return QCoreApplication.translate("HouseholdTableModel", "已签") if value else QCoreApplication.translate("HouseholdTableModel", "未签")
        if column.attribute == "grade_mark":  # None: never rated
            return "" if value is None else value or QCoreApplication.translate("HouseholdTableModel", "不予评级")
        if column.attribute == "updated_at":
            return value.strftime("%Y-%m-%d %H:%M")
        return super().display(column, value)

