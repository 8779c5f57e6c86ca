"""normalize_record gives the canonical data-standard JSON; computed values and search keys."""
from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.idnumber import make_id_number
from app.survey.definition import load_form
from app.survey.validate import computed_values, normalize_record, searchable_fields

TODAY = date(2024, 6, 1)
HERE = Path(__file__).parent
SAMPLE = json.loads((HERE / "sample_household.json").read_text("utf-8"))
COOP_SAMPLE = json.loads((HERE / "sample_cooperative.json").read_text("utf-8"))
FORM = load_form("household")
X_ID = next(n for s in range(0, 999, 2)
            if (n := make_id_number("445122", date(1990, 5, 17), s, "female")).endswith("X"))


def normalized(**changes: object) -> dict:
    return normalize_record({**copy.deepcopy(SAMPLE), **changes}, FORM, today=TODAY)


def test_the_samples_are_already_canonical() -> None:
    assert normalize_record(SAMPLE, FORM, today=TODAY) == SAMPLE
    assert normalize_record(COOP_SAMPLE, load_form("cooperative"), today=TODAY) == COOP_SAMPLE


@pytest.mark.parametrize("key, given, canonical", [
    ("annual_net_income", Decimal("85000"), "85000.00"),
    ("annual_net_income", 85000, "85000.00"),
    ("annual_net_income", "85,000.5", "85000.50"),
    ("annual_net_income", "８５０００", "85000.00"),
    ("total_assets", "¥620000元", "620000.00"),
    ("head_id_number", SAMPLE["head_id_number"][:9] + " " + SAMPLE["head_id_number"][9:],
     SAMPLE["head_id_number"]),
    ("head_id_number", X_ID.lower(), X_ID),
    ("head_phone", "138 1234-5678", "13812345678"),
    ("head_is_labour", "是", True),
    ("years_resident", "48", 48),
    ("years_resident", 48.0, 48),
    ("head_name", "  陈建国 ", "陈建国"),
    ("collected_on", date(2024, 3, 10), "2024-03-10"),
])
def test_answers_are_written_the_way_the_standard_writes_them(key: str, given: object,
                                                              canonical: object) -> None:
    assert normalized(**{key: given})[key] == canonical


def test_areas_and_money_inside_groups_become_two_place_strings() -> None:
    land = [{"kind": "farmland", "area_mu": "8.5", "tenure": "contracted"},
            {"kind": "pond", "area_mu": 3, "tenure": "leased"}]
    loans = [{"lender": "银行", "kind": "bank", "principal": 50000, "balance": "1,000",
              "overdue_days": "0"}]
    result = normalized(land=land, loans=loans)
    assert [parcel["area_mu"] for parcel in result["land"]] == ["8.50", "3.00"]
    assert result["loans"] == [{"lender": "银行", "kind": "bank", "principal": "50000.00",
                                "balance": "1000.00", "overdue_days": 0}]


def test_irrelevant_computed_unknown_and_forbidden_answers_are_dropped() -> None:
    record = copy.deepcopy(SAMPLE)
    record["members"][2]["occupation"] = "看门"  # not labour: not asked
    record.update(liabilities="1.00", favourite_colour="red", religion="佛教")
    result = normalize_record(record, FORM, today=TODAY)
    assert "occupation" not in result["members"][2]
    assert not {"liabilities", "favourite_colour", "religion"} & set(result)


@pytest.mark.parametrize("given", [7, None, "garbage"])
def test_a_skipped_question_with_a_known_answer_stores_that_answer(given: object) -> None:
    record = copy.deepcopy(SAMPLE)
    record["loans"][1]["overdue_days"] = given  # repaid loan: not asked, cannot be overdue
    assert normalize_record(record, FORM, today=TODAY)["loans"][1]["overdue_days"] == 0


def test_without_consent_no_economic_answer_is_kept() -> None:
    result = normalized(consent={"signed": False, "date": "2024-03-10", "collector": "李信贷"})
    assert result["consent"] == {"signed": False}
    for key in ("business_type", "land", "annual_net_income", "total_assets", "loans",
                "other_debts", "overdue_times_3y"):
        assert key not in result
    assert result["head_name"] == SAMPLE["head_name"]


def test_the_record_is_stamped_with_its_form_and_type() -> None:
    bare = {k: v for k, v in SAMPLE.items() if k not in ("record_type", "form_id", "form_version")}
    result = normalize_record({**bare, "id": SAMPLE["id"].upper()}, FORM, today=TODAY)
    assert (result["record_type"], result["form_id"], result["form_version"]) == (
        "household", "household", 1)
    assert result["id"] == SAMPLE["id"]
    assert list(result)[:4] == ["record_type", "id", "form_id", "form_version"]


def test_an_unreadable_answer_is_kept_as_given_for_the_validator_to_report() -> None:
    assert normalized(total_assets="很多")["total_assets"] == "很多"


def test_absent_means_not_collected_and_stays_absent() -> None:
    record = copy.deepcopy(SAMPLE)
    del record["other_debts"], record["head_phone"]
    result = normalize_record(record, FORM, today=TODAY)
    assert "other_debts" not in result and "head_phone" not in result
    assert result["penalties"] == []


@pytest.mark.parametrize("changes, expected", [
    ({}, {"labour_count": 3, "operated_land_mu": Decimal("20.50"),
          "liabilities": Decimal("35000.00"), "net_assets": Decimal("585000.00"),
          "debt_ratio": Decimal("0.0565")}),
    ({"head_is_labour": False, "land": [], "loans": [], "total_assets": "0"},
     {"labour_count": 2, "operated_land_mu": Decimal("0.00"), "liabilities": Decimal("5000.00"),
      "net_assets": Decimal("-5000.00"), "debt_ratio": None}),
    ({"other_debts": None, "members": []},
     {"labour_count": 1, "operated_land_mu": Decimal("20.50"),
      "liabilities": Decimal("30000.00"), "net_assets": Decimal("590000.00"),
      "debt_ratio": Decimal("0.0484")}),
    ({"consent": {"signed": False}},
     {"labour_count": 3, "operated_land_mu": None, "liabilities": None, "net_assets": None,
      "debt_ratio": None}),
])
def test_computed_values_follow_the_data_standard_definitions(changes: dict,
                                                              expected: dict) -> None:
    record = {**copy.deepcopy(SAMPLE), **changes}
    assert computed_values(record, FORM, today=TODAY) == expected


def test_search_keys_of_a_household_are_normalised() -> None:
    record = {**SAMPLE, "head_id_number": X_ID.lower(), "head_phone": "138 1234 5678"}
    assert searchable_fields(record) == {"head_name": "陈建国", "head_id_number": X_ID,
                                         "head_phone": "13812345678",
                                         "village_code": "445122101201"}


def test_search_keys_of_a_cooperative() -> None:
    record = {**COOP_SAMPLE, "uscc": COOP_SAMPLE["uscc"].lower()}
    del record["legal_rep_id_number"]
    assert searchable_fields(record) == {"name": COOP_SAMPLE["name"],
                                         "uscc": COOP_SAMPLE["uscc"],
                                         "legal_rep_id_number": None}
