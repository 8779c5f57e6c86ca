"""Device tokens and scopes: who is asking, from which device, and which divisions they may touch.

Tokens and enrolment codes are stored as SHA-256 only: they are long random strings, so a
fast hash is enough (nothing to brute-force), and a stolen database holds no usable token.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from app.domain.divisions import is_division_code, level_of
from sync.platform.db import PlatformDB
from sync.platform.messages import (DEVICE_REVOKED, NO_TOKEN, TOKEN_EXPIRED, USER_INACTIVE,
                                    ApiError)
from sync.platform.models import Device, User, UserDivision
from sync.platform.records import audit

# Unambiguous characters only: codes are read aloud and typed by hand.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_secret(secret: str) -> str:
    """The SHA-256 hex digest under which a token or code is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A fresh bearer token (256 random bits)."""
    return secrets.token_urlsafe(32)


def new_enrolment_code() -> str:
    """A one-time code such as ``K7QF-2MXA-9PRT`` (60 random bits, typed by hand)."""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return "-".join(chars[i:i + 4] for i in range(0, 12, 4))


def normalize_code(code: str) -> str:
    """Codes are accepted in any case, with or without the hyphens and spaces."""
    chars = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Scope:
    """The divisions assigned to a user: villages, townships and counties by 12-digit code."""

    codes: frozenset[str]

    def by_level(self, level: str) -> list[str]:
        return sorted(c for c in self.codes if is_division_code(c) and level_of(c) == level)

    def covers(self, village_code: str | None) -> bool:
        """Whether a record of ``village_code`` lies within the assigned divisions."""
        if not village_code:
            return False
        return (village_code in self.codes or village_code[:9] + "000" in self.codes
                or village_code[:6] + "000000" in self.codes)


@dataclass(frozen=True)
class DeviceContext:
    """The authenticated caller of one request."""

    device_id: str
    user_id: str
    username: str
    scope: Scope

    @property
    def actor(self) -> str:
        """How the audit log names this caller."""
        return f"{self.username}@{self.device_id}"


def user_scope(session, user_id: str) -> Scope:
    codes = session.scalars(select(UserDivision.division_code).where(UserDivision.user_id == user_id))
    return Scope(frozenset(codes))


def authenticate(db: PlatformDB, authorization: str | None, now: datetime) -> DeviceContext:
    """The device behind ``Authorization: Bearer <token>``; ApiError 401 if none may be trusted."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "auth.missing", NO_TOKEN)
    with db.read() as session:
        device = session.scalars(select(Device).where(Device.token_hash == hash_secret(token.strip()))).first()
        if device is None:
            raise ApiError(401, "auth.invalid", NO_TOKEN)
        user = session.get(User, device.user_id)
        refusal = _refusal(device, user, now)
        if refusal is None:
            return DeviceContext(device.id, user.id, user.username, user_scope(session, user.id))
    with db.write() as session:
        audit(session, f"{user.username}@{device.id}", "auth.refused", device.id, reason=refusal.code)
    raise refusal


def _refusal(device: Device, user: User | None, now: datetime) -> ApiError | None:
    if device.revoked_at is not None:
        return ApiError(401, "auth.revoked", DEVICE_REVOKED)
    if user is None or not user.active:
        return ApiError(401, "auth.inactive", USER_INACTIVE)
    if aware(device.token_expires_at) <= now:
        return ApiError(401, "auth.expired", TOKEN_EXPIRED)
    return None
