"""One input widget per questionnaire field type, behind one small interface.

Answers leave the widgets raw (text as typed, choice codes, ``True``/``False``, lists of codes):
the validator in :mod:`app.survey` reads and judges them, so the editor never interprets a
value differently from the import or the platform. ``None`` means "not answered".
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.survey.form_model import Field

#: Example text per type, shown as the placeholder when the help is longer than the box.
PLACEHOLDERS = {
    "date": QT_TRANSLATE_NOOP("editor", "如 2026-03-10"),
    "id_number": QT_TRANSLATE_NOOP("editor", "18位，末位可为 X"),
    "phone": QT_TRANSLATE_NOOP("editor", "如 13812345678"),
    "credit_code": QT_TRANSLATE_NOOP("editor", "18位统一社会信用代码"),
}


def locked_palette() -> QPalette:
    """Grey box, dark grey text: a read-only answer. A palette, not a style sheet: a sheet made
    opening the editor re-polish every input (about a third of its opening time)."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#f1f3f5"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#444444"))
    return palette


def boolean_choices() -> list[tuple[object, str]]:
    """The answers of a yes/no question, unanswered first."""
    return [(None, ""), (True, QCoreApplication.translate("editor", "是")),
            (False, QCoreApplication.translate("editor", "否"))]


def field_choices(field: Field) -> list[tuple[object, str]]:
    """(stored value, label) for a choice or yes/no field, unanswered first."""
    if field.type == "boolean":
        return boolean_choices()
    return [(None, "")] + [(choice.code, choice.label) for choice in field.choices]


class FieldInput:
    """The widget of one field and how to read, write, watch and lock it."""

    def __init__(self, field: Field, widget: QWidget):
        self.field = field
        self.widget = widget

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        """``callback()`` after every edit by the user."""
        raise NotImplementedError

    def on_leave(self, callback: Callable[[], None]) -> None:
        """``callback()`` when the user is done with the field (focus out, Enter, a choice)."""
        self.on_change(callback)

    def set_editable(self, editable: bool) -> None:
        self.widget.setEnabled(editable)


class LineInput(FieldInput):
    """Text, numbers, dates, ID numbers, credit codes, phones: typed as text, read by the validator."""

    def __init__(self, field: Field):
        edit = QLineEdit()
        edit.setPlaceholderText(_placeholder(field))
        if field.max_length:
            edit.setMaxLength(field.max_length)
        if field.type in ("integer", "decimal", "money", "area"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        super().__init__(field, edit)
        self.edit = edit

    def value(self) -> object:
        text = self.edit.text()
        if self.field.type == "uuid_list":
            return [part.strip() for part in text.split(",") if part.strip()] or None
        return text if text.strip() else None

    def set_value(self, value: object) -> None:
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        self.edit.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.edit.textChanged.connect(lambda _text: callback())

    def on_leave(self, callback: Callable[[], None]) -> None:
        self.edit.editingFinished.connect(callback)

    def set_editable(self, editable: bool) -> None:
        if self.edit.isReadOnly() != (not editable):  # locked answers look locked (grey)
            self.edit.setPalette(locked_palette() if not editable else QPalette())
        self.edit.setReadOnly(not editable)
        self.edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)


class ChoiceInput(FieldInput):
    """Single choice and yes/no: a drop-down (arrow keys choose, no mouse needed)."""

    def __init__(self, field: Field):
        combo = QComboBox()
        for value, label in field_choices(field):
            combo.addItem(label or QCoreApplication.translate("editor", "（请选择）"), value)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        super().__init__(field, combo)
        self.combo = combo

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        index = next((i for i in range(self.combo.count())
                      if self.combo.itemData(i) == value and type(self.combo.itemData(i)) is type(value)), 0)
        self.combo.setCurrentIndex(index)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda _index: callback())


class MultipleInput(FieldInput):
    """Multiple choice: one check box per option, Space ticks."""

    def __init__(self, field: Field):
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [(choice.code, QCheckBox(choice.label)) for choice in field.choices]
        for _code, check in self.boxes:
            layout.addWidget(check)
        layout.addStretch(1)
        super().__init__(field, box)

    def value(self) -> object:
        return [code for code, check in self.boxes if check.isChecked()] or None

    def set_value(self, value: object) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for code, check in self.boxes:
            check.setChecked(code in chosen)

    def on_change(self, callback: Callable[[], None]) -> None:
        for _code, check in self.boxes:
            check.toggled.connect(lambda _on: callback())


class ComputedInput(LineInput):
    """A computed value: shown, never typed, skipped by Tab."""

    def __init__(self, field: Field):
        super().__init__(field)
        self.set_editable(False)
        self.edit.setPlaceholderText(QCoreApplication.translate("editor", "自动计算"))

    def set_editable(self, editable: bool) -> None:
        super().set_editable(False)


def make_input(field: Field) -> FieldInput:
    """The input for ``field``'s type, with its help as tooltip."""
    if field.computed:
        made: FieldInput = ComputedInput(field)
    elif field.type in ("single_choice", "boolean"):
        made = ChoiceInput(field)
    elif field.type == "multiple_choice":
        made = MultipleInput(field)
    else:
        made = LineInput(field)
    made.widget.setToolTip(field.help)
    made.widget.setObjectName(field.path)
    return made


def _placeholder(field: Field) -> str:
    """The help when it is short enough to read inside the box, else an example."""
    if field.help and len(field.help) <= 24:
        return field.help
    if field.type in PLACEHOLDERS:
        return QCoreApplication.translate("editor", PLACEHOLDERS[field.type])
    return field.help[:24] + ("…" if len(field.help) > 24 else "")
