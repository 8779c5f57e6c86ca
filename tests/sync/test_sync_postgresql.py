"""The same platform code on a real PostgreSQL: pushes, replays, merges and concurrent devices.

Runs where the machine has PostgreSQL's cluster tools (Debian's ``postgresql`` package): the
fixture starts the first cluster, makes a throw-away role and database, and drops them after.
Where the tools are missing, the module holds no PostgreSQL cases (see ``BACKENDS``), and
the SQLite modules cover the same behaviour.
"""
from __future__ import annotations

import importlib.util
import secrets
import shutil
import subprocess
import threading
import time
from typing import Iterator

import pytest
from sqlalchemy import func, select
from sync_fixtures import TOWNSHIP_A, VILLAGE_A1, Platform, insert, patch, serve

from sync.platform.app import create_app
from sync.platform.db import PlatformDB
from sync.platform.models import Record

BACKENDS = ["postgresql"] if (shutil.which("pg_ctlcluster") and shutil.which("pg_lsclusters")
                             and importlib.util.find_spec("psycopg")) else []


def _as_postgres(sql: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
                   check=True, capture_output=True, cwd="/")


def _cluster() -> tuple[list[str], str, bool]:
    """([version, name], port, whether we started it) of the first cluster."""
    line = subprocess.run(["pg_lsclusters", "-h"], check=True, capture_output=True, text=True).stdout.split("\n")[0]
    version, name, port, status = line.split()[:4]
    if status != "online":
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=True, capture_output=True)
    return [version, name], port, status != "online"


@pytest.fixture(scope="module", params=BACKENDS)
def pg_platform(request) -> Iterator[Platform]:
    cluster, port, started = _cluster()
    suffix = secrets.token_hex(4)
    role, database, password = f"cv_test_{suffix}", f"cv_test_{suffix}", secrets.token_hex(16)
    _as_postgres(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    _as_postgres(f"CREATE DATABASE {database} OWNER {role}")
    db = PlatformDB(f"postgresql+psycopg://{role}:{password}@127.0.0.1:{port}/{database}")
    try:
        db.create_schema()
        with serve(create_app(db)) as url:
            yield Platform(db, url)
    finally:
        db.close()
        _as_postgres(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        _as_postgres(f"DROP ROLE IF EXISTS {role}")
        if started:
            subprocess.run(["pg_ctlcluster", *cluster, "stop"], check=True, capture_output=True)


def _count(platform: Platform, record_id: str) -> int:
    with platform.db.read() as session:
        return session.scalar(select(func.count()).select_from(Record).where(Record.id == record_id))


def test_push_replay_and_pull_work_on_postgresql(pg_platform: Platform):
    username = pg_platform.user(TOWNSHIP_A)
    first, second = pg_platform.device(username), pg_platform.device(username)
    household = pg_platform.household(VILLAGE_A1)
    assert first.push([insert(1, household)]).results[0].status == "applied"
    assert first.push([insert(1, household)]).results[0].status == "duplicate"
    assert _count(pg_platform, household["id"]) == 1
    assert first.push([patch(2, household["id"], 1, head_phone="13900000001")]).results[0].status == "applied"
    late = second.push([patch(1, household["id"], 1, head_phone="13700000002", years_resident=9)]).results[0]
    assert late.status == "conflict" and late.conflicts[0].server_value == "13900000001"
    changes = second.pull(None, 1000).changes
    document = [c.document for c in changes if str(c.record_id) == household["id"]][-1]
    assert (document["head_phone"], document["years_resident"]) == ("13900000001", 9)


def test_concurrent_pushes_get_gapless_sequence_numbers_in_commit_order(pg_platform: Platform):
    devices = [pg_platform.device(pg_platform.user(TOWNSHIP_A)) for _ in range(4)]
    reader, cursor = devices[0], None
    while True:
        page = reader.pull(cursor, 1000)
        cursor = page.next_cursor
        if not page.has_more:
            break
    batches = [[insert(n, pg_platform.household(VILLAGE_A1)) for n in range(1, 41)] for _ in devices]

    def push(client, batch):
        for i in range(0, len(batch), 10):
            client.push(batch[i:i + 10])

    threads = [threading.Thread(target=push, args=pair) for pair in zip(devices, batches)]
    for thread in threads:
        thread.start()
    seen: list[str] = []
    deadline = time.monotonic() + 60
    # Pull while the devices push: a change numbered but not yet committed must not be skipped.
    while time.monotonic() < deadline:
        pushing = any(t.is_alive() for t in threads)
        page = reader.pull(cursor, 50)
        seen += [str(c.record_id) for c in page.changes if c.record_type == "household"]
        cursor = page.next_cursor
        if not pushing and not page.has_more:
            break
    for thread in threads:
        thread.join()
    expected = {m["record_id"] for batch in batches for m in batch}
    assert len(seen) == len(set(seen)) and set(seen) == expected
