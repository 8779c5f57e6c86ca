"""Start-up integrity: find a damaged store, quarantine a copy of it, offer the last good backup.

Costs measured on the 100,000-household demo store (272 MB, SQLCipher, 2 cores):
``PRAGMA quick_check`` 1.4–1.7 s, ``PRAGMA integrity_check`` 2.4–2.6 s, against 50–90 ms for
the whole login. So the login runs a *probe* (schema, revision and users read through the
page HMACs, a few ms) and a ``quick_check`` only for stores up to
:data:`INLINE_QUICK_CHECK_BYTES`; the full ``integrity_check`` runs in the background once
the window is open. A damaged store is copied (never moved, never deleted) into
``quarantine/<time>/`` with its journal and key file, and nothing writable is opened on it.
The GUI's login and every command-line command that logs in (``app.cli.login``) go through
:func:`unlock_checked`, which costs 35–70 ms more than a plain login (a second key unwrap and
the probe, or the quick_check of a small store); the changes never synced are read from the
quarantined copy and listed beside it (``app/services/unsynced.py``).
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP
from app.paths import DATABASE_FILE
from app.security.errors import SecurityError, make_problem
from app.security.keyfile import KeyFile
from app.security.lockout import is_locked
from app.services import accounts
from app.services.unsynced import Unsynced, unsynced_changes, write_list
from app.store.db import sqlcipher_connector

QUARANTINE = "quarantine"
PROBE, QUICK, FULL = "probe", "quick_check", "integrity_check"
INLINE_QUICK_CHECK_BYTES = 32 * 1024 * 1024  # ~12,000 households: quick_check under 0.2 s
_MAX_PROBLEMS = 5  # SQLite can list thousands of faults; the first few tell the story
_COPIED = ("", "-wal", "-shm")


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of one check of a database file.

    ``problems`` are SQLite's own lines (page numbers, table and index names; never record
    data); ``seconds`` is the wall time of the check.
    """

    ok: bool
    mode: str
    seconds: float
    problems: tuple[str, ...] = ()


class StoreDamaged(SecurityError):
    """The store failed its check; a copy is in ``quarantined``, nothing was opened on it.

    ``unsynced``: the changes never pushed (None if the copy could not tell); their list is
    in ``unsynced_file`` beside the copy when there are any.
    """

    def __init__(self, report: IntegrityReport, quarantined: Path, unsynced: Unsynced | None = None,
                 unsynced_file: Path | None = None):
        super().__init__(make_problem(
            "database", "database.damaged",
            QT_TRANSLATE_NOOP("problems", "数据库已损坏，未打开；已将副本隔离到 {folder}。请从最近的完好备份恢复"),
            folder=str(quarantined)))
        self.report = report
        self.quarantined = quarantined
        self.unsynced = unsynced
        self.unsynced_file = unsynced_file


def check_database(path: Path, key: bytes | None, mode: str = FULL) -> IntegrityReport:
    """Check the database file ``path`` (SQLCipher under ``key``; plain SQLite if None).

    ``mode`` is :data:`PROBE`, :data:`QUICK` or :data:`FULL`. Opens its own connection, so
    it may run in a worker while the app uses the store; a file that cannot be read at all
    counts as damaged.
    """
    import sqlcipher3
    import sqlite3

    started = time.perf_counter()
    if not Path(path).is_file():  # connecting would create an empty file
        return IntegrityReport(False, mode, 0.0, (f"missing file: {Path(path).name}",))
    connect = sqlcipher_connector(Path(path), key) if key is not None else (lambda: sqlite3.connect(str(path)))
    problems: tuple[str, ...]
    try:
        connection = connect()
        if key is not None:  # SQLCipher would print each failed page HMAC on stderr
            connection.execute("PRAGMA cipher_log_level = NONE")
        try:
            problems = _probe(connection) if mode == PROBE else _pragma(connection, mode)
        finally:
            connection.close()
    except (sqlcipher3.DatabaseError, sqlite3.DatabaseError) as exc:
        problems = (str(exc),)
    return IntegrityReport(not problems, mode, time.perf_counter() - started, problems)


def _pragma(connection, mode: str) -> tuple[str, ...]:
    if mode not in (QUICK, FULL):
        raise ValueError(f"unknown check mode {mode!r}")
    lines = [line for row in connection.execute(f"PRAGMA {mode}({_MAX_PROBLEMS})")
             for line in str(row[0]).splitlines() if not line.startswith("*** in database")]
    return () if lines == ["ok"] else tuple(lines[:_MAX_PROBLEMS])


def _probe(connection) -> tuple[str, ...]:
    """Read what opening the store reads: the schema, the revision and the accounts."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = {"alembic_version", "users"} - tables
    if missing:
        return (f"missing tables: {', '.join(sorted(missing))}",)
    connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.execute("SELECT count(*), max(username) FROM users").fetchall()
    return ()


def startup_mode(path: Path) -> str:
    """The check the login can afford for this file: ``quick_check`` when small, else the probe."""
    path = Path(path)
    size = sum(path.with_name(path.name + s).stat().st_size for s in ("", "-wal")
               if path.with_name(path.name + s).exists())
    return QUICK if size <= INLINE_QUICK_CHECK_BYTES else PROBE


def quarantine(data_dir: Path, now: datetime | None = None) -> Path:
    """Copy the store (database, journals, key file) into ``quarantine/<time>/``; return that folder.

    The live files stay where they are (a restore moves them aside). A store already copied
    unchanged (same size and modification time) is not copied again.
    """
    data_dir = Path(data_dir)
    live = data_dir / DATABASE_FILE
    root = data_dir / QUARANTINE
    earlier = quarantined_copy(data_dir)
    if earlier is not None:
        return earlier
    target = root / f"{(now or datetime.now()):%Y%m%d-%H%M%S-%f}"
    target.mkdir(parents=True)
    for suffix in _COPIED:
        source = live.with_name(live.name + suffix)
        if source.exists():
            shutil.copy2(source, target / source.name)
    keys = KeyFile.location(data_dir)
    if keys.exists():  # the copy stays openable with the passwords of its time
        shutil.copy2(keys, target / keys.name)
    return target


def quarantined_copy(data_dir: Path) -> Path | None:
    """The quarantine folder already holding the live database unchanged, or None.

    A store found damaged stays known as damaged, even to a login that only affords the probe.
    """
    live, root = Path(data_dir) / DATABASE_FILE, Path(data_dir) / QUARANTINE
    for folder in sorted(root.glob("*"), reverse=True) if root.is_dir() else []:
        if _same_file(live, folder / DATABASE_FILE):
            return folder
    return None


def _same_file(a: Path, b: Path) -> bool:
    if not (a.exists() and b.exists()):
        return False
    sa, sb = a.stat(), b.stat()
    return sa.st_size == sb.st_size and sa.st_mtime_ns == sb.st_mtime_ns


def key_for(data_dir: Path, username: str, password: str) -> bytes | None:
    """The database key if ``password`` is ``username``'s and the account is not locked, else None.

    Never counts a failure: the login that follows does that.
    """
    if not accounts.is_initialized(data_dir):
        return None
    key_file = KeyFile.load(data_dir)
    if is_locked(key_file.failures_of(username).locked_until, datetime.now(timezone.utc).replace(tzinfo=None)):
        return None
    return accounts.unwrap_for(key_file.users, username, password)


def unlock_checked(data_dir: Path, username: str, password: str) -> accounts.Workspace:
    """Log in like :func:`accounts.unlock`, after checking the store (see the module notes).

    Raises :class:`StoreDamaged` (after quarantining a copy) instead of opening a damaged store.
    """
    data_dir = Path(data_dir)
    path = data_dir / DATABASE_FILE
    key = key_for(data_dir, username, password) if path.exists() else None
    if key is not None:
        known = quarantined_copy(data_dir)
        report = (IntegrityReport(False, "quarantined", 0.0, ("found damaged before",)) if known
                  else check_database(path, key, startup_mode(path)))
        if not report.ok:
            folder = quarantine(data_dir)
            raise StoreDamaged(report, folder, *list_unsynced(folder, key))
    return accounts.unlock(data_dir, username, password)


def list_unsynced(quarantined: Path, key: bytes) -> tuple[Unsynced | None, Path | None]:
    """The unsent changes of the quarantined copy in ``quarantined``, and the file listing them.

    Reads the copy (read-only), never the live store. A few ms: one indexed query on the
    outbox and one on the names of the records it lists.
    """
    unsynced = unsynced_changes(Path(quarantined) / DATABASE_FILE, key)
    try:
        listed = write_list(quarantined, unsynced) if unsynced else None
    except OSError:
        listed = None  # the count still reaches the user
    return unsynced, listed


def pending_changes(path: Path, key: bytes) -> int | None:
    """How many local changes in the (damaged) database ``path`` were never synced; None if unreadable."""
    if not Path(path).is_file():
        return None
    try:
        connection = sqlcipher_connector(Path(path), key)()
        try:
            return connection.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - any failure means "cannot tell", which the caller says
        return None
