"""Restoring from the GUI, and a damaged store at start-up: quarantined, never opened, a good backup offered."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from app.paths import DATABASE_FILE
from app.services import accounts, integrity
from app.services.backup import backup
from app.services.search import ListQuery, household_ids
from app.ui.backup import startup
from app.ui.backup.purge_dialog import PurgeDialog
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.backup.startup import CheckedLoginDialog
from app.ui.main_window import MainWindow
from app.ui.workers import wait_for_tasks
from tests.conftest import demo_password
from tests.services.test_integrity import damage_pages

ADMIN = ("admin", demo_password("admin"))
SHOTS = Path("/tmp/shots")


def _backup(folder: Path, name: str, mtime: int) -> Path:
    ws = accounts.unlock(folder, *ADMIN)
    try:
        path = backup(ws, folder / "backups" / name)
    finally:
        ws.close()
    os.utime(path, (mtime, mtime))
    return path


def _households(folder: Path) -> int:
    ws = accounts.unlock(folder, "loan", demo_password("loan"))
    try:
        return len(household_ids(ws, ListQuery()))
    finally:
        ws.close()


def _dialog(qtbot, folder: Path, **options) -> RestoreDialog:
    dialog = RestoreDialog(folder, "admin", **options)
    dialog.confirm = lambda path: True  # the question box is modal
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_backups_are_listed_newest_first_and_the_chosen_one_is_restored(app, qtbot, city_dir: Path):
    older = _backup(city_dir, "older.cvbak", 1_000)
    _backup(city_dir, "newer.cvbak", 2_000)
    closed = []
    dialog = _dialog(qtbot, city_dir, before_restore=lambda: closed.append(True))
    assert [dialog.model.index(r, 1).data() for r in range(2)] == ["newer.cvbak", "older.cvbak"]
    dialog.choose(older)
    dialog.password.setText(ADMIN[1])
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "restore-dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.on_restore()
    assert closed == [True] and dialog.closed_store
    assert dialog.summary.households == _households(city_dir) == 40


def test_a_file_picked_elsewhere_is_added_at_the_top_and_selected(app, qtbot, city_dir: Path, tmp_path: Path):
    _backup(city_dir, "listed.cvbak", 1_000)
    elsewhere = city_dir / "backups" / "listed.cvbak"
    outside = tmp_path / "usb-stick.cvbak"
    outside.write_bytes(elsewhere.read_bytes())
    dialog = _dialog(qtbot, city_dir)
    dialog.choose(outside)
    assert dialog.chosen() == outside and dialog.model.index(0, 1).data() == "usb-stick.cvbak"


@pytest.mark.parametrize("case, message", [
    ("wrong password", "该备份中没有此用户，或密码不正确（请用备份当时的密码）"),
    ("truncated", "已损坏、被截断或被篡改"),
])
def test_a_refused_restore_is_explained_in_chinese_and_the_dialog_stays(app, qtbot, city_dir: Path, case, message):
    path = _backup(city_dir, "b.cvbak", 1_000)
    if case == "truncated":
        path.write_bytes(path.read_bytes()[:-100])
    dialog = _dialog(qtbot, city_dir)
    dialog.password.setText("wrong-password-1" if case == "wrong password" else ADMIN[1])
    dialog.on_restore()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and dialog.message.text() not in ("", "正在恢复…"),
                    timeout=20_000)
    assert message in dialog.message.text()
    assert dialog.isVisible() and dialog.summary is None


def test_a_damaged_store_ends_the_login_with_the_damage_and_opens_nothing(app, qtbot, city_dir: Path):
    damage_pages(city_dir / DATABASE_FILE)
    dialog = CheckedLoginDialog(city_dir, username="admin")
    qtbot.addWidget(dialog)
    dialog.password.setText(ADMIN[1])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.on_submit()
    assert dialog.workspace is None and dialog.damaged.quarantined.parent == city_dir / integrity.QUARANTINE


def test_the_restore_offer_selects_the_newest_backup_that_passes_its_check(app, qtbot, city_dir: Path):
    good = _backup(city_dir, "good.cvbak", 1_000)
    cut = _backup(city_dir, "cut.cvbak", 2_000)
    cut.write_bytes(cut.read_bytes()[:-10])
    damage_pages(city_dir / DATABASE_FILE)
    quarantined = integrity.quarantine(city_dir)
    dialog = _dialog(qtbot, city_dir, intro=startup.damaged_intro(quarantined), password=ADMIN[1], find_good=True)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("最近的完好备份"), timeout=20_000)
    assert dialog.chosen() == good
    dialog.grab().save(str(SHOTS / "restore-offer-damaged.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.on_restore()
    integrity.unlock_checked(city_dir, *ADMIN).close()  # healthy again


def test_damage_found_after_the_window_opened_closes_the_store_and_offers_a_restore(app, qtbot, city_dir: Path,
                                                                                      monkeypatch):
    monkeypatch.setattr(integrity, "INLINE_QUICK_CHECK_BYTES", 0)  # a "large" store: login only probes
    damage_pages(city_dir / DATABASE_FILE)
    ws = integrity.unlock_checked(city_dir, *ADMIN)  # the probe does not reach the damaged pages
    offers = []
    monkeypatch.setattr(startup, "offer_restore", lambda *args, **kw: offers.append((args, kw)) or False)
    window = MainWindow(ws)
    window.relogin = False
    qtbot.addWidget(window)
    window.show()
    startup.start_background_check(window)
    qtbot.waitUntil(lambda: bool(offers), timeout=20_000)
    assert not window.isVisible() and window.relogin is False
    quarantined = offers[0][0][3]
    assert quarantined.parent == city_dir / integrity.QUARANTINE and offers[0][1]["key"] == ws.key
    with pytest.raises(integrity.StoreDamaged):  # known damaged now, even to a probing login
        integrity.unlock_checked(city_dir, *ADMIN)
    wait_for_tasks()


def _manage_actions(window: MainWindow) -> list[str]:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() and "管理" in a.text()]
    return [a.text() for m in menus for a in m.actions() if isinstance(m, QMenu)]


@pytest.mark.parametrize("user, expected", [
    ("admin", {"用户管理(&G)…", "从备份恢复(&R)…", "清理过期负面信息(&P)…"}),
    ("supervisor", set()),
])
def test_the_manage_menu_offers_users_restore_and_purge_only_to_the_administrator(app, qtbot, city_dir, user,
                                                                                  expected):
    ws = accounts.unlock(city_dir, user, demo_password(user))
    window = MainWindow(ws)
    qtbot.addWidget(window)
    wanted = {"用户管理(&G)…", "从备份恢复(&R)…", "清理过期负面信息(&P)…"}
    assert set(_manage_actions(window)) & wanted == expected
    wait_for_tasks()
    ws.close()


def test_the_purge_dialog_counts_first_and_purges_on_confirmation(app, qtbot, city_dir: Path):
    from app.services.retention import purge

    ws = accounts.unlock(city_dir, *ADMIN)
    expected = purge(ws, dry_run=True)
    dialog = PurgeDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.counts.text() != "正在统计…", timeout=10_000)
    dialog.grab().save(str(SHOTS / "purge-dialog.png"))
    assert dialog.ok.isEnabled() == (expected.total_events > 0)
    if expected.total_events:
        assert f"涉及 {expected.records} 份档案" in dialog.counts.text()
        with qtbot.waitSignal(dialog.accepted, timeout=20_000):
            dialog.on_purge()
        assert dialog.summary.total_events == expected.total_events
    assert purge(ws, dry_run=True).total_events == 0 or not expected.total_events
    ws.close()
