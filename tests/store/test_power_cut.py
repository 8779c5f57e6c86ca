"""A process killed mid-save (kill -9, 200 times) leaves an intact database and whole saves only.

The child opens the encrypted store with the project's connector and pragmas (WAL,
``synchronous=FULL``) and saves in transactions of ``BATCH`` rows with a marker row, as a
service does; the parent kills it at a random moment, then checks ``integrity_check`` and
that no batch was half-written.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.security.keys import new_database_key
from app.store.db import apply_pragmas, sqlcipher_connector

ITERATIONS = 200
BATCH = 5
CHILD = r"""
import os, sys, uuid
from pathlib import Path
from app.store.db import apply_pragmas, sqlcipher_connector
connection = sqlcipher_connector(Path(sys.argv[1]), bytes.fromhex(os.environ["CV_KEY"]))()
apply_pragmas(connection, None)
connection.isolation_level = None
print("ready", flush=True)
while True:
    batch = str(uuid.uuid4())
    connection.execute("BEGIN IMMEDIATE")
    for _ in range(%d):
        connection.execute("INSERT INTO saves (batch, payload) VALUES (?, ?)", (batch, "户" * 500))
    connection.execute("INSERT INTO batches (batch) VALUES (?)", (batch,))
    connection.execute("COMMIT")
""" % BATCH


@pytest.mark.slow
def test_kill_9_during_saves_never_leaves_half_a_save(tmp_path: Path):
    if not hasattr(signal, "SIGKILL"):
        pytest.fail("needs SIGKILL (POSIX); Windows laptops are covered by SQLite's own journal tests")
    path, key = tmp_path / "power.db", new_database_key()
    connection = sqlcipher_connector(path, key)()
    apply_pragmas(connection, None)
    connection.executescript("CREATE TABLE saves (batch TEXT, payload TEXT); CREATE TABLE batches (batch TEXT);")
    connection.commit()
    connection.close()
    rng = random.Random(7)
    env = {**os.environ, "CV_KEY": key.hex()}
    for _ in range(ITERATIONS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    check = sqlcipher_connector(path, key)()
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(check.execute("SELECT batch, count(*) FROM saves GROUP BY batch").fetchall())
        markers = {b for (b,) in check.execute("SELECT batch FROM batches")}
        assert set(rows) == markers and all(n == BATCH for n in rows.values())
        assert len(markers) > ITERATIONS // 2  # the loop really saved between kills
    finally:
        check.close()
