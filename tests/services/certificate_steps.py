"""Test support for the certificate tests: a small writable demo store and ratings walked to
"confirmed" through the stored workflow steps (the same rows the workflow service writes)."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.services.accounts import Workspace, unlock
from app.services.demo import DEMO_ACCOUNTS, create_demo_store
from app.services.ratings import rate_household
from app.services.workflow_store import add_step, latest_of_subject
from app.store.models import Household

RATED_ON = date(2026, 3, 1)
NOTICE_ON = date(2026, 3, 5)
CONFIRMED_ON = date(2026, 3, 20)
TODAY = date(2026, 4, 1)


def make_template(folder: Path) -> Path:
    """A closed demo store of 300 households (several per village) in ``folder``."""
    admin, _ = create_demo_store(folder, 300, seed=3, today=date(2026, 2, 1))
    admin.close()
    return folder


def copy_store(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def login(folder: Path, username: str) -> Workspace:
    password = next(p for name, p, _r, _d in DEMO_ACCOUNTS if name == username)
    return unlock(folder, username, password)


def busiest_village(ws: Workspace) -> tuple[str, list[str]]:
    """The village with the most households, and their ids."""
    with ws.db.session() as session:
        code = session.execute(select(Household.village_code).group_by(Household.village_code)
                               .order_by(func.count().desc(), Household.village_code).limit(1)).scalar_one()
        ids = list(session.scalars(select(Household.id).where(Household.village_code == code)
                                   .order_by(Household.id)))
    return code, ids


def rate(ws: Workspace, household_id: str, on: date = RATED_ON) -> str:
    """Rate one household as the loan officer ``ws``; returns the rating id."""
    return rate_household(ws, household_id, on).id


def step(ws: Workspace, subject_id: str, name: str, on: date, **values) -> None:
    """Write one workflow step of the subject's latest rating."""
    with ws.db.session() as session:
        add_step(session, latest_of_subject(session, subject_id), name, on, ws.actor.username, **values)


def confirm(ws: Workspace, subject_id: str, *, notice_on: date = NOTICE_ON,
            confirmed_on: date = CONFIRMED_ON) -> None:
    """Put the subject's latest rating through notice and confirmation."""
    step(ws, subject_id, "notice", notice_on)
    step(ws, subject_id, "confirmed", confirmed_on)
