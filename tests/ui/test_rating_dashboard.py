"""The credit-village dashboard: the report's villages in the table, the charts drawn from it."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView

from app.services.villages import village_report
from app.ui.rating.charts import coverage_values
from app.ui.rating.dashboard import VillagesDashboard
from app.ui.workers import wait_for_tasks
from tests.conftest import DEMO_TODAY

SHOTS = Path("/tmp/shots")


def _open(qtbot, ws, code, name) -> VillagesDashboard:
    dashboard = VillagesDashboard(ws, code, name, on=DEMO_TODAY)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.sig_loaded, timeout=20_000) as loaded:
        dashboard.show()
    assert loaded.args == [True]
    return dashboard


@pytest.mark.parametrize("code, name", [(None, "全部区划"), ("445102100000", "意溪镇")], ids=["city", "township"])
def test_the_dashboard_lists_every_village_with_its_verdict_and_draws_two_charts(app, qtbot, demo_ws, code, name):
    dashboard = _open(qtbot, demo_ws, code, name)
    report = village_report(demo_ws, code, DEMO_TODAY)
    model = dashboard.model
    assert model.rowCount() == len(report.villages) > 0
    for row, village in enumerate(report.villages):
        assert model.index(row, 0).data() == village.name and village.code in model.index(row, 0).data(3)
        assert model.index(row, 9).data() == ("是" if village.evaluation.is_credit_village else "否")
        assert model.index(row, 10).data() == "；".join(f.message for f in village.evaluation.failures)
    assert dashboard.townships.rowCount() == len(report.townships)
    assert len(dashboard.findChildren(QChartView)) == 2
    met = sum(v.evaluation.is_credit_village for v in report.villages)
    assert f"{len(report.villages)} 个村，达到信用村标准 {met} 个" in dashboard.summary.text()
    SHOTS.mkdir(exist_ok=True)
    dashboard.grab().save(str(SHOTS / f"villages-dashboard-{'city' if code is None else 'township'}.png"))
    wait_for_tasks()


def test_coverage_is_the_summed_ratio_beside_each_threshold(demo_ws):
    report = village_report(demo_ws, None, DEMO_TODAY)
    rows = {label: (value, limit) for label, value, limit in coverage_values(report)}
    filed = sum(v.stats.filed_households for v in report.villages)
    registered = sum(v.stats.registered_households for v in report.villages)
    assert rows["建档率"][0] * registered == filed and rows["建档率"][1] == report.criteria["village_filed_ratio_min"]
    assert set(rows) == {"建档率", "信用户占比", "借款户无逾期", "信用村占比"}


def test_a_refusal_is_shown_not_raised(app, qtbot, demo_dir):
    from tests.conftest import login

    admin = login(demo_dir, "admin")
    try:
        dashboard = VillagesDashboard(admin, None, "全部区划", on=DEMO_TODAY)
        qtbot.addWidget(dashboard)
        with qtbot.waitSignal(dashboard.sig_loaded, timeout=10_000) as loaded:
            dashboard.show()
        assert loaded.args == [False] and "无法统计" in dashboard.summary.text()
    finally:
        wait_for_tasks()
        admin.close()
