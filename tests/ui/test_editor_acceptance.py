"""Acceptance: a whole household entered by keyboard alone; a draft survives the editor dying.

QTest cannot type Chinese (no input method offscreen), so a Chinese answer is put with
``setText`` on the widget that has the keyboard focus at that moment, never by reaching for a
widget by name; everything else (digits, Latin letters, Tab, Enter, arrows, Space, F2,
Ctrl+Insert, Ctrl+S) is a real key event.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton

from app.services.drafts import list_drafts
from app.services.records import load_record
from app.survey.definition import load_form
from app.survey.record_paths import get_path
from app.ui.editor.editor import RecordEditor
from app.ui.editor.launch import build_editor, read_input
from app.ui.editor.table_cells import GroupTable
from app.ui.workers import wait_for_tasks
from tests.ui.editor_helpers import TODAY, add_divisions, loan_officers_household, open_editor

KEY = Qt.Key


def _focused():
    return QApplication.focusWidget()


def _type(qtbot, value: object) -> None:
    """Type ``value`` into the focused line edit (setText only for Chinese)."""
    text = "" if value is None else str(value)
    widget = _focused()
    assert isinstance(widget, QLineEdit)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.setText(text)


def _choose(qtbot, combo: QComboBox, value: object) -> None:
    """Pick ``value`` in a closed drop-down with the arrow keys."""
    wanted = next(i for i in range(combo.count())
                  if combo.itemData(i) == value and type(combo.itemData(i)) is type(value))
    while combo.currentIndex() < wanted:
        qtbot.keyClick(combo, KEY.Key_Down)
    while combo.currentIndex() > wanted:
        qtbot.keyClick(combo, KEY.Key_Up)


def _fill_table(qtbot, editor, table, rows: list[dict]) -> None:
    """From the focused empty table: Ctrl+Insert adds a row, F2 edits a cell, Enter walks on."""
    group = next(t.group for t in editor.view.tables.values() if t.table is table)
    for number, entry in enumerate(rows):
        qtbot.keyClick(table, KEY.Key_Insert, Qt.KeyboardModifier.ControlModifier)
        assert _focused() is table and table.currentRow() == number
        for column, field in enumerate(group.fields):
            assert table.currentColumn() == column
            skipped = (number, field.name) in editor.state.skipped_cells.get(group.name, set())
            if entry.get(field.name) is not None and not skipped:  # a greyed cell takes no answer
                # skip logic greys a cell until the background check has seen the row's answers
                qtbot.waitUntil(lambda: bool(table.item(number, column).flags() & Qt.ItemFlag.ItemIsEditable))
                qtbot.keyClick(table, KEY.Key_F2)
                if isinstance(_focused(), QComboBox):
                    _choose(qtbot, _focused(), entry[field.name])
                else:
                    _type(qtbot, entry[field.name])
                qtbot.keyClick(_focused(), KEY.Key_Return)  # commits (queued), focus back on the table
                qtbot.waitUntil(lambda: table.state() != GroupTable.State.EditingState)
            if column + 1 < len(group.fields):
                qtbot.keyClick(table, KEY.Key_Return)
    qtbot.keyClick(table, KEY.Key_Return)  # past the last cell: on to the next question


def _walk(qtbot, editor, target: dict) -> set[str]:
    """Answer every question the focus reaches; return the sections visited."""
    by_widget = {id(made.widget): path for path, made in editor.view.inputs.items()}
    boxes = {id(check): (path, code) for path, made in editor.view.inputs.items()
             for code, check in getattr(made, "boxes", [])}
    tables = {id(t.table): t for t in editor.view.tables.values()}
    section_of = {item.path: s.id for s in editor.form.sections for item in s.items}
    visited: set[str] = set()
    for _step in range(400):
        widget = _focused()
        if widget in (editor.save_button, editor.close_button, editor.nav):  # past the last question
            return visited
        if id(widget) in tables and widget.rowCount() == 0:
            group = tables[id(widget)].group
            visited.add(section_of[group.path])
            if target.get(group.name):
                _fill_table(qtbot, editor, widget, target[group.name])
                continue
        if id(widget) in by_widget:
            path = by_widget[id(widget)]
            visited.add(section_of[path])
            value = get_path(target, path)
            if isinstance(widget, QComboBox) and value is not None:
                _choose(qtbot, widget, value)
            elif isinstance(widget, QLineEdit) and value is not None:
                _type(qtbot, value)
        elif id(widget) in boxes:
            path, code = boxes[id(widget)]
            if code in (get_path(target, path) or []):
                qtbot.keyClick(widget, KEY.Key_Space)
        else:
            assert isinstance(widget, (QPushButton, GroupTable, QCheckBox)), widget
        qtbot.keyClick(widget, KEY.Key_Tab)
    raise AssertionError("the focus never reached the end of the questionnaire")


def test_a_whole_household_is_entered_with_the_keyboard_alone_and_lands_in_the_database(app, qtbot, ws):
    add_divisions(ws)
    target = loan_officers_household()
    editor = open_editor(qtbot, ws)
    editor.activateWindow()
    qtbot.waitUntil(lambda: _focused() is not None)
    first = editor.view.inputs[next(iter(editor.view.inputs))].widget
    assert _focused() is first  # the dialog opens with the cursor on the first question
    visited = _walk(qtbot, editor, target)
    editor_sections = {s.id for s in editor.form.sections if any(editor.may_edit(i) for i in s.items)}
    assert visited >= editor_sections
    with qtbot.waitSignal(editor.sig_saved, timeout=10_000) as saved:
        qtbot.keyClick(_focused(), KEY.Key_S, Qt.KeyboardModifier.ControlModifier)
    document, _revision = load_record(ws, "household", saved.args[0].record_id)
    for key in ("head_name", "head_id_number", "address", "consent", "annual_net_income"):
        assert document[key] == target[key], key
    assert [m["id_number"] for m in document["members"]] == [m["id_number"] for m in target["members"]]
    assert document["members"][2]["relation"] == "parent" and document["members"][2]["is_labour"] is False
    assert document["loans"][0]["balance"] == "30000.00" and len(document["land"]) == 3
    wait_for_tasks()


def test_a_draft_autosaved_before_the_editor_is_destroyed_is_offered_back_with_every_answer(app, qtbot, ws):
    editor = RecordEditor(ws, load_form("household"), today=TODAY)  # not given to qtbot: it dies here
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        editor.show()
    editor.autosave_timer.setInterval(50)  # the real interval is seconds; the path is the same
    editor.activateWindow()
    qtbot.waitUntil(lambda: _focused() is not None)
    typed = ["445122101201", "三组", "东山村三组18号", "陈建国", "440522197503081236", "13812345678"]
    for number, text in enumerate(typed):  # the first six questions, in Tab order
        if number:
            qtbot.keyClick(_focused(), KEY.Key_Tab)
        _type(qtbot, text)
    answers = editor.view.answers()
    assert [answers[p] for p in ("village_code", "group", "address", "head_name", "head_id_number",
                                 "head_phone")] == typed
    qtbot.waitUntil(lambda: any(d.data.get("head_phone") == typed[-1] for d in list_drafts(ws)), timeout=10_000)
    wait_for_tasks()
    editor.writer.write = None  # a crash writes nothing more: any later write would raise
    shiboken6.delete(editor)  # gone at once: no close event, no done(), no final draft write
    given = read_input(ws, "household", draft=list_drafts(ws)[0])
    reopened = build_editor(ws, given, today=TODAY)
    qtbot.addWidget(reopened)
    assert reopened.dirty
    assert reopened.view.answers() == answers
    wait_for_tasks()


def test_the_duplicate_head_warning_links_to_the_other_household_and_opens_it(app, qtbot, demo_ws):
    from app.services.search import ListQuery, household_ids
    from app.ui.detail.view import RecordDetailDialog

    other_id = household_ids(demo_ws, ListQuery())[0]
    other, _revision = load_record(demo_ws, "household", other_id)
    editor = open_editor(qtbot, demo_ws)
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        edit = editor.view.inputs["head_id_number"].widget
        edit.setText(other["head_id_number"])
        edit.editingFinished.emit()
    message = editor.view.rows["head_id_number"].message
    assert "另一户的户主" in message.text() and f"href='{other_id}'" in message.text()
    assert "打开另一户的档案" in message.text()
    editor.grab().save("/tmp/shots/editor-duplicate-head.png")
    message.linkActivated.emit(other_id)  # what a click or Enter on the link sends
    qtbot.waitUntil(lambda: bool(editor.findChildren(RecordDetailDialog)), timeout=10_000)
    [dialog] = editor.findChildren(RecordDetailDialog)
    assert dialog.detail.record_id == other_id
    wait_for_tasks()
