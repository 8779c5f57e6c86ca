"""Shared helpers of the editor and detail tests: a sample household and opened editors."""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

from app.services import accounts
from app.survey.definition import load_form
from app.ui.editor.editor import RecordEditor

SAMPLE = json.loads((Path(__file__).resolve().parent.parent / "survey" / "sample_household.json").read_text("utf-8"))
SOCIAL = ("agri_insurance", "pension_insured", "honours", "volunteer_times_year", "fee_arrears_months",
          "penalties", "dishonest_debtor", "debt_evasion_5y", "criminal_record_5y", "false_information")
TODAY = date(2026, 11, 28)


def loan_officers_household() -> dict:
    """The sample household as a loan officer may enter it: no social-conduct answers, no id."""
    document = copy.deepcopy(SAMPLE)
    for key in (*SOCIAL, "id"):
        document.pop(key, None)
    return document


def open_editor(qtbot, ws, document=None, revision=None, **kwargs) -> RecordEditor:
    """A shown household editor, after its first background check."""
    editor = RecordEditor(ws, load_form("household"), document, revision, today=TODAY, **kwargs)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sig_checked, timeout=10_000):
        editor.show()
    return editor


def add_user(data_dir: Path, name: str, role: str) -> accounts.Workspace:
    """Another account in the ``ws`` fixture's store, logged in."""
    admin = accounts.unlock(data_dir, "admin", "admin-pass-1")
    accounts.add_user(admin, name, f"{name}-pass-123", role, name)
    admin.close()
    return accounts.unlock(data_dir, name, f"{name}-pass-123")


def type_into(editor: RecordEditor, path: str, text: str) -> None:
    """Set a line input as a user would (setText: QTest cannot type Chinese), then leave it."""
    edit = editor.view.inputs[path].widget
    edit.setText(text)
    edit.editingFinished.emit()


def choose(editor: RecordEditor, path: str, value: object) -> None:
    editor.view.inputs[path].set_value(value)


def add_divisions(ws: accounts.Workspace) -> None:
    """The sample's county (former code 440522), township and village, so records can be saved."""
    from app.services.divisions import replace_divisions

    rows = [("445122", "饶平县", "county", None, "440522"), ("445122101", "黄冈镇", "township", "445122", ""),
            ("445122101201", "东山村", "village", "445122101", "")]
    with ws.db.session() as session:
        replace_divisions(session, [{"code": c, "name": n, "level": lv, "parent_code": p,
                                     "registered_households": 0, "former_codes": f} for c, n, lv, p, f in rows])
