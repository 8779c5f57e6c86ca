"""The store's schema: created from nothing, upgraded from the previous revision, backed up first."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.paths import DATABASE_FILE
from app.store import migrate
from app.store.db import make_engine, sqlite_connector
from app.store.models import Base
from app.store.open import open_database


def test_empty_folder_is_migrated_to_head(data_dir: Path):
    db = open_database(data_dir)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as connection:
            tables = {row[0] for row in connection.execute(text("select name from sqlite_master where type='table'"))}
        assert {"divisions", "households", "cooperatives", "users", "drafts", "settings"} <= tables
    finally:
        db.close()


def test_every_connection_has_wal_foreign_keys_and_full_sync(db):
    with db.engine.connect() as connection:
        assert connection.execute(text("pragma journal_mode")).scalar() == "wal"
        assert connection.execute(text("pragma foreign_keys")).scalar() == 1
        assert connection.execute(text("pragma synchronous")).scalar() == 2  # FULL


def test_models_and_migrations_describe_the_same_schema(db):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_upgrade_from_previous_revision_keeps_data_and_makes_a_backup(data_dir: Path):
    path = data_dir / DATABASE_FILE
    engine = make_engine(sqlite_connector(path))
    migrate.upgrade(engine, path, target="0001")
    with engine.begin() as connection:
        connection.execute(text(
            "insert into divisions (code, name, level, parent_code, registered_households, former_codes)"
            " values ('445122000000', '饶平县', 'county', null, 0, '440522000000')"))
    engine.dispose()

    db = open_database(data_dir)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as connection:
            assert connection.execute(text("select name from divisions")).scalar() == "饶平县"
    finally:
        db.close()
    backups = list((data_dir / "backups").glob("*.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(str(backups[0]))
    assert copy.execute("select version_num from alembic_version").fetchone() == ("0001",)
    assert copy.execute("select name from divisions").fetchone() == ("饶平县",)
    copy.close()


def test_a_current_database_is_not_backed_up_again(data_dir: Path):
    open_database(data_dir).close()
    open_database(data_dir).close()
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())
