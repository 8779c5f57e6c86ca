"""Records saved under an older questionnaire version stay readable after the form changes."""
from __future__ import annotations

import copy
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from app.paths import forms_path
from app.survey.definition import FormError, archive_path, list_forms, load_form, load_form_for
from app.survey.validate import normalize_record, validate_record

TODAY = date(2024, 6, 1)
SAMPLE = json.loads((Path(__file__).parent / "sample_household.json").read_text("utf-8"))
NEW_QUESTION = {"name": "house_type", "type": "single_choice", "label": "住房类型",
                "help": "按主要住房选择。", "required": True,
                "choices": [{"code": "brick", "label": "砖混"}, {"code": "wood", "label": "土木"}]}


@pytest.fixture()
def forms_v2(tmp_path: Path) -> Path:
    """A forms folder where household moved to version 2 the documented way."""
    shutil.copy(forms_path("cooperative.yaml"), tmp_path / "cooperative.yaml")
    archived = archive_path("household", 1, tmp_path)
    archived.parent.mkdir()
    shutil.copy(forms_path("household.yaml"), archived)
    data = yaml.safe_load(forms_path("household.yaml").read_text("utf-8"))
    data["version"] = 2
    data["sections"][0]["fields"].append(NEW_QUESTION)
    data["sections"][0]["fields"][3]["label"] = "户主（户口簿）姓名"
    (tmp_path / "household.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return tmp_path


def test_the_current_version_is_the_new_one(forms_v2: Path) -> None:
    form = load_form("household", folder=forms_v2)
    assert form.version == 2 and form.field("house_type") is not None
    assert form.field("head_name").label == "户主（户口簿）姓名"  # type: ignore[union-attr]


def test_both_versions_are_listed(forms_v2: Path) -> None:
    infos = {info.form_id: info for info in list_forms(forms_v2)}
    assert infos["household"].versions == (1, 2)
    assert infos["household"].version == 2


def test_a_version_1_record_still_validates_under_its_own_version(forms_v2: Path) -> None:
    form = load_form_for(SAMPLE, folder=forms_v2)
    assert (form.version, form.field("house_type")) == (1, None)
    assert validate_record(SAMPLE, form, today=TODAY).problems == []
    assert normalize_record(SAMPLE, form, today=TODAY) == SAMPLE


def test_an_old_record_can_be_edited_under_its_version_and_keeps_it(forms_v2: Path) -> None:
    edited = {**copy.deepcopy(SAMPLE), "head_phone": "139 0000 1111"}
    form = load_form_for(edited, folder=forms_v2)
    result = normalize_record(edited, form, today=TODAY)
    assert (result["form_version"], result["head_phone"]) == (1, "13900001111")


def test_moving_an_old_record_to_the_new_version_asks_for_the_new_question(forms_v2: Path) -> None:
    report = validate_record(SAMPLE, load_form("household", folder=forms_v2), today=TODAY)
    assert {(p.field, p.code, p.severity) for p in report.problems} == {
        ("form_version", "form.version", "warning"), ("house_type", "field.required", "error")}
    upgraded = {**SAMPLE, "house_type": "brick"}
    result = normalize_record(upgraded, load_form("household", folder=forms_v2), today=TODAY)
    assert (result["form_version"], result["house_type"]) == (2, "brick")


def test_an_archived_file_must_hold_the_version_its_name_says(forms_v2: Path) -> None:
    misnamed = archive_path("household", 7, forms_v2)
    shutil.copy(archive_path("household", 1, forms_v2), misnamed)
    with pytest.raises(FormError) as caught:
        load_form("household", 7, folder=forms_v2)
    assert str(caught.value).startswith(f"{misnamed}: version: 要求第 7 版，但这个文件是第 1 版")


def test_asking_for_a_version_that_never_existed_is_refused(forms_v2: Path) -> None:
    with pytest.raises(FormError, match="要求第 5 版，但这个文件是第 2 版"):
        load_form("household", 5, folder=forms_v2)


def test_a_changed_file_is_read_again(forms_v2: Path) -> None:
    path = forms_v2 / "household.yaml"
    assert load_form("household", folder=forms_v2).version == 2
    data = yaml.safe_load(path.read_text("utf-8"))
    data["version"] = 3
    path.write_text(yaml.safe_dump(data, allow_unicode=True) + "\n# edited\n", "utf-8")
    assert load_form("household", folder=forms_v2).version == 3
