"""The GUI benchmark's machinery measures what it claims: a real child process that logs in,
shows the main window, pages to the end of the list, and reports its own peak memory."""
from __future__ import annotations

import sys
from pathlib import Path

from app.services.demo import DEMO_ACCOUNTS
from bench import bench_gui, gui_child

LOAN_PASSWORD = next(password for name, password, _role, _display in DEMO_ACCOUNTS if name == "loan")


def test_the_app_child_reaches_a_usable_window_and_scrolls_to_the_last_row(demo_dir: Path):
    result = bench_gui.measure(["app", str(demo_dir), "loan", LOAN_PASSWORD])
    # measure() raises unless the child exited 0, which it does only if the last row was shown
    assert result["rows"] == 600 and result["last_row_shown"] == 599
    phases = ["imports_s", "application_s", "logged_in_s", "window_shown_s", "ready_s"]
    assert [result[p] for p in phases] == sorted(result[p] for p in phases)
    assert 0 < result["argon2_unwrap_s"] < result["logged_in_s"]
    assert result["ready_s"] < result["wall_s"]  # the parent's clock includes the interpreter start
    assert result["ready_rss_mb"] <= result["peak_rss_mb"]


def test_the_baseline_child_shows_an_empty_window_in_a_process_of_its_own():
    result = bench_gui.measure(["baseline"])
    assert 0 < result["ready_s"] < result["wall_s"]
    # Tens of MB: Qt's own; far below this pytest process, so it is not an inherited figure.
    assert 10 < result["peak_rss_mb"] < gui_child.peak_rss_mb()


def test_a_failing_child_is_reported_not_silently_timed(tmp_path: Path):
    try:
        bench_gui.measure(["app", str(tmp_path), "loan", LOAN_PASSWORD])
    except RuntimeError as error:
        assert "failed" in str(error)
    else:
        raise AssertionError("a child that could not log in was measured")


def test_dropping_the_page_cache_works_where_the_platform_offers_it(tmp_path: Path):
    (tmp_path / "credit-village.db").write_bytes(b"x" * 4096)
    assert bench_gui.drop_from_page_cache(tmp_path) is (sys.platform.startswith("linux"))
