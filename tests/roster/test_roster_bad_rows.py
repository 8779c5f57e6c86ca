"""Bad rows: each problem named by sheet, row and column in Chinese; nothing stored unless asked."""
from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import func, select

from app.services.roster import commit_import, preview_import
from app.store.models import Household
from tests.roster.roster_helpers import TODAY, fill_template, setup_store, unlock, unsigned_households

BASIC = {"basic", "consent", "members", "collection"}


def _unsigned(villages, count):
    return unsigned_households(villages, count)


def _edit(path, sheet, cell, value):
    workbook = load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(path)


def _count(ws) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(Household))


def test_each_bad_cell_is_reported_by_sheet_row_and_column_and_nothing_is_stored(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 3), sections=BASIC)
    _edit(path, "农户", "E3", "440522197503081235")  # wrong check character, row 3
    _edit(path, "农户", "G4", "博士")  # not a choice of 户主文化程度, row 4
    _edit(path, "家庭成员", "D2", "邻居")  # not a relation
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    found = {(p.place.sheet, p.place.row, p.place.column) for p in preview.errors}
    assert ("农户", 3, "户主身份证号码") in found
    assert ("农户", 4, "户主文化程度") in found
    assert ("家庭成员", 2, "与户主关系") in found
    assert any("校验" in p.message for p in preview.errors)
    assert all(p.line().startswith(p.place.sheet + " 第 ") for p in preview.problems)
    summary = commit_import(ws, preview, today=TODAY)
    assert not summary.stored and _count(ws) == 0
    ws.close()


def test_good_rows_only_stores_the_rows_without_errors(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 3), sections=BASIC)
    _edit(path, "农户", "D2", None)  # head name missing
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    assert preview.error_rows == 1
    summary = commit_import(ws, preview, good_rows_only=True, today=TODAY)
    assert (summary.stored, summary.created, summary.skipped) == (True, 2, 1)
    assert _count(ws) == 2
    ws.close()


def test_an_id_number_stored_as_a_number_is_refused_with_the_fix(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 1), sections=BASIC)
    _edit(path, "农户", "E2", 4.40522197503081e17)
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    messages = [p.message for p in preview.errors if (p.place.sheet, p.place.row) == ("农户", 2)]
    assert len(messages) == 1 and "文本" in messages[0] and "数字" in messages[0]


def test_a_head_twice_in_one_file_and_an_orphan_member_row_are_errors(data_dir, tmp_path):
    villages = setup_store(data_dir)
    documents = _unsigned(villages, 2)
    documents[1] = dict(documents[1], head_id_number=documents[0]["head_id_number"])
    path = fill_template(tmp_path / "r.xlsx", documents, sections=BASIC)
    workbook = load_workbook(path)
    workbook["家庭成员"].append(["440522195001150482", "王五", "440522195001150482", "配偶"])
    workbook.save(path)
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    codes = {p.problem.code for p in preview.errors}
    assert {"roster.key_repeated", "roster.orphan"} <= codes


def test_headers_in_data_standard_names_only_are_accepted(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 2), sections=BASIC)
    workbook = load_workbook(path)
    for sheet in workbook.worksheets[:2]:
        for cell in sheet[1]:
            if cell.value:
                cell.value = str(cell.value).splitlines()[-1]  # "head_name", no Chinese
    workbook["农户"].title = "household"
    workbook.save(path)
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    assert preview.errors == [] and preview.created == 2


def test_an_unknown_village_code_is_an_error_before_anything_is_stored(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 1), sections=BASIC)
    _edit(path, "农户", "A2", "445122999999")
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    assert [p.problem.code for p in preview.errors] == ["roster.village_unknown"]


def test_a_masked_export_cannot_be_imported_and_says_why(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", _unsigned(villages, 1), sections=BASIC)
    _edit(path, "农户", "E2", "4405**********1236")
    _edit(path, "农户", "F2", "138****5678")
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    masked = {(p.place.row, p.place.column) for p in preview.errors if p.problem.code == "roster.masked"}
    assert masked == {(2, "户主身份证号码"), (2, "户主联系电话")}
