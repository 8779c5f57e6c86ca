"""The rating workflow: 初评 → 评议 → 公示 → 异议 → 确认 → 过期 (issue 5).

Each step is one insert-only row of ``workflow_steps`` (who, when, what) and one audit entry,
written in one transaction after every check has passed; a refusal is a :class:`WorkflowError`
with one Chinese sentence and writes nothing. The stage of a rating is derived from its rows
(:mod:`app.services.workflow_state`). Steps on a whole village are in
:mod:`app.services.workflow_village`; reading (confirmed ratings for certificates, overviews)
in :mod:`app.services.workflow_read`. All are re-exported here: this is the module to import.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Sequence

from app.security.roles import Permission
from app.services import audit
from app.services import workflow_checks as check
from app.services import workflow_errors as E
from app.services.accounts import Workspace
from app.services.rating_outbox import queue_confirmed
from app.services.workflow_errors import WorkflowError
from app.services.workflow_read import (ConfirmedRating, OverviewRow, confirmed_rating, confirmed_ratings,
                                        latest_rating_id, stage, subject_overview, village_overview)
from app.services.workflow_state import STAGE_LABELS, Objection, Stage
from app.services.workflow_store import add_step
from app.services.workflow_village import appraise_village, confirm_village, start_notice
from app.store.models import WorkflowStep

__all__ = ["ConfirmedRating", "Objection", "OverviewRow", "STAGE_LABELS", "Stage", "WorkflowError",
           "appraise", "appraise_village", "confirm", "confirm_village", "confirmed_rating",
           "confirmed_ratings", "decide_objection", "latest_rating_id", "record_objection", "stage",
           "start_notice", "subject_overview", "village_overview"]


def appraise(ws: Workspace, rating_id: str, adjustment: Decimal | int | str, reason: str,
             appraisers: Sequence[str] | str, on: date) -> WorkflowStep:
    """Record the village appraisal of a computed rating on ``on``: ``adjustment`` points
    (within the scheme's bound, relative to the computed score), a written reason and the
    appraisers' names. A new appraisal before the notice replaces the earlier one."""
    ws.require(Permission.APPRAISE, "rating", rating_id)
    reason = check.text(reason, "no_reason", E.NO_REASON)
    names = check.names(appraisers)
    with ws.db.session() as session:
        head, state = check.current(session, rating_id)
        check.expect_stage(state, on, (Stage.COMPUTED, Stage.APPRAISED), "appraise")
        check.not_before(on, head)
        values = check.adjusted(session, head, adjustment, reason)
        step = add_step(session, head, "appraised", on, ws.actor.username, reason=reason, appraisers=names,
                        **values)
        audit.record(session, ws.actor.username, "workflow_appraised", "rating", head.id,
                     {"step_id": step.id, "adjustment": values["adjustment"], "grade": values["grade"],
                      "on": on.isoformat()})
        return step


def record_objection(ws: Workspace, rating_id: str, content: str, on: date) -> WorkflowStep:
    """Record an objection to a rating received on ``on``, which must lie within its notice.

    The returned step's id is the objection's id; it is to be answered within the scheme's
    answer period (20 days)."""
    ws.require(Permission.RECORD_OBJECTION, "rating", rating_id)
    content = check.text(content, "no_content", E.NO_CONTENT)
    with ws.db.session() as session:
        head, state = check.current(session, rating_id)
        check.in_notice(state, on)
        step = add_step(session, head, "objection", on, ws.actor.username, reason=content)
        audit.record(session, ws.actor.username, "workflow_objection_recorded", "rating", head.id,
                     {"objection_id": step.id, "on": on.isoformat()})
        return step


def decide_objection(ws: Workspace, objection_id: str, upheld: bool, answer: str, on: date,
                     adjustment: Decimal | int | str | None = None) -> WorkflowStep:
    """Decide an open objection after re-examination and record the written answer.

    ``upheld``: the objection is right and the rating gets ``adjustment`` points (replacing the
    appraisal's, within the same bound); otherwise it is rejected and the result stands.
    Deciding after the answer deadline is allowed (the overview shows it was late).
    """
    ws.require(Permission.DECIDE_OBJECTION, "objection", objection_id)
    answer = check.text(answer, "no_answer", E.NO_ANSWER)
    if upheld and adjustment is None:
        raise E.refuse("needs_adjustment", E.NEEDS_ADJUSTMENT)
    with ws.db.session() as session:
        objection = session.get(WorkflowStep, objection_id)
        if objection is None or objection.step != "objection":
            raise E.refuse("no_objection", E.NO_OBJECTION, objection_id=objection_id)
        head, state = check.current(session, objection.rating_id, allow_superseded=True)
        case = next((o for o in state.open_objections if o.id == objection_id), None)
        if case is None:
            raise E.refuse("no_objection", E.NO_OBJECTION, objection_id=objection_id)
        if on < case.received_on:
            raise E.refuse("before_objection", E.BEFORE_OBJECTION, on=on.isoformat(),
                           received=case.received_on.isoformat())
        values = check.adjusted(session, head, adjustment, answer) if upheld else {}
        decision = "upheld" if upheld else "rejected"
        step = add_step(session, head, "decision", on, ws.actor.username, reason=answer,
                        objection_id=objection_id, decision=decision, **values)
        audit.record(session, ws.actor.username, "workflow_objection_decided", "rating", head.id,
                     {"objection_id": objection_id, "decision": decision, "on": on.isoformat(),
                      "late": on > case.answer_due, "grade": values.get("grade", state.grade)})
        return step


def confirm(ws: Workspace, rating_id: str, on: date) -> ConfirmedRating:
    """Confirm one rating on ``on`` (a supervisor): its notice must have ended without open
    objections. The rating is then valid for the scheme's validity period from ``on``."""
    ws.require(Permission.CONFIRM, "rating", rating_id)
    with ws.db.session() as session:
        head, state = check.current(session, rating_id)
        check.confirmable(state, on)
        step = add_step(session, head, "confirmed", on, ws.actor.username)
        queue_confirmed(session, [(head, state)], on, ws.actor.username)
        audit.record(session, ws.actor.username, "workflow_confirmed", "rating", head.id,
                     {"step_id": step.id, "on": on.isoformat(), "grade": state.grade})
    found = confirmed_rating(ws, head.subject_id, on)
    assert found is not None  # just confirmed, in this store
    return found
