"""The platform's tables (SQLAlchemy 2, portable between SQLite and PostgreSQL).

Every synced record, whoever owns it, lives in ``records``: its whole data-standard document,
its revision, the revision at which each top-level field last changed (for field merges), and
``seq``, the change-feed number of its latest change (pull reads ``seq > cursor``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.protocol import utc_now

# Timezone-aware everywhere; SQLite stores the ISO text, PostgreSQL a timestamptz.
UtcDateTime = DateTime(timezone=True)


class Base(DeclarativeBase):
    pass


class Counter(Base):
    """Named counters; ``seq`` numbers the change feed (its row lock orders commits on PostgreSQL)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class UserDivision(Base):
    """A township or village assigned to a user: the user sees and writes records under it."""

    __tablename__ = "user_divisions"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    division_code: Mapped[str] = mapped_column(String(12), primary_key=True)


class EnrolmentCode(Base):
    """A one-time enrolment code, stored as its SHA-256 only."""

    __tablename__ = "enrolment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[Optional[datetime]] = mapped_column(UtcDateTime, default=None)


class Device(Base):
    """An enrolled laptop: its bearer token (SHA-256 only), signing key and push checkpoint.

    ``certificate_series`` is the third part of the certificate numbers the laptop issues
    (``<county>-<year>-<series>-<sequence>``): handed out 1, 2, 3 ... from the counter of the
    same name, so no two installations share one. An installation enrolled again (same signing
    key) keeps its series, so its own counter carries on; rows sharing a series share that key.
    """

    __tablename__ = "devices"
    __table_args__ = (Index("ix_devices_certificate_series", "certificate_series"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    signing_public_key: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[Optional[datetime]] = mapped_column(UtcDateTime, default=None)
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Nullable only for the ALTER TABLE that adds it to an older database (sync/platform/schema.py).
    certificate_series: Mapped[Optional[int]] = mapped_column(Integer, default=None)


class CertificateNumber(Base):
    """Which certificate record holds a number: the platform refuses the same number under
    another id (two laptops that counted alone), so a revocation by number means one certificate."""

    __tablename__ = "certificate_numbers"
    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36))


class Division(Base):
    __tablename__ = "divisions"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[Optional[str]] = mapped_column(String(12), default=None)
    registered_households: Mapped[int] = mapped_column(Integer, default=0)


class Record(Base):
    """One synced record. ``village_code``/``township_code`` scope it; NULL means city-wide."""

    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    village_code: Mapped[Optional[str]] = mapped_column(String(12), default=None)
    township_code: Mapped[Optional[str]] = mapped_column(String(12), default=None)
    document: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    field_revisions: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    device_id: Mapped[Optional[str]] = mapped_column(String(36), default=None)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    __table_args__ = (Index("ix_records_type_seq", "record_type", "seq"),)


class MutationOutcome(Base):
    """A mutation that was not simply applied (rejected, conflict): replays report it again."""

    __tablename__ = "mutation_outcomes"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class AuditEntry(Base):
    """Append-only: who did what, when. ``detail`` never holds a token or a code."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
