"""Retention limit: negative events older than five years leave the records (administrator).

征信业管理条例 art. 16 keeps negative credit information five years from the end of the
event; the rating engine already ignores such events (``app.rating.events.is_expired``).
This service removes them from the stored documents. In the data standard the dated negative
events of a household or cooperative document are the ``penalties`` list (each with a
``date``). Overdue loans (``loans[].overdue_days``), ``overdue_times_3y`` and the court and
dishonesty flags carry no date of their own: they describe the present and are corrected by
editing, so the purge leaves them alone.

Blacklist entries and conduct penalties pulled from the city platform (``pulled_records``)
follow the same rule, counted from the end of the event (a penalty's ``date``, an entry's
``removed_on``; see ``app.rating.events.negative_event_end``): they are already left out of
new ratings, are counted here as ``platform.<record type>`` and deleted locally, without an
outbox mutation (the platform purges its own copy, ``python -m sync.platform admin
purge-expired``; a pull never stores an expired one again, ``sync.engine.apply_page``).

Each changed document is written through ``records.store_document`` (a new revision, an
outbox mutation so the platform drops the events too, a ``retention_purged`` audit entry
with the field names), and one ``retention_purge`` entry says how many, never whose; all in
one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterator, Mapping

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from app.rating.events import RETENTION_YEARS, is_expired, platform_event_expired
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.services.records import MODELS, store_document
from app.store.models import PulledRecord
from sync.engine.events import EVENT_TYPES

# record type -> (list field, date field of its entries): where dated negative events live.
NEGATIVE_LISTS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "household": (("penalties", "date"),),
    "cooperative": (("penalties", "date"),),
}


@dataclass(frozen=True)
class PurgeSummary:
    """What a purge removed (or, with ``dry_run``, would remove) on the date ``on``.

    ``events`` maps ``"<record type>.<list>"`` (``"platform.<record type>"`` for pulled platform
    records) to the number of entries; ``records`` is the number of local documents that change.
    """

    on: date
    records: int
    events: Mapping[str, int] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def total_events(self) -> int:
        return sum(self.events.values())


def _entry_date(entry: Any, date_field: str) -> date | None:
    try:
        return date.fromisoformat(str(entry[date_field]))
    except (KeyError, TypeError, ValueError):
        return None  # an undated or malformed entry is not known to be old: keep it


def purged_document(record_type: str, document: Mapping[str, Any], on: date,
                    years: int = RETENTION_YEARS) -> tuple[dict[str, Any], dict[str, int]]:
    """``document`` without its negative events at least ``years`` old on ``on``, and counts per list.

    Pure; the document is not modified (the counts are empty when nothing expired).
    """
    result, removed = dict(document), {}
    for list_field, date_field in NEGATIVE_LISTS.get(record_type, ()):
        entries = document.get(list_field)
        if not isinstance(entries, list):
            continue
        kept = [e for e in entries
                if not ((d := _entry_date(e, date_field)) and is_expired(d, on, years))]
        if len(kept) != len(entries):
            result[list_field] = kept
            removed[list_field] = len(entries) - len(kept)
    return result, removed


def _earliest_kept(on: date, years: int) -> date:
    """A date after every expiring one: events dated on or before it are candidates.

    One day of slack for 29 February; the exact test is :func:`is_expired`.
    """
    try:
        return on.replace(year=on.year - years) + timedelta(days=1)
    except ValueError:
        return date(on.year - years, 3, 1)


def _candidates(session: Session, record_type: str, on: date, years: int) -> Iterator[tuple[str, int, dict]]:
    """Live documents with some negative entry dated before the bound (JSON filtered in SQLite)."""
    table = MODELS[record_type].__tablename__
    for list_field, date_field in NEGATIVE_LISTS[record_type]:
        query = text(f"SELECT DISTINCT r.id FROM {table} AS r, json_each(r.data, '$.{list_field}') AS e "
                     f"WHERE r.deleted = 0 AND json_type(r.data, '$.{list_field}') = 'array' "
                     f"AND json_extract(e.value, '$.{date_field}') <= :bound")
        ids = session.execute(query.bindparams(bindparam("bound", _earliest_kept(on, years).isoformat()))).scalars()
        for record_id in list(ids):
            row = session.get(MODELS[record_type], record_id)
            yield row.id, row.revision, row.data


def expired_pulled_events(session: Session, on: date, years: int = RETENTION_YEARS) -> list[PulledRecord]:
    """The pulled blacklist entries and conduct penalties past the retention limit on ``on``.

    Pulled events are few next to households: read them all and test each in Python.
    """
    rows = session.scalars(select(PulledRecord).where(PulledRecord.record_type.in_(EVENT_TYPES),
                                                      PulledRecord.deleted.is_(False)))
    return [row for row in rows if platform_event_expired(row.record_type, row.document, on, years)]


def _purge_pulled(session: Session, on: date, years: int, dry_run: bool, counts: dict[str, int]) -> None:
    for row in expired_pulled_events(session, on, years):
        key = f"platform.{row.record_type}"
        counts[key] = counts.get(key, 0) + 1
        if not dry_run:
            session.delete(row)  # the document and the subject's ID number go with the row


def purge(ws: Workspace, on: date | None = None, *, dry_run: bool = False,
          years: int = RETENTION_YEARS) -> PurgeSummary:
    """Remove (or with ``dry_run`` only count) negative events at least ``years`` old on ``on``.

    ``on`` defaults to today. Needs ``PURGE_RETENTION``; a real purge is audited with counts only.
    """
    ws.require(Permission.PURGE_RETENTION, "database")
    on = on or date.today()
    counts: dict[str, int] = {}
    records = 0
    with ws.db.session() as session:
        for record_type in NEGATIVE_LISTS:
            seen: set[str] = set()
            for record_id, revision, data in _candidates(session, record_type, on, years):
                if record_id in seen:
                    continue
                seen.add(record_id)
                document, removed = purged_document(record_type, data, on, years)
                if not removed:
                    continue
                records += 1
                for list_field, number in removed.items():
                    key = f"{record_type}.{list_field}"
                    counts[key] = counts.get(key, 0) + number
                if not dry_run:
                    store_document(session, ws.actor.username, {**document, "id": record_id,
                                                                 "record_type": record_type},
                                   base_revision=revision, audit_action="retention_purged")
        _purge_pulled(session, on, years, dry_run, counts)
        if not dry_run:
            audit.record(session, ws.actor.username, "retention_purge", "database", None,
                         {"on": on.isoformat(), "years": years, "records": records, "events": counts})
    return PurgeSummary(on, records, counts, dry_run)
