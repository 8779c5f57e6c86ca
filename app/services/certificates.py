"""The certificate register's use cases: issue (or reuse), reprint, revoke.

A certificate goes only to a household (or cooperative) whose rating a supervisor confirmed as a
credit household. Its number ``<county>-<year>-<series>-<sequence>`` is allocated from a
per-county, per-year, per-series counter in the same transaction as the register row, so a
number is never handed out twice nor reused. The series is the one the platform assigned to
this installation at enrolment (0 while not enrolled: unique only on this laptop), so laptops
of one county never print the same number. The new certificate is queued for the platform
(insert-only) in the same transaction; the platform refuses a number another certificate holds. A subject rated and confirmed again gets a new certificate; the old one is
marked superseded, never deleted. Reprints and revocations are counted and audited; revoked
numbers are also written to ``revoked.txt`` in the data folder, which ``verify`` reads.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.numbering import format_certificate_no
from app.documents.signing import claim_for, sign_payload
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.security.roles import Permission
from app.services import audit, trust
from app.services.accounts import Workspace
from app.services.certificates_data import certificate_data
from app.services.signing_key import device_id, signing_key
from app.services.certificates_outbox import queue_certificate, queue_revocation
from app.store.models import Certificate, CertificateCounter, Cooperative, Household, SyncState, utcnow

REVOKED_FILE = trust.REVOKED_FILE
Progress = Callable[[int, int], None]

_NO_SUBJECT = QT_TRANSLATE_NOOP("problems", "没有编号为 {subject_id} 的农户或合作社档案")
_NOT_CONFIRMED = QT_TRANSLATE_NOOP("problems", "{subject_id} 没有经审核员确认且仍在有效期内的评级，不能签发证书")
_NOT_CREDIT = QT_TRANSLATE_NOOP("problems", "{subject_id} 确认的评级为 {grade}，不是信用户，不能签发信用户证书")
_REVOKED = QT_TRANSLATE_NOOP("problems", "该评级的证书 {number} 已被撤销：须重新评级并确认后才能签发新证书")
_NO_CERTIFICATE = QT_TRANSLATE_NOOP("problems", "登记簿中没有编号为 {number} 的证书")
_NOT_REPRINTABLE = QT_TRANSLATE_NOOP("problems", "证书 {number} 已撤销或已被新证书取代，不能补打")
_ALREADY_REVOKED = QT_TRANSLATE_NOOP("problems", "证书 {number} 已经撤销")
_NO_REASON = QT_TRANSLATE_NOOP("problems", "撤销证书必须写明原因")


class CertificateError(DomainError):
    """A certificate that cannot be issued, reprinted or revoked; ``str()`` is one Chinese sentence."""


def refuse(code: str, template: str, **params: object) -> CertificateError:
    """A :class:`CertificateError` for ``template`` (a QT_TRANSLATE_NOOP "problems" message)."""
    return CertificateError(Problem(field="certificate", code=code, template=template, params=params))


def issue_certificate(ws: Workspace, subject_id: str, today: date) -> Certificate:
    """The certificate of ``subject_id``'s confirmed rating: issued now, or the one already issued."""
    from app.services.workflow import confirmed_rating

    ws.require(Permission.PRINT, "certificate", subject_id)
    confirmed = confirmed_rating(ws, subject_id, today)
    if confirmed is None:
        with ws.db.session() as session:
            known = any(session.get(model, subject_id) is not None for model in (Household, Cooperative))
        if not known:
            raise refuse("certificate.no_subject", _NO_SUBJECT, subject_id=subject_id)
        raise refuse("certificate.not_confirmed", _NOT_CONFIRMED, subject_id=subject_id)
    return issue_confirmed(ws, [confirmed], today)[0]


def issue_confirmed(ws: Workspace, confirmed: Sequence[object], today: date,
                    progress: Progress | None = None) -> list[Certificate]:
    """Issue or reuse the certificates of ``confirmed`` (ConfirmedRating values), all in one transaction."""
    ws.require(Permission.PRINT, "certificate", None)
    for item in confirmed:
        if not item.credit_household:
            raise refuse("certificate.not_credit", _NOT_CREDIT, subject_id=item.subject_id,
                          grade=item.final_grade or "—")
    key_id, key = signing_key(ws)
    device = device_id(ws)
    issued: list[Certificate] = []
    with ws.db.session() as session:
        for done, item in enumerate(confirmed, start=1):
            issued.append(_issue_one(ws, session, item, today, key, key_id, device))
            if progress is not None:
                progress(done, len(confirmed))
    return issued


def _issue_one(ws: Workspace, session: Session, item, today: date, key, key_id: str, device: str) -> Certificate:
    earlier = list(session.scalars(select(Certificate).where(
        Certificate.subject_id == item.subject_id, Certificate.deleted.is_(False))))
    for cert in earlier:
        if cert.rating_id == item.rating.id:
            if cert.revoked_at is not None:
                raise refuse("certificate.revoked", _REVOKED, number=cert.number)
            if cert.superseded_by is None:
                return cert  # already issued: print it again under the same number
    cert = Certificate(
        number=_allocate(session, item.village_code, today.year), subject_type=item.subject_type,
        subject_id=item.subject_id, rating_id=item.rating.id, village_code=item.village_code,
        grade=item.final_grade, credit_line=f"{_credit_line(item):.2f}", valid_from=item.confirmed_on,
        valid_until=item.valid_until, issued_by=ws.actor.username, issued_on=today, device_id=device,
        key_id=key_id, payload="", reprint_count=0)
    cert.payload = sign_payload(claim_for(certificate_data(session, cert)), key)
    session.add(cert)
    superseded = [old for old in earlier if old.superseded_by is None and old.revoked_at is None]
    for old in superseded:
        old.superseded_by, old.superseded_at = cert.number, utcnow()
    session.flush()
    queue_certificate(session, cert, supersedes=[old.number for old in superseded])
    audit.record(session, ws.actor.username, "certificate_issued", "certificate", cert.number,
                 {"rating_id": cert.rating_id, "grade": cert.grade,
                  "supersedes": [old.number for old in superseded]})
    return cert


def _credit_line(item) -> Decimal:
    """The confirmed credit line (after appraisal), else the computed one; yuan.

    A credit household with a confirmed line of 0 means "not adjusted" (the workflow reports
    an unappraised rating's line as 0.00), so the rating's computed line applies.
    """
    line = getattr(item, "credit_line", None)
    return Decimal(line) if line else Decimal(item.rating.result.get("credit_line") or "0")


def certificate_series(session: Session) -> int:
    """This installation's certificate series: the platform's, or 0 while not enrolled."""
    state = session.get(SyncState, 1)
    return state.certificate_series if state is not None else 0


def _allocate(session: Session, village_code: str, year: int) -> str:
    """The next number of the village's county for ``year`` in this installation's series;
    the counter only ever goes up."""
    county, series = village_code[:6], certificate_series(session)
    counter = session.get(CertificateCounter, (county, year, series))
    if counter is None:
        counter = CertificateCounter(county_code=county, year=year, series=series, last_sequence=0)
        session.add(counter)
    number = format_certificate_no(county, year, counter.last_sequence + 1, series)
    counter.last_sequence += 1
    session.flush()
    return number


def _get(session: Session, number: str) -> Certificate:
    cert = session.scalars(select(Certificate).where(Certificate.number == number.strip())).first()
    if cert is None:
        raise refuse("certificate.unknown", _NO_CERTIFICATE, number=number)
    return cert


def reprint_certificate(ws: Workspace, number: str) -> Certificate:
    """Count and audit a reprint of a certificate still in force (supervisor); returns its row."""
    ws.require(Permission.REPRINT, "certificate", number)
    with ws.db.session() as session:
        cert = _get(session, number)
        if cert.revoked_at is not None or cert.superseded_by is not None:
            raise refuse("certificate.not_reprintable", _NOT_REPRINTABLE, number=cert.number)
        cert.reprint_count += 1
        cert.revision += 1
        audit.record(session, ws.actor.username, "certificate_reprinted", "certificate", cert.number,
                     {"reprint": cert.reprint_count})
        session.flush()
        return cert


def revoke_certificate(ws: Workspace, number: str, reason: str) -> Certificate:
    """Revoke a certificate (supervisor) with a written reason; ``verify`` then says revoked."""
    ws.require(Permission.REVOKE, "certificate", number)
    if not reason.strip():
        raise refuse("certificate.no_reason", _NO_REASON)
    with ws.db.session() as session:
        cert = _get(session, number)
        if cert.revoked_at is not None:
            raise refuse("certificate.already_revoked", _ALREADY_REVOKED, number=cert.number)
        cert.revoked_at, cert.revoked_by, cert.revoke_reason = utcnow(), ws.actor.username, reason.strip()
        cert.revision += 1
        queue_revocation(session, cert)  # the platform publishes it to every laptop
        # The reason may name people: it stays in the register, not in the audit details.
        audit.record(session, ws.actor.username, "certificate_revoked", "certificate", cert.number, {})
        session.flush()
    with ws.db.session() as session:  # after the commit: never lists a revocation that rolled back
        trust.write_revoked(ws.data_dir, trust.revoked_numbers(session))
    return cert
