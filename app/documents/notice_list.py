"""公示名单: the list of proposed credit households posted on the village board.

A4 portrait: the notice text (period, where and how to object), a table whose header repeats
on every page, the issuing body and date, and "第 X 页 共 Y 页" with the notice period at the
foot of every page, so that a page torn off the board still says what it is. ID numbers are
masked with THE masking rule; the full number never reaches the PDF.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.documents.fields import chinese_date, points_text
from app.documents.layout import (
    CELL_PADDING, GRID, HEADER_FILL, INDENT, MM, build, cell, page_footer, page_header, para, style,
)
from app.documents.model import NoticeList, NoticeRow
from app.documents.text import CJK_FONT, LATIN_FONT
from app.domain.masking import mask_id_number

HEADER = ("序号", "户主姓名", "身份证号码", "村民小组", "拟评等级", "评定得分")
# Millimetres; they add up to the 174 mm between the margins of an A4 portrait page.
COLUMN_MM = (13, 42, 47, 32, 19, 21)
TABLE_SIZE = 10.0


def render_notice_list(notice: NoticeList, out: Path | BinaryIO) -> int:
    """Write the notice list as a PDF into ``out``; returns the number of pages."""
    title = f"{notice.village_name}信用户评定结果公示"
    story: list[Flowable] = [
        para(title, style(20, align="center", space_after=4 * MM)),
        *_notice_text(notice),
        _table(notice.rows),
        Spacer(1, 8 * MM),
        para(f"公示单位：{notice.issuing_body}（盖章）", style(12, align="right", leading=22)),
        para(chinese_date(notice.printed_on), style(12, align="right", leading=22)),
    ]
    return build(out, story, title=title, decorate=partial(_decorate, notice=notice, title=title))


def _notice_text(notice: NoticeList) -> list[Flowable]:
    """What is being posted, for how long, and where and how to object."""
    body = style(12, leading=21)
    contact = notice.objection_contact
    person = f"（联系人：{contact.person}）" if contact.person else ""
    days = (notice.notice_end - notice.notice_start).days + 1
    return [
        para(f"{INDENT}经{notice.village_name}信用评定小组评议，拟评定以下 {len(notice.rows)} 户农户为"
             f"信用户，现予公示。", body),
        para(f"{INDENT}公示期：{chinese_date(notice.notice_start)}至{chinese_date(notice.notice_end)}"
             f"（共 {days} 天）。", body),
        para(f"{INDENT}如有异议，请在公示期内到{contact.place}当面反映，或拨打电话 {contact.phone}"
             f"{person}。异议须说明事实和理由，评定小组将复核并在 20 日内答复。",
             style(12, leading=21, space_after=4 * MM)),
    ]


def _table(rows: tuple[NoticeRow, ...]) -> Table:
    """The households, one row each, with a header row that repeats after every page break."""
    text = style(TABLE_SIZE, leading=TABLE_SIZE * 1.35)
    data: list[list[object]] = [list(HEADER)]
    for number, row in enumerate(rows, start=1):
        data.append([str(number), cell(row.head_name, text, COLUMN_MM[1]),
                     mask_id_number(row.id_number), cell(row.group, text, COLUMN_MM[3]),
                     row.proposed_grade, points_text(row.score)])
    table = Table(data, colWidths=[w * MM for w in COLUMN_MM], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), CJK_FONT, TABLE_SIZE + 0.5),
        ("FONT", (0, 1), (-1, -1), LATIN_FONT, TABLE_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _decorate(canvas: Canvas, number: int, total: int, *, notice: NoticeList, title: str) -> None:
    """Running header from page 2 on; on every page the page number and the notice period."""
    if number > 1:
        page_header(canvas, f"{title}（续）")
    period = f"公示期 {chinese_date(notice.notice_start)}至{chinese_date(notice.notice_end)}"
    page_footer(canvas, number, total, left=notice.issuing_body, right=period)
