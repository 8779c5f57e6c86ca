"""The outbox seen from sync: what to send next, and what the platform said about each mutation.

Each push batch's answers are written in one transaction: a mutation is ``applied``,
``duplicate`` (the platform had it already), ``rejected`` (kept with the platform's reason and
problems, and the queue moves past it) or ``conflict`` (the platform kept its value for some
fields: each such field becomes a review item with both values). A replay answers
``duplicate`` with the first outcome in ``original_status``; a first outcome of rejected or
conflict is kept as the entry's state so the user still sees it.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Iterable

from sqlalchemy import DateTime, delete, insert, literal, select, update
from sqlalchemy.orm import Session, load_only

from app.services.record_rows import MODELS
from app.store.models import AuditEntry, OutboxEntry, ReviewItem, SyncState
from sync.protocol import Mutation, MutationResult

PENDING = "pending"
_AUDIT_NAMESPACE = uuid.UUID("0b7e3a52-53f4-4a43-9a54-2f0c63a1d7e9")


def pending_batch(session: Session, limit: int) -> list[OutboxEntry]:
    """The oldest ``limit`` unsent entries, in mutation order."""
    return list(session.scalars(select(OutboxEntry).where(OutboxEntry.state == PENDING)
                                .order_by(OutboxEntry.mutation_id).limit(limit)))


def to_mutation(entry: OutboxEntry) -> Mutation:
    """The wire form of an outbox entry (its mutation id is the device's sequence number)."""
    return Mutation(mutation_id=entry.mutation_id, record_type=entry.record_type,
                    record_id=uuid.UUID(entry.record_id), op=entry.op,
                    base_revision=entry.base_revision, fields=entry.fields or {})


def to_wire(entry: OutboxEntry) -> dict:
    """:func:`to_mutation` as the plain JSON-ready dict the client sends (no model round trip:
    an entry's fields were validated when they were saved)."""
    return {"mutation_id": entry.mutation_id, "record_type": entry.record_type, "record_id": entry.record_id,
            "op": entry.op, "base_revision": entry.base_revision, "fields": entry.fields or {}}


def entries_to_answer(session: Session, mutation_ids: list[int]) -> list[OutboxEntry]:
    """The still-pending entries among ``mutation_ids``, without their (large) fields: what
    :func:`record_results` needs to store the platform's answers."""
    return list(session.scalars(select(OutboxEntry).options(load_only(
        OutboxEntry.mutation_id, OutboxEntry.record_type, OutboxEntry.record_id, OutboxEntry.state))
        .where(OutboxEntry.mutation_id.in_(mutation_ids), OutboxEntry.state == PENDING)))


def final_state(result: MutationResult) -> str:
    """The state an entry keeps after ``result`` (a replay keeps a rejection or conflict visible)."""
    if result.status == "duplicate" and result.original_status in ("rejected", "conflict"):
        return result.original_status
    return result.status


def record_results(session: Session, entries: Iterable[OutboxEntry], results: Iterable[MutationResult],
                   now: datetime) -> dict[str, int]:
    """Store the platform's answer on each entry; review items for conflicts; counts per state."""
    by_id = {entry.mutation_id: entry for entry in entries}
    counts: dict[str, int] = {}
    for result in results:
        entry = by_id.get(result.mutation_id)
        if entry is None:  # not ours to judge: an answer for a mutation we did not send
            continue
        state = final_state(result)
        entry.state, entry.sent_at = state, now
        entry.result = result.model_dump(mode="json", exclude_none=True)
        counts[result.status] = counts.get(result.status, 0) + 1
        if state == "conflict":
            _add_reviews(session, entry, result, now)
    return counts


def _add_reviews(session: Session, entry: OutboxEntry, result: MutationResult, now: datetime) -> None:
    known = set(session.scalars(select(ReviewItem.field).where(ReviewItem.mutation_id == entry.mutation_id)))
    for conflict in result.conflicts or []:
        if conflict.field in known:
            continue
        session.add(ReviewItem(record_type=entry.record_type, record_id=entry.record_id,
                               field=conflict.field, local_value=conflict.client_value,
                               server_value=conflict.server_value, mutation_id=entry.mutation_id,
                               server_revision=result.revision or 0, created_at=now))


def queue_audit_entries(session: Session, state: SyncState, now: datetime) -> int:
    """Queue the audit lines written since the last push as insert-only ``audit_entry`` mutations.

    The record id is derived from the device and the line number, so a line queued twice
    would be refused by the platform as existing rather than stored twice.
    """
    rows = session.execute(select(AuditEntry).where(AuditEntry.seq > state.audit_pushed_seq)
                           .order_by(AuditEntry.seq)).scalars().all()
    if not rows:
        return 0
    session.execute(insert(OutboxEntry), [_audit_mutation(state.device_id, row, now) for row in rows])
    state.audit_pushed_seq = rows[-1].seq
    return len(rows)


def _audit_mutation(device_id: str, row: AuditEntry, now: datetime) -> dict:
    record_id = str(uuid.uuid5(_AUDIT_NAMESPACE, f"{device_id}:{row.seq}"))
    document = {"id": record_id, "record_type": "audit_entry", "device_id": device_id, "seq": row.seq,
                "at": row.at, "actor": row.actor, "action": row.action, "target_type": row.target_type,
                "target_id": row.target_id, "details": row.details or {}, "hash": row.hash}
    return {"record_type": "audit_entry", "record_id": record_id, "op": "insert", "base_revision": 0,
            "fields": document, "created_at": now, "state": PENDING}


def queue_unsent_records(session: Session, now: datetime) -> int:
    """Queue an insert for every live household and cooperative whose insert was never queued.

    Records saved through the record service are queued as they are saved; only the demo
    generator writes without the outbox (100,000 households in ~35 s). Called at a first
    enrolment (nothing has been sent yet), so the platform gets everything the laptop holds
    and later edits of those records are not refused as edits of records it never had. Edits
    and deletes queued for such a record are folded in: its insert carries the current
    document as revision 1 (the platform's first revision), a tombstone is not sent at all.
    """
    inserted = select(OutboxEntry.record_id).where(OutboxEntry.op == "insert").scalar_subquery()
    count = 0
    for kind, model in MODELS.items():  # in SQL: a demo city of 100,000 never passes through Python
        unsent = select(model.id).where(model.id.not_in(inserted)).scalar_subquery()
        session.execute(delete(OutboxEntry).where(OutboxEntry.record_type == kind, OutboxEntry.record_id.in_(unsent),
                                                  OutboxEntry.state == PENDING))
        session.execute(update(model).where(model.id.not_in(inserted)).values(revision=1))
        rows = select(literal(kind), model.id, literal("insert"), literal(0), model.data,
                      literal(now, DateTime()), literal(PENDING)).where(model.deleted.is_(False),
                                                                        model.id.not_in(inserted))
        count += session.execute(insert(OutboxEntry).from_select(
            ["record_type", "record_id", "op", "base_revision", "fields", "created_at", "state"], rows)).rowcount
    return count
