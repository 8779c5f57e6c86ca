"""A small store for workflow tests: one village of six rated households, one account per role.

Shared by the service, CLI and GUI tests of the workflow (``from test_workflow_city import
build_city``; tests/ is on the path through its conftest). No tests here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.services import accounts
from app.services.demo_data import DemoGenerator, VillageInfo
from app.services.divisions import DEMO_CITY, read_division_file, replace_divisions
from app.services.ratings import rate_all
from app.services.records import bulk_insert

RATED_ON = date(2026, 10, 1)
PASSWORDS = {"admin": "admin-pass-1", "township": "town-pass-1", "loan": "loan-pass-1",
             "supervisor": "super-pass-1", "viewer": "view-pass-1"}
ROLES = {"township": "township_officer", "loan": "loan_officer", "supervisor": "supervisor", "viewer": "viewer"}


@dataclass
class City:
    """The store, its village and the ids of its households (the first one has no consent)."""

    data_dir: Path
    village: str
    households: list[str]  # consented, rated with a grade
    unconsented: str

    def login(self, username: str) -> accounts.Workspace:
        return accounts.unlock(self.data_dir, username, PASSWORDS[username])


def build_city(data_dir: Path, households: int = 6) -> City:
    """A fresh store in ``data_dir``: divisions of the demo city, ``households`` consented households
    and one without consent in one village, all rated on :data:`RATED_ON` by the loan officer."""
    admin = accounts.initialize(data_dir, "admin", PASSWORDS["admin"])
    for name, role in ROLES.items():
        accounts.add_user(admin, name, PASSWORDS[name], role, name)
    rows = read_division_file(DEMO_CITY)
    village = next(row for row in rows if row["level"] == "village")
    with admin.db.session() as session:
        replace_divisions(session, rows)
    generator = DemoGenerator(7, RATED_ON)
    info = VillageInfo(village["code"], village["name"])
    consented: list[dict] = []
    unconsented: dict | None = None
    while len(consented) < households or unconsented is None:
        document = generator.household(info)
        if document["consent"]["signed"] and len(consented) < households:
            consented.append(document)
        elif not document["consent"]["signed"] and unconsented is None:
            unconsented = document
    with admin.db.session() as session:
        bulk_insert(session, [*consented, unconsented])
    admin.close()
    city = City(data_dir, village["code"], [d["id"] for d in consented], unconsented["id"])
    loan = city.login("loan")
    try:
        rate_all(loan, city.village, RATED_ON)
    finally:
        loan.close()
    return city


def demo_login(folder: Path, username: str) -> accounts.Workspace:
    """Log in to the session's demo city (tests/conftest.py ``demo_dir``) as a demo user."""
    from app.services.demo import DEMO_ACCOUNTS

    password = next(p for name, p, _role, _display in DEMO_ACCOUNTS if name == username)
    return accounts.unlock(folder, username, password)
