"""The client process is SIGKILLed 50 times during a push and resumed each time: nothing is lost,
nothing is stored twice on the platform, and the local queue ends empty of pending entries.

Starting 50 Python processes would take minutes on a field laptop's two cores, so one
"zygote" child imports everything once and forks each pushing client from there (a real,
separate process with its own database connection and HTTP session). Each forked client dies
by SIGKILL at a chosen point of a chosen batch:

* ``before_send``: the batch is read from the outbox, not yet sent;
* ``after_commit``: the platform answered (and committed); nothing stored locally yet;
* ``before_ack``: inside the local transaction that stores the answers, flushed, not committed;
* ``random``: the zygote kills the client after a random pause, wherever it happens to be
  (in a request, in SQLite, between batches).

Run as a script, this file is the zygote (``python test_engine_kill.py DATA_DIR KEY_HEX PLAN``).
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
KILLS = 50
BATCH = 4
POINTS = ("before_send", "after_commit", "before_ack", "random")


def _plan(seed: int, rounds: int) -> list[dict]:
    """``rounds`` kill points: each mode in turn, the batch (1st or 2nd of the run) at random."""
    rng = random.Random(seed)
    return [{"point": POINTS[n % len(POINTS)], "batch": rng.randint(1, 2), "delay": rng.uniform(0.0, 0.25)}
            for n in range(rounds)]


# --- the zygote and its forked clients (run in the child process) ---------------------------

def _client_run(data_dir: str, key: bytes, point: str | None, batch: int) -> None:
    """One pushing client: dies by SIGKILL at ``point`` of its ``batch``-th batch (None: finish)."""
    from app.store.open import open_database
    from sync.client import PlatformClient
    from sync.engine import push as push_module
    from sync.engine.retry import RetryPolicy
    from sync.engine.state import load_state

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    db = open_database(Path(data_dir), key=key, upgrade=False)
    with db.session() as session:
        state = load_state(session)
        url, token = state.platform_url, state.token
    calls = {"push": 0, "ack": 0}

    class KillingClient(PlatformClient):
        def push(self, mutations):
            calls["push"] += 1
            if point == "before_send" and calls["push"] == batch:
                die()
            answer = super().push(mutations)
            if point == "after_commit" and calls["push"] == batch:
                die()
            return answer

    original = push_module.record_results

    def record_then_die(session, entries, results, now):
        counts = original(session, entries, results, now)
        calls["ack"] += 1
        if point == "before_ack" and calls["ack"] == batch:
            session.flush()  # the answers are written to the WAL, uncommitted
            die()
        return counts

    push_module.record_results = record_then_die
    push_module.push_pending(db, KillingClient(url, token=token, timeout=(5, 30)), batch_size=BATCH,
                             retry=RetryPolicy(attempts=1))


def _zygote(data_dir: str, key_hex: str, plan_json: str) -> None:
    """Fork one client per plan entry, then one that finishes; print each exit as a JSON line."""
    import app.store.open  # noqa: F401 - imported once here, inherited by every fork
    import sync.client  # noqa: F401
    import sync.engine.push  # noqa: F401
    import sync.engine.state  # noqa: F401

    key = bytes.fromhex(key_hex)
    for entry in [*json.loads(plan_json), {"point": None, "batch": 0, "delay": 0}]:
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _client_run(data_dir, key, entry["point"], entry["batch"])
            except BaseException as error:  # noqa: BLE001 - report, never run the zygote's loop
                print(json.dumps({"error": repr(error)}), flush=True)
                code = 3
            os._exit(code)
        if entry["point"] == "random":
            time.sleep(entry["delay"])
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        print(json.dumps({"point": entry["point"], "killed": killed,
                          "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}), flush=True)


# --- the test -----------------------------------------------------------------------------

def test_a_push_killed_fifty_times_at_every_point_stores_each_record_once_and_empties_the_queue(
        platform, tmp_path):
    from sqlalchemy import func, select
    from sync_fixtures import VILLAGE_A1
    from test_engine_support import enrolled_device, platform_copies

    from app.store.models import OutboxEntry
    from sync.platform.models import Record

    device = enrolled_device(platform, tmp_path / "laptop", platform.user(VILLAGE_A1))
    documents = [platform.household() for _ in range(400)]
    for document in documents:
        device.insert(document)
    plan = _plan(seed=20261128, rounds=KILLS)
    device.ws.db.engine.dispose()  # the clients open their own connections
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(HERE), str(device.ws.data_dir), device.ws.key.hex(), json.dumps(plan)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    runs = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert not [r for r in runs if "error" in r], runs
    assert len(runs) == KILLS + 1 and all(r["killed"] for r in runs[:-1]), runs
    assert runs[-1] == {"point": None, "killed": False, "exit": 0}
    assert time.monotonic() - started < 120

    assert all(platform_copies(platform, d["id"]) == 1 for d in documents)
    ids = [d["id"] for d in documents]
    with platform.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Record).where(Record.id.in_(ids))) == len(ids)
    with device.ws.db.session() as session:
        states = dict(session.execute(select(OutboxEntry.state, func.count())
                                      .where(OutboxEntry.record_type == "household")
                                      .group_by(OutboxEntry.state)).all())
    assert "pending" not in states and set(states) <= {"applied", "duplicate"}
    assert sum(states.values()) == len(documents)
    assert states.get("duplicate", 0) > 0  # the kills after the platform committed were replayed
    device.ws.close()


if __name__ == "__main__":
    _zygote(*sys.argv[1:4])
