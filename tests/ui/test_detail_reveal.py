"""显示完整号码: offered to roles that may see full ID numbers, fetched in the pool and audited."""
from __future__ import annotations

from app.services.audit import AuditFilter, find_entries
from app.services.records import save_record
from app.ui.detail.loader import load_detail
from app.ui.detail.view import RecordDetailDialog
from app.ui.workers import wait_for_tasks
from tests.ui.editor_helpers import TODAY, add_divisions, add_user, loan_officers_household


def _household(ws) -> str:
    add_divisions(ws)
    return save_record(ws, {**loan_officers_household(), "record_type": "household"}, today=TODAY).record_id


def test_a_loan_officer_reveals_the_full_id_number_and_the_reveal_is_audited(app, qtbot, ws):
    record_id = _household(ws)
    dialog = RecordDetailDialog(ws, load_detail(ws, "household", record_id, TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "440522197503081236" not in dialog.record.toPlainText()  # masked until asked
    assert dialog.reveal.button.text() == "显示完整号码"
    dialog.reveal.button.click()
    qtbot.waitUntil(lambda: "440522197503081236" in dialog.reveal.number.text(), timeout=10_000)
    assert not dialog.reveal.button.isVisible()
    qtbot.waitUntil(lambda: dialog.reveal.number.width() >= dialog.reveal.number.sizeHint().width())  # laid out
    dialog.grab().save("/tmp/shots/detail-reveal.png")
    [entry] = find_entries(ws.db, AuditFilter(action="view_full_id", target_id=record_id))
    assert entry["actor"] == "loan" and "440522" not in str(entry["details"])
    wait_for_tasks()


def test_a_viewer_sees_the_masked_number_only_and_no_reveal_action(app, qtbot, ws, data_dir):
    record_id = _household(ws)
    viewer = add_user(data_dir, "viewer", "viewer")
    dialog = RecordDetailDialog(viewer, load_detail(viewer, "household", record_id, TODAY))
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "reveal")
    assert "440522197503081236" not in dialog.record.toPlainText()
    assert find_entries(ws.db, AuditFilter(action="view_full_id")) == []
    viewer.close()
    wait_for_tasks()
