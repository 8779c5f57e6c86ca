"""Sync as use cases for the CLI and the GUI: enrol, sync now, status, the review queue.

Each takes a :class:`~app.services.accounts.Workspace` and checks the actor's permission
(``SYNC`` to enrol, sync and resolve; ``VIEW_RECORDS`` to read the queue). The token never
reaches a log line or an audit entry.
"""
from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path

from app.documents.keys import raw_public_key
from app.services import trust
from app.services.signing_key import public_key as installation_public_key
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.store.models import SyncState, utcnow
from sync.client import PlatformClient
from sync.engine.outbox import queue_audit_entries, queue_unsent_records
from sync.engine.pull import Progress, PullSummary, pull_all
from sync.engine.push import PushSummary, push_pending
from sync.engine.retry import RetryPolicy
from sync.engine.review import ReviewView, list_reviews, resolve_review
from sync.engine.state import (STATE_ID, Rejection, SyncStatus, load_state, read_status,
                               rejected_entries)
from sync.errors import SyncError
from sync.protocol import MAX_PUSH_BATCH

DEFAULT_TIMEOUT = (5.0, 30.0)
_NOT_ENROLLED = QT_TRANSLATE_NOOP("problems", "本机尚未注册到数据交换平台：请先用平台管理员给的注册码注册")


class NotEnrolled(DomainError):
    """Sync asked for before the device was enrolled."""


@dataclass
class SyncReport:
    """What one sync did: the push and pull summaries and the review items still open."""

    push: PushSummary
    pull: PullSummary
    reviews: int
    warnings: list[str] = field(default_factory=list)


def enrol(ws: Workspace, url: str, code: str, *, device_name: str | None = None,
          public_key: bytes | None = None, ca_bundle: Path | None = None) -> SyncStatus:
    """Enrol this installation with a one-time ``code``; keeps url, device id, token and the
    certificate series the platform assigned (the numbers issued from then on carry it).

    ``public_key``: the raw Ed25519 certificate-signing key (32 bytes) to register; by default
    this installation's own (created at first use), so the platform can verify its certificates.
    """
    ws.require(Permission.SYNC)
    key = public_key or raw_public_key(installation_public_key(ws))
    name = (device_name or socket.gethostname() or "field-laptop")[:64]
    client = PlatformClient(url, ca_bundle=ca_bundle)
    try:
        answer = client.enrol(code, name, key)
    finally:
        client.close()
    with ws.db.session() as session:
        state = load_state(session)
        if state is None:  # first enrolment: what the laptop already holds goes to the platform
            state = SyncState(id=STATE_ID)
            queue_unsent_records(session, utcnow())
        state.platform_url, state.ca_bundle = client.base_url, str(ca_bundle or "")
        state.device_id, state.device_name, state.username = str(answer.device_id), name, answer.username
        state.token = answer.token
        # A new series starts its own counters (app/services/certificates.py): numbers stay unique.
        state.certificate_series = answer.certificate_series
        state.token_expires_at = answer.token_expires_at.replace(tzinfo=None)
        state.divisions, state.cursor, state.last_error = list(answer.divisions), "", ""
        state.enrolled_at, state.audit_pushed_seq = utcnow(), state.audit_pushed_seq or 0
        session.add(state)
        audit.record(session, ws.actor.username, "sync_enrolled", "device", state.device_id,
                     {"platform": client.base_url, "divisions": len(answer.divisions),
                      "certificate_series": answer.certificate_series})
        return read_status(session)


def sync_now(ws: Workspace, *, url: str | None = None, retry: RetryPolicy = RetryPolicy(),
             batch_size: int = MAX_PUSH_BATCH, progress: Progress | None = None,
             timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> SyncReport:
    """Push the outbox (and new audit lines), then pull; raises SyncError or NotEnrolled.

    ``timeout``: (connect, read) seconds per request; ``progress("push"|"pull", n)`` is called
    after each batch or page with the running count (from the calling thread).

    A failure is remembered (status bar) and leaves the queue as it was: what the platform
    answered is stored, the rest stays pending for the next try.
    """
    ws.require(Permission.SYNC)
    with ws.db.session() as session:
        state = _enrolled(session)
        queue_audit_entries(session, state, utcnow())
        client = PlatformClient(url or state.platform_url, token=state.token, timeout=timeout,
                                ca_bundle=Path(state.ca_bundle) if state.ca_bundle else None)
    try:
        pushed = push_pending(ws.db, client, batch_size=batch_size, retry=retry, progress=progress)
        pulled = pull_all(ws.db, client, ws.actor.username, retry=retry, progress=progress)
    except SyncError as error:
        _remember_failure(ws, error)
        raise
    finally:
        client.close()
    with ws.db.session() as session:
        state, now = _enrolled(session), utcnow()
        state.platform_url = client.base_url
        state.last_sync_at = state.last_attempt_at = state.last_push_at = now
        state.last_error = ""
        audit.record(session, ws.actor.username, "sync", "device", state.device_id,
                     {"pushed": pushed.counts, "pulled": pulled.received})
        reviews = read_status(session).reviews
    with ws.db.session() as session:  # pulled revocations and devices' keys: what verify trusts
        trust.refresh(session, ws.data_dir)
    return SyncReport(pushed, pulled, reviews, pushed.warnings + [w for w in pulled.warnings
                                                                  if w not in pushed.warnings])


def _enrolled(session) -> SyncState:
    state = load_state(session)
    if state is None:
        raise NotEnrolled(Problem("platform", "sync.not_enrolled", _NOT_ENROLLED))
    return state


def _remember_failure(ws: Workspace, error: SyncError) -> None:
    with ws.db.session() as session:
        state = load_state(session)
        state.last_attempt_at, state.last_error = utcnow(), error.message


def sync_status(ws: Workspace) -> SyncStatus:
    """The figures of the status bar (needs no permission beyond being logged in)."""
    with ws.db.session() as session:
        return read_status(session)


def open_reviews(ws: Workspace) -> list[ReviewView]:
    """The open review items (needs VIEW_RECORDS: they show record values)."""
    ws.require(Permission.VIEW_RECORDS)
    with ws.db.session() as session:
        return list_reviews(session)


def resolve(ws: Workspace, item_id: int, choice: str) -> int:
    """Keep the ``local`` or the ``server`` value of a review item; the new mutation id."""
    ws.require(Permission.SYNC, "sync_review", str(item_id))
    with ws.db.session() as session:
        return resolve_review(session, ws.actor.username, item_id, choice)


def rejections(ws: Workspace) -> list[Rejection]:
    """The changes the platform refused, with its reasons (needs VIEW_RECORDS)."""
    ws.require(Permission.VIEW_RECORDS)
    with ws.db.session() as session:
        return rejected_entries(session)


def platform_reachable(ws: Workspace, timeout: float = 2.0) -> bool:
    """Whether the enrolled platform's host accepts a TCP connection within ``timeout`` seconds.

    A cheap probe for the GUI's automatic sync (no request, no token sent, no TLS handshake:
    the sync that follows checks the certificate). False when not enrolled.
    """
    from urllib.parse import urlsplit

    with ws.db.session() as session:
        state = load_state(session)
        url = state.platform_url if state else ""
    parts = urlsplit(url)
    if not parts.hostname:
        return False
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except OSError:
        return False
    return True
