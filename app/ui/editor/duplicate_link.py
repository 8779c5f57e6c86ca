"""The duplicate-head warning offers to open the other household (a link after the message).

The check reports ``record.duplicate_head`` on ``head_id_number`` with the other households'
ids in ``record_ids``; the link opens the first one's detail view, from which it can be edited.
"""
from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.domain.problems import Problem

DUPLICATE_CODE = "record.duplicate_head"


def other_record_ids(problems: list[Problem]) -> list[str]:
    """Ids of the households whose head has the same ID number (empty: no such warning)."""
    for problem in problems:
        if problem.code == DUPLICATE_CODE:
            return [i for i in str(problem.params.get("record_ids", "")).split(",") if i]
    return []


def add_open_link(message: QLabel, problems: list[Problem]) -> bool:
    """Append "open the other household" to the shown ``message``; False when nothing to offer."""
    ids = other_record_ids(problems)
    if not ids or not message.isVisible() or message.textFormat() == Qt.TextFormat.RichText:
        return False
    label = QCoreApplication.translate("editor", "打开另一户的档案")
    text = html.escape(message.text()).replace("\n", "<br>")
    message.setTextFormat(Qt.TextFormat.RichText)
    message.setText(f"{text} <a href='{ids[0]}'>{label}</a>")
    message.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                    | Qt.TextInteractionFlag.LinksAccessibleByMouse)
    return True


def connect_open(message: QLabel, open_record: Callable[[str], None]) -> None:
    """Clicking (or Enter on) the link calls ``open_record(record_id)``; plain text again after."""
    message.linkActivated.connect(open_record)
