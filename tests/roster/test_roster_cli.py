"""``export-template``, ``import`` and ``export`` on the command line: one-line errors, exit codes."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.cli import main
from tests.roster.roster_helpers import PASSWORDS, fill_template, setup_store, unsigned_households

BASIC = {"basic", "consent", "members", "collection"}


@pytest.fixture
def as_user(monkeypatch):
    def login(name: str) -> None:
        monkeypatch.setenv("CREDIT_VILLAGE_USER", name)
        monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", PASSWORDS[name])
    return login


def roster_with_a_bad_cell(data_dir, path, cell: str):
    """Two households whose ``cell`` on the main sheet has an education level not in the list."""
    villages = setup_store(data_dir)
    fill_template(path, unsigned_households(villages, 2), sections=BASIC)
    workbook = load_workbook(path)
    workbook["农户"][cell] = "博士"
    workbook.save(path)
    return path


def test_template_writes_a_workbook_without_logging_in(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["template", "--form", "cooperative", "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "合作社"
    assert "导入模板已保存" in capsys.readouterr().out


def test_dry_run_reports_rows_and_stores_nothing_then_import_stores(data_dir, tmp_path, capsys, as_user):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", unsigned_households(villages, 3), sections=BASIC)
    as_user("loan")
    assert main(["import", str(path), "--dry-run", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "新建 3 户" in out and "未保存" in out
    assert main(["import", "households", str(path), "--data-dir", str(data_dir)]) == 0
    assert "已导入：新建 3 户" in capsys.readouterr().out
    assert main(["import", str(path), "--data-dir", str(data_dir)]) == 0
    assert "更新 3 户" in capsys.readouterr().out


def test_bad_rows_print_sheet_row_and_column_and_write_the_error_workbook(data_dir, tmp_path, capsys,
                                                                          as_user):
    path = roster_with_a_bad_cell(data_dir, tmp_path / "r.xlsx", "G2")
    errors = tmp_path / "errors.xlsx"
    as_user("loan")
    code = main(["import", str(path), "--errors", str(errors), "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert code == 1
    assert "农户 第 2 行 户主文化程度：户主文化程度没有“博士”这个选项" in out
    assert "全部未导入" in out
    sheet = load_workbook(errors)["错误清单"]
    assert [c.value for c in sheet[2]][:4] == ["农户", 2, "户主文化程度", "错误"]


def test_a_refused_file_and_a_refused_role_are_one_line_errors(data_dir, tmp_path, capsys, as_user):
    setup_store(data_dir)
    bogus = tmp_path / "r.xlsx"
    bogus.write_text("not a workbook")
    as_user("loan")
    assert main(["import", str(bogus), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "不是有效的 .xlsx" in err
    assert main(["export", "--out", str(tmp_path / "x.xlsx"), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "导出数据" in err


def test_a_supervisor_exports_a_village(data_dir, tmp_path, capsys, as_user):
    villages = setup_store(data_dir)
    documents = unsigned_households(villages, 3)
    path = fill_template(tmp_path / "r.xlsx", documents, sections=BASIC)
    as_user("loan")
    assert main(["import", str(path), "--data-dir", str(data_dir)]) == 0
    village = documents[0]["village_code"]
    expected = sum(1 for d in documents if d["village_code"] == village)
    as_user("super")
    out = tmp_path / "v.xlsx"
    assert main(["export", "--village", village, "--out", str(out), "--data-dir", str(data_dir)]) == 0
    assert f"已导出 {expected} 户" in capsys.readouterr().out
    assert load_workbook(out)["农户"].max_row == expected + 1


def test_the_issues_spellings_template_import_and_export_a_village(data_dir, tmp_path, capsys, as_user):
    villages = setup_store(data_dir)
    template = tmp_path / "模板.xlsx"
    assert main(["export-template", "cooperatives", str(template)]) == 0
    assert load_workbook(template).sheetnames[0] == "合作社"
    documents = unsigned_households(villages, 3)
    path = fill_template(tmp_path / "r.xlsx", documents, sections=BASIC)
    as_user("loan")
    assert main(["import", "households", str(path), "--dry-run", "--data-dir", str(data_dir)]) == 0
    assert main(["import", "households", str(path), "--data-dir", str(data_dir)]) == 0
    assert not (tmp_path / "r-错误.xlsx").exists()  # nothing rejected: no error workbook
    village = documents[0]["village_code"]
    as_user("super")
    out = tmp_path / "v.xlsx"
    capsys.readouterr()
    assert main(["export", "households", str(out), "--village", village, "--data-dir", str(data_dir)]) == 0
    expected = sum(1 for d in documents if d["village_code"] == village)
    assert f"已导出 {expected} 户" in capsys.readouterr().out
    assert load_workbook(out)["农户"].max_row == expected + 1


def test_rejected_rows_go_to_an_error_workbook_beside_the_input_by_default(data_dir, tmp_path, capsys,
                                                                           as_user):
    path = roster_with_a_bad_cell(data_dir, tmp_path / "花名册.xlsx", "G3")
    as_user("loan")
    assert main(["import", "households", str(path), "--data-dir", str(data_dir)]) == 1
    errors = tmp_path / "花名册-错误.xlsx"
    assert f"问题清单已保存：{errors}" in capsys.readouterr().out
    rows = [[c.value for c in row][:4] for row in load_workbook(errors)["错误清单"].iter_rows(min_row=2)]
    assert rows == [["农户", 3, "户主文化程度", "错误"]]


@pytest.mark.parametrize("argv", [
    ["export-template", "farms", "x.xlsx"],
    ["import", "households", "a.xlsx", "b.xlsx"],
    ["export", "households"],
])
def test_a_wrong_spelling_is_a_one_line_usage_error(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "用法" in err
