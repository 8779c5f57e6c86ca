"""The platform database: engine, sessions, the write gate and the change-feed counter.

SQLite (the default) allows one writer at a time, so every writing unit of work passes one
process-wide lock instead of meeting ``database is locked`` halfway through a batch. On
PostgreSQL the ``seq`` counter row is locked ``FOR UPDATE`` for the whole transaction, which
makes sequence numbers commit in order: a pull never skips a change that commits late.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync.platform.models import AuditEntry, Counter

SEQ = "seq"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _refuse_audit_changes(_mapper, _connection, _target) -> None:
    raise PermissionError("the platform audit log is append-only")


event.listen(AuditEntry, "before_update", _refuse_audit_changes)
event.listen(AuditEntry, "before_delete", _refuse_audit_changes)


class PlatformDB:
    """One platform database by SQLAlchemy URL (``sqlite:///platform.db``, ``postgresql+psycopg://...``)."""

    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.Lock()

    def create_schema(self) -> None:
        """Create missing tables, columns and the counters (idempotent; upgrades an older database)."""
        from sync.platform.schema import create_tables, fill_new_columns

        created = create_tables(self.engine)
        with self.write() as session:
            if session.get(Counter, SEQ) is None:
                session.add(Counter(name=SEQ, value=0))
            fill_new_columns(session, created)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._write_lock if self.is_sqlite else _no_lock():
            with self._sessions() as session, session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _no_lock() -> Iterator[None]:
    yield


class SeqAllocator:
    """Hands out change-feed numbers inside one write transaction, stored once at the end."""

    def __init__(self, session: Session):
        self.session = session
        self._counter = session.execute(
            select(Counter).where(Counter.name == SEQ).with_for_update()).scalar_one()
        self._next = self._counter.value

    def next(self) -> int:
        """The next sequence number (strictly increasing across all transactions)."""
        self._next += 1
        return self._next

    def store(self) -> None:
        """Write the counter back; call before the transaction commits."""
        if self._next != self._counter.value:
            self._counter.value = self._next
