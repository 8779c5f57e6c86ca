"""Opening the household editor on a full household, against a plain form of as many line edits.

Target (issue 4): under 200 ms from constructing the editor to its first paint. The baseline
is a bare QWidget holding the same number of filled QLineEdits (one per question and per
table cell), built, shown and painted the same way in the same process.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from statistics import median
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget  # noqa: E402

from bench.common import DEMO_DAY, p95, quick, row  # noqa: E402
from app.services import accounts  # noqa: E402
from app.survey.definition import load_form  # noqa: E402
from app.ui.editor.editor import RecordEditor  # noqa: E402
from app.ui.workers import wait_for_tasks  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "survey" / "sample_household.json"


def _open_editor(ws, form, document) -> float:
    start = time.perf_counter()
    editor = RecordEditor(ws, form, document, 1, today=DEMO_DAY)
    editor.show()
    editor.grab()  # the first paint
    elapsed = time.perf_counter() - start
    wait_for_tasks()
    QApplication.processEvents()
    editor.writer._retired = True  # nothing typed: no draft
    editor.close()
    editor.deleteLater()
    return elapsed


def _open_plain(count: int) -> float:
    start = time.perf_counter()
    widget = QWidget()
    layout = QFormLayout(widget)
    for index in range(count):
        layout.addRow(f"问题 {index}", QLineEdit(f"答案 {index}"))
    widget.resize(960, 720)
    widget.show()
    widget.grab()
    elapsed = time.perf_counter() - start
    widget.close()
    widget.deleteLater()
    return elapsed


def _widget_count(form, document) -> int:
    fields = sum(1 for _ in form.fields())
    cells = sum(len(group.fields) * len(document.get(group.name) or []) for group in form.groups())
    return fields + cells


def run() -> list[dict]:
    QApplication.instance() or QApplication([])
    repeat = 5 if quick() else 25
    document = json.loads(SAMPLE.read_text("utf-8"))
    form = load_form("household")
    with tempfile.TemporaryDirectory() as folder:
        admin = accounts.initialize(Path(folder), "admin", "admin-pass-1")
        accounts.add_user(admin, "loan", "loan-pass-1", "loan_officer", "信贷员")
        admin.close()
        ws = accounts.unlock(Path(folder), "loan", "loan-pass-1")
        try:
            count = _widget_count(form, document)
            ours = [_open_editor(ws, form, document) for _ in range(repeat + 1)][1:]
            base = [_open_plain(count) for _ in range(repeat + 1)][1:]
        finally:
            wait_for_tasks()
            ws.close()
    return [row(f"household editor open, full household ({count} inputs) median", median(ours) * 1000, "ms",
                "< 200 ms", median(base) * 1000),
            row(f"household editor open, full household ({count} inputs) p95", p95(ours) * 1000, "ms",
                "< 200 ms", p95(base) * 1000)]


if __name__ == "__main__":
    from bench.run import print_table

    print_table(run())
