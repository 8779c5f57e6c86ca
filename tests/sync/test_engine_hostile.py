"""A whole sync against hostile or failing servers: a clear one-line error, the queue kept whole,
the store still usable offline; 401 stops the sync; a household outside the assignment is
refused with its reason while the rest goes on."""
from __future__ import annotations

import socket
import threading
from http.server import ThreadingHTTPServer

import pytest
from sync_fixtures import TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1
from test_engine_support import FAST, enrolled_device, platform_copies
from test_sync_client_failures import FakePlatform

from app.cli import main
from app.store.models import Division, SyncState
from sync.client import PlatformClient
from sync.engine.push import push_pending
from sync.engine.service import rejections, sync_now, sync_status
from sync.engine.state import load_state
from sync.errors import BadResponse, SyncError, Unauthorized, Unreachable
from sync.platform import admin
from sync.platform.models import Device as PlatformDevice

SHORT = (2.0, 0.5)  # seconds: connect, read (the fake's "slow" answers after 2 s)


class HostileServer(FakePlatform):
    """The client tests' fake platform, answering pushes (POST) the same hostile way."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()


@pytest.fixture(scope="module")
def hostile():
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileServer)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def device(platform, tmp_path):
    laptop = enrolled_device(platform, tmp_path / "laptop", platform.user(VILLAGE_A1))
    laptop.documents = [platform.household() for _ in range(3)]
    for document in laptop.documents:
        laptop.insert(document)
    yield laptop
    laptop.ws.close()


def _closed_port_url() -> str:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{closed.getsockname()[1]}"


def _queue(device) -> list[tuple[int, str]]:
    return [(e.mutation_id, e.state) for e in device.outbox()]


@pytest.mark.parametrize("mode, error, words", [
    ("down", Unreachable, "无法连接"), ("slow", Unreachable, "超时"), ("garbage", BadResponse, "JSON"),
    ("html", BadResponse, "text/html"), ("10 MB body", BadResponse, "响应超过"),
    ("redirect to http", BadResponse, "跳转"),
])
def test_a_hostile_server_gives_one_clear_line_and_the_queue_stays_whole(device, platform, hostile, mode,
                                                                          error, words):
    hostile.mode = mode
    url = _closed_port_url() if mode == "down" else hostile.url
    before = _queue(device)
    with pytest.raises(error) as raised:
        sync_now(device.ws, url=url, retry=FAST, timeout=SHORT)
    message = raised.value.message
    assert words in message and "\n" not in message and "Traceback" not in message
    assert _queue(device) == before and all(state == "pending" for _id, state in before)
    status = sync_status(device.ws)
    assert status.pending == 3 and status.last_error == message and not status.online
    with device.ws.db.session() as session:
        assert load_state(session).platform_url == platform.url  # a failed URL is not adopted
    late = platform.household()
    device.insert(late)  # still usable offline
    device.sync()
    assert [state for _id, state in _queue(device)] == ["applied"] * 4
    assert all(platform_copies(platform, d["id"]) == 1 for d in [*device.documents, late])


@pytest.mark.parametrize("mode, words", [("html", "text/html"), ("redirect to http", "跳转"), ("down", "无法连接")])
def test_the_sync_command_fails_in_one_line_against_a_hostile_server(device, hostile, monkeypatch, capsys,
                                                                     mode, words):
    hostile.mode = mode
    url = _closed_port_url() if mode == "down" else hostile.url
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", "loan-pass-1")
    common = ["--data-dir", str(device.ws.data_dir), "--user", "loan"]
    assert main(["sync", "--url", url, *common]) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err and "Traceback" not in err
    assert main(["sync", "status", *common]) == 0
    out = capsys.readouterr().out
    assert "待上传 3 条" in out and "上次同步失败" in out


def test_an_expired_token_stops_the_sync_with_401_and_loses_nothing(device, platform):
    with platform.db.write() as session:
        row = session.get(PlatformDevice, sync_status(device.ws).device_id)
        row.token_expires_at = row.token_expires_at.replace(year=2000)
    with device.ws.db.session() as session:
        cursor = load_state(session).cursor
    with pytest.raises(Unauthorized) as raised:
        device.sync()
    assert raised.value.status == 401 and "\n" not in raised.value.message
    assert all(state == "pending" for _id, state in _queue(device))
    assert all(platform_copies(platform, d["id"]) == 0 for d in device.documents)
    with device.ws.db.session() as session:
        assert load_state(session).cursor == cursor  # no pull after the refusal
    assert sync_status(device.ws).pending == 3 and sync_status(device.ws).last_error


class RevokedAfterFirstBatch(PlatformClient):
    """The administrator revokes the device while its push is under way."""

    def __init__(self, *args, platform, device_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform, self.device_id, self.calls = platform, device_id, 0

    def push(self, mutations):
        answer = super().push(mutations)
        self.calls += 1
        if self.calls == 1:
            admin.revoke_device(self.platform.db, self.device_id, "设备丢失")
        return answer


def test_a_device_revoked_mid_push_stops_at_the_next_batch_and_keeps_the_rest(device, platform):
    with device.ws.db.session() as session:
        state = load_state(session)
        client = RevokedAfterFirstBatch(state.platform_url, token=state.token, platform=platform,
                                        device_id=state.device_id)
    with pytest.raises(Unauthorized):
        push_pending(device.ws.db, client, batch_size=2, retry=FAST)
    assert [state for _id, state in _queue(device)] == ["applied", "applied", "pending"]
    assert client.calls == 1


def test_a_household_of_a_village_not_assigned_is_refused_with_its_reason_and_the_rest_goes_on(
        device, platform, monkeypatch, capsys):
    with device.ws.db.session() as session:
        if session.get(Division, TOWNSHIP_B) is None:
            session.add(Division(code=TOWNSHIP_B, name="南山镇", level="township", parent_code="445122000000"))
            session.flush()
        session.merge(Division(code=VILLAGE_B1, name="南山村", level="village", parent_code=TOWNSHIP_B))
    elsewhere = platform.household(VILLAGE_B1)
    device.insert(elsewhere)
    after = platform.household()
    device.insert(after)
    report = device.sync(batch_size=2)
    assert report.push.count("rejected") == 1
    assert [state for _id, state in _queue(device)] == ["applied"] * 3 + ["rejected", "applied"]
    assert platform_copies(platform, elsewhere["id"]) == 0
    assert all(platform_copies(platform, d["id"]) == 1 for d in [*device.documents, after])
    [refused] = rejections(device.ws)
    assert refused.record_id == elsewhere["id"] and refused.reason
    assert [field for field, _message in refused.problems] == ["village_code"]
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", "loan-pass-1")
    capsys.readouterr()
    assert main(["sync", "status", "--data-dir", str(device.ws.data_dir), "--user", "loan"]) == 0
    out = capsys.readouterr().out
    assert "被拒绝 1 条" in out and elsewhere["id"] in out and refused.reason in out


def test_every_sync_failure_is_remembered_without_the_token(device, hostile):
    hostile.mode = "html"
    with pytest.raises(SyncError):
        sync_now(device.ws, url=hostile.url, retry=FAST, timeout=SHORT)
    with device.ws.db.session() as session:
        state = session.get(SyncState, 1)
        assert state.token not in state.last_error
