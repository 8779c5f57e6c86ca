"""Every way a sync can fail ends in the right SyncError subclass with a one-line Chinese message."""
from __future__ import annotations

import json
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.client import PlatformClient, clock_warnings
from sync.errors import (BadResponse, ClientTooOld, Forbidden, RequestRefused, ServerFailed, SyncError,
                         Unauthorized, Unreachable)

PULL_BODY = {"changes": [], "next_cursor": "djE6MA==", "has_more": False}


def _json(status: int, body: object) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


ANSWERS = {
    "html": lambda: (200, {"Content-Type": "text/html"}, b"<html><body>Portal login</body></html>"),
    "garbage": lambda: (200, {"Content-Type": "application/json"}, b"\x00\xff{not json"),
    "wrong schema": lambda: _json(200, {"rows": [], "server_time": _now()}),
    "10 MB body": lambda: (200, {"Content-Type": "application/json"}, b" " * (10 * 1024 * 1024)),
    "redirect to http": lambda: (302, {"Location": "http://evil.example/api/v1/pull",
                                       "Content-Type": "application/json"}, b"{}"),
    "401": lambda: _json(401, {"error": "auth.revoked", "message": "本设备已被平台注销", "server_time": _now()}),
    "403": lambda: _json(403, {"error": "forbidden", "message": "无权", "server_time": _now()}),
    "426": lambda: _json(426, {"error": "version", "message": "请升级", "server_time": _now()}),
    "422": lambda: _json(422, {"error": "request.invalid", "message": "格式", "server_time": _now()}),
    "502 proxy page": lambda: (502, {"Content-Type": "text/html"}, b"<h1>Bad Gateway</h1>"),
    "500": lambda: _json(500, {"error": "server.error", "message": "出错", "server_time": _now()}),
    "slow": lambda: (time.sleep(2), _json(200, {**PULL_BODY, "server_time": _now()}))[1],
    "skewed clock": lambda: _json(200, {**PULL_BODY, "server_time": (
        datetime.now(timezone.utc) + timedelta(minutes=9)).isoformat()}),
}


class FakePlatform(BaseHTTPRequestHandler):
    """Answers every request with ``ANSWERS[server.mode]``."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, headers, body = ANSWERS[self.server.mode]()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose (too big, too slow)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def fake():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePlatform)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode, error", [
    ("html", BadResponse), ("garbage", BadResponse), ("wrong schema", BadResponse),
    ("10 MB body", BadResponse), ("redirect to http", BadResponse), ("401", Unauthorized),
    ("403", Forbidden), ("426", ClientTooOld), ("422", RequestRefused), ("502 proxy page", ServerFailed),
    ("500", ServerFailed), ("slow", Unreachable),
])
def test_a_bad_answer_raises_the_right_sync_error(fake, mode, error):
    fake.mode = mode
    client = PlatformClient(f"http://127.0.0.1:{fake.server_port}", token="secret-token-value",
                            timeout=(2, 0.5))
    with pytest.raises(error) as raised:
        client.pull()
    assert type(raised.value) is error
    assert raised.value.message and "\n" not in raised.value.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in raised.value.message)
    assert "secret-token-value" not in str(raised.value)


def test_a_refused_connection_is_unreachable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(Unreachable) as raised:
        PlatformClient(f"http://127.0.0.1:{port}", timeout=(1, 1)).pull()
    assert "无法连接" in raised.value.message


def test_an_unknown_host_is_unreachable():
    with pytest.raises(Unreachable):
        PlatformClient("https://platform.invalid", timeout=(1, 1)).pull()


def test_every_sync_error_is_one_family():
    for error in (BadResponse, Unauthorized, Forbidden, ClientTooOld, Unreachable, ServerFailed, RequestRefused):
        assert issubclass(error, SyncError)


def test_a_server_clock_off_by_more_than_five_minutes_adds_a_warning(fake):
    fake.mode = "skewed clock"
    page = PlatformClient(f"http://127.0.0.1:{fake.server_port}").pull()
    assert len(page.warnings) == 1 and "时钟" in page.warnings[0]


@pytest.mark.parametrize("offset, warned", [(timedelta(minutes=4, seconds=59), False),
                                            (timedelta(minutes=-6), True), (timedelta(hours=3), True)])
def test_clock_warnings_start_past_five_minutes(offset, warned):
    now = datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)
    assert bool(clock_warnings(now + offset, now)) is warned
