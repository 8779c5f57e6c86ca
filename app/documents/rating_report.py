"""信用评定表: one household's (or cooperative's) rating, every point explained, for signing.

A4 portrait: who was rated, each indicator's points and reason (long reasons wrap), vetoes,
the village appraisal group's adjustment, the result and the signature lines of the appraisal
group, the loan officer and the supervisor. A household head's ID number is masked.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents.fields import chinese_date, points_text, yuan
from app.documents.layout import (
    CELL_PADDING, GRID, HEADER_FILL, MM, build, cell, page_footer, page_header, para, style,
)
from app.documents.model import RatingReport, ReportItem
from app.documents.text import CJK_FONT
from app.domain.masking import mask_id_number, mask_name
from app.domain.money import format_wan

KIND_LABELS = {"base": "基础", "bonus": "加分", "penalty": "扣分", "veto": "否决"}
ITEM_HEADER = ("指标", "类别", "名称", "得分", "满分", "评分依据")
ITEM_COLUMN_MM = (14, 14, 36, 18, 16, 76)  # 174 mm between the margins
IDENTITY_COLUMN_MM = (26, 62, 30, 56)
SIGNATURE_COLUMN_MM = (44, 52, 26, 52)
SIGNATURES = ("评定小组成员签字", "信贷员", "审核员", "日期")

_CELL = style(9.5, leading=12.5)
_CELL_RIGHT = style(9.5, leading=12.5, align="right")
_CELL_CENTER = style(9.5, leading=12.5, align="center")
_TEXT = style(11, leading=17)
_SECTION = style(12, leading=18, space_after=1 * MM)


def render_rating_report(report: RatingReport, out: Path | BinaryIO) -> int:
    """Write the rating report as a PDF into ``out``; returns the number of pages."""
    household = report.subject.kind == "household"
    title = "农户信用评定表" if household else "农民专业合作社信用评定表"
    story: list[Flowable] = [
        para(title, style(18, align="center", space_after=4 * MM)),
        _identity(report),
        Spacer(1, 3 * MM),
        para("一、评分明细", _SECTION),
        _items(report.items),
        Spacer(1, 3 * MM),
        para("二、得分与否决", _SECTION),
        *_summary(report),
        Spacer(1, 3 * MM),
        # The result and the signatures stay on one page: a signature must sit under what it signs.
        KeepTogether([para("三、评议与结果", _SECTION), *_appraisal(report),
                      Spacer(1, 3 * MM), _signatures()]),
    ]
    name = mask_name(report.subject.name) if household else report.subject.name
    return build(out, story, title=title, decorate=partial(
        _decorate, left=f"{title} · {name}", right=f"{report.scheme_id} 第 {report.scheme_version} 版"))


def _identity(report: RatingReport) -> Table:
    subject = report.subject
    household = subject.kind == "household"
    number = mask_id_number(subject.id_number) if household else subject.id_number
    place = "".join(part for part in (subject.county_name, subject.township_name,
                                       subject.village_name, subject.group) if part)
    rows = [
        ["户主姓名" if household else "合作社名称", subject.name,
         "身份证号码" if household else "统一社会信用代码", number],
        ["所在地", place, "评定日期", chinese_date(report.rated_on)],
        ["评分方案", f"{report.scheme_id}（第 {report.scheme_version} 版）", "计算等级", report.grade],
    ]
    widths = IDENTITY_COLUMN_MM
    data = [[cell(label, _CELL_CENTER, widths[0]), cell(value, _CELL, widths[1]),
             cell(label2, _CELL_CENTER, widths[2]), cell(value2, _CELL, widths[3])]
            for label, value, label2, value2 in rows]
    return _grid(data, widths, header=False)


def _items(items: tuple[ReportItem, ...]) -> Table:
    widths = ITEM_COLUMN_MM
    data: list[list[object]] = [[cell(h, _CELL_CENTER, w) for h, w in zip(ITEM_HEADER, widths)]]
    for item in items:
        points = points_text(item.points, signed=item.kind == "bonus")
        ceiling = "" if item.max_points is None else points_text(item.max_points)
        data.append([
            cell(item.indicator, _CELL_CENTER, widths[0]),
            cell(KIND_LABELS[item.kind], _CELL_CENTER, widths[1]), cell(item.name, _CELL, widths[2]),
            cell(points, _CELL_RIGHT, widths[3]), cell(ceiling, _CELL_RIGHT, widths[4]),
            cell(item.reason, _CELL, widths[5])])
    return _grid(data, widths, header=True)


def _summary(report: RatingReport) -> list[Flowable]:
    penalty = f"-{points_text(report.penalty)}" if report.penalty else points_text(report.penalty)
    scores = (f"基础分 {points_text(report.base)}，激励加分 {points_text(report.bonus, signed=True)}，"
              f"约束扣分 {penalty}，计算得分 {points_text(report.score)}，计算等级 {report.grade}。")
    vetoes = "；".join(report.vetoes) if report.vetoes else "无"
    return [para(scores, _TEXT), para(f"一票否决：{vetoes}", _TEXT)]


def _appraisal(report: RatingReport) -> list[Flowable]:
    appraisal = report.appraisal
    if appraisal is None:
        lines = ["评议调整：无"]
    else:
        appraisers = "、".join(appraisal.appraisers) or "（未记录）"
        lines = [f"评议调整：{points_text(appraisal.points, signed=True)} 分",
                 f"调整理由：{appraisal.reason}", f"参加评议：{appraisers}"]
    lines.append(f"最终得分 {points_text(report.final_score)}，最终等级 {report.final_grade}，"
                 f"建议授信额度 {format_wan(report.credit_line)}（{yuan(report.credit_line)}）。")
    return [para(line, _TEXT) for line in lines] + [para(note, _TEXT) for note in report.notes]


def _signatures() -> Table:
    """Two rows of labelled blank lines to sign on."""
    label = style(11, leading=16)
    widths = SIGNATURE_COLUMN_MM
    data = [[cell(f"{SIGNATURES[0]}：", label, widths[0]), "", "", ""],
            [cell(f"{SIGNATURES[1]}：", label, widths[0]), "",
             cell(f"{SIGNATURES[2]}：", label, widths[2]), ""],
            [cell(f"{SIGNATURES[3]}：", label, widths[0]), "", "", ""]]
    table = Table(data, colWidths=[w * MM for w in widths], rowHeights=[10 * MM] * 3)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), CJK_FONT, 11),
        ("SPAN", (1, 0), (3, 0)),
        ("LINEBELOW", (1, 0), (3, 0), 0.6, GRID),
        ("LINEBELOW", (1, 1), (1, 1), 0.6, GRID),
        ("LINEBELOW", (3, 1), (3, 1), 0.6, GRID),
        ("LINEBELOW", (1, 2), (1, 2), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (0, -1), 0),  # labels line up with the text above
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]))
    return table


def _grid(data: list[list[object]], widths_mm: tuple[float, ...], *, header: bool) -> Table:
    table = Table(data, colWidths=[w * MM for w in widths_mm], repeatRows=1 if header else 0)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), CJK_FONT, 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    else:
        commands += [("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                     ("BACKGROUND", (2, 0), (2, -1), HEADER_FILL)]
    table.setStyle(TableStyle(commands))
    return table


def _decorate(canvas: Canvas, number: int, total: int, *, left: str, right: str) -> None:
    if number > 1:
        page_header(canvas, f"{left}（续）")
    page_footer(canvas, number, total, left=left, right=right)

