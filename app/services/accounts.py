"""Accounts and the unlocked workspace: first set-up, login, users, passwords.

Opening the store *is* logging in: the database is encrypted with a random key that only a
user's password unwraps (``keys.json``). A :class:`Workspace` is what a successful login
gives: the open database, who is acting, and the key (to wrap it for new users and to make
backups). Every service that reads or changes records takes a workspace and checks the
actor's permission itself, so the CLI obeys the same rules as the GUI.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import logging

from sqlalchemy import select

from app.domain.problems import QT_TRANSLATE_NOOP, Problem
from app.paths import DATABASE_FILE
from app.security import roles
from app.security.errors import SecurityError, make_problem
from app.security.keyfile import KeyFile
from app.security.keys import WrongPassword, new_database_key, rewrap_key, unwrap_key, wrap_key
from app.security.lockout import is_locked, next_lock_until
from app.security.passwords import check_password_policy, hash_password
from app.services import audit
from app.store.db import Database
from app.store.models import User
from app.store.open import open_database


log = logging.getLogger(__name__)


class AccountError(SecurityError):
    """Login or account management refused; ``str()`` is one Chinese sentence."""


def _refuse(code: str, template: str, **params: object) -> AccountError:
    return AccountError(make_problem("account", code, template, **params))


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    role: str
    display_name: str
    is_demo: bool = False


@dataclass
class Workspace:
    """An unlocked store: the database, the acting user, and the database key."""

    data_dir: Path
    db: Database
    actor: Actor
    key: bytes = field(repr=False)

    def can(self, permission: roles.Permission) -> bool:
        return roles.has_permission(self.actor.role, permission)

    def require(self, permission: roles.Permission, target_type: str | None = None,
                target_id: str | None = None) -> None:
        """Raise PermissionDenied (and audit the refusal) unless the actor holds ``permission``."""
        try:
            roles.require(self.actor.role, permission)
        except roles.PermissionDenied:
            with self.db.session() as session:
                audit.record(session, self.actor.username, "permission_denied", target_type, target_id,
                             {"permission": str(permission), "role": self.actor.role})
            raise

    def close(self) -> None:
        self.db.close()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def is_initialized(data_dir: Path) -> bool:
    """True once a first administrator has been created in ``data_dir``."""
    return KeyFile.location(data_dir).exists()


def _check_password(password: str, username: str) -> None:
    problems: list[Problem] = check_password_policy(password, username)
    if problems:
        raise AccountError(problems[0])


def initialize(data_dir: Path, username: str, password: str, display_name: str = "",
               *, is_demo: bool = False) -> Workspace:
    """First start: create the encrypted database and its administrator; returns the workspace."""
    data_dir = Path(data_dir)
    if is_initialized(data_dir) or (data_dir / DATABASE_FILE).exists():
        raise _refuse("account.already_initialized",
                      QT_TRANSLATE_NOOP("problems", "数据目录 {folder} 已初始化，请直接登录"), folder=str(data_dir))
    _check_username(username)
    _check_password(password, username)
    key = new_database_key()
    db = open_database(data_dir, key=key)
    key_file = KeyFile(KeyFile.location(data_dir))
    key_file.users[username] = wrap_key(key, password, username)
    with db.session() as session:
        user = User(username=username, display_name=display_name or username, role=roles.Role.ADMIN.value,
                    password_hash=hash_password(password), is_demo=is_demo)
        session.add(user)
        session.flush()
        audit.record(session, username, "setup", "user", user.id, {"role": user.role})
        actor = _actor(user)
    key_file.save()
    return Workspace(data_dir, db, actor, key)


def _check_username(username: str) -> None:
    if not (1 <= len(username) <= 32) or not username.replace("_", "").replace("-", "").replace(".", "").isalnum():
        raise _refuse("account.username",
                      QT_TRANSLATE_NOOP("problems", "用户名应为 1–32 个字母、数字或 _ - .：{username}"),
                      username=username)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.display_name, user.is_demo)


def unlock(data_dir: Path, username: str, password: str, *, now: datetime | None = None) -> Workspace:
    """Log in: unwrap the database key with the password and open the store."""
    data_dir, now = Path(data_dir), now or _utcnow()
    if not is_initialized(data_dir):
        raise _refuse("account.not_initialized",
                      QT_TRANSLATE_NOOP("problems", "数据目录 {folder} 尚未初始化：请先创建管理员或生成演示数据"),
                      folder=str(data_dir))
    key_file = KeyFile.load(data_dir)
    failures = key_file.failures_of(username)
    if is_locked(failures.locked_until, now):
        minutes = max(1, int((failures.locked_until - now).total_seconds() // 60) + 1)
        raise _refuse("account.locked",
                      QT_TRANSLATE_NOOP("problems", "密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试"),
                      minutes=minutes)
    key = unwrap_for(key_file.users, username, password)
    if key is None:
        _count_failure(key_file, username, now)
        raise _refuse("account.wrong_password", QT_TRANSLATE_NOOP("problems", "用户名或密码错误"))
    db = open_database(data_dir, key=key)
    with db.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            db.close()
            raise _refuse("account.inactive", QT_TRANSLATE_NOOP("problems", "账户 {username} 已停用"), username=username)
        for at in failures.pending_audit:
            audit.record(session, username, "login_failed", "user", user.id, {}, at=at)
        audit.record(session, username, "login", "user", user.id)
        actor = _actor(user)
    key_file.failures.pop(username, None)
    key_file.save()
    log.info("login: user %s (%s)", username, actor.role)
    return Workspace(data_dir, db, actor, key)


def unwrap_for(wrapped_keys, username: str, password: str) -> bytes | None:
    """The database key from ``username``'s wrapped copy, or None (no such user, wrong password).

    The two cases are not told apart, so a login screen does not reveal which names exist.
    """
    wrapped = wrapped_keys.get(username)
    if wrapped is None:
        return None
    try:
        return unwrap_key(wrapped, password, username)
    except WrongPassword:
        return None


def _count_failure(key_file: KeyFile, username: str, now: datetime) -> None:
    failures = key_file.failures_of(username)
    failures.count += 1
    failures.locked_until = next_lock_until(failures.count, now)
    failures.pending_audit.append(now.replace(tzinfo=timezone.utc).isoformat(timespec="microseconds"))
    key_file.save()
    log.warning("failed login for user %s (%d in a row)", username, failures.count)


def add_user(ws: Workspace, username: str, password: str, role: str, display_name: str = "",
             *, is_demo: bool = False) -> Actor:
    """Create an account that can unlock this store."""
    ws.require(roles.Permission.MANAGE_USERS, "user")
    _check_username(username)
    _check_password(password, username)
    role = roles.Role(role).value
    key_file = KeyFile.load(ws.data_dir)
    if username in key_file.users:
        raise _refuse("account.exists", QT_TRANSLATE_NOOP("problems", "用户名 {username} 已存在"), username=username)
    with ws.db.session() as session:
        if session.scalars(select(User).where(User.username == username)).first():
            raise _refuse("account.exists", QT_TRANSLATE_NOOP("problems", "用户名 {username} 已存在"), username=username)
        user = User(username=username, display_name=display_name or username, role=role,
                    password_hash=hash_password(password), is_demo=is_demo)
        session.add(user)
        session.flush()
        audit.record(session, ws.actor.username, "user_created", "user", user.id, {"role": role})
        key_file.users[username] = wrap_key(ws.key, password, username)
        key_file.save()  # inside the transaction: if saving fails, the user row rolls back
        return _actor(user)


def change_password(ws: Workspace, old_password: str, new_password: str) -> None:
    """Re-wrap the acting user's copy of the key; nothing is re-encrypted."""
    username = ws.actor.username
    _check_password(new_password, username)
    key_file = KeyFile.load(ws.data_dir)
    try:
        key_file.users[username] = rewrap_key(key_file.users[username], old_password, new_password, username)
    except WrongPassword:
        raise _refuse("account.wrong_password", QT_TRANSLATE_NOOP("problems", "原密码不正确")) from None
    with ws.db.session() as session:
        user = session.get(User, ws.actor.user_id)
        user.password_hash = hash_password(new_password)
        audit.record(session, username, "password_changed", "user", user.id)
        key_file.save()


def reset_password(ws: Workspace, username: str, new_password: str) -> None:
    """An administrator sets a new password for another user (who forgot theirs)."""
    ws.require(roles.Permission.MANAGE_USERS, "user")
    _check_password(new_password, username)
    key_file = KeyFile.load(ws.data_dir)
    with ws.db.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise _refuse("account.unknown", QT_TRANSLATE_NOOP("problems", "没有用户 {username}"), username=username)
        user.password_hash = hash_password(new_password)
        audit.record(session, ws.actor.username, "password_reset", "user", user.id)
        key_file.users[username] = wrap_key(ws.key, new_password, username)
        key_file.failures.pop(username, None)
        key_file.save()


def set_active(ws: Workspace, username: str, active: bool) -> None:
    """Deactivate (its key copy is destroyed) or reactivate (needs a password reset) a user."""
    ws.require(roles.Permission.MANAGE_USERS, "user")
    if username == ws.actor.username and not active:
        raise _refuse("account.self", QT_TRANSLATE_NOOP("problems", "不能停用自己的账户"))
    key_file = KeyFile.load(ws.data_dir)
    with ws.db.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise _refuse("account.unknown", QT_TRANSLATE_NOOP("problems", "没有用户 {username}"), username=username)
        user.active = active
        audit.record(session, ws.actor.username, "user_activated" if active else "user_deactivated", "user", user.id)
        if not active:
            key_file.users.pop(username, None)
            key_file.save()


def list_users(ws: Workspace) -> list[Actor]:
    ws.require(roles.Permission.MANAGE_USERS, "user")
    with ws.db.session() as session:
        return [_actor(u) for u in session.scalars(select(User).order_by(User.username))]


def check_password(ws: Workspace, password: str) -> bool:
    """True if ``password`` is the acting user's (the idle screen lock asks for it)."""
    try:
        unwrap_key(KeyFile.load(ws.data_dir).users[ws.actor.username], password, ws.actor.username)
    except (WrongPassword, KeyError):
        return False
    return True
