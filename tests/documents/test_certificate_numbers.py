"""Certificate numbers read ``<county>-<year>-<sequence>`` and parse back into their parts."""
from __future__ import annotations

import pytest

from app.documents.numbering import CertificateNumber, format_certificate_no, parse_certificate_no
from app.domain.problems import DomainError


@pytest.mark.parametrize("county, year, sequence, expected", [
    ("445122", 2026, 123, "445122-2026-000123"),
    ("445122", 2026, 1, "445122-2026-000001"),
    ("110101", 2031, 999_999, "110101-2031-999999"),
    ("445122103001", 2026, 7, "445122-2026-000007"),  # a 12-digit division code: its county part
])
def test_a_number_is_formatted_and_parses_back(county, year, sequence, expected):
    assert format_certificate_no(county, year, sequence) == expected
    parsed = parse_certificate_no(expected)
    assert parsed == CertificateNumber(county[:6], year, sequence)


@pytest.mark.parametrize("county, year, sequence, code", [
    ("4451", 2026, 1, "certificate_no.county_code"),
    ("44512X", 2026, 1, "certificate_no.county_code"),
    ("445122", 26, 1, "certificate_no.year"),
    ("445122", 2026, 0, "certificate_no.sequence"),
    ("445122", 2026, 1_000_000, "certificate_no.sequence"),
])
def test_parts_that_do_not_fit_the_format_are_refused(county, year, sequence, code):
    with pytest.raises(DomainError) as caught:
        format_certificate_no(county, year, sequence)
    assert caught.value.problem.code == code


@pytest.mark.parametrize("text", ["", "445122-2026-123", "445122/2026/000123",
                                  "445122-2026-000000", "445122-26-000123", "x445122-2026-000123"])
def test_text_that_is_not_a_certificate_number_is_refused_in_chinese(text):
    with pytest.raises(DomainError) as caught:
        parse_certificate_no(text)
    assert "证书编号" in str(caught.value)
