"""Reading the workflow: confirmed ratings (for certificates), a rating's stage, a village's overview.

Only the latest rating of a subject counts: a newer rating supersedes an older confirmation.
A confirmation counts from its date to the scheme's validity end (inclusive).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.security.roles import Permission
from app.services.accounts import Workspace
from app.services.workflow_checks import village_states
from app.services.workflow_state import Objection, RatingState, Stage
from app.services.workflow_store import RatingHead, latest_of_subject, rating_head, state_of, steps_of
from app.services import workflow_errors as E
from app.store.models import Rating


@dataclass(frozen=True)
class ConfirmedRating:
    """A confirmed, still valid rating: what a certificate states. Scores in points, money in yuan."""

    rating: Rating = field(compare=False)  # the stored rating row, detached from its session
    subject_type: str  # household | cooperative
    subject_id: str
    village_code: str
    final_score: Decimal  # after appraisal and any upheld objection
    final_grade: str
    credit_household: bool
    credit_line: Decimal  # yuan, after the final adjustment
    confirmed_on: date
    valid_until: date  # last valid day, inclusive
    confirmed_by: str  # username of the supervisor

    @property
    def rating_id(self) -> str:
        return self.rating.id


@dataclass(frozen=True)
class OverviewRow:
    """One subject's latest rating in a village overview (GUI table, CLI status)."""

    rating_id: str
    subject_type: str
    subject_id: str
    subject_name: str
    rated_on: date
    computed_score: Decimal
    adjustment: Decimal | None  # None: not appraised
    final_score: Decimal
    final_grade: str | None
    credit_household: bool
    stage: Stage
    notice_start: date | None
    notice_last_day: date | None
    objections: tuple[Objection, ...]
    confirmed_on: date | None
    valid_until: date | None

    @property
    def open_objections(self) -> int:
        return sum(1 for o in self.objections if o.open)

    @property
    def next_answer_due(self) -> date | None:
        """The earliest deadline of an open objection (20 days after it was received)."""
        return min((o.answer_due for o in self.objections if o.open), default=None)

    def overdue(self, today: date) -> bool:
        return any(o.overdue(today) for o in self.objections)


def _valid(state: RatingState, today: date) -> bool:
    """Confirmed on or before ``today`` and not yet expired."""
    return state.stage(today) is Stage.CONFIRMED and state.confirmed_on is not None and state.confirmed_on <= today


def _confirmed(session: Session, head: RatingHead, state: RatingState, today: date) -> ConfirmedRating | None:
    if not _valid(state, today):
        return None
    rating = session.get(Rating, head.id)  # from the identity map when loaded in bulk
    assert rating is not None and state.grade is not None and state.valid_until is not None
    return ConfirmedRating(rating, head.subject_type, head.subject_id, head.village_code, state.score,
                           state.grade, state.credit_household, _credit_line(state, rating),
                           state.confirmed_on, state.valid_until, state.confirmed_by)


def _credit_line(state: RatingState, rating: Rating) -> Decimal:
    """The final credit line in yuan: the appraised one, else the computed one (never a stand-in 0)."""
    if state.credit_line is not None:
        return state.credit_line
    return Decimal(str(rating.result.get("credit_line") or "0.00"))


def confirmed_ratings(ws: Workspace, village_code: str, today: date) -> list[ConfirmedRating]:
    """The confirmed ratings of the village's households and cooperatives valid on ``today``."""
    ws.require(Permission.VIEW_RECORDS, "division", village_code)
    with ws.db.session() as session:
        pairs = [(head, state) for head, state in village_states(session, village_code) if _valid(state, today)]
        # Load the rating rows together: one query per 500, not one per household.
        ids = [head.id for head, _state in pairs]
        for start in range(0, len(ids), 500):
            list(session.scalars(select(Rating).where(Rating.id.in_(ids[start:start + 500]))))
        return [c for c in (_confirmed(session, head, state, today) for head, state in pairs) if c is not None]


def confirmed_rating(ws: Workspace, subject_id: str, today: date) -> ConfirmedRating | None:
    """The subject's confirmed rating valid on ``today``; None if its latest rating is not one."""
    ws.require(Permission.VIEW_RECORDS, "rating", subject_id)
    with ws.db.session() as session:
        head = latest_of_subject(session, subject_id)
        if head is None or head.grade is None:
            return None
        return _confirmed(session, head, state_of(head, steps_of(session, [head.id]).get(head.id, [])), today)


def stage(ws: Workspace, rating_id: str, today: date) -> Stage:
    """The stage of the stored rating ``rating_id`` on ``today`` (SUPERSEDED if not the latest)."""
    ws.require(Permission.VIEW_RECORDS, "rating", rating_id)
    with ws.db.session() as session:
        head = rating_head(session, rating_id)
        if head is None:
            raise E.refuse("no_rating", E.NO_RATING, rating_id=rating_id)
        latest = latest_of_subject(session, head.subject_id)
        if latest is not None and latest.id != head.id:
            return Stage.SUPERSEDED
        return state_of(head, steps_of(session, [head.id]).get(head.id, [])).stage(today)


def latest_rating_id(ws: Workspace, subject_id: str) -> str:
    """The id of the subject's newest rating; refuses a subject never rated."""
    ws.require(Permission.VIEW_RECORDS, "rating", subject_id)
    with ws.db.session() as session:
        head = latest_of_subject(session, subject_id)
    if head is None:
        raise E.refuse("never_rated", E.NEVER_RATED, subject_id=subject_id)
    return head.id


def village_overview(ws: Workspace, village_code: str, today: date) -> list[OverviewRow]:
    """Every latest rating of the village with its stage, adjustment, objections and deadlines."""
    ws.require(Permission.VIEW_RECORDS, "division", village_code)
    with ws.db.session() as session:
        pairs = village_states(session, village_code)
    return [_row(head, state, today) for head, state in pairs]


def subject_overview(ws: Workspace, subject_id: str, today: date) -> OverviewRow | None:
    """The workflow row of one subject's latest rating (for its file: stage, open objections);
    None if it was never rated."""
    ws.require(Permission.VIEW_RECORDS, "rating", subject_id)
    with ws.db.session() as session:
        head = latest_of_subject(session, subject_id)
        if head is None:
            return None
        return _row(head, state_of(head, steps_of(session, [head.id]).get(head.id, [])), today)


def _row(head: RatingHead, state: RatingState, today: date) -> OverviewRow:
    return OverviewRow(head.id, head.subject_type, head.subject_id, head.subject_name, head.rated_on,
                       head.score, state.adjustment, state.score, state.grade, state.credit_household,
                       state.stage(today), state.notice_start, state.notice_last_day,
                       tuple(state.objections), state.confirmed_on, state.valid_until)
