"""A faulty scheme is refused with a message naming the file, the indicator and the fault."""
from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from app.paths import forms_path
from app.rating.errors import SchemeError
from app.rating.scheme import find_scheme, list_schemes, load_scheme

HOUSEHOLD_FILE = forms_path("schemes", "household-default.yaml")


def _original() -> dict[str, Any]:
    return yaml.safe_load(HOUSEHOLD_FILE.read_text("utf-8"))


def _indicator(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for group in ("base", "bonus", "penalty"):
        for item in data[group]["indicators"]:
            if item["id"] == ident:
                return item
    raise KeyError(ident)


def _set(ident: str, **changes: Any) -> Callable[[dict], None]:
    return lambda data: _indicator(data, ident).update(changes)


def _band(ident: str, index: int, band: dict) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        _indicator(data, ident)["bands"][index] = band
    return change


def _pop(path: tuple[str, ...]) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


def _grades(grades: list[dict]) -> Callable[[dict], None]:
    return lambda data: data.update(grades=grades)


FAULTS = [
    # (what is wrong, change, words the message must hold)
    ("unknown field", _set("B7", input="annual_income"), ["指标 B7", "annual_income", "不认识"]),
    ("unknown derived value", _set("B8", input="net_worth"), ["指标 B8", "net_worth"]),
    ("overlapping bands", _band("B7", 1, {"at_least": 9000, "below": 30000, "points": 3}),
     ["指标 B7", "重叠", "第 1 档", "第 2 档"]),
    ("gapped bands", _band("B7", 1, {"at_least": 11000, "below": 30000, "points": 3}),
     ["指标 B7", "缺口", "第 2 档"]),
    ("both bounds exclusive at one value", _band("B9", 1, {"above": 0.25, "at_most": 0.40, "points": 9}),
     ["指标 B9", "缺口"]),
    ("both bounds inclusive at one value", _band("B7", 0, {"at_most": 10000, "points": 0}),
     ["指标 B7", "重叠", "≤10000", "≥10000"]),
    ("two upper bounds in one band", _band("B7", 1, {"at_most": 10000, "below": 30000, "points": 3}),
     ["指标 B7", "at_most", "below"]),
    ("the same value in two bands", _band("B9", 1, {"at_least": 0.20, "at_most": 0.40, "points": 9}),
     ["指标 B9", "重叠"]),
    ("first band bounded below", _band("B7", 0, {"at_least": 0, "below": 10000, "points": 0}),
     ["指标 B7", "缺口", "第 1 档"]),
    ("last band bounded above", _band("B7", 5, {"at_least": 200000, "below": 900000, "points": 15}),
     ["指标 B7", "缺口", "最后一档"]),
    ("band points above the max", _band("B7", 5, {"at_least": 200000, "points": 16}),
     ["指标 B7", "16", "满分 15"]),
    ("base maxima not adding up", _set("B7", max=16), ["基础指标", "101", "100"]),
    ("no bonus cap", _pop(("bonus", "cap")), ["加分指标", "上限"]),
    ("no penalty cap", _pop(("penalty", "cap")), ["扣分指标", "上限"]),
    ("grades not reaching zero", _grades([{"grade": "AAA", "at_least": 85}, {"grade": "B", "at_least": 10}]),
     ["等级", "0"]),
    ("grade above one hundred", _grades([{"grade": "AAA", "at_least": 101}, {"grade": "B", "at_least": 0}]),
     ["等级", "100"]),
    ("grades out of order", _grades([{"grade": "A", "at_least": 60}, {"grade": "AAA", "at_least": 85},
                                     {"grade": "B", "at_least": 0}]), ["等级", "AAA", "从高到低"]),
    ("unknown enum code", _set("B2", table={"healthy": 6, "fit": 5, "chronic": 3, "disabled": 1,
                                            "serious_illness": 0}), ["指标 B2", "fit"]),
    ("enum code left out", _set("B2", table={"healthy": 6, "chronic": 3, "disabled": 1}),
     ["指标 B2", "serious_illness"]),
    ("unknown penalty kind", _set("P1", kinds=["public_order", "jaywalking"]), ["指标 P1", "jaywalking"]),
    ("penalty counted past the five-year retention", _set("P1", window_years=6), ["指标 P1", "最多计 5 年", "6"]),
    ("veto on penalties past the retention", lambda d: d["vetoes"][1]["any"].__setitem__(
        0, {"events": "penalties", "kinds": ["debt_evasion"], "window_years": 7}), ["否决项 V2", "最多计 5 年", "7"]),
    ("unknown honour level", _set("I1", points_by_level={"national": 5}), ["指标 I1", "national"]),
    ("misspelt key", _set("B5", maxx=6), ["指标 B5", "maxx"]),
    ("no rule", _pop(("base", "indicators", 4, "bands")), ["指标 B5", "规则"]),
    ("placeholder the rule cannot fill", _set("B5", reason="居住 {valu} 年"), ["指标 B5", "{valu}"]),
    ("undefined debt ratio without a rule", _pop(("base", "indicators", 8, "when_undefined")),
     ["指标 B9", "when_undefined"]),
    ("fractional bound for a count", _band("B5", 1, {"at_least": 5, "below": 9.5, "points": 4}),
     ["指标 B5", "9.5"]),
    ("rule that does not fit the input", _set("B2", input="years_resident"), ["指标 B2", "table"]),
    ("base indicator without max", _pop(("base", "indicators", 0, "max")), ["指标 B1", "max"]),
    ("duplicate id", _set("B3", id="B2"), ["B2", "重复"]),
    ("veto on an unknown field", lambda d: d["vetoes"][0]["any"].__setitem__(0, {"field": "bankrupt", "is": True}),
     ["否决项 V1", "bankrupt"]),
    ("veto on an unknown list", lambda d: d["vetoes"][0]["any"].__setitem__(1, {"blacklist": "naughty"}),
     ["否决项 V1", "naughty"]),
    ("credit grade that is no grade", lambda d: d.update(credit_grades=["AAA", "AAAA"]), ["AAAA"]),
    ("credit line cap over a non-money input", lambda d: d["credit_line"].update(cap_input="head_age"),
     ["授信额度", "head_age"]),
    ("criterion ratio above one", lambda d: d["credit_village"].update(filed_ratio_min=90),
     ["信用村", "filed_ratio_min"]),
    ("unknown record type", lambda d: d.update(record_type="village"), ["village"]),
]


@pytest.mark.parametrize(("fault", "change", "words"), FAULTS, ids=[f[0] for f in FAULTS])
def test_scheme_fault_is_refused_with_a_precise_message(tmp_path: Path, fault, change, words):
    data = copy.deepcopy(_original())
    change(data)
    path = tmp_path / "bad-scheme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(SchemeError) as caught:
        load_scheme(path)
    message = str(caught.value)
    assert "bad-scheme.yaml" in message
    for word in words:
        assert word in message, message


def test_the_unchanged_scheme_round_trips_through_the_same_path(tmp_path: Path):
    path = tmp_path / "good.yaml"
    path.write_text(yaml.safe_dump(_original(), allow_unicode=True), "utf-8")
    assert replace(load_scheme(path), path="") == replace(load_scheme(HOUSEHOLD_FILE), path="")


def test_text_that_is_not_yaml_is_refused_naming_the_file(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed", "utf-8")
    with pytest.raises(SchemeError, match="broken.yaml"):
        load_scheme(path)


def test_scheme_numbers_are_read_as_exact_decimals():
    scheme = load_scheme(HOUSEHOLD_FILE)
    b9 = next(i for i in scheme.indicators if i.id == "B9")
    assert str(b9.bands[0].upper) == "0.20"
    assert str(scheme.credit_village.npl_ratio_max) == "0.03"


def test_both_default_schemes_are_listed_and_found_by_id_and_version():
    refs = [s.ref for s in list_schemes()]
    assert refs == ["cooperative-default@1", "household-default@1"]
    assert find_scheme("household-default").ref == "household-default@1"
    with pytest.raises(SchemeError, match="household-default@2"):
        find_scheme("household-default", 2)


def test_the_latest_version_is_found_when_no_version_is_asked(tmp_path: Path):
    data = _original()
    for version in (1, 3, 2):
        data["version"] = version
        (tmp_path / f"h{version}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert find_scheme("household-default", folder=tmp_path).version == 3
    assert find_scheme("household-default", 2, folder=tmp_path).version == 2


def test_default_schemes_state_the_timings_of_the_procedure():
    scheme = find_scheme("household-default")
    assert (scheme.validity_years, scheme.max_adjustment, scheme.notice_days, scheme.objection_answer_days) == \
        (1, 5, 7, 20)
    assert scheme.valid_until(date(2024, 3, 1)).isoformat() == "2025-02-28"
