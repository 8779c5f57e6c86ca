"""Guards the PySide6 pin: 6.12.0 drops a reference to None on every processEvents() call."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_ten_thousand_process_events_calls_keep_none_alive(qapp):
    before = sys.getrefcount(None)
    for _ in range(10_000):
        QApplication.processEvents()
    # On the buggy release the count falls by 10,000 and the process aborts near 5,000.
    assert sys.getrefcount(None) >= before - 100
