"""Vetoes, group caps, event windows on their boundary dates, the credit line, missing data
and consent, for the default household scheme."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.rating.errors import RecordError
from app.rating.engine import rate
from rating_samples import HOUSEHOLD, ON, head_id, household, item, points, rate_household, years_before

D = Decimal
HEAD = head_id(40)


def _penalty(kind: str, years: int = 1, days: int = 0) -> dict:
    return {"kind": kind, "date": years_before(ON, years, days).isoformat(), "source": "镇综治办"}


def _loan(days: int) -> list[dict]:
    return [{"lender": "农商行", "kind": "bank", "principal": "10000.00", "balance": "5000.00",
             "overdue_days": days}]


def _blacklist(**changes) -> dict:
    entry = {"record_type": "blacklist_entry", "id_number": HEAD, "kind": "dishonest_debtor",
             "case_number": "(2023)粤5122执100号", "court_or_agency": "潮安区人民法院", "listed_on": "2023-01-01"}
    return {**entry, **changes}


@pytest.mark.parametrize(("changes", "veto"), [
    ({"dishonest_debtor": True}, "V1"),
    ({"debt_evasion_5y": True}, "V2"),
    ({"penalties": [_penalty("debt_evasion", 4)]}, "V2"),
    ({"loans": _loan(91)}, "V3"),
    ({"criminal_record_5y": True}, "V4"),
    ({"penalties": [_penalty("criminal_conviction", 2)]}, "V4"),
    ({"false_information": True}, "V5"),
])
def test_each_veto_gives_grade_c_and_no_credit_whatever_the_score(changes, veto):
    result = rate_household(**changes)
    assert result.vetoes == (veto,)
    assert result.grade == "C" and not result.credit_household and result.credit_line == 0
    assert result.score >= 85  # the score alone would have made AAA
    assert "一票否决" in item(result, veto).reason and item(result, veto).kind == "veto"


@pytest.mark.parametrize(("changes", "vetoed"), [
    ({"loans": _loan(90)}, False),
    ({"penalties": [_penalty("debt_evasion", 5)]}, False),  # five years old: no longer counts
    ({"penalties": [_penalty("debt_evasion", 5, 1)]}, True),
])
def test_veto_edges_on_overdue_days_and_the_five_year_window(changes, vetoed):
    assert bool(rate_household(**changes).vetoes) is vetoed


@pytest.mark.parametrize(("entry", "vetoed"), [
    (_blacklist(), True),
    (_blacklist(id_number=HEAD.lower()[:-1] + HEAD[-1].lower()), True),  # normalised before matching
    (_blacklist(removed_on=(ON - timedelta(days=1)).isoformat()), False),
    (_blacklist(removed_on=ON.isoformat()), False),  # a removal takes effect on its date
    (_blacklist(removed_on=(ON + timedelta(days=1)).isoformat()), True),
    (_blacklist(listed_on=(ON + timedelta(days=1)).isoformat()), False),  # not listed yet on that date
    (_blacklist(kind="serious_dishonest"), False),
    (_blacklist(id_number=head_id(41)), False),  # somebody else
])
def test_platform_blacklist_entry_vetoes_while_it_is_active_on_the_rating_date(entry, vetoed):
    result = rate_household(events=(entry,))
    assert (result.vetoes == ("V1",)) is vetoed
    if vetoed:
        assert "(2023)粤5122执100号" in item(result, "V1").reason


def test_platform_conduct_events_merge_with_the_records_own():
    own = _penalty("environment", 1)
    events = ({"record_type": "conduct_event", "subject_id_number": HEAD, "kind": "environment",
               "date": own["date"], "source": "县环保局"},  # the same event, already in the record
              {"record_type": "conduct_event", "subject_id_number": HEAD, "kind": "public_order",
               "date": years_before(ON, 2).isoformat(), "source": "派出所"},
              {"record_type": "conduct_event", "subject_id_number": HEAD, "kind": "honour",
               "level": "county_or_above", "date": years_before(ON, 1).isoformat(), "source": "县文明办"})
    result = rate_household(penalties=[own], events=events)
    assert (points(result, "P3"), points(result, "P1"), points(result, "I1")) == (D(-2), D(-5), D(3))


def test_bonus_total_is_capped_at_ten_with_an_explained_cap_line():
    honours = [{"title": "文明家庭", "level": "county_or_above", "date": years_before(ON, 1).isoformat()}] * 2
    result = rate_household(honours=honours, agri_insurance=True, coop_member=True,
                            volunteer_times_year=3, pension_insured=True, overdue_times_3y=3)
    assert result.bonus == D(10)  # 6 + 2 + 2 + 1 + 1 = 12
    cap = item(result, "bonus_cap")
    assert cap.points == D(-2) and "12" in cap.reason and "10" in cap.reason
    assert sum(i.points for i in result.items if i.kind == "bonus") == result.bonus


def test_penalty_total_is_capped_at_thirty_and_score_never_goes_below_zero():
    penalties = [_penalty("elder_neglect", 1)] * 3 + [_penalty("public_order", 2)] * 2
    result = rate_household(penalties=penalties)
    assert result.penalty == D(30)  # 40 deducted, capped
    assert sum(i.points for i in result.items if i.kind == "penalty") == -result.penalty
    assert result.score == D(70)
    poor = rate_household(penalties=penalties, head_id_number=head_id(70), head_health="serious_illness",
                          head_education="none", head_is_labour=False, members=[], years_resident=1,
                          business_years=0, land=[], annual_net_income="0.00", total_assets="0.00",
                          overdue_times_3y=4)
    assert poor.base - poor.penalty < 0 and poor.score == D(0) and poor.grade == "B"


def test_expired_events_are_ignored_and_listed_for_retention():
    old = _penalty("illegal_construction", 5)
    old_honour = {"title": "致富带头人", "level": "township", "date": years_before(ON, 3).isoformat()}
    result = rate_household(penalties=[old, _penalty("environment", 1)], honours=[old_honour])
    assert points(result, "P2") == 0 and points(result, "I1") == 0
    expired = [(e.indicator, e.kind, e.date.isoformat()) for e in result.expired_events]
    # oldest first
    assert expired == [("P2", "illegal_construction", old["date"]), ("I1", "honour", old_honour["date"])]


@pytest.mark.parametrize(("income", "grade_changes", "expected"), [
    ("250000.00", {}, "200000.00"),  # AAA line below 3 × income
    ("60000.00", {}, "180000.00"),  # AAA but 3 × 60,000 = 180,000
    ("33333.33", {}, "99000.00"),  # 99,999.99 rounded down to a whole thousand
    ("250000.00", {"overdue_times_3y": 3, "head_education": "none", "head_health": "serious_illness"},
     "100000.00"),  # AA
    ("250000.00", {"overdue_times_3y": 3, "head_education": "none", "head_health": "serious_illness",
                   "land": [], "years_resident": 0}, "50000.00"),  # A
])
def test_credit_line_follows_the_grade_capped_at_three_times_income_rounded_down(income, grade_changes, expected):
    result = rate_household(annual_net_income=income, **grade_changes)
    assert result.credit_household
    assert result.credit_line == D(expected)


def test_grade_b_household_is_no_credit_household_and_gets_no_line():
    result = rate_household(head_id_number=head_id(70), head_health="serious_illness", head_education="none",
                            overdue_times_3y=3, land=[], years_resident=0, business_years=0,
                            annual_net_income="20000.00")
    assert result.grade == "B" and not result.credit_household and result.credit_line == 0


def test_one_bonus_point_lifts_eighty_four_to_the_aaa_bar():
    changes = {"overdue_times_3y": 3, "years_resident": 0, "head_education": "junior_high"}
    # 100 − 10 (B11) − 4 (B5) − 2 (B3) = 84 → AA; the pension point makes 85 → AAA
    assert (rate_household(**changes).score, rate_household(**changes).grade) == (D(84), "AA")
    assert (rate_household(pension_insured=True, **changes).grade) == "AAA"


@pytest.mark.parametrize(("score", "grade"), [("85", "AAA"), ("84.99", "AA"), ("75", "AA"), ("74.99", "A"),
                                              ("60", "A"), ("59.99", "B"), ("0", "B"), ("100", "AAA")])
def test_grade_bands_start_at_their_lower_bound(score, grade):
    assert HOUSEHOLD.grade_for(D(score)) == grade


def test_missing_fields_make_the_rating_incomplete_and_score_zero_with_a_reason():
    record = household()
    del record["annual_net_income"], record["loans"]
    result = rate(record, HOUSEHOLD, ON)
    assert not result.complete
    assert result.missing == ("annual_net_income", "loans")
    assert points(result, "B7") == 0 and item(result, "B7").reason.startswith("缺少数据：家庭年纯收入")
    for indicator in ("B8", "B9", "P7"):  # all need the loans
        assert points(result, indicator) == 0 and "loans" in item(result, indicator).reason
    assert not result.credit_household and result.credit_line == 0


def test_absent_optional_fields_read_as_zero_and_false_not_as_missing():
    record = household()
    assert "other_debts" not in record
    del record["dishonest_debtor"]
    result = rate(record, HOUSEHOLD, ON)
    assert result.complete and result.missing == () and result.vetoes == ()


@pytest.mark.parametrize("consent", [None, {"signed": False, "date": "2024-01-01", "collector": "王"}])
def test_household_without_signed_consent_is_not_rated_at_all(consent):
    record = household(consent=consent)
    if consent is None:
        del record["consent"]
    result = rate(record, HOUSEHOLD, ON)
    assert (result.complete, result.missing, result.grade, result.items) == (False, ("consent",), None, ())
    assert result.to_json()["grade"] is None and not result.credit_household


@pytest.mark.parametrize(("changes", "field"), [
    ({"annual_net_income": 85000.5}, "annual_net_income"),
    ({"annual_net_income": "八万"}, "annual_net_income"),
    ({"years_resident": "20"}, "years_resident"),
    ({"head_health": "fine"}, "head_health"),
    ({"agri_insurance": "yes"}, "agri_insurance"),
    ({"loans": [{"lender": "农商行", "balance": "-1.00", "overdue_days": 0}]}, "loans[0].balance"),
    ({"loans": [{"lender": "农商行", "balance": "1.00"}]}, "loans[0].overdue_days"),
    ({"penalties": [{"kind": "jaywalking", "date": "2023-01-01"}]}, "penalties[0].kind"),
    ({"honours": [{"level": "village", "date": "2023-13-01"}]}, "honours[0].date"),
    ({"head_id_number": "44052219801301123X"}, "head_id_number"),
    ({"consent": "yes"}, "consent"),
])
def test_malformed_values_raise_a_record_error_naming_the_field(changes, field):
    with pytest.raises(RecordError) as caught:
        rate_household(**changes)
    assert caught.value.field == field
    assert str(caught.value).startswith(field)


def test_a_malformed_platform_record_about_the_household_is_refused_naming_it():
    events = ({"record_type": "conduct_event", "subject_id_number": head_id(41), "kind": "x", "date": "bad"},
              {"record_type": "conduct_event", "subject_id_number": HEAD, "kind": "environment", "date": "2024/01/01"})
    with pytest.raises(RecordError) as caught:
        rate_household(events=events)
    assert caught.value.field == "events[1]"  # the record about somebody else is not even read
