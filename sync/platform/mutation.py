"""Applying one pushed mutation to the records of a batch: insert, patch (merged) or delete.

Every refusal is a :class:`Refusal` carrying the Chinese reason; the batch records it and
moves on, so one bad record never holds up the ones behind it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.platform.auth import DeviceContext
from sync.platform.db import SeqAllocator
from sync.platform.merge import FIXED_KEYS, bumped_revisions, merge_patch
from sync.platform.messages import (AHEAD, CONFLICT, EXISTS, FORBIDDEN_DIVISION, GONE, ID_MISMATCH,
                                    INSERT_ONLY, INVALID, NO_DIVISION, NOT_FOUND, NUMBER_TAKEN, REVOKE_UNKNOWN,
                                    STALE_DELETE, TYPE_MISMATCH)
from sync.platform.models import CertificateNumber, Record
from sync.platform.records import scope_of
from sync.platform.validation import Problem, RecordValidator
from sync.protocol import INSERT_ONLY_TYPES, Mutation, record_uuid


class Refusal(Exception):
    """A mutation refused: ``forbidden`` marks a division outside the caller's assignment."""

    def __init__(self, reason: str, problems: list[Problem] | None = None, forbidden: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.problems = problems
        self.forbidden = forbidden


@dataclass
class Batch:
    """What the mutations of one push share: the transaction, the caller, the records touched."""

    session: Session
    seqs: SeqAllocator
    caller: DeviceContext
    validator: RecordValidator
    now: datetime
    records: dict[str, Record] = field(default_factory=dict)
    prechecked: dict[int, list[Problem]] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()


def apply_mutation(batch: Batch, m: Mutation) -> dict[str, Any]:
    """Apply ``m``; the result dict of the wire (``status`` applied or conflict), or raise Refusal."""
    record_id = str(m.record_id)
    record = batch.records.get(record_id)
    if m.op != "insert" and m.record_type in INSERT_ONLY_TYPES:
        raise Refusal(INSERT_ONLY.format(record_type=m.record_type))
    if record is not None and record.record_type != m.record_type:
        raise Refusal(TYPE_MISMATCH.format(existing=record.record_type))
    if m.op == "insert":
        if record is not None and m.record_type == "certificate_revocation" and not record.deleted:
            return {"mutation_id": m.mutation_id, "status": "applied", "revision": record.revision}  # revoked already
        if record is not None:
            raise Refusal(EXISTS)
        return _insert(batch, m, record_id)
    if record is None:
        raise Refusal(NOT_FOUND)
    if record.deleted:
        raise Refusal(GONE)
    _check_scope(batch, record.village_code)
    if m.base_revision > record.revision:
        raise Refusal(AHEAD.format(base=m.base_revision, revision=record.revision))
    return _delete(batch, m, record) if m.op == "delete" else _patch(batch, m, record)


def insert_document(m: Mutation) -> dict[str, Any]:
    """The document an insert stores: its fields, naming the record's id and type."""
    document = dict(m.fields)
    document.setdefault("id", str(m.record_id))
    document.setdefault("record_type", m.record_type)
    return document


def _insert(batch: Batch, m: Mutation, record_id: str) -> dict[str, Any]:
    _check_identity(m.fields, "id", record_id)
    _check_identity(m.fields, "record_type", m.record_type)
    document = insert_document(m)
    _validate(batch, m.record_type, document, batch.prechecked.get(m.mutation_id))
    if m.record_type == "certificate_revocation":
        village, township = _revocation_place(batch, document, record_id)
    else:
        village, township = _place(batch, m.record_type, document)
    if m.record_type == "certificate":
        _claim_number(batch, str(document["number"]), record_id)
    record = Record(id=record_id, record_type=m.record_type, village_code=village,
                    township_code=township, document=document, revision=1, field_revisions={},
                    deleted=False, seq=batch.seqs.next(), device_id=batch.caller.device_id,
                    updated_at=batch.now)
    batch.session.add(record)
    batch.records[record_id] = record
    return {"mutation_id": m.mutation_id, "status": "applied", "revision": 1}


def _patch(batch: Batch, m: Mutation, record: Record) -> dict[str, Any]:
    for key in FIXED_KEYS & m.fields.keys():
        _check_identity(m.fields, key, (record.document or {}).get(key))
    merged = merge_patch(record.document or {}, record.field_revisions or {}, m.base_revision, m.fields)
    result: dict[str, Any] = {"mutation_id": m.mutation_id, "status": "applied"}
    if merged.changed:
        village, township = _place(batch, m.record_type, merged.document)
        _validate(batch, m.record_type, merged.document)
        record.revision += 1
        record.document = merged.document
        record.field_revisions = bumped_revisions(record.field_revisions or {}, merged.changed,
                                                  record.revision)
        record.village_code, record.township_code = village, township
        _touch(batch, record)
    if merged.conflicts:
        result.update(status="conflict", conflicts=merged.conflicts,
                      reason=CONFLICT.format(count=len(merged.conflicts)))
    result["revision"] = record.revision
    return result


def _delete(batch: Batch, m: Mutation, record: Record) -> dict[str, Any]:
    if m.base_revision < record.revision:
        raise Refusal(STALE_DELETE.format(revision=record.revision))
    record.revision += 1
    record.deleted = True
    # A tombstone keeps only what scopes it: the personal data leaves the platform.
    record.document = {"id": record.id, "record_type": record.record_type,
                       "village_code": record.village_code}
    _touch(batch, record)
    return {"mutation_id": m.mutation_id, "status": "applied", "revision": record.revision}


def _touch(batch: Batch, record: Record) -> None:
    record.seq = batch.seqs.next()
    record.device_id = batch.caller.device_id
    record.updated_at = batch.now


def _claim_number(batch: Batch, number: str, record_id: str) -> None:
    """Record that ``record_id`` holds ``number``; refused when another certificate holds it."""
    holder = batch.session.scalar(select(CertificateNumber).where(CertificateNumber.number == number))
    if holder is not None and holder.record_id != record_id:
        message = NUMBER_TAKEN.format(number=number)
        raise Refusal(message, [{"field": "number", "code": "certificate.number_taken", "message": message}])
    if holder is None:
        batch.session.add(CertificateNumber(number=number, record_id=record_id))


def _revocation_place(batch: Batch, document: dict[str, Any], record_id: str) -> tuple[None, None]:
    """Check a field supervisor's revocation; it belongs to no village (every device pulls it).

    It must name the certificate that holds the number here, by id: a number that two
    standalone laptops both issued names another family's certificate on the platform, and
    revoking by number alone would void that one. The caller must cover its village.
    """
    number = str(document["number"])
    _check_identity({"id": record_id}, "id", record_uuid("certificate_revocation", number))
    holder = batch.session.scalar(select(CertificateNumber).where(CertificateNumber.number == number))
    if holder is None or holder.record_id != str(document["certificate_id"]).lower():
        message = REVOKE_UNKNOWN.format(number=number)
        raise Refusal(message, [{"field": "number", "code": "certificate.unknown", "message": message}])
    certificate = batch.records.get(holder.record_id) or batch.session.get(Record, holder.record_id)
    _check_scope(batch, certificate.village_code if certificate is not None else None)
    return None, None


def _check_identity(document: dict[str, Any], key: str, expected: object) -> None:
    value = document.get(key)
    if value is not None and str(value).lower() != str(expected).lower():
        raise Refusal(ID_MISMATCH.format(key=key, value=value, expected=expected))


def _place(batch: Batch, record_type: str, document: dict[str, Any]) -> tuple[str | None, str | None]:
    """The record's (village, township) once the caller's assignment allows it."""
    village, township = scope_of(document.get("village_code"))
    if village is None and record_type == "audit_entry" and "village_code" not in document:
        return None, None  # a device's own log entry belongs to no village and is never pulled
    if village is None:
        raise Refusal(NO_DIVISION, [{"field": "village_code", "code": "division.missing",
                                     "message": NO_DIVISION}])
    _check_scope(batch, village)
    return village, township


def _check_scope(batch: Batch, village: str | None) -> None:
    if village is not None and not batch.caller.scope.covers(village):
        message = FORBIDDEN_DIVISION.format(code=village)
        raise Refusal(message, [{"field": "village_code", "code": "division.forbidden",
                                 "message": message}], forbidden=True)


def _validate(batch: Batch, record_type: str, document: dict[str, Any],
              errors: list[Problem] | None = None) -> None:
    if errors is None:
        errors = batch.validator.errors(record_type, document, batch.today)
    if errors:
        raise Refusal(INVALID.format(count=len(errors)), errors)
