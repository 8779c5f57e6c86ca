"""A credit village is judged on its confirmed credit households, with the final grades."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.ratings import rate_all
from app.services.villages import village_report
from app.services.workflow import appraise, appraise_village, confirm_village, start_notice
from app.store.models import Household, Rating
from tests.conftest import DEMO_TODAY, demo_city, login, writable_copy

NOTICE_END = DEMO_TODAY + timedelta(days=7)  # the day after a 7-day notice started on DEMO_TODAY


@pytest.fixture(scope="module")
def rated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 households, every one rated on DEMO_TODAY (newer than all the demo's workflow)."""
    folder = demo_city(tmp_path_factory, "confirmed-demo", 300, seed=7)
    loan = login(folder, "loan")
    rate_all(loan, None, DEMO_TODAY)
    loan.close()
    return folder


@pytest.fixture
def city(rated_template: Path, tmp_path: Path) -> Path:
    return writable_copy(rated_template, tmp_path)


def _as(city: Path, username: str, work, *args):
    ws = login(city, username)
    try:
        return work(ws, *args)
    finally:
        ws.close()


def _busiest_village(city: Path) -> str:
    def find(ws):
        with ws.db.session() as session:
            codes = session.scalars(select(Household.village_code).where(Household.deleted.is_(False))).all()
        return max(set(codes), key=codes.count)
    return _as(city, "loan", find)


def _village(city: Path, code: str, on):
    return _as(city, "loan", lambda ws: village_report(ws, code, on).villages[0])


def _confirm(city: Path, code: str) -> None:
    _as(city, "township", lambda ws: appraise_village(ws, code, "评议小组同意初评", "张三、李四", DEMO_TODAY))
    _as(city, "township", lambda ws: start_notice(ws, code, DEMO_TODAY))
    _as(city, "supervisor", lambda ws: confirm_village(ws, code, NOTICE_END))


def test_computed_ratings_alone_make_no_credit_household_for_the_criteria(city):
    village = _village(city, _busiest_village(city), DEMO_TODAY)
    assert village.computed_credit_households > 0 and village.stats.credit_households == 0
    assert any(f.criterion == "credit_household_ratio" for f in village.evaluation.failures)


def test_once_confirmed_the_credit_households_count_from_the_confirmation_day(city):
    code = _busiest_village(city)
    _confirm(city, code)
    before, confirmed = _village(city, code, NOTICE_END - timedelta(days=1)), _village(city, code, NOTICE_END)
    assert before.stats.credit_households == 0
    assert confirmed.stats.credit_households == confirmed.computed_credit_households > 0
    assert confirmed.evaluation.credit_household_ratio == Decimal(confirmed.stats.credit_households) / \
        confirmed.stats.filed_households


def test_an_expired_confirmation_no_longer_counts(city):
    code = _busiest_village(city)
    _confirm(city, code)
    two_years_on = _village(city, code, NOTICE_END + timedelta(days=731))
    assert two_years_on.stats.credit_households == 0 and two_years_on.computed_credit_households > 0


def test_an_appraisal_that_lowers_a_grade_moves_it_in_the_distribution_and_out_of_the_credit_households(city):
    def low_a(ws):  # an A less than 5 points above the bar (grade A: 60-74.99, so text order is numeric)
        with ws.db.session() as session:
            return session.execute(select(Rating.id, Household.village_code)
                                   .join(Household, Household.id == Rating.subject_id)
                                   .where(Rating.rated_on == DEMO_TODAY, Rating.grade == "A",
                                          Rating.score < "65.00")).first()
    rating_id, code = _as(city, "loan", low_a)
    computed = _village(city, code, DEMO_TODAY)
    _as(city, "township", lambda ws: appraise(ws, rating_id, -5, "村评议小组认为收入偏高", "张三、李四", DEMO_TODAY))
    appraised = _village(city, code, DEMO_TODAY)
    assert appraised.grades.get("A", 0) == computed.grades["A"] - 1
    assert appraised.grades.get("B", 0) == computed.grades.get("B", 0) + 1
    _confirm(city, code)
    confirmed = _village(city, code, NOTICE_END)
    assert confirmed.stats.credit_households == confirmed.computed_credit_households - 1
