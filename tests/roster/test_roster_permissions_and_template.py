"""Who may import what, and what the template offers a person filling it in."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.security.roles import PermissionDenied
from app.services.roster import make_template, preview_import
from app.store.models import AuditEntry
from tests.roster.roster_helpers import (TODAY, demo_households, fill_template, setup_store, unlock)


@pytest.mark.parametrize("user", ["super", "viewer"])
def test_roles_without_the_import_permission_are_refused_and_audited(data_dir, tmp_path, user):
    setup_store(data_dir)
    path = tmp_path / "t.xlsx"
    make_template("household", path)
    ws = unlock(data_dir, user)
    with pytest.raises(PermissionDenied):
        preview_import(ws, path, today=TODAY)
    with ws.db.session() as session:
        denied = session.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "permission_denied")).all()
    ws.close()
    assert {"permission": "import", "role": ws.actor.role} in denied


def test_a_township_officer_cannot_import_income_and_is_told_per_cell(data_dir, tmp_path):
    villages = setup_store(data_dir)
    documents = [d for d in demo_households(villages, 10) if d["consent"]["signed"]][:2]
    path = fill_template(tmp_path / "all.xlsx", documents)
    ws = unlock(data_dir, "town")
    preview = preview_import(ws, path, today=TODAY)
    ws.close()
    refused = {p.place.column for p in preview.errors if p.problem.code == "roster.not_permitted"}
    assert {"家庭上年纯收入", "家庭总资产", "主要经营类型"} <= refused
    assert all("乡镇工作人员" in p.message for p in preview.errors
               if p.problem.code == "roster.not_permitted")


def test_the_template_has_dropdowns_help_frozen_headers_text_ids_and_instructions(tmp_path):
    path = tmp_path / "t.xlsx"
    make_template("household", path)
    workbook = load_workbook(path)
    assert workbook.sheetnames[:6] == ["农户", "家庭成员", "土地", "借款", "荣誉表彰", "不良行为记录"]
    assert "填写说明" in workbook.sheetnames and workbook["选项"].sheet_state == "hidden"
    main = workbook["农户"]
    headers = {str(c.value).splitlines()[-1]: c for c in main[1]}
    assert str(headers["head_name"].value) == "户主姓名*\nhead_name"
    assert "身份证" in headers["head_name"].comment.text
    assert main.freeze_panes == "A2"
    education = headers["head_education"].column_letter
    rules = {str(r.sqref).split(":")[0]: r for r in main.data_validations.dataValidation}
    choices = rules[f"{education}2"].formula1
    options = [row[0].value for row in workbook["选项"][choices.split("!")[1].replace("$", "")]]
    assert options == ["大专及以上", "高中或中专", "初中", "小学", "未上过学"]
    id_column = headers["head_id_number"].column_letter
    assert main.column_dimensions[id_column].number_format == "@"
    assert main.column_dimensions[id_column].width >= 20
    members = workbook["家庭成员"]
    assert str(members["A1"].value).startswith("户主身份证号码")


def test_a_cooperative_template_is_keyed_by_the_credit_code(tmp_path):
    path = tmp_path / "c.xlsx"
    make_template("cooperative", path)
    workbook = load_workbook(path)
    assert workbook.sheetnames[:2] == ["合作社", "不良记录"]
    assert str(workbook["不良记录"]["A1"].value) == "统一社会信用代码*\nuscc"
