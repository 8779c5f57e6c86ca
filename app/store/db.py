"""Opening the local SQLite store: pragmas, sessions and the one read/write gate.

Every connection runs in WAL mode with foreign keys on and ``synchronous=FULL`` (a committed
save survives a power cut). The engine is created through ``creator=`` so the encryption layer
can later hand in a keyed SQLCipher connection without touching any caller.
"""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

Connector = Callable[[], sqlite3.Connection]


def sqlite_connector(path: Path) -> Connector:
    """A factory of plain SQLite connections to ``path``."""

    def connect() -> sqlite3.Connection:
        # check_same_thread off: the GUI's worker threads borrow pooled connections.
        return sqlite3.connect(str(path), check_same_thread=False, timeout=10)

    return connect


def sqlcipher_connector(path: Path, key: bytes) -> Connector:
    """A factory of SQLCipher connections to ``path``, keyed with the raw 32-byte ``key``.

    The key is given as a raw hex blob, so SQLCipher skips its own passphrase derivation
    (the password was already stretched with argon2id when the key was unwrapped).
    """
    import sqlcipher3

    literal = f"x'{key.hex()}'"

    def connect():
        connection = sqlcipher3.connect(str(path), check_same_thread=False, timeout=10)
        connection.execute(f'PRAGMA key = "{literal}"')
        return connection

    return connect


def apply_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL",
                   "busy_timeout=10000", "temp_store=MEMORY", "cache_size=-32000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(connector: Connector) -> Engine:
    """An engine whose every connection carries the project's pragmas."""
    engine = create_engine("sqlite://", creator=connector, poolclass=QueuePool,
                           pool_size=4, max_overflow=4)
    event.listen(engine, "connect", apply_pragmas)
    return engine


class Database:
    """One open database file: its engine and a session factory.

    ``with db.session() as s:`` is a unit of work: committed on success, rolled back on any
    error, so a use case either happens whole or not at all.
    """

    def __init__(self, path: Path, engine: Engine, connector: Connector):
        self.path = path
        self.engine = engine
        self.connector = connector
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # calibre's "one read/write gate": writers of this process queue here instead of
        # meeting SQLITE_BUSY, and the audit chain is appended by one writer at a time.
        self._write_gate = threading.RLock()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._write_gate:
            with self._unit_of_work() as session:
                yield session

    @contextmanager
    def _unit_of_work(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load: demo, import, pull).

        Without them SQLite may pick the search index for an exact ID-number lookup and
        scan 100,000 entries instead of seeking one.
        """
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.engine.dispose()
