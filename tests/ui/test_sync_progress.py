"""The status bar while syncing (a busy bar and the running counts) and the automatic sync that
starts when a probe finds the platform reachable again."""
from __future__ import annotations

import socket

from test_sync_gui import _shoot, platform, window  # noqa: F401 - the module's fixtures

from app.services.records import store_document
from app.store.models import SyncState
from app.ui.workers import wait_for_tasks
from sync.engine.service import enrol, sync_now, sync_status
from sync.platform import admin
from sync_fixtures import VILLAGE_A1  # noqa: E402 - on the path through test_sync_gui


def _enrolled_with_changes(ws, platform, count: int) -> list[dict]:  # noqa: F811
    """Enrol, sync once (divisions), then store ``count`` new households to push."""
    enrol(ws, platform.url, admin.issue_enrolment_code(platform.db, platform.user(VILLAGE_A1)))
    sync_now(ws)
    documents = [platform.household() for _ in range(count)]
    with ws.db.session() as session:
        for document in documents:
            store_document(session, "loan", document, base_revision=None, audit_action="record_created")
    return documents


def _closed_port_url() -> str:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{closed.getsockname()[1]}"


def test_a_running_sync_shows_a_busy_bar_and_the_pushed_and_pulled_counts(window, qtbot, ws, platform):  # noqa: F811
    _enrolled_with_changes(ws, platform, 3)
    widget, seen = window.sync.widget, []
    window.sync.sig_progress.connect(lambda stage, n: seen.append((stage, n, widget.progress.isVisible())))
    with qtbot.waitSignal(window.sync.sig_synced, timeout=20_000):
        window.sync.sync_action.trigger()
        assert widget.progress.isVisible() and "已上传 0 条" in widget.progress_label.text()
    qtbot.waitUntil(lambda: any(stage == "pull" for stage, _n, _v in seen), timeout=5000)
    assert any(stage == "push" and n >= 3 for stage, n, _v in seen)
    assert all(visible for _s, _n, visible in seen)  # the counts arrive while the bar is up
    qtbot.waitUntil(lambda: not widget.progress.isVisible(), timeout=5000)
    assert not widget.progress_label.isVisible()


def test_the_progress_indicator_reads_well_in_the_status_bar(window, qtbot):  # noqa: F811
    widget = window.sync.widget
    widget.set_busy(True)
    widget.set_progress("push", 1500)
    widget.set_progress("pull", 320)
    assert widget.progress_label.text() == "已上传 1500 条 / 已下载 320 条"
    _shoot(window, "sync-progress.png")
    widget.set_busy(False)


def test_the_probe_syncs_by_itself_once_the_platform_is_reachable_again(window, qtbot, ws, platform):  # noqa: F811
    _enrolled_with_changes(ws, platform, 2)
    with ws.db.session() as session:
        session.get(SyncState, 1).platform_url = _closed_port_url()
    with qtbot.waitSignal(window.sync.sig_failed, timeout=30_000):
        window.sync.start(interactive=False)
    qtbot.waitUntil(window.sync.probe_timer.isActive, timeout=5000)  # changes wait, platform away
    window.sync.probe()
    qtbot.waitUntil(lambda: not window.sync._probing, timeout=5000)
    assert not window.sync.running  # unreachable: no sync was started
    with ws.db.session() as session:
        session.get(SyncState, 1).platform_url = platform.url
    with qtbot.waitSignal(window.sync.sig_synced, timeout=20_000):
        window.sync.probe()
    qtbot.waitUntil(lambda: not window.sync.probe_timer.isActive(), timeout=5000)
    assert sync_status(ws).pending == 0
    wait_for_tasks()
