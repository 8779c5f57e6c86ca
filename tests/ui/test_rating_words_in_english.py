"""The credit-village failures and the workflow's "wrong stage" refusals read in English in the English UI."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.rating.scheme import find_scheme
from app.rating.villages import VillageStats, evaluate_village
from app.services.villages import VillageReport
from app.services.workflow_checks import expect_stage
from app.services.workflow_state import RatingState, Stage
from app.ui.accounts.dialogs import problem_text
from app.ui.i18n import install_language
from app.ui.rating.village_table import VillageTableModel

FAILING = VillageStats(registered_households=100, filed_households=80, credit_households=40,
                       borrowing_households=0, borrowing_without_overdue=0, loan_balance_fen=1000,
                       overdue_balance_fen=500)


@pytest.fixture
def english(app):
    assert install_language(app, "en")
    yield app
    install_language(app, "zh_CN")


def _failures_cell() -> str:
    evaluation = evaluate_village(FAILING, find_scheme("household-default"))
    model = VillageTableModel()
    model.set_villages([VillageReport("445102100201", "东山村", "445102100000", FAILING, 80, {"A": 40}, 40,
                                      evaluation)])
    return model.index(0, 10).data()


def test_the_failing_criteria_of_a_village_read_in_english(english):
    text = _failures_cell()
    assert text == ("Filed households are 80% of registered households, below 90%; "
                    "Credit households are 50% of filed households, below 70%; "
                    "The non-performing loan ratio is 50%, above 3%")


def test_the_failing_criteria_stay_chinese_by_default(app):
    text = _failures_cell()
    assert text == "；".join(f.message for f in evaluate_village(FAILING, find_scheme("household-default")).failures)
    assert "信用户占建档户数" in text


def _wrong_stage() -> Exception:
    confirmed = RatingState(Decimal("80.00"), "AA", True, confirmed_on=date(2026, 1, 5), valid_until=date(2027, 1, 4))
    with pytest.raises(Exception) as caught:
        expect_stage(confirmed, date(2026, 3, 1), (Stage.COMPUTED, Stage.APPRAISED), "appraise")
    return caught.value


def test_a_wrong_stage_refusal_names_the_stage_and_the_action_in_english(english):
    error = _wrong_stage()
    assert error.problem.params["stage_value"] == "confirmed" and error.problem.params["action_code"] == "appraise"
    text = problem_text(error)
    assert "Confirmed" in text and "cannot appraise" in text and "已确认" not in text and "评议" not in text, text


def test_a_wrong_stage_refusal_is_one_chinese_sentence_by_default(app):
    assert problem_text(_wrong_stage()) == str(_wrong_stage()) == "评级处于“已确认”阶段，不能评议"
