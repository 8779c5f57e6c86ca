"""The household editor: generated from the questionnaire, keyboard-first, checks inline, saves."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.records import load_record
from app.ui.workers import wait_for_tasks
from tests.ui.editor_helpers import add_divisions, choose, loan_officers_household, open_editor, type_into


def test_every_section_is_listed_and_required_questions_are_marked(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    labels = [editor.nav.item(i).text() for i in range(editor.nav.count())]
    assert len(labels) == len(editor.form.sections) and any("基本信息" in t for t in labels)
    assert "户主姓名" in editor.view.rows["head_name"].label.text()
    assert "*" in editor.view.rows["head_name"].label.text()
    assert "*" not in editor.view.rows["group"].label.text()
    assert editor.view.inputs["head_name"].widget.toolTip().startswith("与户主身份证上的姓名一致")
    assert not editor.save_button.isEnabled() and "不能保存" in editor.status.text()
    wait_for_tasks()


def test_economic_questions_wait_for_signed_consent(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    income = editor.view.inputs["annual_net_income"].widget
    assert income.isVisible() and income.isReadOnly()
    assert "授权书" in income.toolTip()
    choose(editor, "consent.signed", True)
    assert not income.isReadOnly()
    choose(editor, "consent.signed", False)
    assert income.isReadOnly()
    wait_for_tasks()


def test_skip_logic_greys_a_repaid_loans_overdue_days_and_computes_liabilities(app, qtbot, ws):
    document = loan_officers_household()
    editor = open_editor(qtbot, ws, document)
    loans = editor.view.tables["loans"].table
    overdue = loans.item(1, 4)  # second loan is repaid: balance 0.00
    assert not overdue.flags() & Qt.ItemFlag.ItemIsEditable
    assert loans.item(0, 4).flags() & Qt.ItemFlag.ItemIsEditable
    assert editor.view.inputs["liabilities"].widget.text() == "35000.00"
    loans.item(0, 3).setText("40000.00")
    assert editor.view.inputs["liabilities"].widget.text() == "45000.00"
    assert editor.view.inputs["liabilities"].widget.isReadOnly()
    wait_for_tasks()


def test_tab_and_enter_walk_the_questions_in_questionnaire_order(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    editor.activateWindow()
    head_name = editor.view.inputs["head_name"].widget
    head_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is head_name)
    qtbot.keyClick(head_name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.view.inputs["head_id_number"].widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.view.inputs["head_phone"].widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.view.inputs["head_education"].widget
    wait_for_tasks()


def test_a_wrong_id_number_shows_a_red_message_under_it_when_the_field_is_left(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    message = editor.view.rows["head_id_number"].message
    assert not message.isVisible()  # untouched fields stay quiet
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        type_into(editor, "head_id_number", "440522197503081235")
    assert message.isVisible() and "校验" in message.text()
    assert "#c62828" in message.styleSheet()
    assert not editor.view.rows["head_name"].message.isVisible()
    wait_for_tasks()


def test_a_head_already_filed_elsewhere_is_an_amber_warning_that_allows_saving(app, qtbot, demo_ws):
    from app.services.search import ListQuery, household_ids

    other, _revision = load_record(demo_ws, "household", household_ids(demo_ws, ListQuery())[0])
    editor = open_editor(qtbot, demo_ws)
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        type_into(editor, "head_id_number", other["head_id_number"])
    message = editor.view.rows["head_id_number"].message
    assert "另一户的户主" in message.text() and "#b26a00" in message.styleSheet()
    wait_for_tasks()


def test_ctrl_s_stores_the_household_in_the_database(app, qtbot, ws):
    add_divisions(ws)
    editor = open_editor(qtbot, ws)
    editor.view.set_answers(loan_officers_household())
    editor.on_changed()
    with qtbot.waitSignal(editor.sig_saved, timeout=10_000) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    result = saved.args[0]
    document, revision = load_record(ws, "household", result.record_id)
    assert result.created and revision == 1
    assert document["head_name"] == "陈建国" and len(document["members"]) == 3
    assert document["loans"][0]["balance"] == "30000.00"
    wait_for_tasks()


def test_saving_with_errors_shows_every_message_and_puts_the_cursor_on_the_first(app, qtbot, ws):
    editor = open_editor(qtbot, ws)
    editor.view.set_answers({**loan_officers_household(), "head_name": "", "years_resident": "abc"})
    editor.on_changed()
    editor.activateWindow()
    editor.save()
    qtbot.waitUntil(lambda: editor.view.rows["years_resident"].message.isVisible(), timeout=10_000)
    assert "请填写户主姓名" in editor.view.rows["head_name"].message.text()
    assert QApplication.focusWidget() is editor.view.inputs["head_name"].widget
    assert editor.isVisible() and editor.nav.item(0).text().startswith("✗")
    wait_for_tasks()


def test_member_errors_tint_the_cell_and_name_the_row(app, qtbot, ws):
    document = loan_officers_household()
    document["members"][1]["id_number"] = document["members"][0]["id_number"]
    editor = open_editor(qtbot, ws, document)
    editor.show_all = True
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        editor.check()
    table = editor.view.tables["members"]
    assert "第 2 行" in table.message.text()
    assert table.table.item(1, 1).background().color().name() == "#fde2e1"
    wait_for_tasks()


def test_a_township_officer_may_not_touch_economic_answers_but_fills_conduct(app, qtbot, ws, data_dir):
    from tests.ui.editor_helpers import add_user

    township = add_user(data_dir, "town", "township_officer")
    try:
        editor = open_editor(qtbot, township, loan_officers_household())
        assert editor.view.inputs["annual_net_income"].widget.isReadOnly()
        assert not editor.view.tables["loans"].add_button.isEnabled()
        assert editor.view.inputs["agri_insurance"].widget.isEnabled()
        assert not editor.view.inputs["head_name"].widget.isReadOnly()
        wait_for_tasks()
    finally:
        township.close()


def test_a_record_saved_under_an_older_form_version_opens_with_that_version(app, qtbot, ws, tmp_path, monkeypatch):
    import shutil

    from app.paths import forms_path
    from app.ui.editor.launch import EditorInput, build_editor

    folder = tmp_path / "forms"
    (folder / "archive").mkdir(parents=True)
    shutil.copy(forms_path() / "household.yaml", folder / "archive" / "household-v1.yaml")
    current = (forms_path() / "household.yaml").read_text("utf-8")
    (folder / "household.yaml").write_text(current.replace("version: 1\n", "version: 2\n", 1)
                                           .replace("label: 户主姓名\n", "label: 户主姓名（第二版）\n"), "utf-8")
    monkeypatch.setattr("app.survey.definition.forms_path", lambda: folder)
    old = build_editor(ws, EditorInput("household", {**loan_officers_household(), "id": "x"}, 1, None))
    new = build_editor(ws, EditorInput("household", None, None, None))
    qtbot.addWidget(old)
    qtbot.addWidget(new)
    assert old.form.version == 1 and "第二版" not in old.view.rows["head_name"].label.text()
    assert new.form.version == 2 and "第二版" in new.view.rows["head_name"].label.text()
    assert old.raw()["form_version"] == 1
    wait_for_tasks()


def test_the_cooperative_editor_is_generated_from_its_own_questionnaire(app, qtbot, ws):
    import json
    from pathlib import Path

    from app.survey.definition import load_form
    from app.ui.editor.editor import RecordEditor

    sample = json.loads((Path(__file__).resolve().parent.parent / "survey" / "sample_cooperative.json").read_text("utf-8"))
    editor = RecordEditor(ws, load_form("cooperative"), sample, 1)
    qtbot.addWidget(editor)
    certifications = editor.view.inputs["certifications"]
    assert certifications.value() == (sample.get("certifications") or None)
    assert editor.view.inputs["uscc"].value() == sample["uscc"]
    answers = editor.raw()
    assert answers["record_type"] == "cooperative" and answers["name"] == sample["name"]
    wait_for_tasks()
