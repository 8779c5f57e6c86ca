"""Which backups there are, and which is the last good one (for a damaged store, for the restore dialog).

"Good" means the backup passes its own check: it decrypts whole (every chunk authenticated)
with the user's password, and the database inside passes ``PRAGMA integrity_check``. The
decrypted copy is still a SQLCipher file (never plaintext on disk) and is deleted at once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.security.backup_crypto import BackupCorrupt, decrypt_file, read_header
from app.services.accounts import unwrap_for
from app.services.backup import FOLDER, SUFFIX
from app.services.integrity import FULL, check_database

_JOURNALS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when it was written (local time) and its size in bytes."""

    path: Path
    made_at: datetime
    size: int


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The ``.cvbak`` files in ``backups/`` of ``data_dir``, newest first (by modification time)."""
    folder = Path(data_dir) / FOLDER
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else []:
        stat = path.stat()
        found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda info: (info.made_at, info.path.name), reverse=True)


def backup_is_good(backup_file: Path, username: str, password: str, work_dir: Path,
                   *, key: bytes | None = None) -> bool:
    """True if ``backup_file`` opens with this user's password and its database is intact.

    With ``key`` (the database key of this laptop, which its own backups share) the password
    is not needed. ``work_dir`` receives the temporary decrypted (still encrypted) copy.
    """
    try:
        key = key or unwrap_for(read_header(backup_file).wrapped_keys, username, password)
    except (BackupCorrupt, OSError):
        return False
    if key is None:
        return False
    staged = Path(work_dir) / f".check-{os.getpid()}-{datetime.now():%H%M%S%f}.db"
    try:
        decrypt_file(backup_file, staged, key)
        return check_database(staged, key, FULL).ok
    except (BackupCorrupt, OSError):
        return False
    finally:
        for suffix in _JOURNALS:
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)


def last_good_backup(data_dir: Path, username: str, password: str, *,
                     key: bytes | None = None) -> BackupInfo | None:
    """The newest backup in ``data_dir`` that passes its own check for this user, or None.

    Checks newest first and stops at the first good one (each check decrypts the whole file).
    """
    for info in list_backups(data_dir):
        if backup_is_good(info.path, username, password, Path(data_dir), key=key):
            return info
    return None
