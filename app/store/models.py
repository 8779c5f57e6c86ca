"""ORM models of the local store.

Design: a questionnaire answer set is kept whole and faithful as the data-standard JSON
document (``data``); the fields that lists search, sort and filter on are copied into indexed
columns when the record is saved. Every syncable row has a UUID primary key (made offline on
any laptop without collisions), created/updated timestamps (UTC) and a revision number that
each save increments; deletes are tombstones (``deleted``) so they can sync.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def new_id() -> str:
    """A fresh UUID4 as the 36-character string used for primary keys."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Versioned:
    """Timestamps and the per-record revision that sync builds on."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Division(Base):
    """County, township or village, keyed by its 12-digit statistical code (platform-owned)."""

    __tablename__ = "divisions"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))  # county | township | village
    parent_code: Mapped[Optional[str]] = mapped_column(ForeignKey("divisions.code"), index=True)
    registered_households: Mapped[int] = mapped_column(Integer, default=0)
    # Earlier codes of the same county (renamed or re-parented), space-separated; IDs issued
    # there keep the old code for life.
    former_codes: Mapped[str] = mapped_column(String(128), default="")


class Household(Versioned, Base):
    """A farm household's credit file."""

    __tablename__ = "households"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(ForeignKey("divisions.code"))
    group_name: Mapped[str] = mapped_column(String(64), default="")
    head_name: Mapped[str] = mapped_column(Text)
    head_initials: Mapped[str] = mapped_column(String(64), default="")
    head_pinyin: Mapped[str] = mapped_column(Text, default="")
    head_id_number: Mapped[str] = mapped_column(String(18))
    head_phone: Mapped[str] = mapped_column(String(32), default="")
    consent_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    form_id: Mapped[str] = mapped_column(String(64), default="household")
    form_version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_households_village_pinyin", "village_code", "head_pinyin"),
        Index("ix_households_id_number", "head_id_number"),
        Index("ix_households_initials", "head_initials"),
        Index("ix_households_phone", "head_phone"),
        # Covering index for list searches (see migration 0001).
        Index("ix_households_search", "deleted", "head_pinyin", "id", "head_name", "head_initials",
              "head_id_number", "head_phone", "village_code"),
    )


class Cooperative(Versioned, Base):
    """A farmers' professional cooperative's credit file."""

    __tablename__ = "cooperatives"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(ForeignKey("divisions.code"))
    name: Mapped[str] = mapped_column(Text)
    name_initials: Mapped[str] = mapped_column(String(128), default="")
    name_pinyin: Mapped[str] = mapped_column(Text, default="")
    uscc: Mapped[str] = mapped_column(String(18))
    legal_rep_name: Mapped[str] = mapped_column(Text, default="")
    legal_rep_id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    consent_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    form_id: Mapped[str] = mapped_column(String(64), default="cooperative")
    form_version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_cooperatives_village_pinyin", "village_code", "name_pinyin"),
        Index("ix_cooperatives_uscc", "uscc"),
        Index("ix_cooperatives_initials", "name_initials"),
        Index("ix_cooperatives_search", "deleted", "name_pinyin", "id", "name", "name_initials", "uscc",
              "phone", "village_code", "legal_rep_id_number"),
    )


class User(Versioned, Base):
    """An account on this laptop. Roles and hashing are the security package's business."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[datetime]] = mapped_column(default=None)


class Draft(Base):
    """Work in progress of an editor, autosaved so a crash or power cut loses nothing."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[Optional[str]] = mapped_column(String(36))
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_by: Mapped[str] = mapped_column(String(64), default="")
    saved_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Setting(Base):
    """Small key/value facts about this installation (device id, last sync time...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """One line of the append-only audit trail, hash-chained to the line before it.

    Never updated or deleted by the program (a trigger refuses both); ``python -m app audit
    verify`` recomputes the chain and names the first line that was edited, removed or added.
    """

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)  # ix_audit_log_action
    target_type: Mapped[Optional[str]] = mapped_column(String(32))
    target_id: Mapped[Optional[str]] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_target", "target_id", "seq"),)  # migration 0009


class Rating(Versioned, Base):
    """One computed rating of a household or cooperative, kept whole and never overwritten.

    Re-rating adds a row. ``inputs`` is the snapshot that was rated (the record document and
    any platform events) and ``result`` the engine's data-standard JSON, so a rating can be
    recomputed from the row alone with the scheme version it names (reproducibility).
    ``score`` is the two-place decimal as text (exact; SQLite has no decimal type).
    """

    __tablename__ = "ratings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    subject_type: Mapped[str] = mapped_column(String(16))  # household | cooperative
    subject_id: Mapped[str] = mapped_column(String(36))
    scheme_id: Mapped[str] = mapped_column(String(64))
    scheme_version: Mapped[int] = mapped_column(Integer)
    rated_on: Mapped[date] = mapped_column(Date)
    rated_by: Mapped[str] = mapped_column(String(64))
    score: Mapped[str] = mapped_column(String(8))
    grade: Mapped[Optional[str]] = mapped_column(String(8))  # None: not rated (no consent)
    credit_household: Mapped[bool] = mapped_column(Boolean)
    complete: Mapped[bool] = mapped_column(Boolean)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    inputs_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 hex of canonical ``inputs``

    __table_args__ = (Index("ix_ratings_subject_rated_on", "subject_id", "rated_on"),)


class OutboxEntry(Base):
    """One local change waiting to be pushed (or pushed, with the platform's answer).

    Written in the same transaction as the change itself, so a record is never saved without
    its mutation nor a mutation queued for a change that was rolled back. ``fields`` is the
    whole document (insert), the changed top-level fields (patch) or empty (delete).
    ``state``: pending | applied | duplicate | rejected | conflict.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_record_state", "record_id", "state"),
                      Index("ix_outbox_state", "state", "mutation_id"),
                      {"sqlite_autoincrement": True})

    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert | patch | delete
    base_revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    result: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON, default=None)
    sent_at: Mapped[Optional[datetime]] = mapped_column(default=None)


class WorkflowStep(Base):
    """One step of a rating's appraisal–notice–objection–confirmation workflow (insert-only).

    ``step``: appraised | notice | objection | decision | confirmed. The current stage of a
    rating is derived from its rows (app/services/workflow_state.py); a trigger refuses updates
    and deletes. ``on`` is the step's effective date (the notice's start date, the day an
    objection was received...), ``at`` when the row was written (UTC). ``score``/``grade``/
    ``credit_household``/``credit_line`` are the result after an appraisal or an upheld
    objection; ``reason`` is the appraisal's reason, the objection's content or the answer.
    """

    __tablename__ = "workflow_steps"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    rating_id: Mapped[str] = mapped_column(ForeignKey("ratings.id"), index=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(36))
    village_code: Mapped[str] = mapped_column(String(12), index=True)
    step: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    adjustment: Mapped[Optional[str]] = mapped_column(String(8))  # points, two places, as text
    score: Mapped[Optional[str]] = mapped_column(String(8))
    grade: Mapped[Optional[str]] = mapped_column(String(8))
    credit_household: Mapped[Optional[bool]] = mapped_column(Boolean)
    credit_line: Mapped[Optional[str]] = mapped_column(String(16))  # yuan, two places, as text
    reason: Mapped[str] = mapped_column(Text, default="")
    appraisers: Mapped[str] = mapped_column(Text, default="")  # names joined by "、"
    objection_id: Mapped[Optional[str]] = mapped_column(String(36))  # a decision's objection
    decision: Mapped[Optional[str]] = mapped_column(String(16))  # upheld | rejected


class SigningKey(Base):
    """This installation's Ed25519 certificate-signing key (issue 6).

    ``private_pem`` is PKCS#8 PEM encrypted under a passphrase derived from the database key,
    and the row itself lives in the encrypted store; ``public_key`` is base64 of the raw 32 bytes.
    """

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(String(64))
    private_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CertificateCounter(Base):
    """The last certificate sequence allocated for a county, year and series (never decreases).

    ``series`` is the one the platform gave this installation at enrolment (0 while not
    enrolled); numbers of different series never meet, so each has its own counter.
    """

    __tablename__ = "certificate_counters"

    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[int] = mapped_column(Integer, primary_key=True, default=0)
    last_sequence: Mapped[int] = mapped_column(Integer)


class Certificate(Versioned, Base):
    """One issued 信用户证书 in the register; never deleted.

    Its status is derived: revoked (``revoked_at``), superseded (``superseded_by``, the newer
    certificate's number), expired (``valid_until`` passed), else valid. ``payload`` is the
    signed QR text (masked name, no ID number), kept so a reprint shows the identical QR.
    ``credit_line`` is yuan with two places, as text.
    """

    __tablename__ = "certificates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # app/documents/numbering.py
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(36))
    rating_id: Mapped[str] = mapped_column(String(36))
    village_code: Mapped[str] = mapped_column(String(12))
    grade: Mapped[str] = mapped_column(String(8))
    credit_line: Mapped[str] = mapped_column(String(16))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)  # the date printed on the certificate
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    device_id: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    reprint_count: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    revoked_by: Mapped[Optional[str]] = mapped_column(String(64), default=None)
    revoke_reason: Mapped[Optional[str]] = mapped_column(Text, default=None)
    superseded_by: Mapped[Optional[str]] = mapped_column(String(32), default=None)
    superseded_at: Mapped[Optional[datetime]] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_certificates_subject", "subject_id", "issued_at"),
        Index("ix_certificates_village", "village_code", "number"),
        Index("ix_certificates_rating", "rating_id"),
    )


# --- Sync (issue 7) -------------------------------------------------------------------------
from sqlalchemy import UniqueConstraint  # noqa: E402  (appended section; keeps the edit local)


class SyncState(Base):
    """The one enrolment of this installation (row ``id`` 1) and how far sync has come.

    ``token`` is the device's bearer token: the store is SQLCipher-encrypted, so it is
    encrypted at rest, and it is never logged. ``cursor`` is the platform's opaque pull cursor.
    ``certificate_series`` is the certificate number series the platform assigned to this
    device at enrolment (0: the platform gave none).
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    platform_url: Mapped[str] = mapped_column(Text)
    ca_bundle: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[str] = mapped_column(String(36))
    device_name: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    token: Mapped[str] = mapped_column(Text)
    token_expires_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    divisions: Mapped[list[str]] = mapped_column(JSON, default=list)
    cursor: Mapped[str] = mapped_column(Text, default="")
    audit_pushed_seq: Mapped[int] = mapped_column(Integer, default=0)
    certificate_series: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_push_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    last_pull_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    last_sync_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    last_attempt_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")


class ReviewItem(Base):
    """A field changed on this device and on the platform: both values, until someone picks."""

    __tablename__ = "sync_reviews"
    __table_args__ = (UniqueConstraint("mutation_id", "field", name="uq_sync_reviews_mutation_field"),
                      Index("ix_sync_reviews_open", "resolved_at", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    mutation_id: Mapped[int] = mapped_column(Integer)
    server_revision: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[Optional[datetime]] = mapped_column(default=None)
    choice: Mapped[Optional[str]] = mapped_column(String(8), default=None)  # local | server
    resolved_by: Mapped[str] = mapped_column(String(64), default="")


class PulledRecord(Base):
    """A record the platform owns (or another device made), pulled read-only.

    Blacklist entries, conduct events, certificate revocations, signing keys, schemes,
    divisions, other devices' ratings and certificates. ``subject_key`` is the normalized ID
    number or credit code an event or list entry is about ("" for the rest).
    """

    __tablename__ = "pulled_records"
    __table_args__ = (Index("ix_pulled_records_subject", "record_type", "subject_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_key: Mapped[str] = mapped_column(String(18), default="")
    document: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON, nullable=True)
    pulled_at: Mapped[datetime] = mapped_column(default=utcnow)
