"""The shipped questionnaires load, follow the data standard and collect nothing forbidden."""
from __future__ import annotations

import pytest

from app.paths import forms_path
from app.survey.definition import FormDefinition, RepeatGroup, list_forms, load_form
from app.survey.standard import STANDARD_ENUMS, STANDARD_FIELDS, forbidden_reason

FORM_IDS = ("household", "cooperative")


@pytest.fixture(params=FORM_IDS)
def form(request: pytest.FixtureRequest) -> FormDefinition:
    return load_form(request.param)


def test_both_questionnaires_are_listed_with_their_versions() -> None:
    infos = {info.form_id: info for info in list_forms()}
    assert set(infos) == set(FORM_IDS)
    for form_id, info in infos.items():
        assert info.record_type == form_id
        assert info.version in info.versions


def test_every_archived_version_still_loads() -> None:
    for info in list_forms():
        for version in info.versions:
            assert load_form(info.form_id, version).version == version


def test_the_form_contains_every_data_standard_field_with_the_standard_type(
        form: FormDefinition) -> None:
    for path, kind in STANDARD_FIELDS[form.record_type].items():
        item = form.field(path) or form.group(path)
        assert item is not None, path
        assert ("repeat" if isinstance(item, RepeatGroup) else item.type) == kind, path


def test_every_standard_enumeration_offers_all_its_codes_with_chinese_labels(
        form: FormDefinition) -> None:
    for path, codes in STANDARD_ENUMS[form.record_type].items():
        field = form.field(path)
        assert field is not None
        assert [choice.code for choice in field.choices] == list(codes), path
        assert all(_has_han(choice.label) for choice in field.choices), path


def test_every_field_has_a_chinese_label_help_section_and_sensitivity(
        form: FormDefinition) -> None:
    section_ids = {section.id for section in form.sections}
    for field in form.all_fields():
        assert _has_han(field.label) and _has_han(field.help), field.path
        assert field.section in section_ids
        assert field.sensitivity in ("identity", "economic", "social")


def test_no_field_collects_what_the_regulation_forbids(form: FormDefinition) -> None:
    for path in form.paths():
        item = form.field(path) or form.group(path)
        assert item is not None
        assert forbidden_reason(item.name, item.label) is None


def test_income_asset_and_debt_fields_are_economic_and_need_consent(form: FormDefinition) -> None:
    money_fields = [f for f in form.all_fields() if f.type == "money" and not f.computed]
    assert money_fields
    for field in money_fields:
        owner = form.group(field.group) if field.group else field
        assert owner is not None and owner.sensitivity == "economic", field.path
        assert owner.relevant is not None and "consent.signed" in owner.relevant.names


@pytest.mark.parametrize("form_id, computed", [
    ("household", {"labour_count", "operated_land_mu", "liabilities", "net_assets",
                   "debt_ratio"}),
    ("cooperative", {"net_assets", "debt_ratio"}),
])
def test_derived_values_are_computed_not_asked(form_id: str, computed: set[str]) -> None:
    form = load_form(form_id)
    assert {field.path for field in form.computed_fields()} == computed
    assert all(not field.required for field in form.computed_fields())


def test_household_sections_follow_the_interview() -> None:
    labels = [section.label for section in load_form("household").sections]
    for label in ("基本信息", "授权同意", "家庭成员", "生产经营", "土地", "收入与资产", "借贷",
                  "社会信用"):
        assert label in labels
    assert labels.index("授权同意") < labels.index("收入与资产")


def test_forms_are_read_from_the_project_forms_folder(form: FormDefinition) -> None:
    assert form.source == forms_path(f"{form.form_id}.yaml")


def _has_han(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
