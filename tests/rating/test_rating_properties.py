"""Properties of the engine on random valid households, and the hand-written oracle."""
from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.rating.engine import rate
from app.rating.reference import reference_rating
from rating_samples import HOUSEHOLD, ON, households, years_before

D = Decimal
SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(households())
def test_score_is_always_between_zero_and_one_hundred(record):
    result = rate(record, HOUSEHOLD, ON)
    assert D(0) <= result.score <= D(100)
    assert result.complete and result.missing == ()


@SETTINGS
@given(households(), st.sampled_from(sorted(k for k in HOUSEHOLD.event_kinds)), st.integers(0, 4 * 365))
def test_adding_a_penalty_never_raises_the_score(record, kind, days_ago):
    before = rate(record, HOUSEHOLD, ON)
    penalty = {"kind": kind, "date": years_before(ON, 0, -days_ago).isoformat(), "source": "镇政府"}
    after = rate({**record, "penalties": [*record["penalties"], penalty]}, HOUSEHOLD, ON)
    assert after.score <= before.score
    assert after.penalty >= before.penalty


@SETTINGS
@given(households(), st.sampled_from(["dishonest_debtor", "debt_evasion_5y", "criminal_record_5y",
                                      "false_information", "overdue"]))
def test_any_veto_gives_grade_c_and_no_credit_line(record, veto):
    if veto == "overdue":
        record = {**record, "loans": [*record["loans"], {"lender": "农商行", "kind": "bank", "principal": "1.00",
                                                         "balance": "1.00", "overdue_days": 91}]}
    else:
        record = {**record, veto: True}
    result = rate(record, HOUSEHOLD, ON)
    assert result.vetoes and result.grade == "C"
    assert not result.credit_household and result.credit_line == 0


@SETTINGS
@given(households())
def test_engine_agrees_with_the_hand_written_reference(record):
    result = rate(record, HOUSEHOLD, ON)
    expected = reference_rating(record, ON)
    per_indicator = {i.indicator: i.points for i in result.items if i.kind != "veto" and not i.indicator.endswith("_cap")}
    assert per_indicator == {k: D(v) for k, v in expected["points"].items()}
    assert (result.base, result.bonus, result.penalty, result.score) == \
        (expected["base"], expected["bonus"], expected["penalty"], expected["score"])
    assert (result.grade, list(result.vetoes), result.credit_household) == \
        (expected["grade"], expected["vetoes"], expected["credit_household"])
    assert result.credit_line == expected["credit_line"]


@SETTINGS
@given(households())
def test_items_add_up_to_the_group_totals(record):
    result = rate(record, HOUSEHOLD, ON)
    by_kind = {kind: sum((i.points for i in result.items if i.kind == kind), D(0))
               for kind in ("base", "bonus", "penalty")}
    assert by_kind == {"base": result.base, "bonus": result.bonus, "penalty": -result.penalty}


@settings(max_examples=50, deadline=None)
@given(households())
def test_same_input_gives_identical_json(record):
    first = json.dumps(rate(record, HOUSEHOLD, ON).to_json(), ensure_ascii=False, sort_keys=False)
    again = json.dumps(rate(json.loads(json.dumps(record)), HOUSEHOLD, ON).to_json(), ensure_ascii=False)
    assert first == again
