"""Files refused as a whole, quickly and in one Chinese sentence: type, size, macros, bombs, rows."""
from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.roster.limits import ImportLimits, RosterFileError
from app.roster.reader import read_workbook
from app.services.roster import make_template

SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet '
              'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
                  '</sheetData></worksheet>')


def _with_sheet(tmp_path: Path, name: str, sheet_xml: bytes | str, extra: dict | None = None,
                part: str = "xl/worksheets/sheet1.xml") -> Path:
    """The household template with one part (the first sheet) replaced, ``extra`` parts added."""
    template = tmp_path / "template.xlsx"
    make_template("household", template)
    target = tmp_path / name
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = sheet_xml if item.filename == part else source.read(item)
            out.writestr(item.filename, data)
        for part, data in (extra or {}).items():
            out.writestr(part, data)
    return target


def _rows_xml(count: int, dimension: str | None) -> bytes:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, count + 1))
    head = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (SHEET_HEAD + head + "<sheetData>" + rows + "</sheetData></worksheet>").encode()


def _refusal(path: Path, limits: ImportLimits = ImportLimits()) -> str:
    with pytest.raises(RosterFileError) as caught:
        read_workbook(path, limits)
    return caught.value.problem.code


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("name, content, code", [
    ("roster.xlsm", b"PK anything", "roster.file_type"),
    ("roster.xls", b"\xd0\xcf\x11\xe0", "roster.file_type"),
    ("roster.txt", "户主姓名\n张三\n".encode(), "roster.file_type"),
    ("roster.xlsx", b"this is not a zip file", "roster.not_xlsx"),
])
def test_files_that_are_not_plain_xlsx_are_refused(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    assert _refusal(path) == code


def test_a_workbook_carrying_vba_macros_is_refused_whatever_its_name(tmp_path):
    path = _with_sheet(tmp_path, "macro.xlsx", _rows_xml(2, None), {"xl/vbaProject.bin": b"\0" * 64})
    assert _refusal(path) == "roster.macro"


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "t.xlsx"
    make_template("household", path)
    assert _refusal(path, ImportLimits(max_file_bytes=1_000)) == "roster.too_big"


def test_a_zip_bomb_is_refused_from_the_zip_directory_alone(tmp_path):
    bomb = SHEET_HEAD.encode() + b" " * 20_000_000 + b"</worksheet>"
    path = _with_sheet(tmp_path, "bomb.xlsx", bomb)
    started = time.perf_counter()
    assert _refusal(path) == "roster.zip_bomb"
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "docProps/core.xml"])
def test_an_xml_entity_bomb_is_refused_wherever_it_hides(tmp_path, part):
    path = _with_sheet(tmp_path, "laughs.xlsx", BILLION_LAUGHS, part=part)
    assert _refusal(path) == "roster.xml_unsafe"


def test_a_sheet_declaring_a_million_rows_is_refused_before_reading_them(tmp_path):
    path = _with_sheet(tmp_path, "big.xlsx", _rows_xml(3, "A1:A1000001"))
    started = time.perf_counter()
    assert _refusal(path) == "roster.too_many_rows"
    assert time.perf_counter() - started < 1.0


def test_a_sheet_hiding_its_size_is_refused_once_the_row_limit_is_passed(tmp_path):
    path = _with_sheet(tmp_path, "long.xlsx", _rows_xml(1_000_000, None))
    started = time.perf_counter()
    assert _refusal(path) == "roster.too_many_rows"
    assert time.perf_counter() - started < 3.0


def test_too_many_columns_are_refused(tmp_path):
    cells = "".join(f'<c r="{openpyxl.utils.get_column_letter(n)}1"><v>1</v></c>' for n in range(1, 301))
    sheet = SHEET_HEAD + f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    assert _refusal(_with_sheet(tmp_path, "wide.xlsx", sheet)) == "roster.too_many_columns"


def test_refusals_are_one_chinese_sentence(tmp_path):
    path = tmp_path / "roster.xlsm"
    path.write_bytes(b"x")
    with pytest.raises(RosterFileError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert "\n" not in message and "宏" in message and ".xlsx" in message
