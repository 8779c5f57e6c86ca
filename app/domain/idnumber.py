"""Resident ID numbers (居民身份证号码, GB 11643-1999): normalise, parse, make.

An 18-character number is a 6-digit region code, an 8-digit birth date (YYYYMMDD),
a 3-digit sequence whose last digit is odd for men and even for women, and an
ISO 7064 MOD 11-2 check character (0-9 or X).

The region code never refuses a number: people keep the codes of counties that
were renamed or merged long ago (饶平县 440522, 潮安县 445121), so a list of
today's codes would turn away real people. That is also why stdnum's
``is_valid``/``validate`` (which check the region against the birth year) are
not used here, only its check-character arithmetic.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from stdnum.cn import ric

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

Sex = Literal["male", "female"]

ID_LENGTH = 18
OLD_ID_LENGTH = 15
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class IdNumberInfo:
    """A checked ID number and what it tells: region code, birth date and sex."""

    number: str
    region_code: str
    birth_date: date
    sex: Sex


def normalize_id_number(raw: str) -> str:
    """Drop all whitespace, turn full-width digits and letters into ASCII, ``x`` into ``X``."""
    # NFKC maps full-width ０-９/Ｘ and the ideographic space to their ASCII forms.
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).upper()


def check_character(first17: str) -> str:
    """The GB 11643 check character ('0'-'9' or 'X') for 17 leading digits."""
    # stdnum's helper expects the whole number and ignores its last character.
    return ric.calc_check_digit(first17 + "0")


def birth_date_of(id_number: str) -> date:
    """The birth date in characters 7-14 of an 18-character number; ``ValueError`` if not a date."""
    digits = normalize_id_number(id_number)[6:14]
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError(f"no birth date in {id_number!r}")
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def sex_of(id_number: str) -> Sex:
    """``"male"`` if the 17th digit is odd, else ``"female"``."""
    return "male" if int(normalize_id_number(id_number)[16]) % 2 else "female"


def age_on(birth_date: date, on: date) -> int:
    """Whole years from ``birth_date`` to ``on`` (someone born on 29 Feb gets older on 1 Mar)."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def parse_id_number(raw: str, *, today: date | None = None, field: str = "id_number") -> IdNumberInfo:
    """Check an ID number and return what it tells; raise :class:`DomainError` if it is wrong.

    ``today`` (default: the system date) bounds the birth date from above.
    """
    number = normalize_id_number(raw)
    _check_length(number, field)
    _check_characters(number, field)
    birth = _checked_birth_date(number, today or date.today(), field)
    expected = check_character(number[:17])
    if number[17] != expected:
        raise _error(field, "id_number.checksum", QT_TRANSLATE_NOOP(
            "problems", "身份证号码第18位校验码应为 {expected}，现在是 {actual}，请核对证件"),
            expected=expected, actual=number[17])
    return IdNumberInfo(number=number, region_code=number[:6], birth_date=birth, sex=sex_of(number))


def make_id_number(region_code: str, birth_date: date, sequence: int, sex: str) -> str:
    """Build a valid 18-character number (for tests and demo data).

    ``sequence`` is 0-999; if its last digit's parity does not match ``sex``
    (odd for ``"male"``, even for ``"female"``) its lowest bit is flipped to match.
    """
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError(f"region code must be 6 digits, got {region_code!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0-999, got {sequence}")
    if sex not in ("male", "female"):
        raise ValueError(f"sex must be 'male' or 'female', got {sex!r}")
    if (sequence % 2 == 1) != (sex == "male"):
        sequence ^= 1
    first17 = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


def _error(field: str, code: str, template: str, **params: object) -> DomainError:
    return DomainError(Problem(field=field, code=code, template=template, params=params))


def _check_length(number: str, field: str) -> None:
    if len(number) == OLD_ID_LENGTH and number.isdigit():
        raise _error(field, "id_number.length", QT_TRANSLATE_NOOP(
            "problems", "这是15位的旧身份证号码，已停止使用，请填写现行的18位身份证号码"),
            length=len(number))
    if len(number) != ID_LENGTH:
        raise _error(field, "id_number.length", QT_TRANSLATE_NOOP(
            "problems", "身份证号码应为18位，现在是{length}位，请核对证件"), length=len(number))


def _check_characters(number: str, field: str) -> None:
    for index, char in enumerate(number):
        allowed = "0123456789X" if index == ID_LENGTH - 1 else "0123456789"
        if char not in allowed:
            raise _error(field, "id_number.characters", QT_TRANSLATE_NOOP(
                "problems", "身份证号码第{position}位“{char}”无效：前17位应为数字，第18位为数字或X，请核对证件"),
                position=index + 1, char=char)


def _checked_birth_date(number: str, today: date, field: str) -> date:
    try:
        birth = birth_date_of(number)
    except ValueError:
        raise _error(field, "id_number.birth_date", QT_TRANSLATE_NOOP(
            "problems", "身份证号码第7到14位的出生日期 {text} 不是真实日期，请核对证件"),
            text=number[6:14]) from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise _error(field, "id_number.birth_date", QT_TRANSLATE_NOOP(
            "problems", "身份证号码中的出生年份 {year} 早于1900年，请核对第7到10位"), year=birth.year)
    if birth > today:
        raise _error(field, "id_number.future_birth", QT_TRANSLATE_NOOP(
            "problems", "身份证号码中的出生日期 {birth_date} 晚于今天 {today}，请核对第7到14位"),
            birth_date=birth.isoformat(), today=today.isoformat())
    return birth
