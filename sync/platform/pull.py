"""A pull: the records changed after a cursor, in change order, within the caller's divisions.

A device sees the records of its user's assigned villages and townships (a loan officer does
not download the city) and every city-wide platform record: blacklist entries, conduct
events, schemes, divisions, certificate revocations and signing keys. Audit entries pushed
by devices go up only.

Consistency: the ``seq`` counter is read first and the page is bounded by it. Every change
numbered up to the counter has committed (numbers are handed out under the counter's lock
and committed with it), so a cursor never jumps over a change that commits late.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from sync.platform.auth import DeviceContext
from sync.platform.db import SEQ, PlatformDB
from sync.platform.models import Counter, Record
from sync.protocol import encode_cursor, iso_utc


def pull_page(db: PlatformDB, caller: DeviceContext, after: int, limit: int, now: datetime) -> dict[str, Any]:
    """Up to ``limit`` changes after sequence ``after``; the pull response body."""
    with db.read() as session:
        committed = session.scalar(select(Counter.value).where(Counter.name == SEQ)) or 0
        query = (select(Record.seq, Record.record_type, Record.id, Record.deleted, Record.revision,
                        Record.document)
                 .where(Record.seq > after, Record.seq <= committed,
                        Record.record_type != "audit_entry", _in_scope(caller))
                 .order_by(Record.seq).limit(limit + 1))
        rows = session.execute(query).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"seq": seq, "record_type": kind, "record_id": rid, "op": "delete" if deleted else "upsert",
                "revision": revision, "document": None if deleted else document}
               for seq, kind, rid, deleted, revision, document in rows]
    # With nothing more to send the cursor moves to the counter, past changes out of scope.
    last = rows[-1].seq if has_more else max(committed, after)
    return {"changes": changes, "next_cursor": encode_cursor(last), "has_more": has_more,
            "server_time": iso_utc(now)}


def _in_scope(caller: DeviceContext):
    scope = caller.scope
    counties = [Record.village_code.startswith(code[:6]) for code in scope.by_level("county")]
    return or_(Record.village_code.is_(None), Record.village_code.in_(scope.by_level("village")),
               Record.township_code.in_(scope.by_level("township")), *counties)
