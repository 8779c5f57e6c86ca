"""What every benchmark shares: a cached 100,000-household database and timing helpers."""
from __future__ import annotations

import os
import shutil
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Callable

from app.services import accounts
from app.services.demo import DEMO_ACCOUNTS, create_demo_store

OUT = Path(__file__).resolve().parent / "out"
DEMO_DAY = date(2026, 11, 28)


def demo_database(households: int = 100_000, seed: int = 11) -> Path:
    """A data folder holding an encrypted demo city of ``households``; built once, then reused."""
    folder = OUT / f"demo-enc-{households}-{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        admin, _summary = create_demo_store(folder, households, seed=seed, today=DEMO_DAY)
        admin.close()
        marker.write_text("ok")
    return folder


def demo_login(folder: Path, username: str = "loan") -> accounts.Workspace:
    """The workspace of a demo user (the loan officer reads every record)."""
    password = next(p for name, p, _role, _display in DEMO_ACCOUNTS if name == username)
    return accounts.unlock(folder, username, password)


def plain_copy(ws: accounts.Workspace) -> Path:
    """An unencrypted copy of the workspace's database, to measure what encryption costs."""
    target = ws.db.path.with_name("plain-copy.db")
    if not target.exists():
        connection = ws.db.connector()
        connection.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
        connection.close()
    return target


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds of ``repeat`` calls of ``fn`` after one warm-up call."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)


def row(name: str, value: float, unit: str, target: str, baseline: float | None, ratio_note: str = "") -> dict:
    """One line of the results table; ratio = value / baseline (lower is better for times)."""
    ratio = value / baseline if baseline else None
    return {"name": name, "value": value, "unit": unit, "target": target,
            "baseline": baseline, "ratio": ratio, "note": ratio_note}


def quick() -> bool:
    """BENCH_QUICK=1 shrinks the databases for a smoke run."""
    return os.environ.get("BENCH_QUICK") == "1"
