"""Columns of the household list; ID numbers and phones arrive masked from the service."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from app.services.search import HouseholdRow
from app.ui.records.table_model import Column, LazyRecordTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseholdTableModel", text)


class HouseholdTableModel(LazyRecordTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], list[HouseholdRow]], parent=None):
        columns = [Column(_t("户主"), "head_name", "name"),
                   Column(_t("身份证号码"), "id_number_masked", "id_number"),
                   Column(_t("联系电话"), "phone_masked", "phone"),
                   Column(_t("所在村"), "village_name", "village"),
                   Column(_t("村民小组"), "group_name", "group"),
                   Column(_t("授权"), "consent_signed", "consent"),
                   Column(_t("更新时间"), "updated_at", "updated")]
        super().__init__(columns, fetch_rows, parent)

    def display(self, column: Column, value: Any) -> str:
        if column.attribute == "consent_signed":
            return _t("已签") if value else _t("未签")
        if column.attribute == "updated_at":
            return value.strftime("%Y-%m-%d %H:%M")
        return super().display(column, value)
