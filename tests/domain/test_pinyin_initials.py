"""Pinyin initials of names, for search."""
from __future__ import annotations

import pytest

from app.domain.pinyin import SURNAME_READINGS, initials


@pytest.mark.parametrize(("name", "letters"), [
    ("张三", "zs"),
    ("单田芳", "stf"),      # 单 as a surname is Shàn, not dān
    ("曾志伟", "zzw"),      # 曾 as a surname is Zēng, not céng
    ("解缙", "xj"),         # Xiè
    ("区志强", "ozq"),      # Ōu
    ("𠮷祥", "jx"),         # 𠮷 is outside the Basic Multilingual Plane
    ("王𠮷", "wj"),
    ("吕布", "lb"),
    ("尉迟恭", "ycg"),      # a compound surname read as a phrase
    ("买买提·艾力", "mmtal"),
    ("Tom 张", "tomz"),
    ("ＡＢ张", "abz"),
    ("", ""),
])
def test_initials_use_the_surname_reading(name, letters):
    assert initials(name) == letters


def test_initials_of_organisation_names_can_skip_the_surname_table():
    assert initials("单县合作社", surname=False) == "dxhzs"
    assert initials("单县合作社") == "sxhzs"


def test_every_surname_in_the_table_gives_its_own_initial():
    for surname, reading in SURNAME_READINGS.items():
        assert initials(surname + "三") == reading[0] + "s"
