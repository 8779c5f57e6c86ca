"""The user list as the administrator's dialog shows it: accounts with their state.

``accounts.list_users`` gives actors (who may act); the dialog also needs whether an account
is active and whether it can log in now (it holds a wrapped key copy: a reactivated account
cannot until its password is reset).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.security.keyfile import KeyFile
from app.security.roles import Permission
from app.services.accounts import Workspace
from app.store.models import User


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str          # app.security.roles.Role value
    active: bool
    is_demo: bool
    can_log_in: bool   # active and holding a key copy


def user_rows(ws: Workspace) -> list[UserRow]:
    """Every account of this store, by user name (administrator)."""
    ws.require(Permission.MANAGE_USERS, "user")
    keyed = set(KeyFile.load(ws.data_dir).users)
    with ws.db.session() as session:
        return [UserRow(u.username, u.display_name, u.role, u.active, u.is_demo, u.active and u.username in keyed)
                for u in session.scalars(select(User).order_by(User.username))]
