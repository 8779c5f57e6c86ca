"""The five-year retention limit on the platform's own blacklist entries and conduct penalties.

The same rule as the field laptops (``app.rating.events.platform_event_expired``: a penalty
counts from its ``date``, a blacklist entry from its ``removed_on``; honours and entries still
listed never expire). A purge replaces each expired record by a tombstone (no document, a new
change number), so the laptops that hold a copy delete theirs at the next pull; the audit
entry says how many, never whose. ``python -m sync.platform admin purge-expired``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from app.domain.masking import mask_id_number
from app.rating.events import RETENTION_YEARS, negative_event_end, platform_event_expired
from sync.platform.db import PlatformDB, SeqAllocator
from sync.platform.models import Record
from sync.platform.records import audit, put_platform_record

EVENT_TYPES = ("blacklist_entry", "conduct_event")


@dataclass(frozen=True)
class ExpiredEvent:
    """One expired record as the listing shows it: the subject masked, no names."""

    record_id: str
    record_type: str
    kind: str
    subject: str  # masked ID number, or the credit code (an organisation's public number)
    ended_on: date
    reference: str  # case number or issuing department


@dataclass(frozen=True)
class PlatformPurge:
    """What a purge removed (or with ``dry_run`` would remove) on ``on``: counts per record type."""

    on: date
    events: tuple[ExpiredEvent, ...]
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)


def expired_events(db: PlatformDB, on: date, years: int = RETENTION_YEARS) -> list[ExpiredEvent]:
    """The live blacklist entries and conduct penalties at least ``years`` past their end on ``on``."""
    with db.read() as session:
        rows = session.execute(select(Record.id, Record.record_type, Record.document)
                               .where(Record.record_type.in_(EVENT_TYPES), Record.deleted.is_(False))
                               .order_by(Record.seq)).all()
    return [_listed(record_id, kind, document) for record_id, kind, document in rows
            if platform_event_expired(kind, document, on, years)]


def purge_expired(db: PlatformDB, on: date | None = None, *, dry_run: bool = False,
                  years: int = RETENTION_YEARS, by: str = "admin") -> PlatformPurge:
    """Tombstone (with ``dry_run`` only list) the expired events; one audit entry with the counts.

    ``on`` defaults to today. A dry run reads only and audits nothing.
    """
    on = on or date.today()
    if dry_run:
        found = expired_events(db, on, years)
        return PlatformPurge(on, tuple(found), True, _counts(found))
    found = []
    with db.write() as session:
        seqs = SeqAllocator(session)
        rows = session.scalars(select(Record).where(Record.record_type.in_(EVENT_TYPES),
                                                    Record.deleted.is_(False)).order_by(Record.seq)).all()
        for record in rows:
            if platform_event_expired(record.record_type, record.document, on, years):
                found.append(_listed(record.id, record.record_type, record.document))
                put_platform_record(session, seqs, record.record_type, record.id, None,
                                    village_code=record.village_code, deleted=True)
        seqs.store()
        audit(session, f"admin:{by}", "admin.purge_expired", "", on=on.isoformat(), years=years,
              **_counts(found))
    return PlatformPurge(on, tuple(found), False, _counts(found))


def _counts(found: list[ExpiredEvent]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for event in found:
        counts[event.record_type] = counts.get(event.record_type, 0) + 1
    return counts


def _listed(record_id: str, record_type: str, document: dict[str, Any]) -> ExpiredEvent:
    number = document.get("id_number") or document.get("subject_id_number")
    subject = mask_id_number(number) if isinstance(number, str) and number else str(document.get("uscc", ""))
    reference = document.get("case_number") or document.get("source") or ""
    return ExpiredEvent(record_id, record_type, str(document.get("kind", "")), subject,
                        negative_event_end(record_type, document), str(reference))
