"""Reading and writing values at dotted paths of a record, and naming them in problems.

A dotted path (``consent.signed``) walks nested objects. In problems a repeat-group item is
named with its 0-based index as in JSON, ``members[1].id_number``; messages shown to people
count from 1 (第 2 项).
"""
from __future__ import annotations

from collections.abc import Mapping, MutableMapping

_MISSING = object()


def get_path(values: Mapping[str, object], path: str, default: object = None) -> object:
    """The value at ``path`` (``a`` or ``a.b``), or ``default`` when any step is absent."""
    current: object = values
    for part in path.split("."):
        if not isinstance(current, Mapping):
            return default
        current = current.get(part, _MISSING)
        if current is _MISSING:
            return default
    return current


def set_path(values: MutableMapping[str, object], path: str, value: object) -> None:
    """Put ``value`` at ``path``, creating intermediate objects."""
    *heads, last = path.split(".")
    current = values
    for part in heads:
        current = current.setdefault(part, {})  # type: ignore[assignment]
    current[last] = value


def item_path(group: str, index: int, name: str | None = None) -> str:
    """``members[1]`` or ``members[1].id_number`` (0-based index, as in the JSON)."""
    base = f"{group}[{index}]"
    return f"{base}.{name}" if name else base


def is_blank(value: object) -> bool:
    """Whether a value means "not answered": absent, ``None`` or blank text."""
    return value is None or (isinstance(value, str) and not value.strip())
