"""The record as read-only HTML: sections, labels, values; ID numbers and phones masked.

No Qt: the caller passes the few words it translates (yes, no, the blank mark).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from collections.abc import Mapping
from typing import Any

from app.domain.masking import mask_id_number, mask_phone, mask_text
from app.survey.form_model import Field, FormDefinition, RepeatGroup
from app.survey.record_paths import get_path
from app.ui.editor.form_state import OFF, form_state


@dataclass(frozen=True)
class Words:
    yes: str
    no: str
    blank: str


def shown_value(field: Field, value: Any, words: Words) -> str:
    """One value as a person reads it (codes as labels, yes/no, masked identifiers)."""
    if value is None or value == "" or value == []:
        return words.blank
    if field.type == "id_number":
        return _masked(mask_id_number, value)
    if field.type == "phone":
        return _masked(mask_phone, value)
    if field.type == "boolean":
        return words.yes if value is True else words.no if value is False else str(value)
    if field.type == "single_choice":
        return field.choice_label(str(value))
    if field.type == "multiple_choice" and isinstance(value, list):
        return "、".join(field.choice_label(str(code)) for code in value)
    if hasattr(value, "quantize"):
        value = f"{value:f}"
    return f"{value} {field.unit}".strip() if field.unit else str(value)


def _masked(mask, value: Any) -> str:
    try:
        return mask(str(value))
    except ValueError:  # not a well-formed number: mask whatever digits it has
        return mask_text(str(value))


def record_html(document: Mapping[str, Any], form: FormDefinition, words: Words,
                today: date | None = None, shown: Mapping[str, str] | None = None) -> str:
    """Every relevant section, field and repeat group of ``document``, computed values included.

    ``shown`` replaces the text of fields by path (the village's name for its code, say)."""
    shown = shown or {}
    state = form_state(form, document, today or date.today())
    values = {**document, **{k: v for k, v in state.computed.items() if v is not None}}
    parts = []
    for section in form.sections:
        items = [item for item in section.items if state.items.get(item.path) != OFF]
        if not items:
            continue
        parts.append(f"<h3>{escape(section.label)}</h3><table width='100%' cellspacing='0' cellpadding='3'>")
        for item in items:
            if isinstance(item, RepeatGroup):
                parts.append(f"<tr><td colspan='2'>{_group_html(item, document.get(item.name), words)}</td></tr>")
            else:
                value = shown.get(item.path) or shown_value(item, get_path(values, item.path), words)
                parts.append(f"<tr><td style='color:#555' width='200'>{escape(item.label)}</td>"
                             f"<td>{escape(value)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


_UNBROKEN = {"id_number", "phone", "date"}  # a masked number broken over lines is hard to read
_NOWRAP = " nowrap"


def _group_html(group: RepeatGroup, entries: Any, words: Words) -> str:
    rows = entries if isinstance(entries, list) else []
    head = "".join(f"<th align='left'>{escape(f.label)}</th>" for f in group.fields)
    body = "".join("<tr>" + "".join(f"<td{_NOWRAP if f.type in _UNBROKEN else ''}>"
                                    f"{escape(shown_value(f, entry.get(f.name), words))}</td>"
                                    for f in group.fields) + "</tr>" for entry in rows if isinstance(entry, Mapping))
    caption = f"<b>{escape(group.label)}</b>（{len(rows)}）"
    if not rows:
        return f"{caption} {escape(words.blank)}"
    return f"{caption}<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#ccc'>" \
           f"<tr>{head}</tr>{body}</table>"
