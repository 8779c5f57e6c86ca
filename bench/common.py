"""What every benchmark shares: a cached 100,000-household database and timing helpers."""
from __future__ import annotations

import os
import shutil
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Callable

from app.services.demo import create_demo
from app.store.open import open_database

OUT = Path(__file__).resolve().parent / "out"
DEMO_DAY = date(2026, 11, 28)


def demo_database(households: int = 100_000, seed: int = 11) -> Path:
    """A data folder holding a demo city of ``households``; built once, then reused."""
    folder = OUT / f"demo-{households}-{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        db = open_database(folder)
        create_demo(db, households, seed=seed, today=DEMO_DAY)
        db.close()
        marker.write_text("ok")
    return folder


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
