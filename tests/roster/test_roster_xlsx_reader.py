"""The fast workbook reader gives the values openpyxl gives, for what Excel and others write."""
from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from app.roster.reader import read_workbook


def _openpyxl_values(path) -> list[tuple[str, list[tuple]]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        sheet.reset_dimensions()
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        out.append((sheet.title, rows))
    workbook.close()
    return out


def _ours(path) -> list[tuple[str, list[tuple]]]:
    return [(s.title, [tuple(s.header)] + [r for _n, r in s.rows]) for s in read_workbook(path)]


def _trim(sheets):
    """Rows without trailing blanks, blank rows dropped (how the import sees them)."""
    def row(values):
        values = list(values)
        while values and values[-1] in (None, ""):
            values.pop()
        return tuple(values)
    return [(title, [row(r) for r in rows if row(r)]) for title, rows in sheets]


def _styled_workbook(path, epoch1904: bool) -> None:
    workbook = openpyxl.Workbook()
    if epoch1904:
        workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "农户"
    sheet.append(["户主姓名*\nhead_name", "出生日期", "是否", "金额", "身份证", "错误"])
    rich = CellRichText([TextBlock(InlineFont(b=True), "张"), "三"])
    sheet.append([rich, date(1975, 3, 8), True, 85000.5, "440522197503081234", "#N/A"])
    sheet.append(["李四", datetime(2024, 2, 29, 0, 0), False, 3, "44052219750308123X", None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["=HYPERLINK(\"x\")", None, None, -0.25, None, None])
    sheet["A5"].data_type = "s"
    hidden = workbook.create_sheet("选项")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    other = workbook.create_sheet("家庭成员")
    other.append(["户主身份证号码", "姓名", "与户主关系"])
    other["C7"] = "只有一格"
    workbook.save(path)


@pytest.mark.parametrize("epoch1904", [False, True])
def test_values_match_openpyxl_for_a_styled_workbook(tmp_path, epoch1904):
    path = tmp_path / "styled.xlsx"
    _styled_workbook(path, epoch1904)
    assert _trim(_ours(path)) == _trim(_openpyxl_values(path))
    assert _ours(path)[0][1][1][1] == datetime(1975, 3, 8)


def test_prefixed_names_inline_strings_and_cells_without_references_are_read(tmp_path):
    path = tmp_path / "prefixed.xlsx"
    _styled_workbook(path, False)
    sheet = ('<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c t="inlineStr"><x:is>'
             '<x:r><x:t>户主</x:t></x:r><x:r><x:t>姓名</x:t></x:r></x:is></x:c><x:c><x:v>7</x:v>'
             '</x:c></x:row><x:row><x:c r="B2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData>'
             '</x:worksheet>')
    copy = tmp_path / "copy.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as out:
        for item in source.infolist():
            data = sheet.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            out.writestr(item, data)
    first = read_workbook(copy)[0]
    assert first.header == ["户主姓名", 7]
    assert first.rows == [(2, (None, True))]
