"""A rating's workflow stage, derived from its stored steps (pure: no database, no Qt).

The steps of a rating are folded in the order they were written: an appraisal sets the
adjusted result, a notice its start date, an objection opens a case that a decision closes
(an upheld objection replaces the adjusted result), a confirmation starts the validity period.
Dates are ``datetime.date``; a notice of N days started on day D runs D … D+N−1 inclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Iterable, Protocol

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.model import Scheme

LABEL_CONTEXT = "workflow"  # translation context of the stage labels


class Stage(StrEnum):
    """Where a rating stands on ``today``; the value is what JSON output shows."""

    NOT_RATED = "not_rated"  # no consent: no grade, no workflow
    COMPUTED = "computed"  # 初评
    APPRAISED = "appraised"  # 评议
    NOTICE_PENDING = "notice_pending"  # notice set to start later
    IN_NOTICE = "in_notice"  # 公示中
    OBJECTION = "objection"  # an objection is open
    NOTICE_ENDED = "notice_ended"  # 公示期满, awaiting confirmation
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"  # a newer rating of the same subject exists


STAGE_LABELS: dict[Stage, str] = {
    Stage.NOT_RATED: QT_TRANSLATE_NOOP("workflow", "未评级"),
    Stage.COMPUTED: QT_TRANSLATE_NOOP("workflow", "初评"),
    Stage.APPRAISED: QT_TRANSLATE_NOOP("workflow", "已评议"),
    Stage.NOTICE_PENDING: QT_TRANSLATE_NOOP("workflow", "待公示"),
    Stage.IN_NOTICE: QT_TRANSLATE_NOOP("workflow", "公示中"),
    Stage.OBJECTION: QT_TRANSLATE_NOOP("workflow", "异议处理中"),
    Stage.NOTICE_ENDED: QT_TRANSLATE_NOOP("workflow", "公示期满"),
    Stage.CONFIRMED: QT_TRANSLATE_NOOP("workflow", "已确认"),
    Stage.EXPIRED: QT_TRANSLATE_NOOP("workflow", "已过期"),
    Stage.SUPERSEDED: QT_TRANSLATE_NOOP("workflow", "已被新评级取代"),
}


class StepRow(Protocol):
    """What the fold reads of a stored step (app.store.models.WorkflowStep)."""

    id: str
    step: str
    on: date
    actor: str
    adjustment: str | None
    score: str | None
    grade: str | None
    credit_household: bool | None
    credit_line: str | None
    reason: str
    appraisers: str
    objection_id: str | None
    decision: str | None


@dataclass(frozen=True)
class Objection:
    """One objection: received ``received_on``, to be answered by ``answer_due`` (inclusive)."""

    id: str
    received_on: date
    answer_due: date
    text: str = ""  # what the objector said
    decided_on: date | None = None
    decision: str | None = None  # upheld | rejected
    answer: str = ""  # the written answer

    @property
    def open(self) -> bool:
        return self.decided_on is None

    def overdue(self, today: date) -> bool:
        """True if still unanswered after its deadline."""
        return self.open and today > self.answer_due


@dataclass
class RatingState:
    """A rating's workflow facts; ``score``/``grade``/``credit_household`` are the final values."""

    score: Decimal
    grade: str | None
    credit_household: bool
    credit_line: Decimal | None = None
    adjustment: Decimal | None = None  # None: not appraised
    appraised_on: date | None = None
    notice_start: date | None = None
    notice_last_day: date | None = None
    objections: list[Objection] = field(default_factory=list)
    confirmed_on: date | None = None
    confirmed_by: str = ""
    valid_until: date | None = None

    @property
    def open_objections(self) -> list[Objection]:
        return [o for o in self.objections if o.open]

    def stage(self, today: date) -> Stage:
        """The stage on ``today`` (the rating assumed the latest of its subject)."""
        if self.grade is None:
            return Stage.NOT_RATED
        if self.confirmed_on is not None:
            return Stage.EXPIRED if self.valid_until is not None and today > self.valid_until else Stage.CONFIRMED
        if self.open_objections:
            return Stage.OBJECTION
        if self.notice_start is not None and self.notice_last_day is not None:
            if today < self.notice_start:
                return Stage.NOTICE_PENDING
            return Stage.IN_NOTICE if today <= self.notice_last_day else Stage.NOTICE_ENDED
        return Stage.APPRAISED if self.adjustment is not None else Stage.COMPUTED


def fold(score: Decimal, grade: str | None, credit_household: bool, steps: Iterable[StepRow],
         scheme: Scheme) -> RatingState:
    """The state after ``steps`` (in the order written) of a rating computed as given."""
    state = RatingState(score, grade, credit_household)
    for row in steps:
        if row.step in ("appraised", "decision") and row.score is not None:
            _take_result(state, row)
        if row.step == "appraised":
            state.appraised_on = row.on
        elif row.step == "notice":
            state.notice_start = row.on
            state.notice_last_day = row.on + timedelta(days=scheme.notice_days - 1)
        elif row.step == "objection":
            due = row.on + timedelta(days=scheme.objection_answer_days)
            state.objections.append(Objection(row.id, row.on, due, row.reason))
        elif row.step == "decision":
            state.objections = [_decided(o, row) if o.id == row.objection_id else o for o in state.objections]
        elif row.step == "confirmed":
            state.confirmed_on, state.confirmed_by = row.on, row.actor
            state.valid_until = scheme.valid_until(row.on)
    return state


def _take_result(state: RatingState, row: StepRow) -> None:
    state.score = Decimal(row.score or "0")
    state.grade = row.grade
    state.credit_household = bool(row.credit_household)
    state.adjustment = Decimal(row.adjustment or "0")
    state.credit_line = None if row.credit_line is None else Decimal(row.credit_line)


def _decided(objection: Objection, row: StepRow) -> Objection:
    return replace(objection, decided_on=row.on, decision=row.decision, answer=row.reason)
