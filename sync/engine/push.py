"""Push: the pending outbox in batches, each batch's answers stored in one local transaction.

Nothing is marked sent before the platform has answered: if the connection drops after the
platform committed, the entries stay pending and the next push replays them; the platform
recognises their mutation ids and answers ``duplicate`` (never a second record).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from app.store.db import Database
from app.store.models import utcnow
from sync.client import PlatformClient
from sync.engine.outbox import entries_to_answer, pending_batch, record_results, to_wire
from sync.engine.retry import RetryPolicy, call_with_retry
from sync.protocol import MAX_PUSH_BATCH

Progress = Callable[[str, int], None]


@dataclass
class PushSummary:
    """Mutations answered per status (applied, duplicate, rejected, conflict), batches sent."""

    counts: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    warnings: list[str] = field(default_factory=list)
    audit_lines: int = 0  # of those sent, audit-trail lines (the rest are records and ratings)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def sent(self) -> int:
        return sum(self.counts.values())


def push_pending(db: Database, client: PlatformClient, *, batch_size: int = MAX_PUSH_BATCH,
                 retry: RetryPolicy = RetryPolicy(), progress: Progress | None = None) -> PushSummary:
    """Push every pending entry, ``batch_size`` at a time; raises SyncError (what was answered stays stored)."""
    batch_size = max(1, min(batch_size, MAX_PUSH_BATCH))
    summary = PushSummary()
    while True:
        with db.session() as session:
            entries = pending_batch(session, batch_size)
            mutations = [to_wire(entry) for entry in entries]
            audit_lines = sum(1 for entry in entries if entry.record_type == "audit_entry")
            ids = [entry.mutation_id for entry in entries]
            sent = set(ids)
        if not mutations:
            return summary
        answer = call_with_retry(lambda: client.push(mutations), retry)
        summary.warnings.extend(w for w in answer.warnings if w not in summary.warnings)
        with db.session() as session:
            answered = record_results(session, entries_to_answer(session, ids), answer.results, utcnow())
            for status, n in answered.items():
                summary.counts[status] = summary.counts.get(status, 0) + n
        summary.batches += 1
        summary.audit_lines += audit_lines
        if progress:
            progress("push", summary.sent)
        if not any(r.mutation_id in sent for r in answer.results):
            return summary  # an answer about none of ours: stop rather than loop for ever
