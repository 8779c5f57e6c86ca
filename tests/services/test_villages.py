"""Credit villages and townships: the SQL counts agree with the documents, the latest rating
counts, and the criteria are judged (and named) by the scheme."""
from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.rating.batch import DEFAULT_SCHEMES
from app.rating.scheme import find_scheme
from app.rating.villages import TownshipStats, evaluate_township, evaluate_village
from app.security.roles import PermissionDenied
from app.services.demo import create_demo_store
from app.services.ratings import NOT_RATED, RatingError, rate_all, rate_household
from app.services.villages import village_report
from app.store.models import Division, Household, Rating
from tests.conftest import DEMO_TODAY, login

HOUSEHOLDS = 300
LATER = date(2027, 3, 1)


@pytest.fixture(scope="module")
def rated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo city of 300 households, every household and cooperative rated once on DEMO_TODAY."""
    folder = tmp_path_factory.mktemp("villages-demo")
    admin, _summary = create_demo_store(folder, HOUSEHOLDS, seed=7, today=DEMO_TODAY)
    admin.close()
    loan = login(folder, "loan")
    rate_all(loan, None, DEMO_TODAY)
    loan.close()
    return folder


@pytest.fixture
def loan(rated_template: Path, tmp_path: Path):
    folder = tmp_path / "city"
    shutil.copytree(rated_template, folder)
    workspace = login(folder, "loan")
    yield workspace
    workspace.close()


def _fen(amount: str) -> int:
    return int(Decimal(amount) * 100)


def _expected_loans(documents: list[dict]) -> tuple[int, int, int, int]:
    """(borrowing, borrowing without overdue, balance fen, overdue balance fen), by hand in Decimal."""
    borrowing = without = balance = overdue = 0
    for document in documents:
        loans = [loan for loan in document.get("loans") or [] if _fen(loan["balance"]) > 0]
        if not loans:
            continue
        borrowing += 1
        late = [loan for loan in loans if loan.get("overdue_days", 0) > 0]
        without += not late
        balance += sum(_fen(loan["balance"]) for loan in loans)
        overdue += sum(_fen(loan["balance"]) for loan in late)
    return borrowing, without, balance, overdue


def _documents_by_village(ws) -> dict[str, list[dict]]:
    by_village: dict[str, list[dict]] = {}
    with ws.db.session() as session:
        for code, document in session.execute(select(Household.village_code, Household.data)
                                              .where(Household.deleted.is_(False))):
            by_village.setdefault(code, []).append(document)
    return by_village


def test_every_villages_counts_and_loans_agree_with_its_documents(loan):
    report = village_report(loan, None, DEMO_TODAY)
    documents = _documents_by_village(loan)
    with loan.db.session() as session:
        registered = dict(session.execute(select(Division.code, Division.registered_households)
                                          .where(Division.level == "village")).all())
    assert len(report.villages) == len(registered) and sum(v.stats.filed_households for v in report.villages) == HOUSEHOLDS
    for village in report.villages:
        mine = documents.get(village.code, [])
        s = village.stats
        assert s.filed_households == len(mine)
        assert s.registered_households == max(registered[village.code], len(mine))
        assert (s.borrowing_households, s.borrowing_without_overdue, s.loan_balance_fen,
                s.overdue_balance_fen) == _expected_loans(mine)


def test_grades_and_credit_households_come_from_each_households_rating(loan):
    report = village_report(loan, None, DEMO_TODAY)
    with loan.db.session() as session:
        village_of = dict(session.execute(select(Household.id, Household.village_code)).all())
    with loan.db.session() as session:  # the demo rated some villages earlier: the latest counts
        rows = session.execute(select(Rating.subject_id, Rating.grade, Rating.credit_household)
                               .where(Rating.subject_type == "household")
                               .order_by(Rating.rated_on, Rating.created_at)).all()
    ratings = {subject_id: (subject_id, grade, credit) for subject_id, grade, credit in rows}.values()
    grades: dict[str, Counter] = {}
    credit: Counter = Counter()
    for subject_id, grade, is_credit in ratings:
        grades.setdefault(village_of[subject_id], Counter())[grade or NOT_RATED] += 1
        credit[village_of[subject_id]] += is_credit
    for village in report.villages:
        assert village.grades == dict(grades.get(village.code, {}))
        assert village.computed_credit_households == credit[village.code]
        assert village.rated_households == sum(n for g, n in village.grades.items() if g != NOT_RATED)


def test_the_latest_rating_on_or_before_the_day_is_the_one_that_counts(loan):
    with loan.db.session() as session:
        household_id, code, _grade = session.execute(
            select(Rating.subject_id, Household.village_code, Rating.grade)
            .join(Household, Household.id == Rating.subject_id)
            .where(Rating.grade == "AAA", Rating.rated_on == DEMO_TODAY)).first()
        row = session.get(Household, household_id)
        row.data = {**row.data, "criminal_record_5y": True}  # a veto: grade C from now on
    before = village_report(loan, code, DEMO_TODAY).villages[0]
    assert rate_household(loan, household_id, LATER).grade == "C"
    now = village_report(loan, code, LATER).villages[0]
    assert village_report(loan, code, DEMO_TODAY).villages[0] == before  # the day before: the old rating
    assert now.grades["C"] == before.grades.get("C", 0) + 1 and now.grades["AAA"] == before.grades["AAA"] - 1
    assert now.computed_credit_households == before.computed_credit_households - 1
    assert sum(now.grades.values()) == sum(before.grades.values())


def test_a_household_never_rated_is_filed_but_in_no_grade(loan):
    with loan.db.session() as session:
        village = session.scalars(select(Household.village_code)).first()
    before = village_report(loan, village, DEMO_TODAY).villages[0]
    assert village_report(loan, village, date(2020, 1, 1)).villages[0].grades == {}
    assert sum(before.grades.values()) == before.stats.filed_households


def test_each_village_is_judged_by_the_schemes_criteria_with_failures_named(loan):
    scheme = find_scheme(DEFAULT_SCHEMES["household"])
    report = village_report(loan, None, DEMO_TODAY)
    for village in report.villages:
        assert village.evaluation == evaluate_village(village.stats, scheme)
    failing = [v for v in report.villages if not v.evaluation.is_credit_village]
    assert failing and all(v.evaluation.failures for v in failing)
    assert report.criteria["village_filed_ratio_min"] == Decimal("0.90")


def test_each_township_counts_its_credit_villages_and_loans(loan):
    scheme = find_scheme(DEFAULT_SCHEMES["household"])
    report = village_report(loan, None, DEMO_TODAY)
    with loan.db.session() as session:
        townships = set(session.scalars(select(Division.code).where(Division.level == "township")))
    assert {t.code for t in report.townships} == townships
    for township in report.townships:
        own = [v for v in report.villages if v.township_code == township.code]
        expected = TownshipStats(len(own), sum(v.evaluation.is_credit_village for v in own),
                                 sum(v.stats.loan_balance_fen for v in own), sum(v.stats.overdue_balance_fen for v in own))
        assert township.stats == expected and township.evaluation == evaluate_township(expected, scheme)


@pytest.mark.parametrize("balance, overdue_days, fen, late", [
    ("12.5", 0, 1250, False),
    ("7", 30, 700, True),
    ("0.05", 1, 5, True),
    ("123456789.99", 0, 12345678999, False),
    ("0.00", 400, 0, False),  # a repaid loan neither borrows nor is overdue
], ids=["one decimal", "whole yuan", "five fen", "large", "zero balance"])
def test_loan_balances_become_exact_fen(loan, balance, overdue_days, fen, late):
    with loan.db.session() as session:
        village = session.scalars(select(Division.code).where(Division.level == "village")
                                  .order_by(Division.code)).first()
        for row in session.scalars(select(Household).where(Household.village_code == village)):
            row.data = {**row.data, "loans": []}
        first = session.scalars(select(Household).where(Household.village_code == village)).first()
        first.data = {**first.data, "loans": [{"lender": "农商行", "kind": "bank", "principal": "1.00",
                                               "balance": balance, "overdue_days": overdue_days}]}
    s = village_report(loan, village, DEMO_TODAY).villages[0].stats
    assert (s.loan_balance_fen, s.overdue_balance_fen) == (fen, fen if late else 0)
    assert (s.borrowing_households, s.borrowing_without_overdue) == ((1, 0 if late else 1) if fen else (0, 0))


def test_a_village_or_township_reports_only_what_lies_in_it(loan):
    with loan.db.session() as session:
        township = session.scalars(select(Division.code).where(Division.level == "township")
                                   .order_by(Division.code)).first()
    report = village_report(loan, township, DEMO_TODAY)
    assert [t.code for t in report.townships] == [township]
    assert report.villages and all(v.township_code == township for v in report.villages)
    single = village_report(loan, report.villages[0].code, DEMO_TODAY)
    assert [v.code for v in single.villages] == [report.villages[0].code] and single.townships == []


def test_an_unknown_division_is_refused_and_the_administrator_sees_no_figures(loan, tmp_path):
    with pytest.raises(RatingError, match="没有区划"):
        village_report(loan, "445199999999", DEMO_TODAY)
    admin = login(loan.data_dir, "admin")
    try:
        with pytest.raises(PermissionDenied):
            village_report(admin, None, DEMO_TODAY)
    finally:
        admin.close()


def test_the_json_form_names_each_failing_criterion(loan):
    document = village_report(loan, None, DEMO_TODAY).to_json()
    assert document["scheme"] == "household-default@1" and document["on"] == DEMO_TODAY.isoformat()
    failing = [v for v in document["villages"] if not v["is_credit_village"]]
    assert failing and all(f["criterion"] and f["message"] for v in failing for f in v["failures"])
    assert {"filed_ratio", "npl_ratio", "grades", "loan_balance_fen"} <= set(document["villages"][0])
