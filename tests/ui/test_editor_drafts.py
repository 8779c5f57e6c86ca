"""Drafts: autosaved, recovered after the editor dies unsaved, kept by a failed save."""
from __future__ import annotations

from app.services.drafts import list_drafts
from app.services.records import load_record, save_record
from app.ui.editor.launch import build_editor, open_editor as launch, read_input
from app.ui.workers import wait_for_tasks
from tests.ui.editor_helpers import TODAY, add_divisions, loan_officers_household, open_editor, type_into


def _stored(ws) -> tuple[str, int]:
    add_divisions(ws)
    result = save_record(ws, {**loan_officers_household(), "record_type": "household"}, today=TODAY)
    return result.record_id, result.revision


def test_a_change_is_autosaved_as_a_draft_in_the_background(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    type_into(editor, "head_name", "王小明")
    assert editor.autosave_timer.isActive()
    editor.autosave()
    wait_for_tasks()
    [draft] = list_drafts(ws)
    assert draft.title == "王小明" and draft.id == editor.writer.draft_id


def test_closing_unsaved_and_reopening_the_record_recovers_the_typed_answers(app, qtbot, ws):
    record_id, revision = _stored(ws)
    document, _ = load_record(ws, "household", record_id)
    editor = open_editor(qtbot, ws, document, revision)
    type_into(editor, "address", "东山村三组20号")
    wait_for_tasks()
    editor.close()  # the app dies with the editor open: nothing saved but the draft
    del editor
    given = read_input(ws, "household", record_id)
    assert given.draft is not None and given.draft.data["address"] == "东山村三组20号"
    opened = []
    launch(None, ws, "household", record_id, ask=lambda _parent, _draft: True, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    reopened = opened[0]
    qtbot.addWidget(reopened)
    assert reopened.view.inputs["address"].value() == "东山村三组20号"
    assert reopened.writer.draft_id == given.draft.id and reopened.revision == revision
    wait_for_tasks()


def test_declining_the_draft_discards_it_and_opens_the_stored_record(app, qtbot, ws):
    record_id, revision = _stored(ws)
    document, _ = load_record(ws, "household", record_id)
    editor = open_editor(qtbot, ws, document, revision)
    type_into(editor, "address", "别处")
    editor.close()
    opened = []
    launch(None, ws, "household", record_id, ask=lambda _parent, _draft: False, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    qtbot.addWidget(opened[0])
    assert opened[0].view.inputs["address"].value() == "东山村三组18号"
    assert list_drafts(ws) == []
    wait_for_tasks()


def test_a_successful_save_deletes_the_draft(app, qtbot, ws):
    record_id, revision = _stored(ws)
    document, _ = load_record(ws, "household", record_id)
    editor = open_editor(qtbot, ws, document, revision)
    type_into(editor, "address", "东山村三组20号")
    editor.autosave()
    wait_for_tasks()
    assert len(list_drafts(ws)) == 1
    with qtbot.waitSignal(editor.sig_saved, timeout=10_000):
        editor.save()
    assert list_drafts(ws) == []
    assert load_record(ws, "household", record_id) [0]["address"] == "东山村三组20号"
    wait_for_tasks()


def test_a_failed_save_keeps_the_draft_with_what_was_being_saved(app, qtbot, ws):
    record_id, revision = _stored(ws)
    document, _ = load_record(ws, "household", record_id)
    editor = open_editor(qtbot, ws, document, revision)
    type_into(editor, "address", "东山村三组20号")
    save_record(ws, {**document, "group": "四组"}, base_revision=revision, today=TODAY)  # someone else saved
    editor.save()
    qtbot.waitUntil(lambda: "草稿已保留" in editor.status.text(), timeout=10_000)
    [draft] = list_drafts(ws, "household", record_id)
    assert draft.data["address"] == "东山村三组20号" and draft.data["_base_revision"] == revision
    assert editor.isVisible() and editor.save_button.isEnabled()
    editor.failure_box.close()
    wait_for_tasks()


def test_a_draft_of_a_new_household_reopens_from_the_drafts_list(app, qtbot, ws):
    from app.ui.editor.drafts_dialog import DraftsDialog

    editor = open_editor(qtbot, ws)
    type_into(editor, "head_name", "王小明")
    editor.close()
    dialog = DraftsDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        pass
    assert "王小明（新建）" == dialog.table.item(0, 0).text()
    with qtbot.waitSignal(dialog.sig_open, timeout=1_000) as chosen:
        dialog.open_current()
    reopened = build_editor(ws, read_input(ws, "household", None, chosen.args[0]), today=TODAY)
    qtbot.addWidget(reopened)
    assert reopened.view.inputs["head_name"].value() == "王小明"
    wait_for_tasks()
