"""Merging a patch made from an older revision, field by field (no Qt, no SQL: pure and tested).

The platform remembers, for every top-level field of a record, the revision at which it last
changed (absent: it has not changed since the insert, revision 1). A patch says which revision
the device edited from (``base_revision``). A field the platform has not changed since then
takes the device's value; a field changed on both sides keeps the platform value and is
reported as a conflict with both values, for a person to review. Equal values never conflict.
A value of ``None`` removes the field ("not collected").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

# Keys that name a record rather than describe it: a patch may repeat them, never change them.
FIXED_KEYS = frozenset({"id", "record_type"})


@dataclass
class MergeResult:
    """The merged document, the fields that took the device's value, and the conflicts."""

    document: dict[str, Any]
    changed: list[str] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def merge_patch(document: Mapping[str, Any], field_revisions: Mapping[str, int], base_revision: int,
                patch: Mapping[str, Any]) -> MergeResult:
    """Apply ``patch`` (changed top-level fields) made from ``base_revision`` to ``document``."""
    result = MergeResult(dict(document))
    for name, value in patch.items():
        if name in FIXED_KEYS:
            continue
        current = document.get(name)
        if value == current:
            continue
        if field_revisions.get(name, 1) > base_revision:
            result.conflicts.append({"field": name, "server_value": current, "client_value": value})
            continue
        if value is None:
            result.document.pop(name, None)
        else:
            result.document[name] = value
        result.changed.append(name)
    return result


def bumped_revisions(field_revisions: Mapping[str, int], changed: list[str], revision: int) -> dict[str, int]:
    """``field_revisions`` with every changed field stamped with the new ``revision``."""
    stamped = dict(field_revisions)
    stamped.update({name: revision for name in changed})
    return stamped
