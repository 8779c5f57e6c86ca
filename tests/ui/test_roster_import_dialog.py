"""The import dialog: problems listed by sheet, row and column; Import only when clean; stored."""
from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import func, select

from app.store.models import Household
from app.ui.roster.import_dialog import ImportDialog
from app.ui.workers import wait_for_tasks
from tests.roster.roster_helpers import fill_template, setup_store, unlock, unsigned_households

BASIC = {"basic", "consent", "members", "collection"}


def _roster(data_dir, tmp_path, broken: bool):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", unsigned_households(villages, 4), sections=BASIC)
    if broken:
        workbook = load_workbook(path)
        workbook["农户"]["E3"] = "440522197503081235"
        workbook["家庭成员"]["D2"] = "邻居"
        workbook.save(path)
    return path


def test_errors_are_listed_and_the_import_button_stays_disabled(app, qtbot, data_dir, tmp_path):
    path = _roster(data_dir, tmp_path, broken=True)
    ws = unlock(data_dir, "loan")
    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert ["错误", "农户", "3", "户主身份证号码"] in [row[:4] for row in rows]
    assert ["错误", "家庭成员", "2", "与户主关系"] in [row[:4] for row in rows]
    assert not dialog.import_button.isEnabled()
    assert "错误" in dialog.status.text()
    dialog.resize(960, 520)
    dialog.grab().save("/tmp/shots/roster-import-errors.png")
    dialog.good_rows.setChecked(True)
    assert dialog.import_button.isEnabled()
    wait_for_tasks()
    ws.close()


def test_a_clean_roster_imports_with_a_summary(app, qtbot, data_dir, tmp_path):
    path = _roster(data_dir, tmp_path, broken=False)
    ws = unlock(data_dir, "loan")
    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert dialog.summary.created == 4 and "已导入" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    dialog.grab().save("/tmp/shots/roster-import-done.png")
    with ws.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 4
    wait_for_tasks()
    ws.close()


def test_a_refused_file_is_explained_in_the_dialog(app, qtbot, data_dir, tmp_path):
    setup_store(data_dir)
    path = tmp_path / "macro.xlsm"
    path.write_bytes(b"x")
    ws = unlock(data_dir, "loan")
    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.check(path)
    qtbot.waitUntil(lambda: "宏" in dialog.status.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()
    wait_for_tasks()
    ws.close()


def test_cancel_stops_a_long_check_and_nothing_is_stored(app, qtbot, data_dir, tmp_path, monkeypatch):
    import threading

    from app.ui.roster import import_dialog

    path = _roster(data_dir, tmp_path, broken=False)
    ws = unlock(data_dir, "loan")
    dialog = ImportDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    started, real = threading.Event(), import_dialog.preview_import

    def long_check(*args, cancelled, **kwargs):  # a check still running when 停止 is clicked
        started.set()
        assert dialog._stop.wait(10)
        return real(*args, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(import_dialog, "preview_import", long_check)
    dialog.check(path)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    dialog.grab().save("/tmp/shots/roster-import-busy.png")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "已取消" in dialog.status.text(), timeout=10_000)
    assert dialog.preview is None and not dialog.cancel_button.isVisible()
    assert dialog.choose.isEnabled() and not dialog.import_button.isEnabled()
    with ws.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 0
    wait_for_tasks()
    ws.close()
