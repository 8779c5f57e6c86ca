"""A push: a batch of mutations applied in one transaction with the device's checkpoint.

The device row is locked for the transaction and its ``last_mutation_id`` is written in the
same commit as the changes, so a replay (the response was lost, the client retries) finds
every mutation already counted and answers ``duplicate`` without applying anything again.
Mutations that were refused or conflicted are remembered, so a replay reports them again.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from sync.platform.auth import DeviceContext
from sync.platform.db import PlatformDB, SeqAllocator
from sync.platform.models import Device, MutationOutcome, Record
from sync.platform.mutation import Batch, Refusal, apply_mutation, insert_document
from sync.platform.records import audit
from sync.platform.validation import RecordValidator
from sync.protocol import Mutation, iso_utc


def push_batch(db: PlatformDB, caller: DeviceContext, mutations: list[Mutation],
               validator: RecordValidator, now: datetime) -> dict[str, Any]:
    """Apply ``mutations`` in order; the push response body (one result per mutation)."""
    prechecked = _validate_inserts(db, caller, mutations, validator, now)
    with db.write() as session:
        device = session.scalars(select(Device).where(Device.id == caller.device_id)
                                 .with_for_update()).one()
        last = device.last_mutation_id
        batch = Batch(session, SeqAllocator(session), caller, validator, now, prechecked=prechecked)
        fresh = [m for m in mutations if m.mutation_id > last]
        batch.records = _load_records(session, {str(m.record_id) for m in fresh})
        earlier = _earlier_outcomes(session, caller.device_id,
                                    [m.mutation_id for m in mutations if m.mutation_id <= last])
        results = []
        for m in mutations:
            if m.mutation_id <= last:
                results.append(_duplicate(m, earlier.get(m.mutation_id)))
                continue
            last = m.mutation_id
            results.append(_apply(batch, m))
        device.last_mutation_id = last
        batch.seqs.store()
    return {"results": results, "last_mutation_id": last, "server_time": iso_utc(now)}


def _validate_inserts(db: PlatformDB, caller: DeviceContext, mutations: list[Mutation],
                      validator: RecordValidator, now: datetime) -> dict[int, list]:
    """Validate the new inserts before taking the write lock: the slow part runs in parallel
    with other devices' writes (and in worker processes, if the validator has them)."""
    with db.read() as session:
        last = session.scalar(select(Device.last_mutation_id).where(Device.id == caller.device_id)) or 0
    inserts = [m for m in mutations if m.op == "insert" and m.mutation_id > last]
    errors = validator.errors_many([(m.record_type, insert_document(m)) for m in inserts], now.date())
    return {m.mutation_id: found for m, found in zip(inserts, errors)}


def _apply(batch: Batch, m: Mutation) -> dict[str, Any]:
    try:
        result = apply_mutation(batch, m)
    except Refusal as refusal:
        result = {"mutation_id": m.mutation_id, "status": "rejected", "reason": refusal.reason,
                  "problems": refusal.problems or []}
        audit(batch.session, batch.caller.actor, "push.forbidden" if refusal.forbidden else "push.rejected",
              f"{m.record_type}/{m.record_id}", mutation_id=m.mutation_id, op=m.op,
              reason=refusal.reason, problems=[p["code"] for p in refusal.problems or []])
    if result["status"] != "applied":
        batch.session.add(MutationOutcome(device_id=batch.caller.device_id, mutation_id=m.mutation_id,
                                          record_type=m.record_type, record_id=str(m.record_id),
                                          status=result["status"], result=result, at=batch.now))
    return result


def _duplicate(m: Mutation, earlier: dict[str, Any] | None) -> dict[str, Any]:
    if earlier is None:
        return {"mutation_id": m.mutation_id, "status": "duplicate", "original_status": "applied"}
    return {**earlier, "status": "duplicate", "original_status": earlier["status"]}


def _load_records(session, ids: set[str]) -> dict[str, Record]:
    records: dict[str, Record] = {}
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        rows = session.scalars(select(Record).where(Record.id.in_(chunk[start:start + 500])))
        records.update((r.id, r) for r in rows)
    return records


def _earlier_outcomes(session, device_id: str, mutation_ids: list[int]) -> dict[int, dict[str, Any]]:
    if not mutation_ids:
        return {}
    rows = session.scalars(select(MutationOutcome).where(
        MutationOutcome.device_id == device_id, MutationOutcome.mutation_id.in_(mutation_ids)))
    return {row.mutation_id: row.result for row in rows}
