"""Run every benchmark and print one table: ``python -m bench.run [NAME ...]``.

Each figure is shown with its target and its ratio against a baseline measured in the
same run (raw sqlite3, a hand-written scoring function, a bare reportlab canvas...), so
the table means the same on a slow laptop as on a fast one. ``BENCH_QUICK=1`` shrinks the
inputs for a smoke run.
"""
from __future__ import annotations

import importlib
import platform
import sys

BENCHMARKS = ["bench_search", "bench_rating", "bench_villages", "bench_documents", "bench_sync", "bench_gui", "bench_editor", "bench_import"]


def print_table(rows: list[dict]) -> None:
    print("| benchmark | value | target | baseline | ratio |")
    print("|---|---|---|---|---|")
    for r in rows:
        baseline = f"{r['baseline']:.2f} {r['unit']}" if r.get("baseline") is not None else "—"
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") is not None else "—"
        print(f"| {r['name']} | {r['value']:.2f} {r['unit']} | {r['target']} | {baseline} | {ratio} |")


def main(names: list[str]) -> int:
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, "
          f"{platform.processor() or platform.machine()}")
    rows: list[dict] = []
    for name in names or BENCHMARKS:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        rows.extend(module.run())
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
