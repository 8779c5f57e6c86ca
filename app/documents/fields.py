"""The values a template's ``{placeholders}`` may name, formatted as printed.

Dates print as ``2026年1月1日``; money as ``5 万元`` (``credit_line_wan``) or ``50,000 元``.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.documents.model import CertificateData
from app.domain.money import format_wan

# Every placeholder a certificate template may use, with what it prints.
CERTIFICATE_PLACEHOLDERS: dict[str, str] = {
    "certificate_no": "证书编号",
    "holder_name": "户主姓名或合作社名称",
    "village_name": "村名",
    "township_name": "乡镇名",
    "county_name": "县(区)名",
    "grade": "信用等级",
    "credit_line": "授信额度，如 50,000 元",
    "credit_line_wan": "授信额度，如 5 万元",
    "valid_from": "有效期起",
    "valid_until": "有效期止",
    "issuing_township": "发证乡镇",
    "issuing_bank": "发证银行",
    "issued_on": "发证日期",
    "device_id": "签发设备",
}


def chinese_date(day: date) -> str:
    """``2026年1月1日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def yuan(amount: Decimal) -> str:
    """Whole yuan with thousands separators, fen only when there are some: ``50,000 元``."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{cents:,.0f}" if cents == cents.to_integral_value() else f"{cents:,.2f}"
    return f"{text} 元"


def points_text(points: Decimal, *, signed: bool = False) -> str:
    """Points with two places (``86.50``); ``signed`` writes a plus sign too (``+3.00``)."""
    text = f"{points.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
    return f"+{text}" if signed and points > 0 else text


def certificate_fields(data: CertificateData) -> dict[str, str]:
    """The placeholder values of one certificate (keys exactly :data:`CERTIFICATE_PLACEHOLDERS`)."""
    return {
        "certificate_no": data.certificate_no,
        "holder_name": data.holder_name,
        "village_name": data.village_name,
        "township_name": data.township_name,
        "county_name": data.county_name,
        "grade": data.grade,
        "credit_line": yuan(data.credit_line),
        "credit_line_wan": format_wan(data.credit_line),
        "valid_from": chinese_date(data.valid_from),
        "valid_until": chinese_date(data.valid_until),
        "issuing_township": data.issuing_township,
        "issuing_bank": data.issuing_bank,
        "issued_on": chinese_date(data.issued_on),
        "device_id": data.device_id,
    }
