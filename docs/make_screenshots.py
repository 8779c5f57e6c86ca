"""Take the GUI screenshots in docs/images from the real app on a fresh demo database.

    .venv/bin/python docs/make_screenshots.py [--language zh_CN|en]

Runs offscreen (no display needed); the demo is generated with a fixed seed and date, so
the pictures change only when the app does.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.services import accounts  # noqa: E402
from app.services.demo import create_demo_store  # noqa: E402
from app.ui.accounts.dialogs import LoginDialog  # noqa: E402
from app.ui.application import make_application  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent / "images"


def wait(signal, ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    suffix = "" if args.language == "zh_CN" else f"-{args.language}"
    with tempfile.TemporaryDirectory() as folder:
        admin, _summary = create_demo_store(Path(folder), 3000, seed=1, today=date(2026, 11, 28))
        admin.close()
        app = make_application(language=args.language)
        OUT.mkdir(exist_ok=True)
        login = LoginDialog(Path(folder), username="loan")
        login.show()
        app.processEvents()
        login.grab().save(str(OUT / f"login{suffix}.png"))
        login.close()
        ws = accounts.unlock(Path(folder), "loan", "demo-loan-2026")
        window = MainWindow(ws)
        window.resize(1280, 800)
        window.show()
        wait(window.sig_ready)
        window.tree.select_code("445122100203")
        wait(window.households.sig_loaded)
        app.processEvents()
        window.grab().save(str(OUT / f"main-window{suffix}.png"))
        window.households.search.setText("zs")
        window.households.on_search_paused()
        wait(window.households.sig_loaded)
        window.grab().save(str(OUT / f"main-window-search{suffix}.png"))
        window.close()
        ws.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
