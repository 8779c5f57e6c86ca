"""The detail view: the file read-only with masked identifiers, its ratings and who changed what."""
from __future__ import annotations

from app.services.ratings import rate_household
from app.services.records import load_record, save_record
from app.ui.detail.loader import load_detail
from app.ui.detail.view import RecordDetailDialog, open_detail
from app.ui.workers import wait_for_tasks
from tests.ui.editor_helpers import TODAY, add_divisions, loan_officers_household


def _edited_household(ws) -> str:
    add_divisions(ws)
    created = save_record(ws, {**loan_officers_household(), "record_type": "household"}, today=TODAY)
    document, revision = load_record(ws, "household", created.record_id)
    save_record(ws, {**document, "address": "东山村三组20号", "head_phone": "13900001111"},
                base_revision=revision, today=TODAY)
    return created.record_id


def test_history_lists_the_creation_and_the_edit_with_the_fields_changed(ws):
    record_id = _edited_household(ws)
    detail = load_detail(ws, "household", record_id)
    assert [line.action for line in detail.history] == ["record_edited", "record_created"]
    assert detail.history[0].fields == ("address", "head_phone") and detail.history[0].actor == "loan"


def test_the_file_shows_masked_id_numbers_and_phones_and_choice_labels(app, qtbot, ws):
    record_id = _edited_household(ws)
    dialog = RecordDetailDialog(ws, load_detail(ws, "household", record_id))
    qtbot.addWidget(dialog)
    text = dialog.record.toPlainText()
    assert "4405**********1236" in text and "440522197503081236" not in text
    assert "139****1111" in text and "13900001111" not in text
    assert "初中" in text and "junior_high" not in text
    assert "35000.00 元" in text  # the computed liabilities
    assert dialog.history.rowCount() == 2
    assert "家庭住址" in dialog.history.item(0, 3).text()


def test_ratings_appear_in_their_own_tab(app, qtbot, ws):
    record_id = _edited_household(ws)
    rating = rate_household(ws, record_id, TODAY)
    opened = []
    open_detail(None, ws, "household", record_id, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.ratings.rowCount() == 1
    assert dialog.ratings.item(0, 1).text() == rating.score
    assert "评级记录（1）" == dialog.tabs.tabText(1)
    wait_for_tasks()
