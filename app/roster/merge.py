"""Updating a stored record from a roster row: filled cells replace, everything else is kept.

A roster may carry only some columns (the township officer's conduct sheet, another system's
export), and a template always has every column: so an update changes exactly the cells that
are filled, and a repeat group only when the file has rows for this record (they replace the
stored items). What one person imports never blanks what another collected; clearing a
value is done in the editor.
"""
from __future__ import annotations

import copy
from typing import Iterable, Mapping

from app.survey.record_paths import get_path, set_path

ENVELOPE = ("record_type", "form_id", "form_version")


def merge_row(stored: Mapping[str, object], row: Mapping[str, object], paths: Iterable[str],
              groups: Iterable[str]) -> dict[str, object]:
    """``stored`` with the filled values of ``row`` at ``paths`` and its items of ``groups``.

    The envelope is dropped so the current questionnaire version applies (as an edit in the
    editor would); ``id`` is kept, so the save updates the stored record.
    """
    merged = {k: copy.deepcopy(v) for k, v in stored.items() if k not in ENVELOPE}
    merged["record_type"] = row.get("record_type", stored.get("record_type"))
    for path in paths:
        value = get_path(row, path)
        if value is not None and value != []:  # blank cells keep what is stored
            set_path(merged, path, value)
    for group in groups:
        merged[group] = copy.deepcopy(row.get(group, []))
    return merged
