"""Checks shared by the workflow's steps: the rating acted on, its stage, the adjustment, the texts.

Every check raises :class:`WorkflowError` before anything is written.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Sequence

from sqlalchemy.orm import Session

from app.rating.engine import apply_adjustment
from app.rating.errors import AdjustmentError
from app.rating.result import RatingResult
from app.services import workflow_errors as E
from app.services.workflow_state import STAGE_LABELS, RatingState, Stage
from app.services.workflow_store import (RatingHead, latest_of_subject, latest_of_village, rating_head, results_of,
                                         state_of, steps_of)
from app.store.models import Division

CENT = Decimal("0.01")


def current(session: Session, rating_id: str, *, allow_superseded: bool = False) -> tuple[RatingHead, RatingState]:
    """The rating ``rating_id`` and its state; refuses an unknown, superseded or unrated one."""
    head = rating_head(session, rating_id)
    if head is None:
        raise E.refuse("no_rating", E.NO_RATING, rating_id=rating_id)
    latest = latest_of_subject(session, head.subject_id)
    if not allow_superseded and latest is not None and latest.id != head.id:
        raise E.refuse("superseded", E.SUPERSEDED, rating_id=rating_id)
    if head.grade is None:
        raise E.refuse("not_rated", E.NOT_RATED)
    return head, state_of(head, steps_of(session, [head.id]).get(head.id, []))


def village_states(session: Session, village_code: str) -> list[tuple[RatingHead, RatingState]]:
    """Every latest rating of the village with its state; refuses an unknown village."""
    division = session.get(Division, village_code)
    if division is None or division.level != "village":
        raise E.refuse("no_village", E.NO_VILLAGE, village=village_code)
    heads = latest_of_village(session, village_code)
    steps = steps_of(session, [h.id for h in heads])
    return [(h, state_of(h, steps.get(h.id, []))) for h in heads]


def expect_stage(state: RatingState, on: date, allowed: Iterable[Stage], action: str) -> Stage:
    """The stage on ``on``, refused with its name unless it is one of ``allowed``."""
    stage = state.stage(on)
    if stage not in set(allowed):
        raise E.refuse("wrong_stage", E.WRONG_STAGE, stage=STAGE_LABELS[stage], stage_value=str(stage),
                       action=E.ACTIONS[action], action_code=action)
    return stage


def confirmable(state: RatingState, on: date) -> None:
    """Refuse unless the rating's notice has ended by ``on`` and no objection is open."""
    stage = state.stage(on)
    if stage is Stage.OBJECTION:
        raise E.refuse("open_objections", E.OPEN_OBJECTIONS, count=len(state.open_objections))
    if stage in (Stage.IN_NOTICE, Stage.NOTICE_PENDING) and state.notice_last_day is not None:
        raise E.refuse("notice_not_ended", E.NOTICE_NOT_ENDED, last=state.notice_last_day.isoformat(),
                       on=on.isoformat())
    expect_stage(state, on, (Stage.NOTICE_ENDED,), "confirm")


def in_notice(state: RatingState, on: date) -> None:
    """Refuse unless ``on`` lies within the rating's notice (and it is not confirmed)."""
    start, last = state.notice_start, state.notice_last_day
    if state.confirmed_on is not None or start is None or last is None:
        expect_stage(state, on, (), "object")
    elif not start <= on <= last:
        raise E.refuse("out_of_notice", E.OUT_OF_NOTICE, on=on.isoformat(), start=start.isoformat(),
                       last=last.isoformat())


def not_before(on: date, head: RatingHead) -> None:
    if on < head.rated_on:
        raise E.refuse("before_rating", E.BEFORE_RATING, on=on.isoformat(), rated_on=head.rated_on.isoformat())


def points(value: object) -> Decimal:
    """``value`` (Decimal, int or text such as "-2.5") as two-place points; refuses anything else."""
    try:
        if isinstance(value, bool) or isinstance(value, float):
            raise InvalidOperation
        number = Decimal(str(value).strip()) if isinstance(value, (str, int, Decimal)) else None
        if number is None or not number.is_finite() or number != number.quantize(CENT):
            raise InvalidOperation
    except InvalidOperation:
        raise E.refuse("not_points", E.NOT_POINTS, points=str(value)) from None
    return number.quantize(CENT)


def adjusted(session: Session, head: RatingHead, value: object, reason: str,
             stored: dict[str, Any] | None = None) -> dict[str, Any]:
    """The step columns of the rating's result after an adjustment of ``value`` points.

    The adjustment is always relative to the computed score; the scheme's grade bands then
    give the grade, credit-household status and credit line again. ``stored``: the rating's
    result JSON if already read (a village reads them all at once).
    """
    amount, scheme = points(value), head.scheme
    if abs(amount) > scheme.max_adjustment:
        raise E.refuse("too_much", E.TOO_MUCH, points=_trim(amount), max=_trim(scheme.max_adjustment))
    if stored is None:
        stored = results_of(session, [head.id])[head.id]
    try:
        result = apply_adjustment(RatingResult.from_json(stored), amount, scheme, reason=reason)
    except AdjustmentError as error:  # other scheme or unrated: caught earlier, kept as a guard
        raise E.refuse("adjustment", "{message}", message=str(error)) from None
    return {"adjustment": str(amount), "score": str(result.score.quantize(CENT)), "grade": result.grade,
            "credit_household": result.credit_household, "credit_line": str(result.credit_line.quantize(CENT))}


def _trim(value: Decimal) -> str:
    """``5.00`` → ``5``, ``-2.50`` → ``-2.5`` (how people write points)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def text(value: str, code: str, template: str) -> str:
    """``value`` stripped; refused when empty."""
    stripped = (value or "").strip()
    if not stripped:
        raise E.refuse(code, template)
    return stripped


def names(appraisers: Sequence[str] | str) -> str:
    """The appraisers' names joined by "、" (a text is split at commas and "、"); refused when none."""
    if isinstance(appraisers, str):
        appraisers = appraisers.replace("，", "、").replace(",", "、").split("、")
    cleaned = [name.strip() for name in appraisers if name and name.strip()]
    if not cleaned:
        raise E.refuse("no_appraisers", E.NO_APPRAISERS)
    return "、".join(cleaned)
