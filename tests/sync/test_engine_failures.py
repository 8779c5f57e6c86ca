"""Failures while syncing: lost answers, a connection cut between batches, a revoked device, retries."""
from __future__ import annotations

import socket

import pytest
from sync_fixtures import VILLAGE_A1, DroppingProxy
from test_engine_support import FAST, enrolled_device, platform_copies

from sync.client import PlatformClient
from sync.engine.push import push_pending
from sync.engine.retry import RetryPolicy, call_with_retry, is_transient
from sync.engine.service import sync_status
from sync.engine.state import load_state
from sync.errors import (BadResponse, CertificateRejected, ClientTooOld, Forbidden, ServerFailed,
                         Unauthorized, Unreachable)
from sync.platform import admin


@pytest.fixture
def device(platform, tmp_path):
    laptop = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    yield laptop
    laptop.ws.close()


def _households(device, platform, count: int) -> list[dict]:
    documents = [platform.household() for _ in range(count)]
    for document in documents:
        device.insert(document)
    return documents


def test_an_answer_lost_after_the_platform_committed_is_replayed_without_duplicates(device, platform):
    documents = _households(device, platform, 4)
    proxy = DroppingProxy(platform.url)
    try:
        with pytest.raises(Unreachable):
            device.sync(url=proxy.url)
        assert proxy.forwarded == 2  # the first try and one retry both reached the platform
        assert {e.state for e in device.outbox()} == {"pending"}
        proxy.drop = False
        report = device.sync(url=proxy.url)
    finally:
        proxy.close()
    assert report.push.count("duplicate") >= 4
    assert all(platform_copies(platform, d["id"]) == 1 for d in documents)
    assert {e.state for e in device.outbox()} == {"duplicate"}


class CutAfterFirstBatch(PlatformClient):
    """A client whose connection drops after the platform answered the second push."""

    calls = 0

    def push(self, mutations):
        answer = super().push(mutations)
        self.calls += 1
        if self.calls == 2:
            raise Unreachable("传输中断")
        return answer


def test_a_connection_cut_between_batches_loses_nothing_and_the_retry_duplicates_nothing(device, platform):
    documents = _households(device, platform, 6)
    with device.ws.db.session() as session:
        state = load_state(session)
        url, token = state.platform_url, state.token
    client = CutAfterFirstBatch(url, token=token)
    with pytest.raises(Unreachable):
        push_pending(device.ws.db, client, batch_size=2, retry=RetryPolicy(attempts=1))
    states = [e.state for e in device.outbox()]
    assert states == ["applied"] * 2 + ["pending"] * 4
    summary = push_pending(device.ws.db, PlatformClient(url, token=token), batch_size=2, retry=FAST)
    assert summary.count("duplicate") == 2 and summary.count("applied") >= 2
    assert all(platform_copies(platform, d["id"]) == 1 for d in documents)
    assert {e.state for e in device.outbox()} == {"applied", "duplicate"}


def test_a_revoked_device_stops_with_401_and_keeps_its_queue(device, platform):
    _households(device, platform, 2)
    admin.revoke_device(platform.db, sync_status(device.ws).device_id, "丢失")
    with pytest.raises(Unauthorized):
        device.sync()
    status = sync_status(device.ws)
    assert status.pending == 2 and not status.online and status.last_error


def test_an_unreachable_platform_gives_a_clear_error_and_keeps_the_queue(device, platform):
    _households(device, platform, 1)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(Unreachable) as raised:
        device.sync(url=f"http://127.0.0.1:{port}")
    assert "无法连接" in raised.value.message
    assert sync_status(device.ws).pending == 1
    device.sync()
    assert sync_status(device.ws).pending == 0 and sync_status(device.ws).online


@pytest.mark.parametrize("error, transient", [
    (Unreachable("x"), True), (ServerFailed(status=502), True), (CertificateRejected(), False),
    (Unauthorized("x", status=401), False), (Forbidden("x", status=403), False),
    (ClientTooOld(status=426), False), (BadResponse("x"), False),
])
def test_only_passing_failures_are_retried(error, transient):
    assert is_transient(error) is transient
    calls, pauses = [], []

    def fail():
        calls.append(1)
        raise error

    with pytest.raises(type(error)):
        call_with_retry(fail, RetryPolicy(attempts=3, first_delay=0.5, sleep=pauses.append))
    assert len(calls) == (3 if transient else 1)
    assert pauses == ([0.5, 1.0] if transient else [])


def test_a_retry_that_succeeds_returns_the_answer():
    answers = iter([Unreachable("x"), "ok"])

    def flaky():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert call_with_retry(flaky, RetryPolicy(sleep=lambda _s: None)) == "ok"
