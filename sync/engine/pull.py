"""Pull: the platform's changes after the saved cursor, in pages, each page and its new
cursor applied in ONE local transaction (a crash between pages repeats at most one page,
whose changes are applied again idempotently: a record is put whole, at the platform revision).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from app.services import audit
from app.store.db import Database
from app.store.models import utcnow
from sync.client import PlatformClient
from sync.engine.apply_page import apply_page
from sync.engine.retry import RetryPolicy, call_with_retry
from sync.engine.state import load_state
from sync.protocol import DEFAULT_PULL_LIMIT

Progress = Callable[[str, int], None]


@dataclass
class PullSummary:
    """Changes applied per outcome (stored, merged, unchanged, deleted, kept) and pages read."""

    counts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(self.counts.values())


def pull_all(db: Database, client: PlatformClient, actor: str, *, limit: int = DEFAULT_PULL_LIMIT,
             retry: RetryPolicy = RetryPolicy(), progress: Progress | None = None) -> PullSummary:
    """Pull until the platform has nothing more; raises SyncError (applied pages stay applied)."""
    summary = PullSummary()
    with db.session() as session:
        cursor = load_state(session).cursor or None
    while True:
        page = call_with_retry(lambda: client.pull(cursor, limit), retry)
        summary.warnings.extend(w for w in page.warnings if w not in summary.warnings)
        with db.session() as session:
            for outcome, n in apply_page(session, actor, page.changes).items():
                summary.counts[outcome] = summary.counts.get(outcome, 0) + n
            if page.changes:
                audit.record(session, actor, "sync_pulled", None, None,
                             {"changes": len(page.changes), "cursor": page.next_cursor})
            state = load_state(session)
            state.cursor, state.last_pull_at = page.next_cursor, utcnow()
        cursor = page.next_cursor
        summary.pages += 1
        if progress:
            progress("pull", summary.received)
        if not page.has_more:
            return summary
