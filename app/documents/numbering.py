"""Certificate numbers: ``<6-digit county code>-<year>-<6-digit sequence>``, e.g. ``445122-2026-000123``.

Only the format lives here; that a number is unique and never reused is the store's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem

CONTEXT = "documents"
_PATTERN = re.compile(r"(\d{6})-(\d{4})-(\d{6})")
MAX_SEQUENCE = 999_999


@dataclass(frozen=True)
class CertificateNumber:
    """The parts of a certificate number."""

    county_code: str
    year: int
    sequence: int


def format_certificate_no(county_code: str, year: int, sequence: int) -> str:
    """``"445122-2026-000123"`` from county code ``"445122"``, year 2026 and sequence 123.

    ``county_code`` may be a 12-digit statistical division code: its first 6 digits are used.
    """
    code = county_code.strip()[:6]
    if not re.fullmatch(r"\d{6}", code):
        _refuse("certificate_no.county_code", QT_TRANSLATE_NOOP(
            "documents", "县级区划代码应为 6 位数字，收到“{value}”"), value=county_code)
    if not 1000 <= year <= 9999:
        _refuse("certificate_no.year", QT_TRANSLATE_NOOP(
            "documents", "证书年份应为 4 位数字，收到 {value}"), value=year)
    if not 1 <= sequence <= MAX_SEQUENCE:
        _refuse("certificate_no.sequence", QT_TRANSLATE_NOOP(
            "documents", "证书序号应在 1 到 {max} 之间，收到 {value}"), value=sequence, max=MAX_SEQUENCE)
    return f"{code}-{year:04d}-{sequence:06d}"


def parse_certificate_no(text: str) -> CertificateNumber:
    """The parts of ``"445122-2026-000123"``; raises :class:`DomainError` for anything else."""
    match = _PATTERN.fullmatch(text.strip())
    if not match or int(match.group(3)) == 0:
        _refuse("certificate_no.format", QT_TRANSLATE_NOOP(
            "documents", "证书编号“{value}”格式不对，应为“县级代码-年份-序号”，如 445122-2026-000123"),
            value=text)
    return CertificateNumber(match.group(1), int(match.group(2)), int(match.group(3)))


def _refuse(code: str, template: str, **params: object) -> NoReturn:
    raise DomainError(Problem(field="certificate_no", code=code, template=template, params=params))
