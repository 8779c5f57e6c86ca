"""Shared fixtures: real SQLite files in temporary folders, a small demo city, Qt offscreen."""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services import accounts  # noqa: E402
from app.services.demo import DEMO_ACCOUNTS, create_demo_store  # noqa: E402
from app.store.open import open_database  # noqa: E402

DEMO_TODAY = date(2026, 11, 28)
DEMO_HOUSEHOLDS = 600


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data directory of its own for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(data_dir: Path):
    """A freshly migrated, empty database."""
    database = open_database(data_dir)
    yield database
    database.close()


def demo_password(username: str) -> str:
    return next(password for name, password, _role, _display in DEMO_ACCOUNTS if name == username)


@pytest.fixture
def ws(data_dir: Path):
    """A fresh encrypted store and the workspace of a loan officer in it (no records yet)."""
    admin = accounts.initialize(data_dir, "admin", "admin-pass-1")
    accounts.add_user(admin, "loan", "loan-pass-1", "loan_officer", "信贷员甲")
    admin.close()
    workspace = accounts.unlock(data_dir, "loan", "loan-pass-1")
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the demo city (600 households, seed 3), made once per run.

    Tests that only read may share it; a test that writes takes ``ws`` instead.
    """
    return demo_city(tmp_path_factory, "demo", DEMO_HOUSEHOLDS, seed=3)


def demo_city(tmp_path_factory: pytest.TempPathFactory, name: str, households: int, *, seed: int) -> Path:
    """A data folder holding a demo city of ``households`` with the demo accounts."""
    folder = tmp_path_factory.mktemp(name)
    admin, _summary = create_demo_store(folder, households, seed=seed, today=DEMO_TODAY)
    admin.close()
    return folder


def writable_copy(template: Path, tmp_path: Path) -> Path:
    """A copy of the data folder ``template`` in ``tmp_path`` that one test may change."""
    folder = tmp_path / "city"
    shutil.copytree(template, folder)
    return folder


def login(folder: Path, username: str) -> accounts.Workspace:
    return accounts.unlock(folder, username, demo_password(username))


@pytest.fixture
def demo_ws(demo_dir: Path):
    """The demo city, logged in as the demo loan officer."""
    workspace = login(demo_dir, "loan")
    yield workspace
    workspace.close()


@pytest.fixture
def demo_db(demo_ws):
    return demo_ws.db


@pytest.fixture(scope="session")
def _small_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "small-city", 40, seed=5)


@pytest.fixture
def city_dir(_small_city: Path, tmp_path: Path) -> Path:
    """A writable copy of a small demo city (40 households, demo accounts) for one test."""
    return writable_copy(_small_city, tmp_path)
