"""Sync throughput on loopback: push 100,000 households in batches of 500, then pull them all.

The platform runs as its own process (``python -m sync.platform serve --enable-echo``) on a
fresh SQLite file, as it would in a township office. The baseline is a bare ``requests`` loop
posting the same JSON bytes, batch by batch, to ``POST /api/v1/echo`` of the same server
(which only reads the body): what HTTP alone costs. For the pull the baseline posts the bytes
of every pulled page the same way. Targets (issue "Sync"): < 120 s each and ≤ 3× the bare loop.
``BENCH_QUICK=1`` uses 5,000 households.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services.demo_data import DemoGenerator, VillageInfo
from bench.common import DEMO_DAY, quick, row
from bench import bench_sync_engine
from sync.client import PlatformClient
from sync.platform import admin
from sync.platform.db import PlatformDB
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
BATCH = 500
WORKERS = 2  # the two cores of the reference laptop
PAGE = 1000
TOWNSHIP = "445122101000"
VILLAGES = [VillageInfo(f"445122101{n:03d}", f"第{n}村") for n in range(201, 211)]


def households(count: int, villages: list[VillageInfo] = VILLAGES, seed: int = 11) -> list[dict]:
    """``count`` valid demo households. The generator also makes some the validator refuses
    (no signed consent; now and then two members with one ID number), which would measure
    the refusal path instead; they are skipped here by those two cheap checks."""
    generator = DemoGenerator(seed, DEMO_DAY)
    found: list[dict] = []
    while len(found) < count:
        document = generator.household(villages[len(found) % len(villages)])
        numbers = [document["head_id_number"], *(m["id_number"] for m in document["members"])]
        if document["consent"]["signed"] and len(set(numbers)) == len(numbers):
            found.append(document)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def platform_process(folder: Path) -> Iterator[tuple[str, str]]:
    """A platform process on a fresh database; yields (base URL, enrolment code)."""
    url = f"sqlite:///{folder / 'platform.db'}"
    db = PlatformDB(url)
    db.create_schema()
    admin.create_user(db, "bench", "基准")
    admin.assign_divisions(db, "bench", [TOWNSHIP])
    code = admin.issue_enrolment_code(db, "bench")
    bench_sync_engine.prepare_platform(db, folder)
    db.close()
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "sync.platform", "serve", "--db", url, "--port", str(port),
                                "--enable-echo", "--validation-workers", str(WORKERS)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}", code
    finally:
        process.terminate()
        process.wait(10)


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the platform did not start")


def _bare_loop(base_url: str, bodies: list[bytes]) -> float:
    """Seconds to POST every body to the echo endpoint with a bare requests session."""
    session = requests.Session()
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION),
               "Content-Type": "application/json"}
    start = time.perf_counter()
    for body in bodies:
        session.post(f"{base_url}/api/v1/echo", data=body, headers=headers, timeout=60).raise_for_status()
    return time.perf_counter() - start


def run() -> list[dict]:
    count = 5_000 if quick() else 100_000
    documents = households(count)
    mutations = [{"mutation_id": n, "record_type": "household", "record_id": d["id"], "op": "insert",
                  "base_revision": 0, "fields": d} for n, d in enumerate(documents, 1)]
    batches = [mutations[i:i + BATCH] for i in range(0, count, BATCH)]
    bodies = [json.dumps({"mutations": b}, ensure_ascii=False, separators=(",", ":")).encode() for b in batches]
    with tempfile.TemporaryDirectory() as folder, platform_process(Path(folder)) as (base_url, code):
        client = PlatformClient(base_url, timeout=(5, 120))
        public = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        client.enrol(code, "bench", public)
        bare_push = _bare_loop(base_url, bodies)
        start = time.perf_counter()
        applied = sum(r.status == "applied" for b in batches for r in client.push(b).results)
        push_seconds = time.perf_counter() - start
        assert applied == count, f"{count - applied} households were not applied"
        start = time.perf_counter()
        pages, cursor = [], None
        while True:
            page = client.pull(cursor, PAGE)
            pages.append(page)
            cursor = page.next_cursor
            if not page.has_more:
                break
        pull_seconds = time.perf_counter() - start
        assert sum(c.record_type == "household" for p in pages for c in p.changes) == count
        bare_pull = _bare_loop(base_url, [p.model_dump_json().encode() for p in pages])
        engine_rows = bench_sync_engine.run(Path(folder), base_url, count, _bare_loop)
    note = f"{count:,} households, {sum(map(len, bodies)) / 1e6:.0f} MB"
    return [row(f"push {count:,} households (batches of {BATCH})", push_seconds, "s", "< 120 s, ≤ 3× bare",
                bare_push, note),
            row(f"initial pull of {count:,} households (pages of {PAGE})", pull_seconds, "s",
                "< 120 s, ≤ 3× bare", bare_pull, note), *engine_rows]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())
