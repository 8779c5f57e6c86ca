"""The lazy table model alone: Qt's model tester, paging and a vanished record."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.ui.households.table_model import HouseholdTableModel
from app.ui.records.table_model import PAGE_SIZE


@dataclass(frozen=True)
class Row:
    id: str
    head_name: str = "张三"
    id_number_masked: str = "4451**********1234"
    phone_masked: str = "138****5678"
    village_name: str = "东美村"
    group_name: str = "第1村民小组"
    consent_signed: bool = True
    updated_at: datetime = datetime(2026, 11, 28, 9, 30)
    grade_mark: str | None = "AA"


class CountingFetcher:
    def __init__(self, missing: set[str] = frozenset()):
        self.calls: list[int] = []
        self.missing = missing

    def __call__(self, ids: list[str]) -> list[Row]:
        self.calls.append(len(ids))
        return [Row(i, head_name=f"户主{i}") for i in ids if i not in self.missing]


def test_model_passes_qt_model_tester(app, qtmodeltester):
    model = HouseholdTableModel(CountingFetcher())
    model.set_ids([str(i) for i in range(1000)])
    qtmodeltester.check(model)


def test_only_the_pages_shown_are_fetched(app):
    fetcher = CountingFetcher()
    model = HouseholdTableModel(fetcher)
    model.set_ids([str(i) for i in range(100_000)])
    assert model.rowCount() == 100_000
    assert model.index(0, 0).data() == "户主0"
    assert model.index(PAGE_SIZE * 300 + 5, 0).data() == f"户主{PAGE_SIZE * 300 + 5}"
    assert fetcher.calls == [PAGE_SIZE, PAGE_SIZE]
    model.index(3, 0).data()
    assert len(fetcher.calls) == 2  # cached


def test_a_record_deleted_since_listing_leaves_an_empty_row_not_a_shifted_list(app):
    model = HouseholdTableModel(CountingFetcher(missing={"1"}))
    model.set_ids(["0", "1", "2"])
    assert model.index(1, 0).data() is None
    assert model.index(2, 0).data() == "户主2"


def test_cells_format_consent_and_time_in_chinese(app):
    model = HouseholdTableModel(CountingFetcher())
    model.set_ids(["7"])
    assert model.index(0, 5).data() == "已签"
    assert model.index(0, 6).data() == "AA"
    assert model.index(0, 7).data() == "2026-11-28 09:30"


@pytest.mark.parametrize("mark, shown", [(None, ""), ("", "不予评级"), ("BBB", "BBB")])
def test_the_grade_column_tells_never_rated_from_rated_without_a_grade(app, mark, shown):
    model = HouseholdTableModel(lambda ids: [Row(i, grade_mark=mark) for i in ids])
    model.set_ids(["7"])
    assert model.headerData(6, Qt.Orientation.Horizontal) == "最近评级" and model.index(0, 6).data() == shown
