"""Writing records and audit entries: the helpers every writer on the platform shares."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.divisions import is_division_code, level_of, township_of
from sync.platform.db import SeqAllocator
from sync.platform.models import AuditEntry, Record
from sync.protocol import record_uuid, utc_now

__all__ = ["audit", "put_platform_record", "record_uuid", "scope_of"]


def scope_of(village_code: object) -> tuple[str | None, str | None]:
    """(village, township) codes of a record's ``village_code``; (None, None) if it has none."""
    if isinstance(village_code, str) and is_division_code(village_code) and level_of(village_code) == "village":
        return village_code, township_of(village_code)
    return None, None


def put_platform_record(session: Session, seqs: SeqAllocator, record_type: str, record_id: str,
                        document: dict[str, Any] | None, *, village_code: str | None = None,
                        deleted: bool = False) -> Record:
    """Insert or replace a platform-owned record whole, with a new revision and change number."""
    record = session.get(Record, record_id)
    village, township = scope_of(village_code)
    if record is None:
        record = Record(id=record_id, record_type=record_type, revision=1, field_revisions={},
                        document=document, deleted=deleted, seq=seqs.next(),
                        village_code=village, township_code=township)
        session.add(record)
        return record
    record.revision += 1
    record.document = document
    record.deleted = deleted
    record.seq = seqs.next()
    record.village_code, record.township_code = village, township
    record.updated_at = utc_now()
    return record


def audit(session: Session, actor: str, action: str, target: str = "", **detail: Any) -> None:
    """Append one audit entry (who, what, on what, details). Never pass tokens or codes."""
    session.add(AuditEntry(actor=actor, action=action, target=target, detail=detail, at=utc_now()))
