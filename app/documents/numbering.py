"""Certificate numbers: ``<county>-<year>-<series>-<sequence>``, e.g. ``445122-2026-007-000123``.

The county code has 6 digits, the year 4, the series 3, the sequence 6. The series is the
issuing installation's: the city platform hands each enrolled device its own (1, 2, 3 ...), so
two laptops of one county never print the same number; an installation never enrolled issues
in series 000, and its numbers are unique only on that laptop. Numbers of the first format,
``<county>-<year>-<sequence>`` (``445122-2026-000123``, no series), were issued before series
existed: they still parse, print and verify (``series`` None).

Only the format lives here; that a number is unique and never reused is the store's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

CONTEXT = "documents"
_PATTERN = re.compile(r"(\d{6})-(\d{4})-(?:(\d{3})-)?(\d{6})")
# Either format, for code that only needs to recognise a number (the QR payload's parser).
NUMBER_PATTERN = _PATTERN
MAX_SEQUENCE = 999_999
MAX_SERIES = 999
STANDALONE_SERIES = 0


@dataclass(frozen=True)
class CertificateNumber:
    """The parts of a certificate number; ``series`` is None for a number of the first format."""

    county_code: str
    year: int
    sequence: int
    series: int | None = None


def format_certificate_no(county_code: str, year: int, sequence: int,
                          series: int = STANDALONE_SERIES) -> str:
    """``"445122-2026-007-000123"`` from county ``"445122"``, year 2026, sequence 123, series 7.

    ``county_code`` may be a 12-digit statistical division code: its first 6 digits are used.
    ``series`` 0 is an installation not enrolled on a platform.
    """
    code = county_code.strip()[:6]
    if not re.fullmatch(r"\d{6}", code):
        _refuse("certificate_no.county_code", QT_TRANSLATE_NOOP(
            "documents", "县级区划代码应为 6 位数字，收到“{value}”"), value=county_code)
    if not 1000 <= year <= 9999:
        _refuse("certificate_no.year", QT_TRANSLATE_NOOP(
            "documents", "证书年份应为 4 位数字，收到 {value}"), value=year)
    if not 0 <= series <= MAX_SERIES:
        _refuse("certificate_no.series", QT_TRANSLATE_NOOP(
            "documents", "证书编号段应在 0 到 {max} 之间，收到 {value}"), value=series, max=MAX_SERIES)
    if not 1 <= sequence <= MAX_SEQUENCE:
        _refuse("certificate_no.sequence", QT_TRANSLATE_NOOP(
            "documents", "证书序号应在 1 到 {max} 之间，收到 {value}"), value=sequence, max=MAX_SEQUENCE)
    return f"{code}-{year:04d}-{series:03d}-{sequence:06d}"


def parse_certificate_no(text: str) -> CertificateNumber:
    """The parts of ``"445122-2026-007-000123"`` (or of the first format, ``"445122-2026-000123"``);
    raises :class:`DomainError` for anything else."""
    match = _PATTERN.fullmatch(text.strip())
    if not match or int(match.group(4)) == 0:
        _refuse("certificate_no.format", QT_TRANSLATE_NOOP(
            "documents", "证书编号“{value}”格式不对，应为“县级代码-年份-编号段-序号”，"
                         "如 445122-2026-001-000123"), value=text)
    series = None if match.group(3) is None else int(match.group(3))
    return CertificateNumber(match.group(1), int(match.group(2)), int(match.group(4)), series)


def _refuse(code: str, template: str, **params: object) -> NoReturn:
    raise DomainError(Problem(field="certificate_no", code=code, template=template, params=params))
