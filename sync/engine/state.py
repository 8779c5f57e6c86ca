"""The enrolment of this installation and the sync figures the status bar shows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.models import OutboxEntry, ReviewItem, SyncState

STATE_ID = 1


def load_state(session: Session) -> SyncState | None:
    """The enrolment row, or None while the device is not enrolled."""
    return session.get(SyncState, STATE_ID)


@dataclass(frozen=True)
class SyncStatus:
    """What the user sees: enrolled where, what waits, what went wrong. Times are naive UTC."""

    enrolled: bool
    platform_url: str
    username: str
    device_id: str
    pending: int            # record changes (not audit lines) waiting to be pushed
    rejected: int           # changes the platform refused, kept with its reasons
    reviews: int            # open review items (a field changed on both sides)
    last_sync_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str
    certificate_series: int = 0  # the third part of the certificate numbers issued here

    @property
    def online(self) -> bool:
        """The last attempt reached the platform (no error since)."""
        return self.enrolled and self.last_attempt_at is not None and not self.last_error


def read_status(session: Session) -> SyncStatus:
    """The current :class:`SyncStatus` (three indexed counts; cheap enough for a status bar)."""
    state = load_state(session)
    counts = dict(session.execute(
        select(OutboxEntry.state, func.count()).where(OutboxEntry.record_type != "audit_entry",
                                                      OutboxEntry.state.in_(("pending", "rejected")))
        .group_by(OutboxEntry.state)).all())
    reviews = session.scalar(select(func.count()).select_from(ReviewItem)
                             .where(ReviewItem.resolved_at.is_(None))) or 0
    return SyncStatus(enrolled=state is not None, platform_url=state.platform_url if state else "",
                      username=state.username if state else "", device_id=state.device_id if state else "",
                      pending=counts.get("pending", 0), rejected=counts.get("rejected", 0), reviews=reviews,
                      last_sync_at=state.last_sync_at if state else None,
                      last_attempt_at=state.last_attempt_at if state else None,
                      last_error=state.last_error if state else "",
                      certificate_series=state.certificate_series if state else 0)


@dataclass(frozen=True)
class Rejection:
    """A change the platform refused: which record, why, and the problems field by field."""

    mutation_id: int
    record_type: str
    record_id: str
    op: str
    reason: str
    problems: tuple[tuple[str, str], ...]   # (field path, Chinese message)


def rejected_entries(session: Session, limit: int = 500) -> list[Rejection]:
    """The refused changes (not audit lines), newest first."""
    rows = session.scalars(select(OutboxEntry).where(OutboxEntry.state == "rejected",
                                                     OutboxEntry.record_type != "audit_entry")
                           .order_by(OutboxEntry.mutation_id.desc()).limit(limit))
    return [Rejection(row.mutation_id, row.record_type, row.record_id, row.op,
                      str((row.result or {}).get("reason") or ""),
                      tuple((str(p.get("field", "")), str(p.get("message", "")))
                            for p in (row.result or {}).get("problems") or []))
            for row in rows]
