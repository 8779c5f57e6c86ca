"""Reading the certificate register: each certificate with its derived status.

Status, in this order: revoked (by a supervisor), superseded (a newer rating's certificate
replaced it), expired (today is after ``valid_until``), else valid. Holder names are masked
by THE masking rule; a register lists no ID numbers.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from app.domain.masking import mask_name
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.services.certificates_data import holder_name
from app.services.divisions import code_range
from app.services.rating_rows import NO_DIVISION
from app.store.models import Certificate, Division


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"


STATUS_LABELS: dict[CertificateStatus, str] = {
    CertificateStatus.VALID: QT_TRANSLATE_NOOP("certificates", "有效"),
    CertificateStatus.EXPIRED: QT_TRANSLATE_NOOP("certificates", "已过期"),
    CertificateStatus.SUPERSEDED: QT_TRANSLATE_NOOP("certificates", "已被取代"),
    CertificateStatus.REVOKED: QT_TRANSLATE_NOOP("certificates", "已撤销"),
}


def status_of(cert: Certificate, today: date) -> CertificateStatus:
    """The certificate's status on ``today``."""
    if cert.revoked_at is not None:
        return CertificateStatus.REVOKED
    if cert.superseded_by is not None:
        return CertificateStatus.SUPERSEDED
    if today > cert.valid_until:
        return CertificateStatus.EXPIRED
    return CertificateStatus.VALID


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the register; ``holder`` is masked."""

    number: str
    subject_type: str
    subject_id: str
    holder: str
    village_code: str
    grade: str
    valid_from: date
    valid_until: date
    issued_by: str
    issued_on: date
    reprint_count: int
    status: CertificateStatus
    superseded_by: str | None
    revoked_by: str | None
    revoked_at: datetime | None
    revoke_reason: str | None

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: dates ISO, status its value."""
        data = asdict(self)
        for name in ("valid_from", "valid_until", "issued_on", "revoked_at"):
            value = data[name]
            data[name] = value.isoformat() if value is not None else None
        data["status"] = self.status.value
        return data


def certificate_register(ws: Workspace, division_code: str | None, today: date) -> list[RegisterEntry]:
    """Every certificate under ``division_code`` (all if None), by number."""
    ws.require(Permission.VIEW_RECORDS, "certificate", division_code)
    statement = select(Certificate).where(Certificate.deleted.is_(False)).order_by(Certificate.number)
    if division_code is not None:
        low, high = code_range(division_code)
        statement = statement.where(Certificate.village_code.between(low, high))
    with ws.db.session() as session:
        if division_code is not None and session.get(Division, division_code) is None:
            raise DomainError(Problem("division", "certificate.no_division", NO_DIVISION, {"division": division_code}))
        return [_entry(session, cert, today) for cert in session.scalars(statement)]


def find_certificate(ws: Workspace, number: str, today: date) -> RegisterEntry | None:
    """The register entry of ``number``, or None."""
    ws.require(Permission.VIEW_RECORDS, "certificate", number)
    with ws.db.session() as session:
        cert = session.scalars(select(Certificate).where(Certificate.number == number.strip())).first()
        return None if cert is None else _entry(session, cert, today)


def revoked_numbers(ws: Workspace) -> set[str]:
    """The numbers of every locally revoked certificate."""
    with ws.db.session() as session:
        return set(session.scalars(select(Certificate.number).where(Certificate.revoked_at.is_not(None))))


def _entry(session, cert: Certificate, today: date) -> RegisterEntry:
    name = holder_name(session, cert.subject_type, cert.subject_id)
    return RegisterEntry(
        cert.number, cert.subject_type, cert.subject_id,
        mask_name(name) if cert.subject_type == "household" else name,
        cert.village_code, cert.grade, cert.valid_from, cert.valid_until, cert.issued_by,
        cert.issued_on, cert.reprint_count, status_of(cert, today), cert.superseded_by,
        cert.revoked_by, cert.revoked_at, cert.revoke_reason)
