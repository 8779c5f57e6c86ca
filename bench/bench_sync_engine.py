"""The sync engine end to end (called by ``bench_sync`` with its running platform).

* initial push: a field store holding ``count`` new households (queued in its outbox) pushes
  them with ``push_pending`` (read the outbox, send, store every answer);
* initial pull: a fresh field store of another device of the same user pulls them all with
  ``pull_all`` (each page and its cursor in one local transaction);
* incremental sync: 10 households edited on that now full client store, then ``sync_now``
  (queue audit lines, push, pull): its cost must follow the changes, not the store's size.

Baselines: the bare ``requests`` loop of ``bench_sync`` posting the same JSON bytes (the push
batches; the pulled pages, fetched once more with the bare protocol client).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from app.services import accounts
from app.services.demo_data import VillageInfo
from app.services.record_rows import insert_fresh
from app.services.records import load_record, save_record
from bench.common import DEMO_DAY, row
from sync.client import PlatformClient
from sync.engine.pull import pull_all
from sync.engine.push import push_pending
from sync.engine.service import enrol, sync_now
from sync.engine.state import load_state
from sync.platform import admin
from sync.platform.db import PlatformDB
from sync.protocol import MAX_PUSH_BATCH

TOWNSHIP = "445122102000"
VILLAGES = [VillageInfo(f"445122102{n:03d}", f"第{n}村") for n in range(201, 211)]
USER = "field"
_CODES: list[str] = []


def prepare_platform(db: PlatformDB, folder: Path) -> None:
    """The engine's divisions (so that a fresh client can store pulled households) and its user."""
    villages = "\n".join(f"    - {{code: '{v.code}', name: {v.name}, registered_households: 100}}" for v in VILLAGES)
    path = folder / "divisions.yaml"
    path.write_text(f"counties:\n- code: '445122000000'\n  name: 饶平县\n  townships:\n"
                    f"  - code: '{TOWNSHIP}'\n    name: 南山镇\n    villages:\n{villages}\n", "utf-8")
    admin.load_divisions(db, path)
    admin.create_user(db, USER, "基准信贷员")
    admin.assign_divisions(db, USER, [TOWNSHIP])
    _CODES[:] = [admin.issue_enrolment_code(db, USER) for _ in range(3)]


def _store(folder: Path, url: str, code: str) -> accounts.Workspace:
    """A fresh encrypted field store, enrolled, with the divisions pulled."""
    first = accounts.initialize(folder, "admin", "admin-pass-1")
    accounts.add_user(first, "loan", "loan-pass-1", "loan_officer", "信贷员甲")
    first.close()
    ws = accounts.unlock(folder, "loan", "loan-pass-1")
    enrol(ws, url, code, device_name="bench")
    sync_now(ws)
    return ws


def _client(ws: accounts.Workspace) -> PlatformClient:
    with ws.db.session() as session:
        state = load_state(session)
        return PlatformClient(state.platform_url, token=state.token, timeout=(5, 120))


def run(folder: Path, url: str, count: int, bare_loop: Callable[[str, list[bytes]], float]) -> list[dict]:
    from bench.bench_sync import households

    documents = households(count, VILLAGES, seed=23)
    pusher = _store(folder / "pusher", url, _CODES[0])
    puller = _store(folder / "puller", url, _CODES[1])  # before the push: only the divisions so far
    with pusher.db.session() as session:
        for start in range(0, count, 5000):
            insert_fresh(session, documents[start:start + 5000])
    bodies = [json.dumps({"mutations": [{"mutation_id": n, "record_type": "household", "record_id": d["id"],
                                         "op": "insert", "base_revision": 0, "fields": d}
                                        for n, d in enumerate(documents[i:i + MAX_PUSH_BATCH], i + 1)]},
                         ensure_ascii=False, separators=(",", ":")).encode()
              for i in range(0, count, MAX_PUSH_BATCH)]
    bare_push = bare_loop(url, bodies)
    start = time.perf_counter()
    pushed = push_pending(pusher.db, _client(pusher))
    push_seconds = time.perf_counter() - start
    assert pushed.count("applied") == count, pushed.counts
    pusher.close()

    start = time.perf_counter()
    pulled = pull_all(puller.db, _client(puller), "loan")
    pull_seconds = time.perf_counter() - start
    assert pulled.counts.get("stored", 0) >= count, pulled.counts
    bare_pull = bare_loop(url, _page_bytes(url))

    for document in documents[:10]:
        stored, revision = load_record(puller, "household", document["id"])
        save_record(puller, {**stored, "years_resident": (stored.get("years_resident") or 0) + 1},
                    base_revision=revision, today=DEMO_DAY)
    start = time.perf_counter()
    report = sync_now(puller)
    sync_seconds = time.perf_counter() - start
    assert report.push.count("applied") >= 10, report.push.counts
    puller.close()
    note = f"{count:,} households through the engine (encrypted field store)"
    return [row(f"engine: initial push of {count:,} households", push_seconds, "s", "< 120 s, ≤ 3× bare",
                bare_push, note),
            row(f"engine: initial pull of {count:,} households into a fresh client", pull_seconds, "s",
                "< 120 s, ≤ 3× bare", bare_pull, note),
            row(f"engine: sync of 10 edits on a {count:,}-household client", sync_seconds, "s", "< 2 s", None, note)]


def _page_bytes(url: str) -> list[bytes]:
    """The JSON bytes of every page of the same pull, fetched by a third device (the baseline's input)."""
    client = PlatformClient(url, timeout=(5, 120))
    client.enrol(_CODES[2], "bench-bare", b"\x02" * 32)
    pages, cursor = [], None
    while True:
        page = client.pull(cursor)
        pages.append(page.model_dump_json().encode())
        cursor = page.next_cursor
        if not page.has_more:
            return pages
