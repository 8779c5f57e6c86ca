"""The key file beside the database: each user's wrapped copy of the database key, and lockout state.

The database is encrypted (SQLCipher) with one random key. ``keys.json`` holds that key
wrapped once per user with a key derived from the user's password (see :mod:`app.security.keys`),
so a password change re-wraps one entry and re-encrypts nothing. Failed logins are counted
here, outside the database, because a wrong password cannot open the database to count them;
they are copied into the audit trail at the next successful login.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.domain.problems import QT_TRANSLATE_NOOP
from app.security.atomic_file import atomic_write
from app.security.errors import make_problem
from app.security.keys import KeyFileCorrupt, WrappedKey

KEY_FILE = "keys.json"
FORMAT = 1


@dataclass
class FailedLogins:
    count: int = 0
    locked_until: datetime | None = None
    pending_audit: list[str] = field(default_factory=list)  # ISO times not yet in the audit trail


@dataclass
class KeyFile:
    """The parsed key file; ``save`` writes it atomically."""

    path: Path
    users: dict[str, WrappedKey] = field(default_factory=dict)
    failures: dict[str, FailedLogins] = field(default_factory=dict)

    @classmethod
    def location(cls, data_dir: Path) -> Path:
        return Path(data_dir) / KEY_FILE

    @classmethod
    def load(cls, data_dir: Path) -> "KeyFile":
        path = cls.location(data_dir)
        try:
            document = json.loads(path.read_text("utf-8"))
            users = {name: WrappedKey.from_dict(value) for name, value in document["users"].items()}
            failures = {name: FailedLogins(int(v["count"]),
                                           datetime.fromisoformat(v["locked_until"]) if v.get("locked_until") else None,
                                           list(v.get("pending_audit", [])))
                        for name, value in document.get("failures", {}).items() for v in [value]}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeyFileCorrupt(make_problem(
                "key_file", "key_file.corrupt",
                QT_TRANSLATE_NOOP("problems", "密钥文件 {path} 已损坏或无法读取；请从备份恢复"),
                path=str(path))) from exc
        return cls(path, users, failures)

    def save(self) -> None:
        document = {
            "format": FORMAT,
            "users": {name: wrapped.to_dict() for name, wrapped in sorted(self.users.items())},
            "failures": {name: {"count": f.count,
                                "locked_until": f.locked_until.isoformat() if f.locked_until else None,
                                "pending_audit": f.pending_audit}
                         for name, f in sorted(self.failures.items()) if f.count or f.pending_audit},
        }
        with atomic_write(self.path) as writer:
            writer.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))

    def failures_of(self, username: str) -> FailedLogins:
        return self.failures.setdefault(username, FailedLogins())

