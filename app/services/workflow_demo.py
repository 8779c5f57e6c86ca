"""The demo city's ratings and workflow: villages left at every stage of the cycle.

A dozen villages (chosen by the seed) are rated and taken through the workflow by the demo
roles (loan officer rates, township officer appraises and starts the notice, supervisor
decides and confirms), on dates counted back from ``today``:

    confirmed ×4 (one with an upheld objection) · expired · notice ended, awaiting confirmation
    (with a rejected objection) · in notice with an open objection · in notice · appraised ×2 ·
    rated only ×2

Only those villages are rated, and they are among the smallest, which keeps a 100,000-household
demo quick. Every step goes through the workflow service, so the demo's audit trail is real.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Callable

from app.security.roles import Role
from app.services import workflow as wf
from app.services.accounts import Actor, Workspace
from app.services.rating_batch import rate_all

PLAN = ("confirmed", "confirmed_objection", "expired", "confirmed", "notice_ended", "objection", "in_notice",
        "appraised", "confirmed", "rated", "appraised", "rated")
APPRAISERS = ("陈建国", "林秀英", "黄志明")  # synthetic names of an appraisal group


def _as(ws: Workspace, username: str, role: Role) -> Workspace:
    """The same store acting as demo user ``username`` (who may not have an account here)."""
    return replace(ws, actor=Actor(user_id="", username=username, role=role.value, display_name=username,
                                   is_demo=True))


def run_demo_workflow(ws: Workspace, villages: list[tuple[str, int]], seed: int, today: date) -> dict[str, str]:
    """Rate and advance the villages of :data:`PLAN`; returns village code → stage name.

    ``villages``: (code, households) of the demo; the smallest villages of three or more
    households are candidates, picked in an order fixed by ``seed``.
    """
    # The smaller villages (of three or more households): quick to rate in a large demo.
    by_size = sorted((count, code) for code, count in villages if count >= 3)
    candidates = [code for _count, code in by_size[:2 * len(PLAN)]]
    random.Random(seed).shuffle(candidates)
    roles = (_as(ws, "loan", Role.LOAN_OFFICER), _as(ws, "township", Role.TOWNSHIP_OFFICER),
             _as(ws, "supervisor", Role.SUPERVISOR))
    done: dict[str, str] = {}
    plans = list(PLAN)
    for code in candidates:
        if not plans:
            break
        try:
            _STEPS[plans[0]](roles, code, today)
        except wf.WorkflowError:  # e.g. a village whose few households all refused consent
            done[code] = "rated"
            continue
        done[code] = plans.pop(0)
    return done


def _days(today: date, n: int) -> date:
    return today - timedelta(days=n)


def _appraise(roles, village: str, on: date, adjust: Decimal | None = None) -> None:
    """The appraisal meeting: one household adjusted (if ``adjust``), the rest as computed."""
    _loan, township, _supervisor = roles
    rows = [r for r in wf.village_overview(township, village, on) if r.stage is wf.Stage.COMPUTED]
    if adjust is not None and rows:
        wf.appraise(township, rows[0].rating_id, adjust, "评议小组认为其生产经营情况好于登记，酌情调整", APPRAISERS, on)
    if len(rows) > (1 if adjust is not None else 0):
        wf.appraise_village(township, village, "评议小组一致同意初评结果", APPRAISERS, on)


def _object(roles, village: str, on: date) -> str:
    """An objection to the village's first household in notice; its id."""
    _loan, township, _supervisor = roles
    row = next(r for r in wf.village_overview(township, village, on) if r.stage is wf.Stage.IN_NOTICE)
    return wf.record_objection(township, row.rating_id, "村民反映该户家庭收入登记偏低，请求复核", on).id


def _cycle(roles, village: str, today: date, start: int, *, objection: str | None = None,
           confirm: bool = True) -> None:
    """Rate ``start`` days ago, appraise 5 days later, notice 5 days after that; then an
    objection (upheld or rejected) and the confirmation 10 days after the notice began."""
    loan, township, supervisor = roles
    rate_all(loan, village, _days(today, start))
    _appraise(roles, village, _days(today, start - 5), Decimal("2"))
    wf.start_notice(township, village, _days(today, start - 10))
    if objection:
        case = _object(roles, village, _days(today, start - 12))
        upheld = objection == "upheld"
        wf.decide_objection(supervisor, case, upheld, "经复核，" + ("收入确有漏记，上调评分" if upheld else "登记无误，维持原结果"),
                            _days(today, start - 15), Decimal("3") if upheld else None)
    if confirm:
        wf.confirm_village(supervisor, village, _days(today, start - 20))


def _rated(roles, village: str, today: date, start: int = 5) -> None:
    rate_all(roles[0], village, _days(today, start))


def _appraised(roles, village: str, today: date) -> None:
    _rated(roles, village, today, 8)
    _appraise(roles, village, _days(today, 3), Decimal("-3"))


def _noticed(roles, village: str, today: date, *, objection: bool) -> None:
    _rated(roles, village, today, 12)
    _appraise(roles, village, _days(today, 8))
    wf.start_notice(roles[1], village, _days(today, 3 if objection else 1))
    if objection:
        _object(roles, village, _days(today, 2))


_STEPS: dict[str, Callable[..., None]] = {
    "confirmed": lambda roles, v, t: _cycle(roles, v, t, 60),
    "confirmed_objection": lambda roles, v, t: _cycle(roles, v, t, 70, objection="upheld"),
    "expired": lambda roles, v, t: _cycle(roles, v, t, 420),
    "notice_ended": lambda roles, v, t: _cycle(roles, v, t, 30, objection="rejected", confirm=False),
    "objection": lambda roles, v, t: _noticed(roles, v, t, objection=True),
    "in_notice": lambda roles, v, t: _noticed(roles, v, t, objection=False),
    "appraised": _appraised,
    "rated": _rated,
}
