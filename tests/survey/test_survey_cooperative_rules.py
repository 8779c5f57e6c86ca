"""Validation rules of cooperative records, including the supervisor's credit-code override."""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from app.domain.uscc import check_character
from app.survey.definition import load_form
from app.survey.validate import normalize_record, validate_record

TODAY = date(2024, 6, 1)
SAMPLE = json.loads((Path(__file__).parent / "sample_cooperative.json").read_text("utf-8"))
FORM = load_form("cooperative")
SUPERVISOR = {"field": "uscc", "reason": "2015年前登记的早期代码，营业执照原件核实无误",
              "by": "审核员王敏"}


def bad_check_character_code() -> str:
    """The sample's credit code with a wrong check character."""
    first17 = SAMPLE["uscc"][:17]
    wrong = next(c for c in "0123456789ABCDEF" if c != check_character(first17))
    return first17 + wrong


def validate(**changes: object) -> set[tuple[str, str, str]]:
    record = {**copy.deepcopy(SAMPLE), **changes}
    return {(p.field, p.code, p.severity)
            for p in validate_record(record, FORM, today=TODAY).problems}


def test_the_sample_cooperative_is_valid() -> None:
    assert validate_record(SAMPLE, FORM, today=TODAY).problems == []


@pytest.mark.parametrize("changes, expected", [
    ({"uscc": bad_check_character_code()}, {("uscc", "uscc.checksum", "error")}),
    ({"uscc": SAMPLE["uscc"].lower()}, set()),
    ({"uscc": SAMPLE["uscc"][:15]}, {("uscc", "uscc.length", "error")}),
    ({"uscc": bad_check_character_code(), "overrides": [SUPERVISOR]},
     {("uscc", "uscc.checksum_overridden", "warning")}),
    ({"uscc": bad_check_character_code(), "overrides": [{**SUPERVISOR, "reason": " "}]},
     {("uscc", "uscc.checksum", "error"), ("overrides[0]", "override.reason", "error")}),
    ({"uscc": bad_check_character_code(), "overrides": [{"field": "uscc", "reason": "早期代码"}]},
     {("uscc", "uscc.checksum", "error"), ("overrides[0]", "override.reason", "error")}),
    # Only a check character can be overridden, not a malformed code.
    ({"uscc": SAMPLE["uscc"][:15], "overrides": [SUPERVISOR]},
     {("uscc", "uscc.length", "error")}),
    ({"overrides": [{**SUPERVISOR, "field": "legal_rep_id_number"}]},
     {("overrides[0]", "override.field", "error")}),
    ({"net_profit": "-50000.00"}, set()),
    ({"total_liabilities": "-1.00"}, {("total_liabilities", "money.negative", "error")}),
    ({"members_count": 3}, {("members_count", "range.unusually_low", "warning")}),
    ({"members_count": 0}, {("members_count", "range.min", "error")}),
    ({"certifications": ["organic", "halal"]}, {("certifications", "choice.unknown", "error")}),
    ({"certifications": ["organic", "organic"]},
     {("certifications", "choice.repeated", "error")}),
    ({"certifications": "organic"}, {("certifications", "field.type", "error")}),
    ({"member_household_ids": ["not-a-uuid"]},
     {("member_household_ids", "uuid.format", "error")}),
    ({"registered_on": "2030-01-01"}, {("registered_on", "date.future", "error")}),
    ({"phone": "0768-765"}, {("phone", "phone.format", "error")}),
    ({"penalties": [{"kind": "public_order", "date": "2022-01-01", "source": "派出所"}]},
     {("penalties[0].kind", "choice.unknown", "error")}),
    ({"consent": {"signed": False}},
     {(name, "consent.required", "error") for name in (
         "main_business", "annual_revenue", "net_profit", "total_assets", "total_liabilities",
         "overdue_times_3y")}),
])
def test_a_cooperative_rule_reports_exactly_its_problem(changes: dict, expected: set) -> None:
    assert validate(**changes) == expected


def test_an_overridden_credit_code_keeps_its_reason_through_normalisation() -> None:
    record = {**copy.deepcopy(SAMPLE), "uscc": bad_check_character_code().lower(),
              "overrides": [SUPERVISOR]}
    normal = normalize_record(record, FORM, today=TODAY)
    assert normal["uscc"] == bad_check_character_code()
    assert normal["overrides"] == [SUPERVISOR]
    warning = validate_record(normal, FORM, today=TODAY).warnings[0]
    assert SUPERVISOR["reason"] in warning.message and SUPERVISOR["by"] in warning.message
