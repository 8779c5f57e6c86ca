"""Sorting Chinese names the way a village register does: by pinyin, not by code point."""
from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin


def sort_key(name: str) -> str:
    """``"张三"`` → ``"zhang san"``: tone-less pinyin syllables, lower-case, space-separated.

    Characters without a reading (Latin letters, digits, rare ideographs) are kept as they
    are, so every name has a stable key and equal names sort together.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors=lambda chunk: list(chunk))).lower()
