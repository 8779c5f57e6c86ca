"""Certificate numbers read ``<county>-<year>-<series>-<sequence>`` and parse back into their parts;
numbers of the first format, ``<county>-<year>-<sequence>``, still parse."""
from __future__ import annotations

import pytest

from app.documents.numbering import CertificateNumber, format_certificate_no, parse_certificate_no
from app.domain.problems import DomainError


@pytest.mark.parametrize("county, year, sequence, series, expected", [
    ("445122", 2026, 123, 7, "445122-2026-007-000123"),
    ("445122", 2026, 1, 0, "445122-2026-000-000001"),  # an installation never enrolled
    ("110101", 2031, 999_999, 999, "110101-2031-999-999999"),
    ("445122103001", 2026, 7, 12, "445122-2026-012-000007"),  # a 12-digit division code: its county part
])
def test_a_number_is_formatted_and_parses_back(county, year, sequence, series, expected):
    assert format_certificate_no(county, year, sequence, series) == expected
    parsed = parse_certificate_no(expected)
    assert parsed == CertificateNumber(county[:6], year, sequence, series)


def test_without_a_series_a_number_is_in_the_standalone_series():
    assert format_certificate_no("445122", 2026, 5) == "445122-2026-000-000005"


def test_a_number_of_the_first_format_still_parses_without_a_series():
    assert parse_certificate_no("445122-2026-000123") == CertificateNumber("445122", 2026, 123, None)


@pytest.mark.parametrize("county, year, sequence, series, code", [
    ("4451", 2026, 1, 1, "certificate_no.county_code"),
    ("44512X", 2026, 1, 1, "certificate_no.county_code"),
    ("445122", 26, 1, 1, "certificate_no.year"),
    ("445122", 2026, 0, 1, "certificate_no.sequence"),
    ("445122", 2026, 1_000_000, 1, "certificate_no.sequence"),
    ("445122", 2026, 1, 1000, "certificate_no.series"),
    ("445122", 2026, 1, -1, "certificate_no.series"),
])
def test_parts_that_do_not_fit_the_format_are_refused(county, year, sequence, series, code):
    with pytest.raises(DomainError) as caught:
        format_certificate_no(county, year, sequence, series)
    assert caught.value.problem.code == code


@pytest.mark.parametrize("text", ["", "445122-2026-123", "445122/2026/000123", "445122-2026-000000",
                                  "445122-26-000123", "x445122-2026-000123", "445122-2026-01-000123",
                                  "445122-2026-001-000000", "445122-2026-0001-000123"])
def test_text_that_is_not_a_certificate_number_is_refused_in_chinese(text):
    with pytest.raises(DomainError) as caught:
        parse_certificate_no(text)
    assert "证书编号" in str(caught.value)
