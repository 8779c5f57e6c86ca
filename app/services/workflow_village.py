"""Workflow steps done for a whole village at once: appraise the rest, start the notice, confirm.

Each writes one step row per rating and one audit entry for the village, in one transaction,
or nothing at all when refused.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from app.security.roles import Permission
from app.services import audit
from app.services import workflow_checks as check
from app.services import workflow_errors as E
from app.services.accounts import Workspace
from app.services.rating_outbox import queue_confirmed
from app.services.workflow_state import Stage
from app.services.workflow_store import add_step, results_of


def appraise_village(ws: Workspace, village_code: str, reason: str, appraisers: Sequence[str] | str,
                     on: date) -> int:
    """Appraise every computed (not yet appraised) rating of the village without adjustment.

    For the households the appraisal meeting agreed with as computed; returns how many.
    """
    ws.require(Permission.APPRAISE, "division", village_code)
    reason = check.text(reason, "no_reason", E.NO_REASON)
    names = check.names(appraisers)
    with ws.db.session() as session:
        pending = [head for head, state in check.village_states(session, village_code)
                   if state.stage(on) is Stage.COMPUTED and head.rated_on <= on]
        if not pending:
            raise E.refuse("nothing_to_appraise", E.NOTHING_TO_APPRAISE, village=village_code)
        results = results_of(session, [head.id for head in pending])
        for head in pending:
            values = check.adjusted(session, head, 0, reason, results[head.id])
            add_step(session, head, "appraised", on, ws.actor.username, reason=reason, appraisers=names, **values)
        audit.record(session, ws.actor.username, "workflow_appraised_village", "division", village_code,
                     {"ratings": len(pending), "adjustment": "0.00", "on": on.isoformat()})
        return len(pending)


def start_notice(ws: Workspace, village_code: str, start: date) -> int:
    """Start the public notice of the village's appraised ratings on ``start``; returns how many.

    Refused while some rating of the village is only computed (appraise it first) and when
    none is waiting for a notice. The notice lasts the scheme's notice length in days.
    """
    ws.require(Permission.START_NOTICE, "division", village_code)
    with ws.db.session() as session:
        pairs = check.village_states(session, village_code)
        computed = [head for head, state in pairs if state.stage(start) is Stage.COMPUTED]
        if computed:
            raise E.refuse("unappraised", E.UNAPPRAISED, village=village_code, count=len(computed))
        ready = [(head, state) for head, state in pairs if state.stage(start) is Stage.APPRAISED]
        if not ready:
            raise E.refuse("nothing_to_notice", E.NOTHING_TO_NOTICE, village=village_code)
        for head, state in ready:
            check.not_before(start, head)
            if state.appraised_on is not None and start < state.appraised_on:
                raise E.refuse("before_rating", E.BEFORE_RATING, on=start.isoformat(),
                               rated_on=state.appraised_on.isoformat())
            add_step(session, head, "notice", start, ws.actor.username)
        days = ready[0][0].scheme.notice_days
        audit.record(session, ws.actor.username, "workflow_notice_started", "division", village_code,
                     {"ratings": len(ready), "start": start.isoformat(),
                      "last_day": (start + timedelta(days=days - 1)).isoformat()})
        return len(ready)


def confirm_village(ws: Workspace, village_code: str, on: date) -> int:
    """Confirm every rating of the village whose notice has ended by ``on``; returns how many.

    Refused while any rating of the village is still in its notice or has an open objection.
    """
    ws.require(Permission.CONFIRM, "division", village_code)
    with ws.db.session() as session:
        pairs = check.village_states(session, village_code)
        stages = [(head, state, state.stage(on)) for head, state in pairs]
        waiting = [s for s in stages if s[2] in (Stage.IN_NOTICE, Stage.NOTICE_PENDING)]
        if waiting:
            raise E.refuse("village_in_notice", E.VILLAGE_IN_NOTICE, village=village_code, count=len(waiting))
        open_count = sum(len(state.open_objections) for _head, state, stage in stages if stage is Stage.OBJECTION)
        if open_count:
            raise E.refuse("open_objections", E.OPEN_OBJECTIONS, count=open_count)
        ready = [(head, state) for head, state, stage in stages if stage is Stage.NOTICE_ENDED]
        if not ready:
            raise E.refuse("nothing_to_confirm", E.NOTHING_TO_CONFIRM, village=village_code)
        for head, _state in ready:
            add_step(session, head, "confirmed", on, ws.actor.username)
        queue_confirmed(session, ready, on, ws.actor.username)
        audit.record(session, ws.actor.username, "workflow_confirmed_village", "division", village_code,
                     {"ratings": len(ready), "on": on.isoformat()})
        return len(ready)
