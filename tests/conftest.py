"""Shared fixtures: real SQLite files in temporary folders, a small demo city, Qt offscreen."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.demo import create_demo  # noqa: E402
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


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the demo city (600 households, seed 3), made once per run.

    Tests that only read may share it; a test that writes takes ``db`` instead.
    """
    folder = tmp_path_factory.mktemp("demo")
    database = open_database(folder)
    create_demo(database, DEMO_HOUSEHOLDS, seed=3, today=DEMO_TODAY)
    database.close()
    return folder


@pytest.fixture
def demo_db(demo_dir: Path):
    database = open_database(demo_dir)
    yield database
    database.close()
