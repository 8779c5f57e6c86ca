"""Opening the store of a data directory: create, back up, migrate, hand back a Database."""
from __future__ import annotations

from pathlib import Path

from app.paths import DATABASE_FILE
from app.store import migrate
from app.store.db import Database, make_engine, sqlcipher_connector, sqlite_connector


class StoreError(Exception):
    """The data directory or database cannot be used; the message says why, in one line."""


def open_database(data_dir: Path, *, key: bytes | None = None, upgrade: bool = True) -> Database:
    """The database of ``data_dir``, migrated to the current schema unless told otherwise.

    With ``key`` (the normal case) the file is a SQLCipher database encrypted with it; a
    wrong key reads as "not a database". ``key=None`` opens a plain SQLite file (tools and
    the low-level store tests only).
    """
    data_dir = Path(data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        raise StoreError(f"数据目录不是文件夹：{data_dir}")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"无法创建数据目录 {data_dir}：{exc.strerror}") from exc
    path = data_dir / DATABASE_FILE
    connector = sqlcipher_connector(path, key) if key is not None else sqlite_connector(path)
    engine = make_engine(connector)
    try:
        if upgrade:
            migrate.upgrade(engine, path, key=key)
    except Exception as exc:
        engine.dispose()
        if "file is not a database" in str(exc):
            raise StoreError(f"{path} 不是本程序的数据库文件，或文件已损坏") from exc
        raise
    return Database(path, engine, connector)
