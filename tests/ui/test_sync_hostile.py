"""A sync the user asked for against a hostile server: a Chinese message box, the window goes
offline with the reason, and every change stays queued."""
from __future__ import annotations

import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from test_sync_client_failures import FakePlatform  # noqa: E402
from test_sync_gui import platform, window  # noqa: E402,F401 - the module's fixtures
from test_sync_progress import _enrolled_with_changes  # noqa: E402

from app.store.models import SyncState  # noqa: E402
from sync.engine.service import sync_status  # noqa: E402


class Hostile(FakePlatform):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()


@pytest.fixture(scope="module")
def hostile():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode, words", [("html", "平台的响应无法识别"), ("redirect to http", "跳转"),
                                         ("garbage", "JSON 无法解析"), ("10 MB body", "响应超过")])
def test_a_hostile_server_gives_a_chinese_message_box_and_keeps_the_queue(window, qtbot, ws, platform, hostile,  # noqa: F811
                                                                         mode, words):
    _enrolled_with_changes(ws, platform, 2)
    hostile.mode = mode
    with ws.db.session() as session:
        session.get(SyncState, 1).platform_url = f"http://127.0.0.1:{hostile.server_port}"
    with qtbot.waitSignal(window.sync.sig_failed, timeout=30_000) as failed:
        window.sync.start(interactive=True)
    assert words in failed.args[0] and "\n" not in failed.args[0]
    box = window.sync.box
    assert box.isVisible() and box.text() == failed.args[0] and box.windowTitle() == "同步未完成"
    box.close()
    qtbot.waitUntil(lambda: "离线" in window.network_label.text(), timeout=5000)
    assert words in window.network_label.toolTip()
    assert sync_status(ws).pending == 2
