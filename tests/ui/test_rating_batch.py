"""Batch rating from the GUI: progress reaches the bar through a signal, Cancel keeps stored pages."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from app.services import rating_batch
from app.store.models import Cooperative, Household, Rating
from app.ui.rating.batch_dialog import BatchRatingDialog
from app.ui.workers import wait_for_tasks
from tests.conftest import DEMO_TODAY, demo_city, login, writable_copy

SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "batch-city", 200, seed=4)


@pytest.fixture
def loan(template: Path, tmp_path: Path):
    folder = writable_copy(template, tmp_path)
    workspace = login(folder, "loan")
    yield workspace
    wait_for_tasks()
    workspace.close()


def _count(ws, model) -> int:
    with ws.db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _dialog(qtbot, ws) -> BatchRatingDialog:
    dialog = BatchRatingDialog(ws, None, "全部区划")
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day))
    dialog.show()
    return dialog


def test_a_run_rates_everything_and_the_bar_follows_each_page(app, qtbot, loan, monkeypatch):
    monkeypatch.setattr(rating_batch, "PAGE", 50)
    dialog = _dialog(qtbot, loan)
    before = _count(loan, Rating)  # the demo city may hold ratings of its own
    seen: list[tuple[int, int]] = []
    dialog._relay.sig_progress.connect(lambda done, total: seen.append((dialog.progress.value(), total)))
    with qtbot.waitSignal(dialog.sig_finished, timeout=30_000) as finished:
        dialog.start_button.click()
    summary = finished.args[0]
    households, cooperatives = _count(loan, Household), _count(loan, Cooperative)
    everything = households + cooperatives
    assert not summary.cancelled and summary.rated == everything == _count(loan, Rating) - before
    pages = [*range(50, households + 1, 50), *([everything] if cooperatives else [])]
    assert [value for value, _total in seen] == pages and {total for _value, total in seen} == {everything}
    assert dialog.progress.value() == dialog.progress.maximum() == everything
    assert "评级完成" in dialog.status.text() and "农户 200 户" in dialog.status.text()
    assert dialog.cancel_button.text() == "关闭" and not dialog.running
    assert summary.households.by_grade
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "rating-batch.png"))


def test_cancel_stops_after_the_page_being_stored_and_keeps_it(app, qtbot, loan, monkeypatch):
    monkeypatch.setattr(rating_batch, "PAGE", 50)
    reached, gate = threading.Event(), threading.Event()
    real_rate_page = rating_batch._rate_page
    calls = []

    def gated(*args):  # the second page waits until the test has pressed Cancel
        calls.append(1)
        if len(calls) == 2:
            reached.set()
            gate.wait(10)
        return real_rate_page(*args)

    monkeypatch.setattr(rating_batch, "_rate_page", gated)
    dialog = _dialog(qtbot, loan)
    before = _count(loan, Rating)
    dialog.start_button.click()
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    dialog.cancel_button.click()
    assert dialog.running and dialog.isVisible() and "正在取消" in dialog.status.text()
    with qtbot.waitSignal(dialog.sig_finished, timeout=30_000) as finished:
        gate.set()
    summary = finished.args[0]
    assert summary.cancelled and summary.rated == 50 == _count(loan, Rating) - before
    assert "已取消" in dialog.status.text()
    dialog.cancel_button.click()  # now it closes
    assert not dialog.isVisible()


def test_a_viewer_is_told_the_run_was_refused(app, qtbot, template):
    viewer = login(template, "viewer")
    try:
        dialog = _dialog(qtbot, viewer)
        with qtbot.waitSignal(dialog.sig_finished, timeout=10_000):
            dialog.start_button.click()
        assert "评级未能完成" in dialog.status.text() and not dialog.running
    finally:
        wait_for_tasks()
        viewer.close()
