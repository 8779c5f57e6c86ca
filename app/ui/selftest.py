"""``python -m app selftest``: open the store, render the main window offscreen, check it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from app.services.demo import create_demo
from app.services.info import store_info
from app.store.open import StoreError, open_database

TIMEOUT_MS = 20_000


def run_selftest(data_dir: Path) -> int:
    """Exit code 0 only if the store opens and the main window shows households."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    try:
        db = open_database(data_dir)
    except StoreError as exc:
        print(f"自检失败：{exc}", file=sys.stderr)
        return 1
    try:
        if store_info(db).households == 0:
            create_demo(db, 60, seed=7)
        app = make_application()
        window = MainWindow(db)
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
        print(f"自检通过：数据库 {db.path}，主窗口列出 {rows} 户")
        return 0
    finally:
        db.close()
