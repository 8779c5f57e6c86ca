"""The editor's checks: run ``check_record`` in the pool, show the latest report inline.

Checks run when the user leaves a field and on Ctrl+S; messages appear under the fields left
so far (all of them after a save attempt); the duplicate-head warning links to the other file.
A mixin of :class:`app.ui.editor.editor.RecordEditor`, kept apart to keep both files small.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.problems import Problem
from app.services.accounts import Workspace
from app.services.records import check_record
from app.ui.editor.duplicate_link import add_open_link
from app.ui.editor.form_state import ON, split_path
from app.ui.editor.form_view import colour
from app.ui.workers import run_task


def _check(ws: Workspace, raw: dict[str, Any], today: date):
    """``check_record`` with positional arguments, for the pool."""
    return check_record(ws, raw, today=today)


class CheckingMixin:
    """Checks and their display; uses the editor's view, nav, status and save button."""

    def on_left(self, path: str) -> None:
        self.touched.add(split_path(path)[0])
        self.check()

    def check(self) -> None:
        number = self._checks.next()
        run_task(_check, self.ws, self.raw(), self.today, on_done=lambda r: self._on_report(number, r),
                 on_error=lambda exc: self.status.setText(str(exc)), owner=self)

    def _on_report(self, number: int, report) -> None:
        if self._checks.is_latest(number):
            self.show_report(report.problems)
            self.sig_checked.emit(report)

    def show_report(self, problems: list[Problem]) -> None:
        """Messages under the fields, section marks, and the save button with its reason."""
        self.report_problems = [p for p in problems if self._ours(p)]
        self.view.show_problems(self.report_problems, None if self.show_all else self.touched,
                                self.state.skipped_cells)
        if "head_id_number" in self.view.rows:
            add_open_link(self.view.rows["head_id_number"].message, self.report_problems)
        shown = {s.id for s in self.form.sections if any(self.state.items.get(i.path) == ON for i in s.items)}
        self.nav.set_marks(self.report_problems, shown)
        errors = [p for p in self.report_problems if p.severity == "error"]
        self.save_button.setEnabled(not errors)
        self.status.setStyleSheet(f"color: {colour('error' if errors else 'warning')};")
        # the editor's context (a mixin's self.tr would name the mixin for the extractor)
        self.status.setText(QCoreApplication.translate("RecordEditor", "还有 {n} 处需要修改，不能保存；Ctrl+S 逐一显示")
                            .format(n=len(errors)) if errors else self.saver.failure)

    def _ours(self, problem: Problem) -> bool:
        """Unanswered questions of sections the user may not fill belong to someone else."""
        item = self.form.field(split_path(problem.field)[0]) or self.form.group(split_path(problem.field)[0])
        return not (problem.code == "field.required" and item is not None and not self.may_edit(item))

    def open_other(self, record_id: str) -> None:
        """Show the household whose head has the same ID number (its detail view can edit it)."""
        from app.ui.detail.view import open_detail  # lazily: the detail view is not always needed

        open_detail(self, self.ws, self.form.record_type, record_id)
