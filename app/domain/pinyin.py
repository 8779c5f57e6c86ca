"""Pinyin initials of names, for quick search (``zs`` finds 张三).

pypinyin reads a character by its most common reading, which is wrong for many
surnames (单 is dān in 单独 but Shàn as a surname), so the first character of a
person's name is looked up in a table of surname readings first.
"""
from __future__ import annotations

import functools
import unicodedata


# Surnames whose reading differs from the character's most common one: the surname
# reading in pypinyin's TONE3 spelling (tone number last, ü as v), full so that a
# pinyin sort key (app.domain.collation) can use it too.
SURNAME_READINGS = {
    "单": "shan4",
    "曾": "zeng1",
    "解": "xie4",
    "区": "ou1",
    "查": "zha1",
    "仇": "qiu2",
    "覃": "qin2",
    "繁": "po2",
    "翟": "zhai2",
    "种": "chong2",
    "召": "shao4",
    "秘": "bi4",
    "折": "she2",
    "句": "gou1",
    "隗": "wei3",
    "宓": "fu2",
    "阚": "kan4",
    "佴": "nai4",
    "粘": "nian2",
}

# Characters outside pypinyin's dictionary that turn up in names, with a TONE3 reading.
VARIANT_READINGS = {
    "𠮷": "ji2",  # a variant of 吉, outside the Basic Multilingual Plane
}

# Separators that carry no letter: the middle dots of transcribed names (买买提·艾力).
_SEPARATORS = frozenset("·•・‧")


def initials(name: str, *, surname: bool = True) -> str:
    """Lower-case pinyin initials of ``name``: 张三 → ``"zs"``, 单田芳 → ``"stf"``.

    Non-Han characters are kept, lower-cased; spaces and middle dots are dropped.
    Han characters unknown to pypinyin and :data:`VARIANT_READINGS` are kept as they are.
    ``surname=False`` (for names of organisations) skips the surname table.
    """
    return "".join(syllable[0] for syllable in _syllables(name, surname))


@functools.lru_cache(maxsize=65_536)
def _syllables(name: str, surname: bool) -> tuple[str, ...]:
    """One lower-case item per character: a TONE3 syllable, or the character itself.

    Cached: every stored record asks twice (initials and sort key), and a village repeats
    names; a pull or import of 100,000 records otherwise spends most of its time here.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    head: tuple[str, ...] = ()
    if surname and text[:1] in SURNAME_READINGS:
        head, text = (SURNAME_READINGS[text[0]],), text[1:]
    # Imported on first use: pypinyin's phrase dictionary costs ~0.3 s and ~55 MB, which the
    # GUI's start-up (a cold start under 3 s is a target) should not pay before anyone types.
    from pypinyin import Style, lazy_pinyin

    items = lazy_pinyin(text, style=Style.TONE3, errors=_one_per_character)
    return head + tuple(_reading(item) for item in items if _counts(item))


def _one_per_character(chunk: str) -> list[str]:
    """pypinyin's callback for text it has no reading for: one item per character."""
    return list(chunk)


def _counts(item: str) -> bool:
    return not item.isspace() and item not in _SEPARATORS


def _reading(item: str) -> str:
    return VARIANT_READINGS.get(item, item).lower()


def sort_key(name: str, *, surname: bool = True) -> str:
    """``"张三"`` → ``"zhang san"``, ``"单田芳"`` → ``"shan tian fang"``: tone-less syllables.

    Names sort the way a village register does, by pinyin rather than by code point;
    characters without a reading are kept, so every name has a stable key.
    """
    return " ".join(syllable.rstrip("012345") for syllable in _syllables(name, surname))
