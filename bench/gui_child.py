"""The measured process of ``bench_gui``: start the GUI on a data folder, report, exit.

    python -m bench.gui_child app FOLDER USER PASSWORD   # log in, main window, scroll
    python -m bench.gui_child baseline                   # PySide6 and an empty QMainWindow

Only the standard library is imported before the clock starts, so the parent's wall-clock
time from spawning this process to reading its ``ready`` line is a real cold start. The
process prints two JSON lines on stdout: ``{"ready": ...}`` as soon as the window is usable,
then ``{"done": ...}`` with the phases (seconds) and the peak resident memory (MB).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

START = time.perf_counter()  # seconds; phases are measured from here


def peak_rss_mb() -> float:
    """The peak resident set size of this process, in MB (Linux /proc, macOS getrusage, Windows API)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                        ("rest", ctypes.c_size_t * 6)]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return counters.PeakWorkingSetSize / 2**20
    status = Path("/proc/self/status")
    if status.exists():
        # VmHWM belongs to this program's memory map only; getrusage's ru_maxrss on Linux also
        # inherits the high-water mark of the parent that forked us, so it would read high.
        line = next(ln for ln in status.read_text().splitlines() if ln.startswith("VmHWM:"))
        return int(line.split()[1]) / 2**10
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere


def say(kind: str, payload: dict) -> None:
    print(json.dumps({kind: payload}), flush=True)


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout passes)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def baseline() -> int:
    """Import PySide6, show an empty QMainWindow, wait until it has been painted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, app.quit)  # runs once the show and first paint events are processed
    app.exec()
    ready = time.perf_counter() - START
    say("ready", {"in_process_s": ready})
    say("done", {"ready_s": ready, "peak_rss_mb": peak_rss_mb()})
    return 0


def main_window(folder: str, username: str, password: str, pages: int) -> int:
    """Log in as the real start does (argon2 unwrap included), wait for sig_ready, scroll."""
    phases: dict[str, float] = {}
    from app.services import accounts
    from app.ui.application import install_idle_lock, make_application
    from app.ui.main_window import MainWindow

    phases["imports_s"] = time.perf_counter() - START
    app = make_application(language="zh_CN")
    phases["application_s"] = time.perf_counter() - START
    unwrap = accounts.unwrap_for

    def timed_unwrap(*args, **kwargs):  # the argon2id key derivation, reported on its own
        begin = time.perf_counter()
        try:
            return unwrap(*args, **kwargs)
        finally:
            phases["argon2_unwrap_s"] = time.perf_counter() - begin

    accounts.unwrap_for = timed_unwrap
    ws = accounts.unlock(folder, username, password)
    phases["logged_in_s"] = time.perf_counter() - START
    window = MainWindow(ws)
    install_idle_lock(app, window)
    window.show()
    phases["window_shown_s"] = time.perf_counter() - START
    wait_for(window.sig_ready)
    app.processEvents()  # lay out and paint the first screenful of rows: that is "usable"
    phases["ready_s"] = time.perf_counter() - START
    rows = window.households.model.rowCount()
    say("ready", {"in_process_s": phases["ready_s"], "rows": rows})
    phases["ready_rss_mb"] = peak_rss_mb()
    scroll(app, window.households.table, pages)
    phases["scroll_s"] = time.perf_counter() - START - phases["ready_s"]
    phases["peak_rss_mb"] = peak_rss_mb()
    phases["rows"] = rows
    phases["last_row_shown"] = table_bottom_row(window.households.table)
    window.close()
    ws.close()
    say("done", phases)
    return 0 if rows and phases["last_row_shown"] == rows - 1 else 1


def scroll(app, table, pages: int) -> None:
    """Page down through ``pages`` model pages (200 rows each), one screenful at a time,
    then jump to the middle and the end of the list, as a user dragging the bar would."""
    from app.ui.records.table_model import PAGE_SIZE

    bar = table.verticalScrollBar()
    step = max(bar.pageStep(), 1)
    target = min(pages * PAGE_SIZE, table.model().rowCount())
    while bar.value() < min(target, bar.maximum()):
        bar.setValue(bar.value() + step)
        table.viewport().repaint()
        app.processEvents()
    for position in (bar.maximum() // 2, bar.maximum()):
        bar.setValue(position)
        table.viewport().repaint()
        app.processEvents()


def table_bottom_row(table) -> int:
    """The row at the bottom of the table's viewport (proof that the scrolling happened)."""
    return table.rowAt(table.viewport().height() - 1)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "baseline":
        sys.exit(baseline())
    sys.exit(main_window(sys.argv[2], sys.argv[3], sys.argv[4], int(os.environ.get("BENCH_GUI_PAGES", "10"))))
