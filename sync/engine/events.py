"""Pulled conduct events and blacklist entries, as the rating engine takes them (``events``)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.idnumber import normalize_id_number
from app.domain.uscc import normalize_uscc
from app.rating.events import platform_event_expired
from app.store.models import PulledRecord

EVENT_TYPES = ("blacklist_entry", "conduct_event")


def events_for(session: Session, record_type: str, id_number_or_uscc: str,
               on: date | None = None) -> list[dict[str, Any]]:
    """The live platform events about one subject: a household head's ID number
    (``record_type`` "household") or a cooperative's credit code ("cooperative").

    Each is the platform's data-standard document (``record_type`` blacklist_entry with
    ``listed_on``/``removed_on``, or conduct_event with ``date``), in a stable order (type,
    date, id) so that a rating snapshot of the same facts hashes the same. With a rating date
    ``on``, negative events past the retention limit on that day are left out (they neither
    count nor reach the rating's snapshot).
    """
    if not id_number_or_uscc:
        return []
    key = (normalize_uscc(id_number_or_uscc) if record_type == "cooperative"
           else normalize_id_number(id_number_or_uscc))
    return events_by_subject(session, [key], on).get(key, [])


def events_by_subject(session: Session, keys: list[str] | None = None,
                      on: date | None = None) -> dict[str, list[dict[str, Any]]]:
    """Normalized ID number / credit code -> its events (as :func:`events_for`), in one query.

    For rating a whole village or city: ``keys`` None reads every pulled event once (there
    are few compared with households) instead of one query per household.
    """
    query = select(PulledRecord.id, PulledRecord.record_type, PulledRecord.subject_key, PulledRecord.document) \
        .where(PulledRecord.record_type.in_(EVENT_TYPES), PulledRecord.deleted.is_(False))
    if keys is not None:
        query = query.where(PulledRecord.subject_key.in_(keys))
    found: dict[str, list[dict[str, Any]]] = {}
    for record_id, kind, key, document in session.execute(query):
        if on is not None and platform_event_expired(kind, document, on):
            continue
        found.setdefault(key, []).append({**(document or {}), "id": record_id, "record_type": kind})
    for events in found.values():
        events.sort(key=lambda e: (e["record_type"], str(e.get("date") or e.get("listed_on") or ""), e["id"]))
    return found
