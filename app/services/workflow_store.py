"""Reading ratings and workflow steps for the workflow service, and inserting steps.

Only the light columns of a rating are read here (never its result or input snapshot), so a
village of a thousand households is listed in one quick query per table.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from decimal import Decimal
from typing import Any, Iterable

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app.rating.model import Scheme
from app.rating.scheme import find_scheme
from app.services.workflow_state import RatingState, fold
from app.store.models import Cooperative, Household, Rating, WorkflowStep, new_id, utcnow

_STEP_ROWID = literal_column("workflow_steps.rowid")  # insertion order among equal timestamps


@dataclass(frozen=True)
class RatingHead:
    """The light facts of one stored rating and of its subject."""

    id: str
    subject_type: str
    subject_id: str
    subject_name: str
    village_code: str
    scheme_id: str
    scheme_version: int
    rated_on: date
    score: Decimal
    grade: str | None
    credit_household: bool
    created_at: Any

    @property
    def scheme(self) -> Scheme:
        return scheme_version(self.scheme_id, self.scheme_version)


@lru_cache(maxsize=64)
def scheme_version(scheme_id: str, version: int) -> Scheme:
    """One version of a scheme. A published version never changes, so it is looked up once
    per process (find_scheme checks the folder's files on every call: 0.5 ms)."""
    return find_scheme(scheme_id, version)


_RATING_COLUMNS = (Rating.id, Rating.subject_type, Rating.subject_id, Rating.scheme_id, Rating.scheme_version,
                   Rating.rated_on, Rating.score, Rating.grade, Rating.credit_household, Rating.created_at)


def _heads(session: Session, condition: Any = None, village_code: str | None = None) -> list[RatingHead]:
    """Ratings (not deleted) matching ``condition``, of subjects in ``village_code`` (any if
    None), oldest first."""
    found: list[RatingHead] = []
    for model, name in ((Household, Household.head_name), (Cooperative, Cooperative.name)):
        statement = (select(*_RATING_COLUMNS, name, model.village_code)
                     .join(model, model.id == Rating.subject_id)
                     .where(Rating.deleted.is_(False), model.deleted.is_(False)))
        if condition is not None:
            statement = statement.where(condition)
        if village_code is not None:
            statement = statement.where(model.village_code == village_code)
        for row in session.execute(statement):
            found.append(RatingHead(row.id, row.subject_type, row.subject_id, row[10], row.village_code,
                                    row.scheme_id, row.scheme_version, row.rated_on, Decimal(row.score),
                                    row.grade, bool(row.credit_household), row.created_at))
    return sorted(found, key=_age)


def _age(head: RatingHead) -> tuple[date, Any]:
    """Newer ratings sort last: by rating date, then by the time stored (as latest_ratings does)."""
    return head.rated_on, head.created_at


def latest_of_village(session: Session, village_code: str) -> list[RatingHead]:
    """The latest rating of every rated household and cooperative of the village."""
    latest: dict[str, RatingHead] = {}
    for head in _heads(session, village_code=village_code):
        latest[head.subject_id] = head
    return sorted(latest.values(), key=lambda h: (h.subject_type != "household", h.subject_name))


def rating_head(session: Session, rating_id: str) -> RatingHead | None:
    heads = _heads(session, Rating.id == rating_id)
    return heads[0] if heads else None


def latest_of_subject(session: Session, subject_id: str) -> RatingHead | None:
    """The newest rating of ``subject_id`` (None if it was never rated)."""
    heads = _heads(session, Rating.subject_id == subject_id)
    return heads[-1] if heads else None


def steps_of(session: Session, rating_ids: Iterable[str]) -> dict[str, list[WorkflowStep]]:
    """The steps of each rating, in the order they were written."""
    ids = list(rating_ids)
    by_rating: dict[str, list[WorkflowStep]] = defaultdict(list)
    for start in range(0, len(ids), 500):  # well below SQLite's bound-parameter limit
        statement = (select(WorkflowStep).where(WorkflowStep.rating_id.in_(ids[start:start + 500]))
                     .order_by(WorkflowStep.at, _STEP_ROWID))
        for step in session.scalars(statement):
            by_rating[step.rating_id].append(step)
    return by_rating


def state_of(head: RatingHead, steps: Iterable[WorkflowStep]) -> RatingState:
    return fold(head.score, head.grade, head.credit_household, steps, head.scheme)


def results_of(session: Session, rating_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored result JSON of each rating (not its larger input snapshot)."""
    ids = list(rating_ids)
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(Rating.id, Rating.result).where(Rating.id.in_(ids[start:start + 500])))
        found.update((rating_id, result) for rating_id, result in rows)
    return found


def add_step(session: Session, head: RatingHead, step: str, on: date, actor: str,
             **values: Any) -> WorkflowStep:
    """Add one step row of ``head``'s rating; its id is set at once, the insert is sent with
    the transaction's others (one flush for a whole village, not one per row)."""
    row = WorkflowStep(id=new_id(), rating_id=head.id, subject_type=head.subject_type, subject_id=head.subject_id,
                       village_code=head.village_code, step=step, on=on, actor=actor, at=utcnow(),
                       reason=values.pop("reason", ""), appraisers=values.pop("appraisers", ""), **values)
    session.add(row)
    return row
