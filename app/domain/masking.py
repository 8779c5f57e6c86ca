"""The one masking rule of the project, for screens, printouts, exports and logs.

- ID numbers keep the first 4 and last 4 characters: ``4405**********1234``.
- Mobiles keep the first 3 and last 4 digits: ``138****5678``; landlines keep the
  area code and the last 2 digits: ``0755-******78``.
- Names keep the first character, and the last one when there are three or more:
  ``张*``, ``张*丰``, ``欧**娜``.

Masking never raises: whatever it is given, it returns something safe to show.
"""
from __future__ import annotations

import re
import unicodedata

from app.domain.idnumber import normalize_id_number
from app.domain.phone import parse_phone, split_landline
from app.domain.problems import DomainError

STAR = "*"

# A digit, ASCII or full-width, so that full-width numbers in free text are caught too.
_D = "[0-9\uff10-\uff19]"
_EDGE_BEFORE = r"(?<![0-9\uff10-\uff19])"
_EDGE_AFTER = r"(?![0-9\uff10-\uff19])"
# 18-character IDs, 15-digit old IDs and mobiles (optionally written 3-4-4 with spaces
# or hyphens), each standing alone, not inside a longer run of digits (such as a bank account).
# Letters around them do not protect them: ``tel13812345678`` is masked too.
_SENSITIVE = re.compile(
    _EDGE_BEFORE
    + "(?:"
    + f"{_D}{{17}}[0-9\uff10-\uff19Xx\uff38\uff58]"
    + f"|{_D}{{15}}"
    + f"|[1\uff11][3-9\uff13-\uff19]{_D}[ -]?{_D}{{4}}[ -]?{_D}{{4}}"
    + ")"
    + _EDGE_AFTER
)


def mask_id_number(id_number: str) -> str:
    """Keep the first 4 and last 4 characters of an ID number, star the rest."""
    number = normalize_id_number(id_number)
    return _keep_ends(number, 4, 4)


def mask_phone(phone: str) -> str:
    """Mask a mobile (``138****5678``) or a landline (``0755-******78``, extension starred)."""
    try:
        number = parse_phone(phone)
    except DomainError:
        # Not a number we understand: keep only the last 2 digits, as for a landline.
        return _keep_ends(re.sub(r"\D", "", unicodedata.normalize("NFKC", phone)), 0, 2)
    if "-" not in number:
        return _keep_ends(number, 3, 4)
    area, subscriber, extension = split_landline(number)
    masked = f"{area}-{_keep_ends(subscriber, 0, 2)}"
    return masked + (f"-{STAR * len(extension)}" if extension else "")


def mask_name(name: str) -> str:
    """Keep the first character (and the last when there are 3 or more), star the rest."""
    chars = name.strip()
    if len(chars) <= 1:
        return STAR * len(chars)
    if len(chars) == 2:
        return chars[0] + STAR
    return _keep_ends(chars, 1, 1)


def mask_text(text: str) -> str:
    """Mask every ID number (15 or 18 characters) and mobile number found in free text."""
    return _SENSITIVE.sub(_mask_match, text)


def _mask_match(match: re.Match[str]) -> str:
    found = unicodedata.normalize("NFKC", match.group(0))
    digits = re.sub(r"[ -]", "", found)
    if len(digits) == 11:
        return mask_phone(digits)
    return mask_id_number(digits)


def _keep_ends(text: str, head: int, tail: int) -> str:
    """``text`` with all but ``head`` leading and ``tail`` trailing characters starred.

    Too short to keep both ends and still hide something: everything is starred.
    """
    if len(text) <= head + tail:
        return STAR * len(text)
    return text[:head] + STAR * (len(text) - head - tail) + text[len(text) - tail:]
