"""An issued certificate goes to the platform: an insert-only ``certificate`` mutation in the outbox.

Queued in the transaction that issues it. The document names the register row, not the person:
the subject's id, the number, grade, credit line and validity, and which device and key signed
it (the QR payload, which carries the masked name, stays on the laptop). Other devices pull it
read-only; a revocation here is queued too (:func:`queue_revocation`) and the platform publishes
it to every laptop; the platform refuses a number that another certificate already holds, and that
refusal is kept on the outbox entry like any other (``sync status``, 同步 → 被拒绝的修改).
"""
from __future__ import annotations

from datetime import timezone
from typing import Any, Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.store.models import Certificate, OutboxEntry, utcnow
from sync.protocol import record_uuid


def certificate_document(cert: Certificate, supersedes: Sequence[str] = ()) -> dict[str, Any]:
    """The wire document of the register row ``cert`` (dates ISO, money yuan as text);
    ``supersedes``: the numbers of the subject's earlier certificates it replaces."""
    return {
        "id": cert.id, "record_type": "certificate", "number": cert.number,
        "subject_type": cert.subject_type, "subject_id": cert.subject_id, "rating_id": cert.rating_id,
        "village_code": cert.village_code, "grade": cert.grade, "credit_line": cert.credit_line,
        "valid_from": cert.valid_from.isoformat(), "valid_until": cert.valid_until.isoformat(),
        "issued_on": cert.issued_on.isoformat(), "issued_by": cert.issued_by,
        "device_id": cert.device_id, "key_id": cert.key_id, "supersedes": list(supersedes),
    }


def queue_certificate(session: Session, cert: Certificate, supersedes: Sequence[str] = ()) -> None:
    """Queue ``cert`` (already flushed, so it has its id) as a ``certificate`` insert."""
    session.execute(insert(OutboxEntry), [{
        "record_type": "certificate", "record_id": cert.id, "op": "insert", "base_revision": 0,
        "fields": certificate_document(cert, supersedes), "created_at": utcnow(), "state": "pending"}])


def revocation_document(cert: Certificate) -> dict[str, Any]:
    """The wire document of ``cert``'s revocation: the number and, to make it unmistakable, the
    certificate's id (a number two standalone laptops both issued names another certificate on
    the platform). Its id derives from the number, as the platform administrator's does."""
    return {
        "id": record_uuid("certificate_revocation", cert.number), "record_type": "certificate_revocation",
        "number": cert.number, "certificate_id": cert.id, "reason": cert.revoke_reason or "",
        "revoked_at": cert.revoked_at.replace(tzinfo=timezone.utc).isoformat().replace("+00:00", "Z"),
        "revoked_by": cert.revoked_by,
    }


def queue_revocation(session: Session, cert: Certificate) -> None:
    """Queue the revocation of ``cert`` (revoked in this transaction) as an insert-only mutation."""
    document = revocation_document(cert)
    session.execute(insert(OutboxEntry), [{
        "record_type": "certificate_revocation", "record_id": document["id"], "op": "insert",
        "base_revision": 0, "fields": document, "created_at": utcnow(), "state": "pending"}])
