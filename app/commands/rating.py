"""``python -m app rate`` (being written)."""
from __future__ import annotations


def register(commands) -> None:
    """No sub-commands yet."""
