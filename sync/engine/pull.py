"""Pull: the platform's changes after the saved cursor, in pages, each page and its new
cursor applied in ONE local transaction (a crash between pages repeats at most one page,
whose changes are applied again idempotently: a record is put whole, at the platform revision).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
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
    """Changes applied per outcome (stored, merged, unchanged, deleted, kept, expired) and pages read.

    ``expired``: platform negative events past the retention limit, not stored (apply_page).
    """

    counts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(self.counts.values())


def pull_all(db: Database, client: PlatformClient, actor: str, *, limit: int = DEFAULT_PULL_LIMIT,
             retry: RetryPolicy = RetryPolicy(), progress: Progress | None = None) -> PullSummary:
    """Pull until the platform has nothing more; raises SyncError (applied pages stay applied).

    The next page is fetched in a helper thread while this one is applied (the platform
    prepares it meanwhile); pages are still applied one after the other, in order.
    """
    summary = PullSummary()
    with db.session() as session:
        cursor = load_state(session).cursor or None

    def fetch(after: str | None):
        return call_with_retry(lambda: client.pull(after, limit), retry)

    with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as prefetch:
        coming = prefetch.submit(fetch, cursor)
        while True:
            page = coming.result()
            if page.has_more:
                coming = prefetch.submit(fetch, page.next_cursor)
            _apply(db, actor, page, summary)
            if progress:
                progress("pull", summary.received)
            if not page.has_more:
                return summary


def _apply(db: Database, actor: str, page, summary: PullSummary) -> None:
    """One page and its cursor in one local transaction."""
    summary.warnings.extend(w for w in page.warnings if w not in summary.warnings)
    with db.session() as session:
        outcomes = apply_page(session, actor, page.changes)
        for outcome, n in outcomes.items():
            summary.counts[outcome] = summary.counts.get(outcome, 0) + n
        if page.changes:
            detail = {"changes": len(page.changes), "cursor": page.next_cursor}
            if outcomes.get("expired"):  # counts only, as the purge: never whose
                detail["expired"] = outcomes["expired"]
            audit.record(session, actor, "sync_pulled", None, None, detail)
        state = load_state(session)
        state.cursor, state.last_pull_at = page.next_cursor, utcnow()
    summary.pages += 1
