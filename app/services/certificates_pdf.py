"""Certificates from the register into one PDF: a village batch, one household, a reprint.

Each page shows the QR payload stored at issue, so a reprint is identical to the original.
Nothing reaches ``out`` until the last page is drawn (a cancelled batch leaves no file);
numbers issued before a cancel stay issued and are reused by the next run.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

from app.documents.certificate import render_certificates
from app.documents.templates import CertificateTemplate, load_default_templates
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.domain.problems import QT_TRANSLATE_NOOP
from app.services.certificates import (
    Progress, refuse, issue_certificate, issue_confirmed, reprint_certificate,
)
from app.services.certificates_data import certificate_data
from app.store.models import Certificate

Cancel = Callable[[], bool]
_NONE_IN_VILLAGE = QT_TRANSLATE_NOOP("problems", "村 {village_code} 没有经审核员确认且仍在有效期内的信用户，没有证书可打印")


@lru_cache(maxsize=1)
def _templates() -> dict[str, CertificateTemplate]:
    return load_default_templates()


def write_certificates(ws: Workspace, certificates: Sequence[Certificate], out: Path | BinaryIO,
                       progress: Progress | None = None, cancel: Cancel | None = None) -> int:
    """Render the register rows ``certificates`` into the PDF ``out``, a page each; returns pages."""
    if not (ws.can(Permission.PRINT) or ws.can(Permission.REPRINT)):
        ws.require(Permission.PRINT, "certificate", None)
    with ws.db.session() as session:
        items = [certificate_data(session, cert) for cert in certificates]
    payloads = {cert.number: cert.payload for cert in certificates}
    return render_certificates(items, out, template=_templates(),
                               sign=lambda data: payloads[data.certificate_no],
                               progress=progress, cancel=cancel)


def village_certificates_pdf(ws: Workspace, village_code: str, today: date, out: Path | BinaryIO,
                             progress: Progress | None = None, cancel: Cancel | None = None) -> list[str]:
    """Issue (or reuse) the certificates of the village's confirmed credit households, print them.

    ``progress(done, total)`` runs over issuing and drawing together (two steps per certificate).
    Returns the certificate numbers, in page order.
    """
    from app.services.workflow import confirmed_ratings

    ws.require(Permission.PRINT, "division", village_code)
    confirmed = [item for item in confirmed_ratings(ws, village_code, today) if item.credit_household]
    if not confirmed:
        raise refuse("certificate.none_in_village", _NONE_IN_VILLAGE, village_code=village_code)
    total = 2 * len(confirmed)
    issued = issue_confirmed(ws, confirmed, today,
                             progress=None if progress is None else lambda done, _: progress(done, total))
    shift = len(issued)
    write_certificates(ws, issued, out, cancel=cancel,
                       progress=None if progress is None else lambda done, _: progress(shift + done, total))
    return [cert.number for cert in issued]


def household_certificate_pdf(ws: Workspace, subject_id: str, today: date, out: Path | BinaryIO) -> str:
    """Issue (or reuse) one subject's certificate and print it; returns its number."""
    cert = issue_certificate(ws, subject_id, today)
    write_certificates(ws, [cert], out)
    return cert.number


def reprint_pdf(ws: Workspace, number: str, out: Path | BinaryIO) -> Certificate:
    """Count and audit a reprint (supervisor), then print the certificate again, same number and QR."""
    cert = reprint_certificate(ws, number)
    write_certificates(ws, [cert], out)
    return cert
