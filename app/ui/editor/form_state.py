"""What the editor shows for the current answers: skip logic, computed values, problem places.

No Qt here: the same reading of the answers as :mod:`app.survey` (``read_record`` applies skip
logic in questionnaire order), turned into per-item states the widgets follow.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from app.survey.expressions import Scope
from app.survey.form_model import FormDefinition, RepeatGroup
from app.survey.reading import read_record
from app.survey.record_paths import set_path
from app.survey.validate import computed_values

ON, BLOCKED, OFF = "on", "blocked", "off"  # asked / waits for signed consent / skipped
CONSENT = "consent.signed"
_ITEM = re.compile(r"(?P<group>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<name>[a-z_.]+))?")


@dataclass
class FormState:
    """Per top-level path: ON, BLOCKED or OFF; skipped cells per group; computed values."""

    items: dict[str, str] = field(default_factory=dict)
    skipped_cells: dict[str, set[tuple[int, str]]] = field(default_factory=dict)
    computed: dict[str, object] = field(default_factory=dict)
    consent_signed: bool = False


def form_state(form: FormDefinition, answers: Mapping[str, object], today: date) -> FormState:
    """Evaluate skip logic and computed fields for ``answers`` (raw editor answers)."""
    values = read_record(answers, form, today).values
    signed = (values.get("consent") or {}).get("signed") is True  # type: ignore[union-attr]
    if_signed = copy.deepcopy(values)
    set_path(if_signed, CONSENT, True)
    scope, scope_signed = Scope(values), Scope(if_signed)
    state = FormState(consent_signed=signed, computed=computed_values(answers, form, today=today))
    for item in form.items():
        if item.relevant is None or item.relevant.holds(scope):
            state.items[item.path] = ON
        elif form.field(CONSENT) is not None and not signed and item.relevant.holds(scope_signed):
            state.items[item.path] = BLOCKED
        else:
            state.items[item.path] = OFF
        if isinstance(item, RepeatGroup):
            state.skipped_cells[item.name] = _skipped(item, values.get(item.name), scope)
    return state


def _skipped(group: RepeatGroup, entries: object, scope: Scope) -> set[tuple[int, str]]:
    cells: set[tuple[int, str]] = set()
    for index, entry in enumerate(entries if isinstance(entries, list) else ()):
        for f in group.fields:
            if f.relevant is not None and not f.relevant.holds(scope.enter(entry)):
                cells.add((index, f.name))
    return cells


def split_path(path: str) -> tuple[str, int | None, str | None]:
    """``members[1].id_number`` -> ("members", 1, "id_number"); ``head_name`` -> (head_name, None, None)."""
    match = _ITEM.fullmatch(path)
    if match is None:
        return path, None, None
    return match["group"], int(match["index"]), match["name"]


def section_of(form: FormDefinition, path: str) -> str | None:
    """The section id holding the field or group a problem path names."""
    head, _index, _name = split_path(path)
    item = form.field(head) or form.group(head)
    if item is None:
        return None
    return item.section
