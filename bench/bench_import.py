"""Importing a 10,000-household roster (issue 4: under 30 s), against openpyxl reading it alone.

The roster is written by the app's own export layout from demo households (identity and
economic parts: what a loan officer imports), then imported into a fresh encrypted store:
read, checked row by row with the one validator, stored in one transaction. The baseline is
openpyxl streaming every cell of the same file (read-only, values only), the usual way to read
a workbook; the import itself reads with :mod:`app.roster.xlsx_read` (expat), about four times
faster. ``BENCH_QUICK=1`` imports 1,000.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import openpyxl

from app.services import accounts
from app.services.demo_data import DemoGenerator, VillageInfo
from app.services.divisions import DEMO_CITY, read_division_file, replace_divisions
from app.services.roster import commit_import, preview_import
from app.roster.template import write_roster
from app.survey.definition import load_form
from bench.common import DEMO_DAY, quick, row

SOCIAL = ("agri_insurance", "pension_insured", "honours", "volunteer_times_year", "fee_arrears_months",
          "penalties", "dishonest_debtor", "debt_evasion_5y", "criminal_record_5y", "false_information")


def _store(folder: Path) -> tuple[accounts.Workspace, list[VillageInfo]]:
    admin = accounts.initialize(folder, "admin", "admin-pass-1")
    rows = read_division_file(DEMO_CITY)
    with admin.db.session() as session:
        replace_divisions(session, rows)
    accounts.add_user(admin, "loan", "loan-pass-1", "loan_officer", "信贷员")
    admin.close()
    villages = [VillageInfo(r["code"], r["name"]) for r in rows if r["level"] == "village"]
    return accounts.unlock(folder, "loan", "loan-pass-1"), villages


def _roster(path: Path, villages: list[VillageInfo], count: int) -> None:
    generator = DemoGenerator(21, DEMO_DAY)
    documents = ({k: v for k, v in generator.household(villages[i % len(villages)]).items()
                  if k not in SOCIAL} for i in range(count))
    write_roster(load_form("household"), path, documents)


def _read_only(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(r) for sheet in workbook.worksheets for r in sheet.iter_rows(values_only=True))
    workbook.close()
    return cells


def run() -> list[dict]:
    count = 1_000 if quick() else 10_000
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        ws, villages = _store(Path(folder) / "data")
        path = Path(folder) / "roster.xlsx"
        _roster(path, villages, count)
        started = time.perf_counter()
        _read_only(path)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        preview = preview_import(ws, path, today=DEMO_DAY)
        checked = time.perf_counter() - started
        summary = commit_import(ws, preview, today=DEMO_DAY)
        total = time.perf_counter() - started
        ws.close()
    assert summary.stored and summary.created == count, [p.line() for p in preview.errors[:3]]
    note = (f"read+check {checked:.1f} s, store {total - checked:.1f} s; "
            f"baseline: openpyxl reading the same file alone")
    return [row(f"import {count:,} households from .xlsx", total, "s", "< 30 s", baseline, note)]


if __name__ == "__main__":
    for result in run():
        print(f"{result['name']}: {result['value']:.1f} s (target {result['target']}; "
              f"openpyxl alone {result['baseline']:.1f} s; ratio {result['ratio']:.1f}×) — {result['note']}")
