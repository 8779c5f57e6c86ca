"""Every validation rule on household records, table-driven from one valid sample."""
from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from app.domain.idnumber import make_id_number
from app.survey.definition import load_form
from app.survey.validate import validate_record

TODAY = date(2024, 6, 1)
SAMPLE = json.loads((Path(__file__).parent / "sample_household.json").read_text("utf-8"))
FORM = load_form("household")
ECONOMIC = {"business_type", "business_years", "coop_member", "land", "annual_net_income",
            "total_assets", "loans", "other_debts", "overdue_times_3y"}
Mutation = Callable[[dict], None]


def id_ending_in_x() -> str:
    """A valid ID number whose check character is X (found, not hard-coded)."""
    return next(number for sequence in range(0, 999, 2)
                if (number := make_id_number("445122", date(1990, 5, 17), sequence,
                                             "female")).endswith("X"))


def put(path: str, value: object) -> Mutation:
    """Set ``a``, ``a.b`` or ``g[1].f`` in a record."""
    def mutate(record: dict) -> None:
        *heads, last = _steps(path)
        target = record
        for step in heads:
            target = target[step]
        target[last] = value
    return mutate


def drop(path: str) -> Mutation:
    def mutate(record: dict) -> None:
        *heads, last = _steps(path)
        target = record
        for step in heads:
            target = target[step]
        del target[last]
    return mutate


def _steps(path: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", path)]


def both(*mutations: Mutation) -> Mutation:
    def mutate(record: dict) -> None:
        for mutation in mutations:
            mutation(record)
    return mutate


def problems_after(mutation: Mutation, **options: object) -> set[tuple[str, str, str]]:
    record = copy.deepcopy(SAMPLE)
    mutation(record)
    report = validate_record(record, FORM, today=TODAY, **options)  # type: ignore[arg-type]
    return {(p.field, p.code, p.severity) for p in report.problems}


def test_the_sample_household_is_valid() -> None:
    assert validate_record(SAMPLE, FORM, today=TODAY).problems == []


def error(field: str, code: str) -> tuple[str, str, str]:
    return (field, code, "error")


def warning(field: str, code: str) -> tuple[str, str, str]:
    return (field, code, "warning")


CASES: list[tuple[str, Mutation, set[tuple[str, str, str]]]] = [
    # ID numbers (GB 11643)
    ("wrong check character", put("head_id_number", SAMPLE["head_id_number"][:17] + "0"),
     {error("head_id_number", "id_number.checksum")}),
    ("lower-case x is accepted", put("members[0].id_number", id_ending_in_x().lower()), set()),
    ("birth date that is no date", put("members[1].id_number", "445122197502310017"),
     {error("members[1].id_number", "id_number.birth_date")}),
    ("birth date in the future",
     put("members[1].id_number", make_id_number("445122", date(2024, 6, 2), 11, "male")),
     {error("members[1].id_number", "id_number.future_birth")}),
    ("short ID number", put("head_id_number", "44052219750308"),
     {error("head_id_number", "id_number.length")}),
    ("member repeats the head", put("members[2].id_number", SAMPLE["head_id_number"]),
     {error("members[2].id_number", "id_number.duplicate")}),
    ("two members share a number",
     put("members[2].id_number", SAMPLE["members"][0]["id_number"]),
     {error("members[2].id_number", "id_number.duplicate")}),
    # phones, money, areas, dates
    ("phone with separators is fine", put("head_phone", "138-1234 5678"), set()),
    ("phone too short", put("head_phone", "1381234567"),
     {error("head_phone", "phone.mobile_length")}),
    ("negative assets", put("total_assets", "-1.00"), {error("total_assets", "money.negative")}),
    ("money with three decimals", put("annual_net_income", "85000.005"),
     {error("annual_net_income", "money.decimals")}),
    ("money as a float", put("other_debts", 5000.0), {error("other_debts", "money.float")}),
    ("money with separators is fine", put("annual_net_income", "85,000.00"), set()),
    ("income that looks like 万元", put("annual_net_income", "8.5"),
     {warning("annual_net_income", "range.unusually_low")}),
    ("negative area", put("land[0].area_mu", "-2"), {error("land[0].area_mu", "area.negative")}),
    ("area with three decimals", put("land[1].area_mu", "1.255"),
     {error("land[1].area_mu", "area.decimals")}),
    ("zero-sized parcel", put("land[1].area_mu", "0"), {error("land[1].area_mu", "range.min")}),
    ("collected tomorrow", put("collected_on", "2024-06-02"),
     {error("collected_on", "date.future")}),
    ("honour dated in the future", put("honours[0].date", "2030-01-01"),
     {error("honours[0].date", "date.future")}),
    ("date that does not exist", put("consent.date", "2024-02-30"),
     {error("consent.date", "date.format")}),
    # ranges, patterns, choices, required
    ("years above the maximum", put("years_resident", 200), {error("years_resident", "range.max")}),
    ("negative overdue days", put("loans[0].overdue_days", -3),
     {error("loans[0].overdue_days", "range.min")}),
    ("integer as text", put("years_resident", "abc"), {error("years_resident", "integer.format")}),
    ("village code of 10 digits", put("village_code", "4451221012"),
     {error("village_code", "text.pattern")}),
    ("unknown education code", put("head_education", "phd"),
     {error("head_education", "choice.unknown")}),
    ("missing head name", drop("head_name"), {error("head_name", "field.required")}),
    ("blank head name", put("head_name", "  "), {error("head_name", "field.required")}),
    ("member without relation", drop("members[1].relation"),
     {error("members[1].relation", "field.required")}),
    ("boolean written 是", put("agri_insurance", "是"), set()),
    ("boolean written maybe", put("agri_insurance", "maybe"),
     {error("agri_insurance", "boolean.format")}),
    ("name too long", put("head_name", "陈" * 31), {error("head_name", "text.too_long")}),
    # skip logic
    ("overdue days needed while a balance is owed", drop("loans[0].overdue_days"),
     {error("loans[0].overdue_days", "field.required")}),
    ("overdue days not asked for a repaid loan", put("loans[1].overdue_days", "garbage"), set()),
    ("occupation of a non-labourer is ignored", put("members[2].occupation", 12.5), set()),
    ("consent date not asked without consent", both(
        put("consent", {"signed": False, "date": "not a date"}), *map(drop, sorted(ECONOMIC))),
     set()),
    # consent (征信业管理条例 art. 14)
    ("economic answers without consent", put("consent.signed", False),
     {error(name, "consent.required") for name in ECONOMIC}),
    ("consent written 是 counts as signed", put("consent.signed", "是"), set()),
    ("economic answers with no consent at all", drop("consent"),
     {error(name, "consent.required") for name in ECONOMIC} | {
         error("consent.signed", "field.required")}),
    # keys the form does not know
    ("forbidden key in the record", put("religion", "佛教"), {error("religion", "field.forbidden")}),
    ("forbidden key in a member", put("members[0].blood_type", "A"),
     {error("members[0].blood_type", "field.forbidden")}),
    ("unknown key", put("favourite_colour", "red"), {warning("favourite_colour", "field.unknown")}),
    ("computed value sent as input", put("liabilities", "1.00"),
     {warning("liabilities", "field.computed")}),
    # envelope
    ("another record type", put("record_type", "cooperative"),
     {error("record_type", "form.mismatch")}),
    ("saved under another version", put("form_version", 2),
     {warning("form_version", "form.version")}),
    ("id that is no UUID", put("id", "12345"), {error("id", "id.format")}),
    ("members that are not a list", put("members", "陈, 林"), {error("members", "group.type")}),
]


@pytest.mark.parametrize("mutation, expected", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_household_rule_reports_exactly_its_problem(mutation: Mutation,
                                                      expected: set[tuple[str, str, str]]) -> None:
    assert problems_after(mutation) == expected


def test_an_unknown_region_code_only_warns() -> None:
    record = copy.deepcopy(SAMPLE)
    report = validate_record(record, FORM, today=TODAY, known_region_codes={"445122"})
    assert report.ok
    assert {p.field for p in report.warnings} == {
        "head_id_number", "members[0].id_number", "members[1].id_number", "members[2].id_number"}
    assert all(p.code == "id_number.region" for p in report.warnings)


def test_known_region_codes_give_no_warning() -> None:
    report = validate_record(SAMPLE, FORM, today=TODAY, known_region_codes={"440522"})
    assert report.problems == []


def test_every_problem_message_is_chinese_and_names_the_field() -> None:
    for _, mutation, _ in CASES:
        record = copy.deepcopy(SAMPLE)
        mutation(record)
        for problem in validate_record(record, FORM, today=TODAY).problems:
            assert re.search(r"[\u4e00-\u9fff]", problem.message), problem
            label = problem.params.get("label")
            assert label is None or str(label) in problem.message


def test_errors_refuse_and_warnings_do_not() -> None:
    record = copy.deepcopy(SAMPLE)
    record["annual_net_income"] = "8.5"
    record["total_assets"] = "-5.00"
    report = validate_record(record, FORM, today=TODAY)
    assert not report.ok
    assert [p.code for p in report.errors] == ["money.negative"]
    assert [p.code for p in report.warnings] == ["range.unusually_low"]
    assert report.for_field("total_assets") == report.errors
