"""The household / cooperative editor: one scrolling form generated from the questionnaire.

Why one scrolling form rather than a page per section: a keyboard user goes through the whole
questionnaire with Tab and Enter alone, never switching pages, and skipped questions simply
vanish from the path; the section list on the left still shows where one is and which
sections are done (✓) or wrong (✗), and Ctrl+PgDown / Ctrl+PgUp jump a section.

Checks run in the thread pool (``check_record``: the one validator plus the region and
duplicate-head warnings) when the user leaves a field and on Ctrl+S; messages appear under
the fields left so far, all of them after a save attempt. Answers autosave as a draft a few
seconds after each change and on close; the successful save deletes it in its transaction.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.domain.problems import Problem
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.survey.form_model import Field, FormDefinition, RepeatGroup
from app.ui.editor.draft_writer import DraftWriter
from app.ui.editor.duplicate_link import connect_open
from app.ui.editor.editor_checks import CheckingMixin
from app.ui.editor.editor_save import SaveFlow
from app.ui.editor.form_state import form_state
from app.ui.editor.form_view import FormView
from app.ui.editor.section_nav import SectionNav, follow_focus, go_to_section
from app.ui.workers import RequestCounter, run_task

AUTOSAVE_MS = 3_000
PERMISSIONS = {"identity": Permission.EDIT_IDENTITY, "economic": Permission.EDIT_ECONOMIC,
               "social": Permission.EDIT_SOCIAL}


class RecordEditor(CheckingMixin, QDialog):
    """Edit one record (``document`` None: a new one) under the questionnaire ``form``."""

    sig_saved = Signal(object)    # SaveResult
    sig_checked = Signal(object)  # ValidationReport, after each background check

    def __init__(self, ws: Workspace, form: FormDefinition, document: dict[str, Any] | None = None,
                 revision: int | None = None, *, draft_id: str | None = None,
                 draft_data: dict[str, Any] | None = None, initial: dict[str, Any] | None = None,
                 today: date | None = None, parent=None):
        super().__init__(parent)
        self.ws, self.form, self.today = ws, form, today or date.today()
        self.original = dict(document or {})
        self.record_id: str | None = self.original.get("id")
        self.revision = revision
        self.writer = DraftWriter(ws, form.record_type, form.form_id, form.version, self.record_id, draft_id)
        self._number = 0
        self.touched: set[str] = set()
        self.show_all = False
        self.report_problems: list[Problem] = []
        self._checks = RequestCounter()
        self.view = FormView(form, self.may_edit, self)
        self.nav = SectionNav(form, self)
        self._build()
        # ``initial``: answers a new record starts with (the village chosen in the main window)
        self.view.set_answers({**(initial or {}), **self.original} if not self.record_id else self.original)
        if draft_data is not None:
            self.revision = draft_data.get("_base_revision", revision)
            self.view.set_answers(draft_data)
            self._number = 1  # a recovered draft is unsaved work
        self.saver = SaveFlow(self)
        self._refresh_state()
        self.view.sig_changed.connect(self.on_changed)
        self.view.sig_left.connect(self.on_left)
        if "head_id_number" in self.view.rows:
            connect_open(self.view.rows["head_id_number"].message, self.open_other)
        QTimer.singleShot(0, self.check)  # after the first paint: opening never waits for it

    def _build(self) -> None:
        self.setWindowTitle(self._title())
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.view)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = QLabel(wordWrap=True)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), autoDefault=False)
        self.close_button = QPushButton(self.tr("关闭"), autoDefault=False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.jump(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.jump(-1))
        self.nav.sig_section_chosen.connect(self.go_to_section)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bar)
        self.resize(960, 720)
        QApplication.instance().focusChanged.connect(self._on_focus)

    def _title(self) -> str:
        name = self.original.get("head_name") or self.original.get("name") or ""
        if not self.record_id:
            return self.tr("新建：{title}").format(title=self.form.title)
        return self.tr("编辑：{title} — {name}").format(title=self.form.title, name=name)

    def may_edit(self, item: Field | RepeatGroup) -> bool:
        """Whether the user's role may change ``item`` (by its sensitivity)."""
        return self.ws.can(PERMISSIONS[item.sensitivity])

    # -- answers ------------------------------------------------------------------------
    def raw(self) -> dict[str, Any]:
        """What is saved: answers over the parts of the document the form does not show."""
        shown = {path.split(".")[0] for path in self.form.paths()}
        raw = {k: v for k, v in self.original.items() if k not in shown}
        raw.update(self.view.answers())
        for name in self.view.tables:  # an empty table is no answer unless the record had the list
            if raw.get(name) == [] and name not in self.original:
                del raw[name]
        raw.update(record_type=self.form.record_type, form_id=self.form.form_id, form_version=self.form.version)
        if self.record_id:
            raw["id"] = self.record_id
        return raw

    def on_changed(self) -> None:
        self._number += 1
        self._refresh_state()
        self.autosave_timer.start()

    def _refresh_state(self) -> None:
        self.state = form_state(self.form, self.view.answers(), self.today)
        self.view.apply_state(self.state)

    @property
    def dirty(self) -> bool:
        return self._number > 0 and not self.writer.retired

    def autosave(self) -> None:
        """Write the draft in the pool (a late, older snapshot is dropped by the writer)."""
        if self.dirty:
            data = {**self.raw(), "_base_revision": self.revision}
            run_task(self.writer.write, self._number, data, on_done=lambda _ok: None,
                     on_error=lambda exc: self.status.setText(self.tr("草稿未能保存：{error}").format(error=exc)))

    def done(self, result: int) -> None:
        """Closing in any way keeps unsaved answers as a draft (one small row, written now)."""
        self.autosave_timer.stop()
        if self.dirty:
            self.writer.write(self._number, {**self.raw(), "_base_revision": self.revision})
        QApplication.instance().focusChanged.disconnect(self._on_focus)
        super().done(result)

    # -- saving and moving --------------------------------------------------------------
    def save(self) -> None:
        self.saver.save()

    def go_to_section(self, section_id: str) -> None:
        go_to_section(self, section_id)

    def jump(self, step: int) -> None:
        go_to_section(self, self.nav.neighbour(self.nav.ids[max(0, self.nav.currentRow())], step))

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        follow_focus(self, new)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter moves to the next question (there is no default button to press)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

