"""Where things are: the one place that knows both the source tree and a PyInstaller bundle.

Nothing else in the project builds paths from ``__file__``; it asks here.
"""
from __future__ import annotations

import os
import re
import sys
from importlib import metadata
from pathlib import Path

import platformdirs

APP_NAME = "CreditVillage"
DATA_DIR_ENV = "CREDIT_VILLAGE_DATA_DIR"
DATABASE_FILE = "credit-village.db"


def project_root() -> Path:
    """The folder holding ``forms/`` and ``resources/``: the bundle's or the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``."""
    return project_root().joinpath("resources", *parts)


def forms_path(*parts: str) -> Path:
    """A file under ``forms/`` (questionnaires and rating schemes)."""
    return project_root().joinpath("forms", *parts)


def migrations_path() -> Path:
    """The Alembic script folder, which ships inside the ``app.store`` package."""
    return project_root().joinpath("app", "store", "migrations")


def default_data_dir() -> Path:
    """The per-user data folder, unless ``CREDIT_VILLAGE_DATA_DIR`` names another."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def read_version() -> str:
    """The version in ``pyproject.toml``: from the checkout, the bundle, or installed metadata."""
    pyproject = project_root() / "pyproject.toml"
    if pyproject.exists():
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
        if match:
            return match.group(1)
    try:
        return metadata.version("credit-village-field")
    except metadata.PackageNotFoundError:
        return "0+unknown"
