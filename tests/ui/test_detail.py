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


def _subject_with_objection(ws, today, open_: bool) -> str:
    """A demo household whose latest rating has an objection (open, or decided)."""
    from sqlalchemy import select

    from app.services.workflow import subject_overview
    from app.store.models import WorkflowStep
    with ws.db.session() as session:
        subjects = session.scalars(select(WorkflowStep.subject_id).where(WorkflowStep.step == "objection",
                                                                         WorkflowStep.subject_type == "household"))
        for subject_id in subjects:
            row = subject_overview(ws, subject_id, today)
            if row is not None and bool(row.open_objections) == open_:
                return subject_id
    raise AssertionError("the demo city has no such household")


def test_the_file_shows_the_rating_stage_and_marks_an_open_objection_with_its_deadline(app, qtbot, demo_ws):
    from tests.conftest import DEMO_TODAY
    subject_id = _subject_with_objection(demo_ws, DEMO_TODAY, open_=True)
    detail = load_detail(demo_ws, "household", subject_id, DEMO_TODAY)
    dialog = RecordDetailDialog(demo_ws, detail)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stage.text().startswith("评级流程：异议处理中") and "公示期" in dialog.stage.text()
    due = detail.workflow.next_answer_due.isoformat()
    assert dialog.objection.isVisible() and dialog.objection.text() == f"⚑ 异议 1 件待处理，{due} 前答复"
    dialog.grab().save("/tmp/shots/detail-objection.png")


def test_a_confirmed_rating_shows_its_validity_and_a_decided_objection_is_marked_as_handled(app, qtbot, demo_ws):
    from tests.conftest import DEMO_TODAY
    subject_id = _subject_with_objection(demo_ws, DEMO_TODAY, open_=False)
    dialog = RecordDetailDialog(demo_ws, load_detail(demo_ws, "household", subject_id, DEMO_TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "有效期至" in dialog.stage.text() or "公示期满" in dialog.stage.text()
    assert dialog.objection.text() == "⚑ 异议 1 件，已处理"


def test_a_household_never_rated_says_so_and_has_no_objection_mark(app, qtbot, ws):
    record_id = _edited_household(ws)
    dialog = RecordDetailDialog(ws, load_detail(ws, "household", record_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stage.text() == "评级流程：尚未评级" and not dialog.objection.isVisible()
