"""``python -m app selftest``: open the store, render the main window offscreen, check it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.security.errors import SecurityError
from app.services import accounts
from app.services.demo import DEMO_ACCOUNTS, create_demo_store
from app.store.open import StoreError

TIMEOUT_MS = 20_000


def run_selftest(data_dir: Path) -> int:
    """Exit code 0 only if the store opens and the main window shows households."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    try:
        admin, _summary = create_demo_store(data_dir, 60, seed=7)
        admin.close()
        loan = next(a for a in DEMO_ACCOUNTS if a[0] == "loan")
        ws = accounts.unlock(data_dir, loan[0], loan[1])
    except (StoreError, SecurityError) as exc:
        print(f"自检失败：{exc}", file=sys.stderr)
        return 1
    try:
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
        app.processEvents()
        if rows == 0 or picture.isNull():
            print("自检失败：主窗口未能列出农户", file=sys.stderr)
            return 1
        print(f"自检通过：加密数据库 {ws.db.path}，主窗口列出 {rows} 户")
        return 0
    finally:
        ws.close()
