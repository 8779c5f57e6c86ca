"""What a certificate prints, read from the store: names of the holder and divisions, issuers.

The issuing township is "<county><township>人民政府"; the issuing bank is the Setting
``certificate/issuing_bank`` when set, else "<county>农村商业银行". Used both when a
certificate is issued (to sign its QR) and whenever it is printed again.
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from app.documents.model import CertificateData
from app.store.models import Certificate, Cooperative, Division, Household, Setting

ISSUING_BANK_SETTING = "certificate/issuing_bank"


def holder_name(session: Session, subject_type: str, subject_id: str) -> str:
    """The household head's name or the cooperative's name ("" if the record is gone)."""
    if subject_type == "cooperative":
        coop = session.get(Cooperative, subject_id)
        return coop.name if coop else ""
    household = session.get(Household, subject_id)
    return household.head_name if household else ""


def division_names(session: Session, village_code: str) -> tuple[str, str, str]:
    """(village, township, county) names of ``village_code``, walking up the division tree."""
    names: list[str] = []
    code: str | None = village_code
    while code is not None and len(names) < 3:
        division = session.get(Division, code)
        if division is None:
            break
        names.append(division.name)
        code = division.parent_code
    names += [""] * (3 - len(names))
    return names[0], names[1], names[2]


def certificate_data(session: Session, cert: Certificate) -> CertificateData:
    """The printable values of the register row ``cert``."""
    village, township, county = division_names(session, cert.village_code)
    bank = session.get(Setting, ISSUING_BANK_SETTING)
    return CertificateData(
        certificate_no=cert.number,
        subject_kind="cooperative" if cert.subject_type == "cooperative" else "household",
        holder_name=holder_name(session, cert.subject_type, cert.subject_id),
        village_name=village, township_name=township, county_name=county,
        grade=cert.grade, credit_line=Decimal(cert.credit_line),
        valid_from=cert.valid_from, valid_until=cert.valid_until,
        issuing_township=f"{county}{township}人民政府",
        issuing_bank=bank.value if bank else f"{county}农村商业银行",
        issued_on=cert.issued_on, device_id=cert.device_id)
