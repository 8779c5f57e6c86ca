"""``python -m app selftest``: prove that this installation (source or bundle) really works.

On a fresh data folder it creates and migrates an encrypted store with a small demo city,
logs in, rates every household, renders a certificate PDF, shows and prints it with Qt and
verifies its signed QR payload, opens the main window offscreen and loads the Qt modules the
dialogs need. It exits 0 only if every step passed; the
first failure prints one line (the step and why) and exits 1. Any exception counts as a
failure (a bundle missing a template or a Qt plugin raises one), never a traceback.
"""
from __future__ import annotations

import importlib
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Callable

from app.services import accounts
from app.services.demo import DEMO_ACCOUNTS, create_demo_store
from app.ui.selftest_certificate import SelftestFailure, check_certificate

DEMO_HOUSEHOLDS = 40
TIMEOUT_MS = 20_000
LAZY_QT_MODULES = ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtCharts")


def run_selftest(data_dir: Path, *, today: date | None = None) -> int:
    """Run every step on the fresh folder ``data_dir``; 0 if all passed, else 1 (one line on stderr)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    today = today or date.today()
    start = time.perf_counter()
    ws = None
    step = "建库"
    try:
        admin, _summary = create_demo_store(Path(data_dir), DEMO_HOUSEHOLDS, seed=7, today=today)
        admin.close()
        step = "登录"
        ws = accounts.unlock(data_dir, "loan", next(a[1] for a in DEMO_ACCOUNTS if a[0] == "loan"))
        report: list[str] = []
        for step, check in STEPS:
            report.append(check(ws, today))
    except Exception as exc:  # noqa: BLE001 - any failure is reported in one line, that is the point
        print(f"自检失败（{step}）：{_one_line(exc)}", file=sys.stderr)
        return 1
    finally:
        if ws is not None:
            ws.close()
    print(f"自检通过（{time.perf_counter() - start:.1f} 秒）：加密数据库 {ws.db.path}；" + "；".join(report))
    return 0


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if isinstance(exc, SelftestFailure) else f"{type(exc).__name__}: {text}"


def check_rating(ws: accounts.Workspace, today: date) -> str:
    """Rate the whole demo city; at least one household must get a grade."""
    from app.services.ratings import NOT_RATED, rate_all

    summary = rate_all(ws, None, today)
    by_grade = summary.households.by_grade
    graded = sum(n for grade, n in by_grade.items() if grade != NOT_RATED)
    if summary.cancelled or graded == 0:
        raise SelftestFailure(f"评级未给出任何等级：{by_grade}")
    return f"评级 {graded} 户"


def check_main_window(ws: accounts.Workspace, _today: date) -> str:
    """The main window opens offscreen, lists the households and paints."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui.application import make_application
    from app.ui.main_window import MainWindow
    from app.ui.workers import wait_for_tasks

    app = make_application()
    window = MainWindow(ws)
    window.show()
    loop = QEventLoop()
    window.sig_ready.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    loop.exec()
    rows = window.households.model.rowCount()
    picture = window.grab()
    window.close()
    wait_for_tasks()  # the window's background loads report before the workspace closes
    app.processEvents()
    if rows != DEMO_HOUSEHOLDS or picture.isNull():
        raise SelftestFailure(f"主窗口应列出 {DEMO_HOUSEHOLDS} 户，实际 {rows} 户")
    return f"主窗口列出 {rows} 户"


def check_qt_modules(_ws: accounts.Workspace, _today: date) -> str:
    """The Qt modules that dialogs load on first use are installed (a bundle could lack them)."""
    for name in LAZY_QT_MODULES:
        importlib.import_module(f"PySide6.{name}")
    return f"Qt 模块齐全（{'、'.join(LAZY_QT_MODULES)}）"


STEPS: list[tuple[str, Callable[[accounts.Workspace, date], str]]] = [
    ("评级", check_rating),
    ("证书", check_certificate),
    ("主窗口", check_main_window),
    ("Qt 模块", check_qt_modules),
]
