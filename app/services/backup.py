"""Backups that restore: encrypted, integrity-checked, consistent while the app writes.

``backup`` copies the live database with SQLite's online backup API into a SQLCipher file
under the same key (never plaintext on disk), then seals it with ``backup_crypto`` (chunked
AES-GCM) carrying every user's wrapped key in its header, so any user of this laptop can
restore it elsewhere with their own password. ``restore`` decrypts and checks the copy
completely (integrity, schema, the user's right to restore) before it touches the live
database; a refused file changes nothing.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping

from alembic.script import ScriptDirectory

from app.domain.problems import QT_TRANSLATE_NOOP
from app.paths import DATABASE_FILE
from app.security.backup_crypto import BackupCorrupt, decrypt_file, encrypt_file, read_header
from app.security.errors import make_problem
from app.security.keyfile import KeyFile
from app.security.keys import WrappedKey
from app.security.roles import Permission, has_permission
from app.services import audit
from app.services.accounts import AccountError, Workspace, unwrap_for
from app.store import migrate
from app.store.db import sqlcipher_connector
from app.store.models import Household, User
from app.store.open import open_database

SUFFIX = ".cvbak"
AUTOMATIC_PREFIX = "credit-village-"
FOLDER = "backups"
_COPY_LABEL = "for-backup"  # the keyed temporary copy: backups/<db stem>-for-backup-<time>.db
_AUTOMATIC = re.compile(rf"^{AUTOMATIC_PREFIX}(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}$")
_STALE_SECONDS = 3600  # a temporary copy this old was left by a crash, not by a running backup
_JOURNALS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreSummary:
    households: int          # households (not deleted) in the restored database
    replaced: Path | None    # where the database it replaced was moved; None on a new laptop


def backup(ws: Workspace, out: Path | None = None, *, keep: int = 10) -> Path:
    """Write an encrypted backup and return its path.

    Default: ``backups/credit-village-YYYYmmdd-HHMMSS.cvbak``, of which the newest ``keep``
    are kept; a named ``out`` (a file, or a folder to put the default name in) is never pruned.
    """
    ws.require(Permission.BACKUP, "database")
    if keep < 1:
        raise ValueError("keep must be at least 1")
    folder = ws.data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    automatic = out is None
    target = Path(out) if out is not None else _automatic_name(folder, datetime.now())
    if target.is_dir():
        target = _automatic_name(target, datetime.now())
    _remove_stale_copies(folder)
    copy = migrate.backup_copy(ws.db.path, _COPY_LABEL, ws.key)  # SQLCipher under the same key
    try:
        encrypt_file(copy, target, ws.key, wrapped_keys=KeyFile.load(ws.data_dir).users)
    finally:
        _remove_with_journals(copy)
    with ws.db.session() as session:
        audit.record(session, ws.actor.username, "backup_made", "database", None,
                     {"file": target.name, "bytes": target.stat().st_size})
    if automatic:
        _prune(folder, keep)
    return target


def daily_backup_if_due(ws: Workspace) -> Path | None:
    """One automatic backup a day, made by the first login of the day of someone allowed to."""
    if not ws.can(Permission.BACKUP):
        return None
    today = f"{datetime.now():%Y%m%d}"
    if any(match.group(1).startswith(today) for _, match in _automatic_backups(ws.data_dir / FOLDER)):
        return None
    return backup(ws)


def _automatic_name(folder: Path, now: datetime) -> Path:
    """``credit-village-<time>.cvbak``, or ``…-2.cvbak`` etc. after a backup of that second.

    The number follows the highest one of that second still present, so names keep sorting
    in the order made even after the oldest of them were pruned.
    """
    stamp = f"{now:%Y%m%d-%H%M%S}"
    taken = [number for (when, number), _ in _automatic_backups(folder) if when == stamp]
    number = max(taken) + 1 if taken else 1
    suffix = f"-{number}" if number > 1 else ""
    return folder / f"{AUTOMATIC_PREFIX}{stamp}{suffix}{SUFFIX}"


def _automatic_backups(folder: Path) -> list[tuple[tuple[str, int], re.Match]]:
    """The automatic backups in ``folder``, oldest first, by the time and number in the name."""
    found = []
    for path in folder.glob(f"{AUTOMATIC_PREFIX}*{SUFFIX}") if folder.is_dir() else []:
        match = _AUTOMATIC.match(path.name)
        if match:
            found.append(((match.group(1), int(match.group(2) or 1)), match))
    return sorted(found, key=lambda item: item[0])


def _prune(folder: Path, keep: int) -> None:
    for _, match in _automatic_backups(folder)[:-keep]:
        (folder / match.string).unlink(missing_ok=True)


def _remove_stale_copies(folder: Path) -> None:
    """Delete keyed temporary copies that a crashed backup left behind (they are encrypted)."""
    for path in folder.glob(f"*-{_COPY_LABEL}-*.db"):
        if time.time() - path.stat().st_mtime > _STALE_SECONDS:
            _remove_with_journals(path)


def _remove_with_journals(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in _JOURNALS)):
        path.with_name(name).unlink(missing_ok=True)


def _refuse(code: str, template: str, **params: object) -> AccountError:
    return AccountError(make_problem("backup", code, template, **params))


def _corrupt(code: str, template: str, **params: object) -> BackupCorrupt:
    return BackupCorrupt(make_problem("backup", code, template, **params))


def restore(data_dir: Path, backup_file: Path, username: str, password: str) -> RestoreSummary:
    """Replace the database of ``data_dir`` with ``backup_file``, after checking it whole.

    Refuses (``BackupCorrupt`` or ``AccountError``, changing nothing) a file that is not a
    backup, is cut or altered, a user or password not in the backup, a database that fails
    its integrity check or lacks the schema, and a user without the right to restore in it.
    The old database moves to ``backups/replaced-<time>.db``; the restore is audited in the
    restored database. The caller must have closed any workspace of ``data_dir``.
    """
    data_dir, backup_file = Path(data_dir), Path(backup_file)
    if not backup_file.is_file():
        raise _refuse("backup.missing", QT_TRANSLATE_NOOP("problems", "找不到备份文件 {file}"), file=str(backup_file))
    header = read_header(backup_file)  # BackupCorrupt for a file that is not a backup
    key = unwrap_for(header.wrapped_keys, username, password)
    if key is None:
        raise _refuse("backup.wrong_password", QT_TRANSLATE_NOOP(
            "problems", "该备份中没有此用户，或密码不正确（请用备份当时的密码）"))
    data_dir.mkdir(parents=True, exist_ok=True)
    staged = data_dir / f".restore-{os.getpid()}-{datetime.now():%H%M%S%f}.db"
    try:
        decrypt_file(backup_file, staged, key)
        households = _check_restored(staged, key, username)
        replaced = _swap_in(data_dir, staged, header.wrapped_keys)
    finally:
        _remove_with_journals(staged)
    db = open_database(data_dir, key=key)  # also brings an older backup to the current schema
    try:
        with db.session() as session:
            audit.record(session, username, "restored", "database", None,
                         {"file": backup_file.name, "households": households,
                          "replaced": replaced.name if replaced else None})
    finally:
        db.close()
    return RestoreSummary(households, replaced)


def _known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}


def _check_restored(path: Path, key: bytes, username: str) -> int:
    """Integrity, schema and the restoring user's right to restore, on the staged copy.

    Returns the number of households in it.
    """
    import sqlcipher3

    connection = sqlcipher_connector(path, key)()
    try:
        try:
            healthy = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (connection.execute("SELECT version_num FROM alembic_version").fetchone() or [None])[0] \
                if "alembic_version" in tables else None
        except sqlcipher3.DatabaseError:
            healthy = False
        if not healthy:
            raise _corrupt("backup.integrity", QT_TRANSLATE_NOOP(
                "problems", "备份中的数据库未通过完整性检查，未恢复"))
        if revision not in _known_revisions() or not {User.__tablename__, Household.__tablename__} <= tables:
            raise _corrupt("backup.schema", QT_TRANSLATE_NOOP(
                "problems", "备份中的数据库结构无法识别（可能来自更新版本的程序），未恢复"))
        row = connection.execute("SELECT role FROM users WHERE username = ? AND active = 1", (username,)).fetchone()
        if row is None or not has_permission(row[0], Permission.RESTORE):
            raise _refuse("backup.not_allowed", QT_TRANSLATE_NOOP(
                "problems", "用户 {username} 在该备份中没有“从备份恢复”的权限"), username=username)
        return connection.execute(f"SELECT count(*) FROM {Household.__tablename__} WHERE deleted = 0").fetchone()[0]
    finally:
        connection.close()


def _swap_in(data_dir: Path, staged: Path, wrapped_keys: Mapping[str, WrappedKey]) -> Path | None:
    """Move the live database (journals, key file copy) aside, then the staged copy and its keys in.

    The new key file is written beside first, so the swap itself is two renames; if they
    fail, the old database is moved back.
    """
    live, keys = data_dir / DATABASE_FILE, KeyFile.location(data_dir)
    new_keys = keys.with_name(f".{keys.name}.restore")
    KeyFile(new_keys, dict(wrapped_keys)).save()
    replaced = None
    if any(live.with_name(live.name + suffix).exists() for suffix in ("", *_JOURNALS)):
        replaced = data_dir / FOLDER / f"replaced-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
        replaced.parent.mkdir(exist_ok=True)
        if keys.exists():  # the replaced database stays openable with the passwords of its time
            shutil.copy2(keys, replaced.with_name(replaced.name + ".keys.json"))
        _move_with_journals(live, replaced)
    try:
        os.replace(staged, live)
        os.replace(new_keys, keys)
    except OSError:
        new_keys.unlink(missing_ok=True)
        if replaced is not None:
            _move_with_journals(replaced, live)
        raise
    return replaced


def _move_with_journals(source: Path, target: Path) -> None:
    """Move a database file with its -wal/-shm (an un-checkpointed WAL holds committed data)."""
    for suffix in ("", *_JOURNALS):
        journal = source.with_name(source.name + suffix)
        if journal.exists():
            shutil.move(str(journal), str(target.with_name(target.name + suffix)))
