"""The audit trail: appended in the same transaction as the change it records, verifiable.

Details hold ids and field names, never the personal data itself (no ID numbers, names or
amounts), so the trail can be exported and synced without widening who sees what.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.security.audit_chain import ChainReport, new_entry, verify_chain
from app.store.db import Database
from app.store.models import AuditEntry

FIELDS = ("seq", "at", "actor", "action", "target_type", "target_id", "details", "prev_hash", "hash")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def record(session: Session, actor: str, action: str, target_type: str | None = None,
           target_id: str | None = None, details: dict[str, Any] | None = None,
           at: str | None = None) -> AuditEntry:
    """Append one entry to the chain inside ``session``'s transaction."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    previous = {"seq": last.seq, "hash": last.hash} if last else None
    entry = new_entry(previous, at=at or now_iso(), actor=actor, action=action,
                      target_type=target_type, target_id=target_id, details=details or {})
    row = AuditEntry(**{name: entry[name] for name in FIELDS})
    session.add(row)
    session.flush()
    return row


def _as_dict(row: AuditEntry) -> dict[str, Any]:
    return {name: getattr(row, name) for name in FIELDS}


def iter_entries(db: Database) -> Iterator[dict[str, Any]]:
    """Every entry in sequence order, as plain dicts."""
    with db.engine.connect() as connection:
        for row in connection.execute(select(*[getattr(AuditEntry, f) for f in FIELDS]).order_by(AuditEntry.seq)):
            yield dict(row._mapping)


def verify(db: Database) -> ChainReport:
    """Recompute the chain; the report names the first edited, removed or inserted entry."""
    return verify_chain(iter_entries(db))


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    since: str = ""   # ISO date, inclusive
    until: str = ""   # ISO date, inclusive
    target_id: str = ""  # one record, user, ... (filtered in SQL: history of one record stays fast)


def find_entries(db: Database, wanted: AuditFilter, limit: int = 5000) -> list[dict[str, Any]]:
    """Entries matching ``wanted``, newest first."""
    statement = select(*[getattr(AuditEntry, f) for f in FIELDS]).order_by(AuditEntry.seq.desc()).limit(limit)
    if wanted.actor:
        statement = statement.where(AuditEntry.actor == wanted.actor)
    if wanted.action:
        statement = statement.where(AuditEntry.action == wanted.action)
    if wanted.target_id:
        statement = statement.where(AuditEntry.target_id == wanted.target_id)
    if wanted.since:
        statement = statement.where(AuditEntry.at >= wanted.since)
    if wanted.until:
        statement = statement.where(AuditEntry.at < wanted.until + "T99")
    with db.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]


def export_csv(entries: list[dict[str, Any]], path: Path) -> int:
    """Write ``entries`` as a UTF-8 CSV (with BOM, so Excel opens Chinese correctly)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for entry in entries:
            writer.writerow({**entry, "details": entry["details"]})
    return len(entries)
