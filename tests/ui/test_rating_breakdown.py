"""The rating breakdown view: the latest stored rating of a household, every point explained."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.ratings import rate_household
from app.store.models import Household, Rating
from app.ui.rating.breakdown import RatingBreakdownDialog
from app.ui.workers import wait_for_tasks
from tests.conftest import DEMO_TODAY, demo_city, login

LATER = date(2027, 2, 1)
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "breakdown-city", 120, seed=9)


@pytest.fixture
def loan(city: Path):
    workspace = login(city, "loan")
    yield workspace
    workspace.close()


def _household(ws, consent: bool = True) -> str:
    with ws.db.session() as session:
        return session.scalars(select(Household.id).where(Household.consent_signed.is_(consent))
                               .order_by(Household.id)).first()


def _open(qtbot, ws, subject_id: str) -> RatingBreakdownDialog:
    dialog = RatingBreakdownDialog(ws, subject_id, "测试户")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    return dialog


def _column(dialog: RatingBreakdownDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_breakdown_shows_the_latest_rating_and_every_indicator_with_its_reason(app, qtbot, loan):
    household_id = _household(loan)
    rate_household(loan, household_id, DEMO_TODAY)
    latest = rate_household(loan, household_id, LATER)
    dialog = _open(qtbot, loan, household_id)
    result = latest.result
    assert dialog.history.count() >= 2 and dialog.history.currentText().startswith(LATER.isoformat())
    shown = {name: label.text() for name, label in dialog.values.items()}
    assert (shown["score"], shown["base"], shown["bonus"], shown["penalty"]) == (
        result["score"], result["base"], result["bonus"], result["penalty"])
    assert shown["grade"] == result["grade"] and shown["credit_line"] == f"{result['credit_line']} 元"
    assert shown["scheme"] == "农户信用等级评价默认方案（第 1 版）"  # the title, not the reference
    assert _column(dialog, 3) == [item["reason"] for item in result["items"]]
    assert [p.split(" / ")[0] for p in _column(dialog, 2)] == [item["points"] for item in result["items"]]
    assert {"基础", "加分", "扣分"} >= set(_column(dialog, 0)) and "基础" in _column(dialog, 0)
    dialog.resize(900, 640)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "rating-breakdown.png"))
    wait_for_tasks()


def test_choosing_an_earlier_rating_shows_that_ratings_figures(app, qtbot, loan):
    household_id = _household(loan)
    first = rate_household(loan, household_id, DEMO_TODAY)
    with loan.db.session() as session:  # a veto after the first rating
        row = session.get(Household, household_id)
        row.data = {**row.data, "criminal_record_5y": True}
    rate_household(loan, household_id, LATER)
    dialog = _open(qtbot, loan, household_id)
    assert dialog.values["grade"].text() == "C" and dialog.values["vetoes"].text() != "无"
    dialog.history.setCurrentIndex(dialog.history.count() - 1)
    assert dialog.history.currentText().startswith(DEMO_TODAY.isoformat())
    assert dialog.values["grade"].text() == first.result["grade"] and dialog.values["vetoes"].text() == "无"
    wait_for_tasks()


def test_a_household_without_consent_is_shown_as_not_rated(app, qtbot, loan):
    household_id = _household(loan, consent=False)
    rate_household(loan, household_id, DEMO_TODAY)
    dialog = _open(qtbot, loan, household_id)
    assert dialog.values["grade"].text() == "未评级" and "不予评级" in dialog.status.text()
    assert dialog.model.rowCount() == 0
    wait_for_tasks()


def test_a_household_never_rated_says_so(app, qtbot, loan):
    with loan.db.session() as session:
        household_id = session.scalars(select(Household.id).where(Household.id.not_in(select(Rating.subject_id)))
                                       .order_by(Household.id)).first()
    dialog = _open(qtbot, loan, household_id)
    assert dialog.history.count() == 0 and "尚未评级" in dialog.status.text()
    assert dialog.model.rowCount() == 0
    wait_for_tasks()


def test_a_refusal_is_shown_in_the_view_not_raised(app, qtbot, city):
    admin = login(city, "admin")  # the administrator sees no credit files
    try:
        dialog = _open(qtbot, admin, "any-id")
        assert "无法读取评级" in dialog.status.text()
    finally:
        wait_for_tasks()
        admin.close()
