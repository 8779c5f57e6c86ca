"""The questionnaire as one keyboard-friendly form: section headers, labelled inputs, messages.

Built from a :class:`FormDefinition` in questionnaire order, which is also the Tab order. Each
field has a label (``*`` when required), its input, and a message line under it (red errors,
amber warnings). Repeat groups are :class:`RepeatTable` s.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.domain.problems import Problem
from app.survey.form_model import Field, FormDefinition, RepeatGroup, Section
from app.survey.record_paths import get_path, set_path
from app.ui.accounts.dialogs import translate_message
from app.ui.editor.field_inputs import FieldInput, make_input
from app.ui.editor.form_state import BLOCKED, OFF, ON, FormState, split_path
from app.ui.editor.repeat_table import RepeatTable

COLOURS = {"error": "#c62828", "warning": "#b26a00"}
LABEL_WIDTH = 230  # one label column for every section, so inputs line up


def colour(severity: str) -> str:
    """Text colour of a problem of ``severity``: red errors, amber warnings."""
    return COLOURS.get(severity, COLOURS["error"])


class Row:
    """One field or group on the form: label, widget, message line."""

    def __init__(self, item: Field | RepeatGroup, label: QLabel, widget: QWidget, message: QLabel):
        self.item, self.label, self.widget, self.message = item, label, widget, message

    def set_visible(self, visible: bool) -> None:
        for widget in (self.label, self.widget):
            widget.setVisible(visible)
        if not visible:
            self.message.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        if not problems and not self.message.text():
            return  # nothing shown, nothing to show: the common case stays cheap
        worst = "error" if any(p.severity == "error" for p in problems) else "warning"
        style = f"color: {colour(worst)};"
        if self.message.styleSheet() != style:
            self.message.setStyleSheet(style)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a link added after it is rich text
        self.message.setText("\n".join(translate_message(p.template, p.params) for p in problems))
        self.message.setVisible(bool(problems) and self.widget.isVisibleTo(self.widget.parentWidget()))


class FormView(QWidget):
    """Every section of ``form`` stacked; ``editable(item)`` says what the user may change."""

    sig_changed = Signal()
    sig_left = Signal(str)  # the path of a field the user is done with

    def __init__(self, form: FormDefinition, editable: Callable[[Field | RepeatGroup], bool], parent=None):
        super().__init__(parent)
        self.form = form
        self._editable = editable
        self.inputs: dict[str, FieldInput] = {}
        self.tables: dict[str, RepeatTable] = {}
        self.rows: dict[str, Row] = {}
        self.headers: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        for section in form.sections:
            self._add_section(layout, section)
        layout.addStretch(1)

    def _add_section(self, layout: QVBoxLayout, section: Section) -> None:
        header = QLabel(f"<b style='font-size:15px'>{section.label}</b>"
                        + (f"<br><span style='color:#666'>{section.help}</span>" if section.help else ""),
                        wordWrap=True)
        header.setContentsMargins(0, 14, 0, 4)
        self.headers[section.id] = header
        layout.addWidget(header)
        grid = QGridLayout()
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(3)
        for item in section.items:
            self._add_row(grid, item)
        layout.addLayout(grid)

    def _add_row(self, grid: QGridLayout, item: Field | RepeatGroup) -> None:
        unit = f"（{item.unit}）" if isinstance(item, Field) and item.unit else ""
        mark = " <span style='color:#c62828'>*</span>" if item.required else ""
        label = QLabel(f"{item.label}{unit}{mark}", toolTip=item.help)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 5, 8, 0)
        if isinstance(item, RepeatGroup):
            table = RepeatTable(item, self)
            table.sig_changed.connect(self.sig_changed)
            table.sig_changed.connect(lambda name=item.name: self.sig_left.emit(name))
            self.tables[item.name] = table
            widget: QWidget = table
        else:
            made = make_input(item)
            made.on_change(self.sig_changed.emit)
            made.on_leave(lambda path=item.path: self.sig_left.emit(path))
            self.inputs[item.path] = made
            widget = made.widget
        label.setBuddy(widget)
        message = QLabel(wordWrap=True, visible=False)
        message.setObjectName(f"message:{item.path}")
        row = grid.rowCount()
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(message, row + 1, 1)
        self.rows[item.path] = Row(item, label, widget, message)

    # -- answers ------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """The raw answers: typed text as typed, codes, booleans; blanks left out."""
        out: dict[str, Any] = {}
        for path, made in self.inputs.items():
            value = made.value()
            if value is not None and not made.field.computed:
                set_path(out, path, value)
        for name, table in self.tables.items():
            out[name] = table.items()
        return out

    def set_answers(self, document: dict[str, Any]) -> None:
        """Fill the inputs from a document (data-standard JSON or saved raw answers)."""
        for path, made in self.inputs.items():
            if not made.field.computed:
                made.set_value(get_path(document, path))
        for name, table in self.tables.items():
            entries = document.get(name)
            table.set_items(entries if isinstance(entries, list) else [])

    # -- state --------------------------------------------------------------------------
    def apply_state(self, state: FormState) -> None:
        """Show, hide, lock and fill computed fields for the current answers."""
        for path, row in self.rows.items():
            shown = state.items.get(path, ON)
            row.set_visible(shown != OFF)
            editable = shown == ON and self._editable(row.item)
            if isinstance(row.item, RepeatGroup):
                self.tables[path].set_editable(editable)
            else:
                self.inputs[path].set_editable(editable)
            row.widget.setToolTip(self.tr("须先签署信用信息采集授权书") if shown == BLOCKED else row.item.help)
        for path, value in state.computed.items():
            if path in self.inputs:
                self.inputs[path].set_value(_shown(value))

    def show_problems(self, problems: list[Problem], paths: set[str] | None,
                      skipped: dict[str, set[tuple[int, str]]]) -> None:
        """Messages under the fields in ``paths`` (every field when ``None``)."""
        by_row: dict[str, list[Problem]] = {path: [] for path in self.rows}
        for problem in problems:
            head, _index, _name = split_path(problem.field)
            if head in by_row and (paths is None or head in paths):
                by_row[head].append(problem)
        for path, row in self.rows.items():
            if isinstance(row.item, RepeatGroup):
                self._mark_table(row.item, by_row[path], skipped.get(path, set()))
            else:
                row.show_problems(by_row[path])

    def _mark_table(self, group: RepeatGroup, problems: list[Problem], skipped: set[tuple[int, str]]) -> None:
        names = [f.name for f in group.fields]
        cells: dict[tuple[int, int], tuple[str, str]] = {}
        summary = []
        for problem in problems:
            _head, index, name = split_path(problem.field)
            text = translate_message(problem.template, problem.params)
            if index is not None and name in names:
                cells.setdefault((index, names.index(name)), (problem.severity, text))
                text = self.tr("第 {n} 行：{message}").format(n=index + 1, message=text)
            summary.append((problem.severity, text))
        grey = {(index, names.index(name)) for index, name in skipped}
        self.tables[group.name].mark_cells(grey, cells, summary, colour)

    def focus_path(self, path: str) -> None:
        """Put the cursor on the field (or table cell) a problem path names."""
        head, index, name = split_path(path)
        if head in self.tables:
            table = self.tables[head].table
            table.setFocus()
            if index is not None and index < table.rowCount():
                names = [f.name for f in self.tables[head].group.fields]
                table.setCurrentCell(index, names.index(name) if name in names else 0)
        elif head in self.inputs:
            self.inputs[head].widget.setFocus()


def _shown(value: object) -> str:
    """A computed value as text (Decimal as written, counts as integers)."""
    if value is None:
        return ""
    return f"{value:f}" if hasattr(value, "quantize") else str(value)
