"""The demo city leaves villages at every stage of the workflow, the same for the same seed."""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from app.services import workflow as wf
from app.services.workflow_demo import PLAN, run_demo_workflow
from app.store.models import Household, Rating
from test_workflow_city import demo_login as login

DEMO_TODAY = date(2026, 11, 28)  # tests/conftest.py builds the demo city on this day


def village_stages(ws) -> dict[str, Counter]:
    with ws.db.session() as session:
        subjects = set(session.scalars(select(Rating.subject_id)))
    with ws.db.session() as session:
        villages = set(session.scalars(select(Household.village_code).where(Household.id.in_(subjects))))
    return {v: Counter(row.stage for row in wf.village_overview(ws, v, DEMO_TODAY)) for v in villages}


def test_the_demo_has_villages_at_every_stage_of_the_cycle(demo_dir):
    ws = login(demo_dir, "township")
    try:
        stages = village_stages(ws)
        assert len(stages) == len(PLAN)
        seen = Counter()
        for counts in stages.values():
            seen.update(counts.keys())
        for stage in (wf.Stage.COMPUTED, wf.Stage.APPRAISED, wf.Stage.IN_NOTICE, wf.Stage.OBJECTION,
                      wf.Stage.NOTICE_ENDED, wf.Stage.CONFIRMED, wf.Stage.EXPIRED):
            assert seen[stage], stage
        confirmed = [v for v, counts in stages.items() if wf.Stage.CONFIRMED in counts]
        assert len(confirmed) == PLAN.count("confirmed") + PLAN.count("confirmed_objection")
        assert all(wf.confirmed_ratings(ws, v, DEMO_TODAY) for v in confirmed)
    finally:
        ws.close()


def test_the_villages_chosen_depend_only_on_the_seed(monkeypatch, ws):
    steps = []
    monkeypatch.setattr("app.services.workflow_demo._STEPS", {plan: (lambda _r, v, _t, p=plan: steps.append((v, p)))
                                                             for plan in set(PLAN)})
    villages = [(f"4451021002{n:02d}", 3 + n % 7) for n in range(40)]
    first = run_demo_workflow(ws, villages, 5, DEMO_TODAY)
    assert run_demo_workflow(ws, villages, 5, DEMO_TODAY) == first
    assert run_demo_workflow(ws, villages, 6, DEMO_TODAY) != first
    assert sorted(first.values()) == sorted(PLAN)
