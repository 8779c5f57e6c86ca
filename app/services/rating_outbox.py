"""A confirmed rating goes to the platform: an insert-only ``rating`` mutation in the outbox.

Only the confirmed outcome is sent, in the same transaction as the confirmation: that is what a
bank lends on and what the platform's public figures count (grades per village, credit
villages). A computed rating still in appraisal or notice may change and stays on the laptop.
The document follows the data standard's rating result (final ``score``, ``grade``,
``credit_household``, ``credit_line``; the computed values under ``computed``; the indicator
``items`` with their reasons), without the input snapshot: the platform has the record itself,
and ``inputs_hash`` lets anyone check a re-run. Ratings are insert-only on both sides.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.services.workflow_state import RatingState
from app.services.workflow_store import RatingHead
from app.store.models import OutboxEntry, Rating, utcnow

_RESULT_KEYS = ("base", "bonus", "penalty", "vetoes", "items", "complete", "missing")


def rating_document(rating: Rating, head: RatingHead, state: RatingState, on: date, actor: str) -> dict[str, Any]:
    """The wire document of ``rating`` confirmed on ``on`` by ``actor`` with ``state``'s final values."""
    result = rating.result or {}
    line = state.credit_line if state.credit_line is not None else Decimal(str(result.get("credit_line") or "0.00"))
    return {
        "id": rating.id, "record_type": "rating", "subject_type": rating.subject_type,
        "subject_id": rating.subject_id, "village_code": head.village_code,
        "scheme_id": rating.scheme_id, "scheme_version": rating.scheme_version,
        "rated_on": rating.rated_on.isoformat(), "rated_by": rating.rated_by,
        "score": f"{state.score:.2f}", "grade": state.grade, "credit_household": state.credit_household,
        "credit_line": f"{line:.2f}",
        "adjustment": None if state.adjustment is None else f"{state.adjustment:.2f}",
        "computed": {"score": rating.score, "grade": rating.grade, "credit_household": rating.credit_household},
        "confirmed_on": on.isoformat(), "confirmed_by": actor, "inputs_hash": rating.inputs_hash,
        **{key: result[key] for key in _RESULT_KEYS if key in result},
    }


def queue_confirmed(session: Session, confirmed: Iterable[tuple[RatingHead, RatingState]], on: date,
                    actor: str) -> int:
    """Queue each confirmed (head, final state) as a ``rating`` insert; how many were queued."""
    pairs = list(confirmed)
    rows: dict[str, Rating] = {}
    ids = [head.id for head, _state in pairs]
    for start in range(0, len(ids), 500):  # SQLite's parameter limit, with room
        rows.update((r.id, r) for r in session.scalars(select(Rating).where(Rating.id.in_(ids[start:start + 500]))))
    now = utcnow()
    entries = [{"record_type": "rating", "record_id": head.id, "op": "insert", "base_revision": 0,
                "fields": rating_document(rows[head.id], head, state, on, actor), "created_at": now,
                "state": "pending"} for head, state in pairs]
    if entries:
        session.execute(insert(OutboxEntry), entries)
    return len(entries)
