"""Applying a whole pulled page: new records in bulk, everything else one by one, in page order.

A first pull brings tens of thousands of records this store has never seen; putting each
through :func:`~sync.engine.apply.apply_change` costs three primary-key reads and a flush per
record. Records absent here (so with nothing unsent either) are instead inserted in one
``INSERT`` per run of such records, with the same indexed columns the record service computes.
Runs are cut at every other change so the page order holds (a village division before its
households, a later change of the same record after the earlier one).

A platform blacklist entry or conduct penalty already past the five-year retention limit is
not stored (outcome ``expired``), and an older copy of it here is deleted: the platform
resends whole records after a re-enrolment resets the cursor, or when it changes one, and an
event the administrator purged here must not come back (``app/services/retention.py``).
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.rating.events import platform_event_expired
from app.services.record_rows import columns
from app.services.records import MODELS
from app.store.models import PulledRecord, utcnow
from sync.engine.apply import apply_change
from sync.engine.events import EVENT_TYPES
from sync.protocol import Change


def apply_page(session: Session, actor: str, changes: list[Change], on: date | None = None) -> Counter:
    """Apply ``changes`` in order; how many ended ``stored``, ``merged``, ``unchanged``, ``expired``...

    ``on`` (default today) is the day the retention limit is counted to.
    """
    counts: Counter = Counter()
    fresh = _fresh_ids(session, changes)
    on = on or date.today()
    run: list[Change] = []
    for change in changes:
        if _expired_event(change, on):
            counts[_drop(session, change)] += 1
            continue
        if str(change.record_id) in fresh:
            run.append(change)
            continue
        _insert_run(session, run, counts)
        run = []
        counts[apply_change(session, actor, change)] += 1
    _insert_run(session, run, counts)
    return counts


def _expired_event(change: Change, on: date) -> bool:
    return (change.record_type in EVENT_TYPES and change.op != "delete"
            and platform_event_expired(change.record_type, change.document, on))


def _drop(session: Session, change: Change) -> str:
    """Keep no copy of an expired platform event (records of other types never reach here)."""
    row = session.get(PulledRecord, str(change.record_id))
    if row is not None:
        session.delete(row)
    return "expired"


def _fresh_ids(session: Session, changes: list[Change]) -> set[str]:
    """Ids of questionnaire records put (not deleted) once in the page and not stored here."""
    seen = Counter(str(c.record_id) for c in changes)
    wanted: dict[str, set[str]] = {}
    for c in changes:
        if c.record_type in MODELS and c.op != "delete" and c.document and seen[str(c.record_id)] == 1:
            wanted.setdefault(c.record_type, set()).add(str(c.record_id))
    fresh: set[str] = set()
    for kind, ids in wanted.items():
        model = MODELS[kind]
        known = set(session.scalars(select(model.id).where(model.id.in_(ids))))
        fresh |= ids - known
    return fresh


def _insert_run(session: Session, run: list[Change], counts: Counter) -> None:
    if not run:
        return
    session.flush()  # what the one-by-one path left pending goes first (divisions)
    now = utcnow()
    for kind, model in MODELS.items():
        rows = []
        for change in run:
            if change.record_type != kind:
                continue
            document = {**change.document, "id": str(change.record_id), "record_type": kind}
            rows.append({"id": document["id"], **columns(document), "data": document, "created_at": now,
                         "updated_at": now, "revision": change.revision, "deleted": False})
        if rows:
            session.execute(insert(model), rows)
    counts["stored"] += len(run)
