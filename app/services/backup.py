"""Backups that restore: encrypted, integrity-checked, consistent while the app writes.

``backup`` copies the live database with SQLite's online backup API into a SQLCipher file
under the same key (never plaintext on disk), then seals it with ``backup_crypto`` (chunked
AES-GCM) carrying every user's wrapped key in its header, so any user of this laptop can
restore it elsewhere with their own password. ``restore`` decrypts and checks the copy
completely before it touches the live database; a refused file changes nothing.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP
from app.paths import DATABASE_FILE
from app.security.backup_crypto import BackupCorrupt, decrypt_file, encrypt_file, read_header
from app.security.errors import make_problem
from app.security.keyfile import KeyFile
from app.security.roles import Permission, has_permission
from app.services import audit
from app.services.accounts import AccountError, Workspace, unwrap_for
from app.store import migrate
from app.store.db import sqlcipher_connector
from app.store.models import Household

SUFFIX = ".cvbak"
AUTOMATIC_PREFIX = "credit-village-"


@dataclass(frozen=True)
class RestoreSummary:
    households: int
    replaced: Path | None


def backup(ws: Workspace, out: Path | None = None, *, keep: int = 10) -> Path:
    """Write an encrypted backup (default: ``backups/credit-village-<time>.cvbak``); returns its path."""
    ws.require(Permission.BACKUP, "database")
    folder = ws.data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = Path(out) if out else folder / f"{AUTOMATIC_PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}{SUFFIX}"
    copy = migrate.backup_copy(ws.db.path, "for-backup", ws.key)  # SQLCipher under the same key
    try:
        encrypt_file(copy, target, ws.key, wrapped_keys=KeyFile.load(ws.data_dir).users)
    finally:
        copy.unlink(missing_ok=True)
    with ws.db.session() as session:
        audit.record(session, ws.actor.username, "backup_made", "database", None,
                     {"file": target.name, "bytes": target.stat().st_size})
    if out is None:
        _prune(folder, keep)
    return target


def _prune(folder: Path, keep: int) -> None:
    automatic = sorted(folder.glob(f"{AUTOMATIC_PREFIX}*{SUFFIX}"))
    for old in automatic[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def daily_backup_if_due(ws: Workspace) -> Path | None:
    """One automatic backup a day, made by the first administrator login of the day."""
    if not ws.can(Permission.BACKUP):
        return None
    today = f"{AUTOMATIC_PREFIX}{datetime.now():%Y%m%d}"
    if any((ws.data_dir / "backups").glob(f"{today}*{SUFFIX}")):
        return None
    return backup(ws)


def _refuse(code: str, template: str, **params: object) -> AccountError:
    return AccountError(make_problem("backup", code, template, **params))


def restore(data_dir: Path, backup_file: Path, username: str, password: str) -> RestoreSummary:
    """Replace the database of ``data_dir`` with ``backup_file``, after checking it whole."""
    data_dir = Path(data_dir)
    if not Path(backup_file).is_file():
        raise _refuse("backup.missing", QT_TRANSLATE_NOOP("problems", "找不到备份文件 {file}"), file=str(backup_file))
    header = read_header(backup_file)  # BackupCorrupt for a file that is not a backup
    key = unwrap_for(header.wrapped_keys, username, password)
    if key is None:
        raise _refuse("backup.wrong_password", QT_TRANSLATE_NOOP(
            "problems", "该备份中没有此用户，或密码不正确（请用备份当时的密码）"))
    data_dir.mkdir(parents=True, exist_ok=True)
    staged = data_dir / f".restore-{os.getpid()}.db"
    try:
        decrypt_file(backup_file, staged, key)
        households = _check_restored(staged, key, username)
        replaced = _swap_in(data_dir, staged)
    finally:
        staged.unlink(missing_ok=True)
    key_file = KeyFile(KeyFile.location(data_dir), dict(header.wrapped_keys))
    key_file.save()
    return RestoreSummary(households, replaced)


def _check_restored(path: Path, key: bytes, username: str) -> int:
    """Integrity, schema and the restoring user's right to restore, on the staged copy."""
    connection = sqlcipher_connector(path, key)()
    try:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupCorrupt(make_problem("backup", "backup.integrity", QT_TRANSLATE_NOOP(
                "problems", "备份中的数据库未通过完整性检查，未恢复")))
        row = connection.execute("SELECT role FROM users WHERE username = ? AND active = 1", (username,)).fetchone()
        if row is None or not has_permission(row[0], Permission.RESTORE):
            raise _refuse("backup.not_allowed", QT_TRANSLATE_NOOP(
                "problems", "用户 {username} 在该备份中没有“从备份恢复”的权限"), username=username)
        return connection.execute(f"SELECT count(*) FROM {Household.__tablename__} WHERE deleted = 0").fetchone()[0]
    finally:
        connection.close()


def _swap_in(data_dir: Path, staged: Path) -> Path | None:
    """Move the live database (and its journal) aside, then the staged copy into place."""
    live = data_dir / DATABASE_FILE
    replaced = None
    if live.exists():
        folder = data_dir / "backups"
        folder.mkdir(exist_ok=True)
        replaced = folder / f"replaced-{datetime.now():%Y%m%d-%H%M%S-%f}.db"
        shutil.move(str(live), str(replaced))
        keys = KeyFile.location(data_dir)
        if keys.exists():  # the replaced database stays openable with the passwords of its time
            shutil.copy2(keys, replaced.with_name(replaced.name + ".keys.json"))
        for suffix in ("-wal", "-shm"):
            journal = live.with_name(live.name + suffix)
            if journal.exists():
                shutil.move(str(journal), str(replaced.with_name(replaced.name + suffix)))
    os.replace(staged, live)
    return replaced


def record_restore(ws: Workspace, backup_file: Path, summary: RestoreSummary) -> None:
    """Audit the restore in the restored database (called after logging in to it)."""
    with ws.db.session() as session:
        audit.record(session, ws.actor.username, "restored", "database", None,
                     {"file": Path(backup_file).name, "households": summary.households})
