"""A bad questionnaire is refused at load with "file: field: fault", one case per fault."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Callable

import pytest
import yaml

from app.survey.definition import FormError, load_form
from app.survey.form_model import FIELD_TYPES

EDUCATION = [{"code": c, "label": l} for c, l in (
    ("college", "大专及以上"), ("high_school", "高中"), ("junior_high", "初中"),
    ("primary", "小学"), ("none", "未上学"))]
BASE = {
    "kind": "questionnaire", "form_id": "household", "version": 1,
    "record_type": "household", "title": "测试表",
    "sections": [{"id": "basic", "label": "基本信息", "sensitivity": "identity", "fields": [
        {"name": "head_name", "type": "text", "label": "户主姓名", "required": True},
        {"name": "head_education", "type": "single_choice", "label": "户主文化程度",
         "choices": EDUCATION},
        {"name": "years_resident", "type": "integer", "label": "居住年限", "min": 0, "max": 120},
        {"name": "consent.signed", "type": "boolean", "label": "已签授权书"},
        {"name": "members", "type": "repeat", "label": "家庭成员", "fields": [
            {"name": "name", "type": "text", "label": "姓名"},
            {"name": "is_labour", "type": "boolean", "label": "是否劳动力"}]},
        {"name": "labour_count", "type": "integer", "label": "劳动力人数",
         "compute": "count(members, is_labour == true)"},
    ]}],
}
Mutation = Callable[[dict], None]


def fields(form: dict) -> list[dict]:
    return form["sections"][0]["fields"]


def field(form: dict, name: str) -> dict:
    return next(f for f in fields(form) if f["name"] == name)


def assets_without_consent_question(form: dict) -> None:
    fields(form).remove(field(form, "consent.signed"))
    fields(form).append({"name": "total_assets", "type": "money", "label": "总资产",
                         "sensitivity": "economic"})


def write(folder: Path, data: object) -> Path:
    path = folder / "household.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_the_base_definition_of_these_cases_is_good(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    assert load_form("household", folder=tmp_path).field("labour_count") is not None


CASES: list[tuple[str, Mutation, str, str]] = [
    ("unknown type", lambda f: field(f, "years_resident").update(type="number"),
     "years_resident", "未知字段类型“number”，可用类型：" + ", ".join((*FIELD_TYPES, "repeat"))),
    ("unknown choice code", lambda f: field(f, "head_education")["choices"].append(
        {"code": "master", "label": "硕士"}), "head_education",
     "选项代码“master”不在数据标准中，标准代码：college, high_school, junior_high, primary, none"),
    ("missing standard code", lambda f: field(f, "head_education")["choices"].pop(),
     "head_education", "缺少数据标准的选项代码“none”，请补上它和中文标签"),
    ("duplicate choice code", lambda f: field(f, "head_education")["choices"].append(
        {"code": "primary", "label": "小学2"}), "head_education", "选项代码“primary”重复"),
    ("duplicate field", lambda f: fields(f).append(
        {"name": "head_name", "type": "text", "label": "又一个户主姓名"}), "head_name",
     "字段名重复（或与系统字段 record_type, id, form_id, form_version, overrides 冲突）"),
    ("object clashes with its member", lambda f: fields(f).append(
        {"name": "consent", "type": "text", "label": "授权"}), "consent",
     "字段名重复（或与系统字段 record_type, id, form_id, form_version, overrides 冲突）"),
    ("reserved name", lambda f: fields(f).append({"name": "id", "type": "text", "label": "编号"}),
     "id", "字段名重复（或与系统字段 record_type, id, form_id, form_version, overrides 冲突）"),
    ("relevance names an unknown field",
     lambda f: field(f, "years_resident").update(relevant="residence_years > 0"),
     "years_resident", "relevant：表达式引用了表单中没有的字段“residence_years”"),
    ("relevance names an unknown choice code",
     lambda f: field(f, "years_resident").update(relevant="head_education == 'phd'"),
     "years_resident", "relevant：“phd”不是字段“head_education”的选项代码，可选："
                       "college, high_school, junior_high, none, primary"),
    ("relevance is not safe",
     lambda f: field(f, "years_resident").update(relevant="__import__('os').getcwd()"),
     "years_resident", "relevant：未知函数“__import__('os').getcwd”，可用：count, sum, coalesce, round"),
    ("relevance reads a computed field",
     lambda f: field(f, "years_resident").update(relevant="labour_count > 0"),
     "years_resident", "relevant：只能引用排在前面的计算字段，条件中不能引用计算字段（“labour_count”）"),
    ("computed field reads a later computed field", lambda f: fields(f).insert(0, {
        "name": "half", "type": "integer", "label": "一半", "compute": "labour_count / 2"}),
     "half", "compute：只能引用排在前面的计算字段，条件中不能引用计算字段（“labour_count”）"),
    ("computed field marked required",
     lambda f: field(f, "labour_count").update(required=True),
     "labour_count", "计算字段只能放在顶层，且不能标为必填"),
    ("forbidden field by name", lambda f: fields(f).append(
        {"name": "religion", "type": "text", "label": "信教情况"}), "religion",
     "《征信业管理条例》禁止采集宗教信仰、基因、指纹、血型、疾病和病史信息：名称或标签含“religion”，请删除此字段"),
    ("forbidden field by label", lambda f: fields(f).append(
        {"name": "past_illness", "type": "text", "label": "既往病史"}), "past_illness",
     "《征信业管理条例》禁止采集宗教信仰、基因、指纹、血型、疾病和病史信息：名称或标签含“病史”，请删除此字段"),
    ("forbidden field inside a group", lambda f: field(f, "members")["fields"].append(
        {"name": "blood_type", "type": "text", "label": "血型"}), "members.blood_type",
     "《征信业管理条例》禁止采集宗教信仰、基因、指纹、血型、疾病和病史信息：名称或标签含“blood_type”，请删除此字段"),
    ("min greater than max", lambda f: field(f, "years_resident").update(min=50, max=10),
     "years_resident", "min 50 大于 max 10"),
    ("fractional bound of an integer", lambda f: field(f, "years_resident").update(max=1.5),
     "years_resident", "整数字段的 max 应为整数"),
    ("standard field with another type", lambda f: field(f, "years_resident").update(
        type="decimal"), "years_resident", "数据标准规定此字段类型为 integer，这里写的是 decimal"),
    ("misspelt key", lambda f: field(f, "head_name").update(requird=True), "head_name",
     "未知属性“requird”，允许的属性：help, label, max_length, name, pattern, relevant, required, "
     "sensitivity, skipped_value, type, unit"),
    ("skipped value of the wrong type", lambda f: field(f, "years_resident").update(
        skipped_value="abc"), "years_resident",
     "skipped_value 不是此字段的有效值：居住年限应为整数，现在是“abc”"),
    ("missing label", lambda f: field(f, "head_name").pop("label"), "head_name",
     "缺少“label”，或它不是文字"),
    ("bad sensitivity", lambda f: field(f, "head_name").update(sensitivity="secret"),
     "head_name", "sensitivity 应为 identity, economic, social 之一"),
    ("bad pattern", lambda f: field(f, "head_name").update(pattern="(unclosed"), "head_name",
     "pattern 不是有效的正则表达式：missing ), unterminated subpattern at position 0"),
    ("choice field without choices", lambda f: field(f, "head_education").pop("choices"),
     "head_education", "选择题须有非空的 choices 列表"),
    ("nested repeat group", lambda f: field(f, "members")["fields"].append(
        {"name": "kids", "type": "repeat", "label": "子女", "fields": [
            {"name": "name", "type": "text", "label": "姓名"}]}), "members.kids",
     "重复组里不能再嵌套重复组"),
    ("upper-case name", lambda f: field(f, "head_name").update(name="HeadName"),
     "basic.fields[0]", "字段名“HeadName”无效：应为小写英文、数字和下划线（数据标准中的名称）"),
    ("version not a positive integer", lambda f: f.update(version="1.0"), "version",
     "版本号应为正整数，现在是“1.0”"),
    ("not a questionnaire", lambda f: f.pop("kind"), "kind", "问卷文件须写 kind: questionnaire"),
    ("unknown record type", lambda f: f.update(record_type="company"), "record_type",
     "record_type 应为 household, cooperative 之一"),
    ("economic question without consent", assets_without_consent_question,
     "total_assets", "经济类字段须有授权同意：请加上 boolean 类型的 consent.signed 字段"),
    ("duplicate section", lambda f: f["sections"].append(copy.deepcopy(f["sections"][0])),
     "basic", "分节 id“basic”重复"),
]


@pytest.mark.parametrize("mutate, where, fault", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_bad_definition_is_refused_naming_file_field_and_fault(
        tmp_path: Path, mutate: Mutation, where: str, fault: str) -> None:
    data = copy.deepcopy(BASE)
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(FormError) as caught:
        load_form("household", folder=tmp_path)
    assert str(caught.value) == f"{path}: {where}: {fault}"
    assert (caught.value.source, caught.value.field) == (str(path), where)


def test_a_file_that_is_not_yaml_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "household.yaml"
    path.write_text("kind: questionnaire\nsections: [unclosed\n", "utf-8")
    with pytest.raises(FormError) as caught:
        load_form("household", folder=tmp_path)
    assert str(caught.value).startswith(f"{path}: -: 文件不是有效的 UTF-8 YAML：")


def test_a_form_id_that_does_not_match_the_file_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {**copy.deepcopy(BASE), "form_id": "household2"})
    with pytest.raises(FormError) as caught:
        load_form("household", folder=tmp_path)
    assert str(caught.value) == f"{path}: form_id: 文件中的 form_id 是“household2”，文件名要求“household”"


def test_a_missing_questionnaire_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormError) as caught:
        load_form("orchard", folder=tmp_path)
    assert str(caught.value) == f"{tmp_path / 'orchard.yaml'}: form_id: 找不到问卷“orchard”"
