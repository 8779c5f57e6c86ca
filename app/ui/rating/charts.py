"""The dashboard's two charts (QtCharts): grade distribution, and coverage against the thresholds.

Percentages are display values (floats only here, for drawing); the judgement itself is the
service's exact Decimal arithmetic.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from app.services.ratings import NOT_RATED
from app.services.villages import DivisionReport

GRADES = ("AAA", "AA", "A", "B", "C", NOT_RATED)



def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def grade_chart(report: DivisionReport) -> QChartView:
    """Households per grade of their latest rating, summed over the report's villages."""
    counts = [sum(v.grades.get(grade, 0) for v in report.villages) for grade in GRADES]
    bars = QBarSet(QCoreApplication.translate("RatingCharts", "农户"))
    bars.append([float(n) for n in counts])
    bars.setColor(QColor("#3b7dd8"))
    bars.setLabelColor(QColor("#222222"))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    if any(counts):
        chart = _chart(QCoreApplication.translate("RatingCharts", "等级分布（各户最新评级）"))
    else:
        chart = _chart(QCoreApplication.translate("RatingCharts", "等级分布：尚无评级"))
    chart.addSeries(series)
    chart.legend().setVisible(False)
    labels = [g if g != NOT_RATED else QCoreApplication.translate("RatingCharts", "未评级") for g in GRADES]
    step = _nice_step(max(counts + [5]) / 5)
    _axes(chart, series, labels, max(counts + [5]) * 1.15, "%d", tick=step)
    return _view(chart)


def coverage_values(report: DivisionReport) -> list[tuple[str, Decimal | None, Decimal]]:
    """(label, the division's ratio or None, the scheme's minimum), from summed village counts.

    The non-performing ratio (a maximum of a few percent) is left to the summary line: on the
    same 0–100 % axis its bars would not be seen.
    """
    c, villages = report.criteria, report.villages

    def ratio(part: int, whole: int) -> Decimal | None:
        return Decimal(part) / Decimal(whole) if whole else None

    total = {name: sum(getattr(v.stats, name) for v in villages) for name in (
        "registered_households", "filed_households", "credit_households", "borrowing_households",
        "borrowing_without_overdue")}
    rows = [
        (QCoreApplication.translate("RatingCharts", "建档率"),
         ratio(total["filed_households"], total["registered_households"]), c["village_filed_ratio_min"]),
        (QCoreApplication.translate("RatingCharts", "信用户占比"),
         ratio(total["credit_households"], total["filed_households"]), c["village_credit_household_ratio_min"]),
        (QCoreApplication.translate("RatingCharts", "借款户无逾期"),
         ratio(total["borrowing_without_overdue"], total["borrowing_households"]), c["village_no_overdue_ratio_min"]),
    ]
    if report.townships and "township_credit_village_ratio_min" in c:
        credit_villages = sum(v.evaluation.is_credit_village for v in villages)
        rows.append((QCoreApplication.translate("RatingCharts", "信用村占比"), ratio(credit_villages, len(villages)),
                     c["township_credit_village_ratio_min"]))
    return rows


def coverage_chart(report: DivisionReport) -> QChartView:
    """The division's ratios (percent) beside the credit-village and township thresholds."""
    rows = coverage_values(report)
    actual = QBarSet(QCoreApplication.translate("RatingCharts", "本区划"))
    threshold = QBarSet(QCoreApplication.translate("RatingCharts", "标准"))
    actual.append([float((value or Decimal(0)) * 100) for _label, value, _limit in rows])
    threshold.append([float(limit * 100) for _label, _value, limit in rows])
    actual.setColor(QColor("#2e9d5b"))
    threshold.setColor(QColor("#c9c9c9"))
    for bars in (actual, threshold):
        bars.setLabelColor(QColor("#222222"))
    series = QBarSeries()
    series.append(actual)
    series.append(threshold)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPrecision(3)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart = _chart(QCoreApplication.translate("RatingCharts", "覆盖率与达标标准（%）"))
    chart.addSeries(series)
    _axes(chart, series, [label for label, _value, _limit in rows], 112, "%d%%", tick=20)
    return _view(chart)


def _axes(chart: QChart, series: QBarSeries, labels: list[str], top: float, value_format: str,
          tick: float) -> None:
    """A category axis below and a value axis from 0 to ``top`` (room above for the bar labels)."""
    categories = QBarCategoryAxis()
    categories.append(labels)
    values = QValueAxis()
    values.setRange(0, top)
    values.setLabelFormat(value_format)
    if tick:  # round ticks (0, 20, … 100) on an axis that reaches a little past the top bar
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(tick)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)


def _nice_step(rough: float) -> int:
    """The smallest whole step of 1, 2 or 5 times a power of ten that is at least ``rough``."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if factor * power >= rough:
                return factor * power
        power *= 10
