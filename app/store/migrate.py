"""Bringing a database file to the current schema, after a backup copy of it.

Migrations run at every start-up. Before any migration touches an existing file, a
consistent copy is taken with SQLite's online backup API into ``backups/`` beside it, so a
failed or unwanted upgrade can always be undone by hand.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from alembic import command
from app.paths import migrations_path
from app.store.db import sqlcipher_connector, sqlite_connector


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return config


def head_revision() -> str:
    """The newest schema revision this program knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the open database, ``None`` for an empty file."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_copy(db_path: Path, label: str, key: bytes | None = None) -> Path:
    """A consistent copy of ``db_path`` in ``backups/``, taken with the online backup API.

    With ``key`` both ends are SQLCipher files under that key: the copy of an encrypted
    database is never a plaintext file on disk.
    """
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{label}-{stamp}.db"
    connect = (lambda p: sqlcipher_connector(p, key)()) if key is not None else (lambda p: sqlite_connector(p)())
    source = connect(db_path)
    try:
        destination = connect(target)
        source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, db_path: Path, target: str = "head", key: bytes | None = None) -> Path | None:
    """Migrate to ``target``; returns the backup made first (``None`` when nothing was due)."""
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    backup = backup_copy(db_path, f"before-{wanted}", key) if current is not None else None
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return backup
