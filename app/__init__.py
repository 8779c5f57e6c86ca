"""信用村镇外业助手 — the credit-village field client."""
from __future__ import annotations

from app.paths import read_version

__version__ = read_version()
