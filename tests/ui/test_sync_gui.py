"""Sync in the GUI: the status bar, 同步 in a worker against a real platform, the review dialog."""
from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from sync_fixtures import DIVISIONS_YAML, VILLAGE_A1, Platform, serve  # noqa: E402

from app.services.records import store_document  # noqa: E402
from app.store.models import Division, OutboxEntry, ReviewItem, SyncState  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.sync.review_dialog import ReviewDialog  # noqa: E402
from app.ui.workers import wait_for_tasks  # noqa: E402
from sync.engine.service import enrol  # noqa: E402
from sync.platform import admin  # noqa: E402
from sync.platform.app import PlatformSettings, create_app  # noqa: E402
from sync.platform.db import PlatformDB  # noqa: E402

SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    folder = tmp_path_factory.mktemp("platform")
    db = PlatformDB(f"sqlite:///{folder / 'platform.db'}")
    db.create_schema()
    (folder / "divisions.yaml").write_text(DIVISIONS_YAML, "utf-8")
    admin.load_divisions(db, folder / "divisions.yaml")
    with serve(create_app(db, PlatformSettings())) as url:
        yield Platform(db, url)
    db.close()


@pytest.fixture
def window(app, qtbot, ws):
    main = MainWindow(ws)
    qtbot.addWidget(main)
    main.resize(1100, 600)
    main.show()
    yield main
    wait_for_tasks()


def _household(ws) -> dict:
    """A household stored locally (its village created first), as a pull would leave it."""
    document = Platform(None, "").household(VILLAGE_A1)
    with ws.db.session() as session:
        for code, level, parent in (("445122000000", "county", None), ("445122101000", "township", "445122000000"),
                                    (VILLAGE_A1, "village", "445122101000")):
            session.merge(Division(code=code, name=code, level=level, parent_code=parent))
        session.flush()
        store_document(session, "loan", document, base_revision=None, audit_action="record_pulled", queue=False)
    return document


def _conflict(ws, record_id: str, local: str, server: str) -> None:
    with ws.db.session() as session:
        session.add(ReviewItem(record_type="household", record_id=record_id, field="head_phone",
                               local_value=local, server_value=server, mutation_id=7, server_revision=2))


def _shoot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def test_the_status_bar_shows_waiting_refused_and_conflicting_changes(window, qtbot, ws):
    document = _household(ws)
    with ws.db.session() as session:
        session.add(SyncState(id=1, platform_url="https://platform.example.cn", device_id="d", device_name="n",
                              username="u", token="t", divisions=[], cursor=""))
        for state in ("pending", "pending", "rejected", "applied"):
            session.add(OutboxEntry(record_type="household", record_id=document["id"], op="patch",
                                    base_revision=1, fields={}, state=state))
    _conflict(ws, document["id"], "13733334444", "13911112222")
    window.sync.refresh()
    widget = window.sync.widget
    qtbot.waitUntil(lambda: widget.pending_label.text() == "待上传 2 条", timeout=5000)
    assert widget.rejected_label.text() == "被拒绝 1 条" and widget.rejected_label.isVisibleTo(window)
    assert "待处理冲突 1 条" in widget.reviews_label.text()
    assert widget.sync_label.text() == "上次同步：从未同步"
    _shoot(window, "sync-status-bar.png")


def test_sync_now_runs_in_a_worker_and_reports_online(window, qtbot, ws, platform):
    enrol(ws, platform.url, admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1)))
    with qtbot.waitSignal(window.sync.sig_synced, timeout=20_000) as done:
        window.sync.sync_action.trigger()
        assert window.sync.running and not window.sync.sync_action.isEnabled()
    assert done.args[0].pull.received > 0
    qtbot.waitUntil(lambda: "在线" in window.network_label.text(), timeout=5000)
    assert "从未同步" not in window.sync_label.text()
    assert window.sync.sync_action.isEnabled()
    with ws.db.session() as session:
        assert session.scalar(select(Division.code).where(Division.code == VILLAGE_A1)) == VILLAGE_A1


def test_a_failed_sync_says_why_and_goes_offline(window, qtbot, ws, platform):
    enrol(ws, platform.url, admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1)))
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with ws.db.session() as session:
        session.get(SyncState, 1).platform_url = f"http://127.0.0.1:{port}"
    with qtbot.waitSignal(window.sync.sig_failed, timeout=30_000) as failed:
        window.sync.start(interactive=False)
    assert "无法连接" in failed.args[0]
    qtbot.waitUntil(lambda: "离线" in window.network_label.text(), timeout=5000)
    assert "无法连接" in window.network_label.toolTip()


def test_the_review_dialog_shows_both_values_and_keeps_the_one_picked(app, qtbot, ws):
    document = _household(ws)
    _conflict(ws, document["id"], "13733334444", "13911112222")
    dialog = ReviewDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    assert dialog.local.value.text() == "13733334444" and dialog.server.value.text() == "13911112222"
    assert document["head_name"] in dialog.heading.text()
    _shoot(dialog, "sync-review-dialog.png")
    dialog.local.keep.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0 and "下次同步" in dialog.message.text(), timeout=5000)
    assert not dialog.local.keep.isEnabled()
    with ws.db.session() as session:
        [patch] = session.scalars(select(OutboxEntry).where(OutboxEntry.op == "patch")).all()
        assert patch.fields == {"head_phone": "13733334444"} and patch.base_revision == 2
    _shoot(dialog, "sync-review-dialog-done.png")
    wait_for_tasks()
