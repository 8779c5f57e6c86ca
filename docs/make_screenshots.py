"""Take the GUI screenshots in docs/images from the real app on a fresh demo database.

    .venv/bin/python docs/make_screenshots.py [--language zh_CN|en] [--only NAME ...]

Runs offscreen (no display needed); the demo is generated with a fixed seed and date and
rated, so the pictures change only when the app does (and in the 更新时间 column). Every
picture is one line of :data:`SHOTS`: a file name and a function of the :class:`Demo` (its
workspaces by user) that returns the widget to photograph; widgets that need more than a
constructor call are built in ``screenshot_scenes.py``. A shot that fails is reported and
the others are still taken.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.services import accounts  # noqa: E402
from app.services.demo import DEMO_ACCOUNTS, create_demo_store  # noqa: E402
from app.ui.application import make_application  # noqa: E402
from png_shrink import shrink  # noqa: E402
from screenshot_scenes import (  # noqa: E402
    CONFIRMED_VILLAGE, DASHBOARD_TOWNSHIP, NOTICE_VILLAGE, TODAY, VILLAGE, appraisal, decision, detail, editor,
    main_window, roster_import, ui, workflow)  # noqa: E402

OUT = Path(__file__).resolve().parent / "images"
HOUSEHOLDS = 3000


@dataclass
class Demo:
    """The demo store of this run, with a workspace per demo user, opened on first use."""

    folder: Path
    workspaces: dict[str, accounts.Workspace] = field(default_factory=dict)
    keep: list[QWidget] = field(default_factory=list)  # parents of dialogs being photographed

    def ws(self, user: str) -> accounts.Workspace:
        if user not in self.workspaces:
            password = next(p for name, p, _role, _display in DEMO_ACCOUNTS if name == user)
            self.workspaces[user] = accounts.unlock(self.folder, user, password)
        return self.workspaces[user]

    def household(self, index: int = 0) -> str:
        """The id of the ``index``-th household of :data:`VILLAGE` in list order."""
        from app.services.search import ListQuery, household_ids

        return household_ids(self.ws("loan"), ListQuery(VILLAGE))[index]

    def close(self) -> None:
        for widget in self.keep:
            widget.close()
        for workspace in self.workspaces.values():
            workspace.close()


@dataclass(frozen=True)
class Shot:
    name: str
    build: Callable[[Demo], QWidget]


# One line per picture. A new dialog: Shot("file-name", lambda d: ui("pkg.module", "Dialog")(d.ws("loan"))).
SHOTS = [
    Shot("first-start", lambda d: ui("accounts.dialogs", "SetupDialog")(d.folder / "new-laptop")),
    Shot("login", lambda d: ui("accounts.dialogs", "LoginDialog")(d.folder, username="loan")),
    Shot("main-window", lambda d: main_window(d, "loan")),
    Shot("main-window-search", lambda d: main_window(d, "loan", village=None, search="zs")),
    Shot("main-window-admin", lambda d: main_window(d, "admin", village=None)),
    Shot("household-detail", detail),
    Shot("household-editor", lambda d: editor(d, d.household())),
    Shot("household-editor-new", lambda d: editor(d, None)),
    Shot("change-password", lambda d: ui("accounts.password", "ChangePasswordDialog")(d.ws("loan"))),
    Shot("audit-dialog", lambda d: ui("audit.dialog", "AuditDialog")(d.ws("supervisor"))),
    Shot("restore-dialog", lambda d: ui("backup.restore_dialog", "RestoreDialog")(d.folder, "admin")),
    Shot("users-dialog", lambda d: ui("accounts.users_dialog", "UsersDialog")(d.ws("admin"))),
    Shot("import-roster", roster_import),
    Shot("rate-village", lambda d: ui("rating.batch_dialog", "BatchRatingDialog")(d.ws("loan"), VILLAGE, "埔坑村")),
    Shot("rating-breakdown", lambda d: ui("rating.breakdown", "RatingBreakdownDialog")(d.ws("loan"), d.household())),
    Shot("villages-dashboard", lambda d: ui("rating.dashboard", "VillagesDashboard")(d.ws("loan"), *DASHBOARD_TOWNSHIP)),
    Shot("workflow-window", lambda d: workflow(d, "township", NOTICE_VILLAGE)),
    Shot("appraisal-dialog", appraisal),
    Shot("objection-decision", decision),
    Shot("print-certificates", lambda d: ui("documents.request", "DocumentRequestDialog")(d.ws("loan"), "certificates", CONFIRMED_VILLAGE[0])),
    Shot("print-notice-list", lambda d: ui("documents.request", "DocumentRequestDialog")(d.ws("loan"), "notice_list", NOTICE_VILLAGE[0])),
    Shot("certificate-register", lambda d: ui("documents.register", "RegisterDialog")(d.ws("supervisor"), CONFIRMED_VILLAGE[0])),
    Shot("sync-enrol", lambda d: ui("sync.enrol_dialog", "EnrolDialog")(d.ws("loan"))),
]


def settle(app: QApplication, rounds: int = 20) -> None:
    """Let background loads finish and their results be shown (workers post back to the GUI)."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(2_000)
        app.processEvents()


def take(app: QApplication, demo: Demo, shot: Shot, path: Path) -> Path:
    """Build the shot's widget, let it load, save its picture at ``path``."""
    widget = shot.build(demo)
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    shrink(path)
    widget.close()
    app.processEvents()
    return path


def prepare(folder: Path) -> Demo:
    """The demo city (3,000 households, villages at every workflow stage) with :data:`VILLAGE`
    rated, the certificates of a confirmed village issued (one reprinted) and a backup made, so
    details, the register and the restore dialog show data."""
    from app.services.backup import backup
    from app.services.certificates_pdf import village_certificates_pdf
    from app.services.certificates import reprint_certificate
    from app.services.rating_batch import rate_all

    admin, _summary = create_demo_store(folder, HOUSEHOLDS, seed=1, today=TODAY)
    admin.close()
    demo = Demo(folder)
    rate_all(demo.ws("loan"), VILLAGE, TODAY)  # not the whole city: that would restart the workflow
    numbers = village_certificates_pdf(demo.ws("loan"), CONFIRMED_VILLAGE[0], TODAY, folder / "certificates.pdf")
    reprint_certificate(demo.ws("supervisor"), numbers[0])
    backup(demo.ws("admin"))  # so the restore dialog lists one
    return demo


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--only", nargs="*", default=None, help="file names (without .png) to take")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default docs/images)")
    args = parser.parse_args()
    suffix = "" if args.language == "zh_CN" else f"-{args.language}"  # main-window-en.png
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        app = make_application(language=args.language)
        args.out.mkdir(parents=True, exist_ok=True)
        demo = prepare(Path(folder))
        try:
            for shot in SHOTS:
                if args.only and shot.name not in args.only:
                    continue
                try:
                    print(f"wrote {take(app, demo, shot, args.out / f'{shot.name}{suffix}.png')}")
                except Exception as exc:  # noqa: BLE001 - one broken dialog must not stop the rest
                    failed += 1
                    print(f"FAILED {shot.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        finally:
            demo.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
