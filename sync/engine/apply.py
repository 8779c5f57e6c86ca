"""Applying one pulled change locally, inside the page's transaction.

Households and cooperatives go through the record service's ``store_document`` (so the
indexed columns follow the document) without queueing anything; the local revision becomes
the platform's, the base of the next local edit. A record with unsent local changes is never
overwritten: the fields it changed locally keep their local value and only the others take the
platform's (the platform, which keeps a revision per field, reports a field changed on both
sides as a conflict when the local change arrives, and that becomes a review item). Everything
else lands read-only in ``pulled_records``; divisions also refresh the division table.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.idnumber import normalize_id_number
from app.domain.uscc import normalize_uscc
from app.services import audit
from app.services.records import MODELS, store_document
from app.store.models import Certificate, Division, OutboxEntry, PulledRecord, Rating, utcnow
from sync.engine.outbox import PENDING
from sync.protocol import Change

QUESTIONNAIRE_TYPES = frozenset(MODELS)


def apply_change(session: Session, actor: str, change: Change) -> str:
    """Apply ``change``; what happened: ``stored``, ``merged``, ``unchanged``, ``deleted``, ``kept``."""
    if change.record_type in QUESTIONNAIRE_TYPES:
        return _apply_record(session, actor, change)
    if change.record_type == "rating" and session.get(Rating, str(change.record_id)) is not None:
        return "unchanged"  # our own rating, come back from the platform
    if change.record_type == "certificate" and session.get(Certificate, str(change.record_id)) is not None:
        return "unchanged"  # our own certificate: the register row is the original
    _put_pulled(session, change)
    if change.record_type == "division" and change.document:
        _put_division(session, change.document)
    if change.record_type == "certificate_revocation" and change.document and change.op == "upsert":
        _mark_revoked(session, change.document)
    return "stored"


def _mark_revoked(session: Session, document: dict[str, Any]) -> None:
    """A certificate of this register revoked elsewhere (the platform, another laptop) shows so here.

    A field revocation names the certificate's id; the platform's administrator names only
    the number, which the platform holds for one certificate.
    """
    cert = session.scalars(select(Certificate).where(Certificate.number == str(document.get("number")))).first()
    named = document.get("certificate_id")
    if cert is None or cert.revoked_at is not None or (named and str(named).lower() != cert.id):
        return
    cert.revoked_at, cert.revoked_by = utcnow(), str(document.get("revoked_by") or "platform")[:64]
    cert.revoke_reason, cert.revision = str(document.get("reason") or ""), cert.revision + 1


def pending_fields(session: Session, record_id: str) -> set[str] | None:
    """Top-level fields with unsent local changes (None: a local insert or delete is pending)."""
    entries = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == record_id,
                                                        OutboxEntry.state == PENDING)).all()
    fields: set[str] = set()
    for entry in entries:
        if entry.op != "patch":
            return None
        fields.update(entry.fields or {})
    return fields


def _apply_record(session: Session, actor: str, change: Change) -> str:
    record_id = str(change.record_id)
    row = session.get(MODELS[change.record_type], record_id)
    pending = pending_fields(session, record_id) if row is not None else set()
    if change.op == "delete":
        return _apply_delete(session, actor, change, row, pending)
    if row is not None and row.deleted and pending is None:
        return "kept"  # deleted here, not yet pushed: the platform's copy must not revive it
    document = {**(change.document or {}), "id": record_id, "record_type": change.record_type}
    outcome = "stored"
    if row is not None and pending != set():
        document, outcome = _keep_local(dict(row.data), document, pending), "merged"
    if row is not None and row.data == document:
        row.revision = change.revision
        return "unchanged"
    # audit_action None: the pull audits each page once (an audit line per pulled record
    # would be pushed back as 100,000 mutations after a first pull)
    store_document(session, actor, document, base_revision=None, audit_action=None, queue=False)
    session.get(MODELS[change.record_type], record_id).revision = change.revision
    return outcome


def _keep_local(local: dict[str, Any], remote: dict[str, Any], pending: set[str] | None) -> dict[str, Any]:
    """``remote`` with the locally changed fields (all of them for a pending insert) kept local."""
    keep = set(local) | set(remote) if pending is None else pending
    merged = dict(remote)
    for name in keep - {"id", "record_type"}:
        if name in local:
            merged[name] = local[name]
        else:
            merged.pop(name, None)
    return merged


def _apply_delete(session: Session, actor: str, change: Change, row, pending: set[str] | None) -> str:
    if row is None or row.deleted:
        return "unchanged"
    if pending != set():
        return "kept"  # local edits wait to be pushed; the platform will refuse them as deleted
    row.deleted, row.revision = True, change.revision
    return "deleted"


def subject_key(document: dict[str, Any] | None) -> str:
    """The normalized ID number or credit code a platform record is about ("" if none)."""
    document = document or {}
    number = document.get("subject_id_number") or document.get("id_number")
    if isinstance(number, str) and number:
        return normalize_id_number(number)
    uscc = document.get("uscc")
    return normalize_uscc(uscc) if isinstance(uscc, str) and uscc else ""


def _put_pulled(session: Session, change: Change) -> None:
    record_id = str(change.record_id)
    row = session.get(PulledRecord, record_id) or PulledRecord(id=record_id)
    row.record_type, row.revision, row.seq = change.record_type, change.revision, change.seq
    row.deleted = change.op == "delete"
    row.document = change.document
    row.subject_key = subject_key(change.document)
    row.pulled_at = utcnow()
    session.add(row)


def _put_division(session: Session, document: dict[str, Any]) -> None:
    division = session.get(Division, str(document["code"])) or Division(code=str(document["code"]))
    division.name = str(document.get("name", division.name or ""))
    division.level = str(document.get("level", division.level or ""))
    division.parent_code = document.get("parent_code")
    division.registered_households = int(document.get("registered_households") or 0)
    session.add(division)
    session.flush()  # a village's households may follow in the same page
