"""The ``demo`` use case: fill a database with the demo city."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from app.security.roles import Permission, Role
from app.services import accounts, audit
from app.services.demo_data import DemoGenerator, VillageInfo
from app.services.divisions import DEMO_CITY, read_division_file, replace_divisions
from app.services.records import bulk_insert
from app.store.db import Database
from app.store.models import Household

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
# Demo accounts, one per role, with well-known passwords: for trying the program on synthetic
# data only. They are marked is_demo and the window title says so.
DEMO_ACCOUNTS = [
    ("admin", "demo-admin-2026", Role.ADMIN, "演示管理员"),
    ("township", "demo-town-2026", Role.TOWNSHIP_OFFICER, "演示乡镇工作人员"),
    ("loan", "demo-loan-2026", Role.LOAN_OFFICER, "演示信贷员"),
    ("supervisor", "demo-super-2026", Role.SUPERVISOR, "演示审核员"),
    ("viewer", "demo-view-2026", Role.VIEWER, "演示查看员"),
]
CHUNK = 5_000
HOUSEHOLDS_PER_COOPERATIVE = 60


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    households: int
    cooperatives: int


class DemoError(Exception):
    """The demo cannot be made here (for example, the database already holds records)."""


def create_demo_store(data_dir: Path, households: int, *, seed: int = 1, today: date | None = None,
                      progress: Progress | None = None) -> tuple[accounts.Workspace, DemoSummary]:
    """A new encrypted store in ``data_dir`` with the demo accounts and the demo city.

    Returns the administrator's workspace (the caller closes it) and what was made.
    """
    name, password, _role, display = DEMO_ACCOUNTS[0]
    ws = accounts.initialize(data_dir, name, password, display, is_demo=True)
    try:
        for name, password, role, display in DEMO_ACCOUNTS[1:]:
            accounts.add_user(ws, name, password, role.value, display, is_demo=True)
        summary = create_demo(ws, households, seed=seed, today=today, progress=progress)
    except BaseException:
        ws.close()
        raise
    return ws, summary


def create_demo(ws: accounts.Workspace, households: int, *, seed: int = 1, today: date | None = None,
                progress: Progress | None = None) -> DemoSummary:
    """Load the demo city's divisions and ``households`` synthetic households with cooperatives.

    Villages get households in proportion to the registered counts of the division file,
    which are then scaled so that about 93% of registered households are filed, as in a
    township well into its credit-village work.
    """
    ws.require(Permission.MANAGE_USERS)
    db = ws.db
    if households < 1:
        raise DemoError("户数至少为 1")
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Household)):
            raise DemoError("数据库中已有农户档案；请为演示数据指定一个新的数据目录")
    rows = read_division_file(DEMO_CITY)
    villages = [row for row in rows if row["level"] == "village"]
    quotas = _quotas([v["registered_households"] for v in villages], households)
    for village, quota in zip(villages, quotas):
        village["registered_households"] = max(quota, round(quota / 0.93))
    with db.session() as session:
        replace_divisions(session, rows)
    generator = DemoGenerator(seed, today or date.today())
    made = cooperatives = 0
    pending: list[dict] = []
    for village, quota in zip(villages, quotas):
        info = VillageInfo(village["code"], village["name"])
        village_households = [generator.household(info) for _ in range(quota)]
        pending.extend(village_households)
        for number in range(_cooperatives_for(quota)):
            start = number * HOUSEHOLDS_PER_COOPERATIVE
            members = [h["id"] for h in village_households[start:start + 8]]
            pending.append(generator.cooperative(info, members))
            cooperatives += 1
        made += quota
        if len(pending) >= CHUNK:
            _flush(db, pending)
        if progress:
            progress(made, households)
    _flush(db, pending)
    db.analyze()
    # Ratings and the workflow: villages at every stage, as the demo roles (issue 5).
    from app.services.workflow_demo import run_demo_workflow

    run_demo_workflow(ws, [(v["code"], q) for v, q in zip(villages, quotas)], seed, generator.today)
    with db.session() as session:
        audit.record(session, ws.actor.username, "demo_created", details={
            "households": households, "cooperatives": cooperatives, "seed": seed})
    log.info("demo city created: %d households, %d cooperatives, seed %d", households, cooperatives, seed)
    return DemoSummary(len(villages), households, cooperatives)


def _flush(db: Database, pending: list[dict]) -> None:
    with db.session() as session:
        bulk_insert(session, pending)
    pending.clear()


def _cooperatives_for(households: int) -> int:
    """About one cooperative per 60 households, and one in every village of five or more."""
    if households < 5:
        return 0
    return max(1, round(households / HOUSEHOLDS_PER_COOPERATIVE))


def _quotas(weights: list[int], total: int) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing exactly."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    quotas = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - quotas[i], reverse=True)
    for i in by_remainder[: total - sum(quotas)]:
        quotas[i] += 1
    return quotas
