"""The wire protocol shared by the field client and the exchange platform (pydantic models).

Versions: ``PROTOCOL_VERSION`` is the shape of the requests below; ``SCHEMA_VERSION`` is the
data standard (``shared/domain/DATA-STANDARD.md``) of the documents they carry. Every request
sends both in the ``X-Protocol-Version`` / ``X-Schema-Version`` headers; the platform answers
an unsupported client with HTTP 426. Every response body carries ``server_time`` (ISO, UTC).

Push (after Replicache): a device numbers its mutations 1, 2, 3 ... strictly increasing; the
platform keeps the last number it applied for the device in the same transaction as the
change, so a replay is a ``duplicate``, never a second record. Pull (after CouchDB's
checkpoints and Anki's USNs): every change gets a monotonic sequence number at commit; the
client keeps an opaque cursor and asks for what came after it.
"""
from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime, timezone
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

PROTOCOL_VERSION = 1
SCHEMA_VERSION = 1
PROTOCOL_HEADER = "X-Protocol-Version"
SCHEMA_HEADER = "X-Schema-Version"
API_PREFIX = "/api/v1"
MAX_PUSH_BATCH = 500
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500

RecordType = Literal["household", "cooperative", "rating", "certificate", "conduct_event",
                     "audit_entry", "certificate_revocation"]
PlatformRecordType = Literal["household", "cooperative", "rating", "certificate", "conduct_event",
                             "blacklist_entry", "scheme", "division", "certificate_revocation",
                             "signing_key"]
Op = Literal["insert", "patch", "delete"]
Status = Literal["applied", "duplicate", "rejected", "conflict"]
INSERT_ONLY_TYPES = frozenset({"rating", "certificate", "conduct_event", "audit_entry", "certificate_revocation"})
PLATFORM_OWNED_TYPES = frozenset({"blacklist_entry", "conduct_event", "scheme", "division",
                                  "certificate_revocation", "signing_key"})

_CURSOR_PREFIX = "v1:"
# Records named by a natural key (a division code, a case number, a certificate number) get a
# UUID derived from it, so every record on the wire has the same kind of id, a reload of the
# same file updates instead of duplicating, and a certificate revoked by the platform's
# administrator and by a field supervisor is one revocation.
_NAMESPACE = uuid.UUID("5b0c7c0e-6a1d-4c55-9f39-0c2f1f4a8e21")


def record_uuid(record_type: str, *natural_key: object) -> str:
    """The stable UUID of a record of ``record_type`` with this natural key."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join([record_type, *map(str, natural_key)])))


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def iso_utc(moment: datetime) -> str:
    """``moment`` as ISO 8601 UTC with a ``Z``: ``2026-11-28T08:00:00.123456Z``."""
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def encode_cursor(seq: int) -> str:
    """The opaque pull cursor for "everything after sequence number ``seq``"."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The sequence number inside a cursor (0 for none); ValueError for a cursor not ours."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
    except (binascii.Error, UnicodeError) as error:
        raise ValueError("cursor is not base64") from error
    if not text.startswith(_CURSOR_PREFIX) or not text[len(_CURSOR_PREFIX):].isdigit():
        raise ValueError("cursor is not a v1 cursor")
    return int(text[len(_CURSOR_PREFIX):])


class _Wire(BaseModel):
    # Unknown keys are ignored so that a newer peer may add fields without breaking an older one.
    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Wire):
    """The body of every error response: a code for programs, a Chinese message for people."""

    error: str
    message: str
    server_time: datetime


class EnrolRequest(_Wire):
    """Enrol a device with a one-time code; ``signing_public_key`` is base64 of raw Ed25519 (32 bytes)."""

    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(min_length=1, max_length=64)
    signing_public_key: str = Field(max_length=64)

    @field_validator("signing_public_key")
    @classmethod
    def _raw_ed25519(cls, value: str) -> str:
        try:
            raw = base64.b64decode(value, validate=True)
        except binascii.Error:
            raise ValueError("not base64") from None
        if len(raw) != 32:
            raise ValueError("an Ed25519 public key has 32 bytes")
        return value


class EnrolResponse(_Wire):
    """The device's bearer token (shown once), its id, and the user's assigned division codes.

    ``certificate_series`` is the device's certificate number series, unique on the platform
    (1, 2, 3 ... in order of enrolment; 0 from a platform that assigns none): the third part
    of ``<county>-<year>-<series>-<sequence>``.
    """

    device_id: UUID
    token: str
    username: str
    display_name: str
    divisions: list[str]
    token_expires_at: datetime
    server_time: datetime
    certificate_series: int = Field(default=0, ge=0, le=999)


class Mutation(_Wire):
    """One change made on a device. ``fields``: the whole document (insert) or changed fields (patch)."""

    mutation_id: int = Field(ge=1)
    record_type: RecordType
    record_id: UUID
    op: Op
    base_revision: int = Field(default=0, ge=0)
    fields: dict[str, Any] = Field(default_factory=dict)


class PushRequest(_Wire):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_BATCH)


class ProblemOut(_Wire):
    """One validation problem: a data-standard field path, a code, the Chinese message."""

    field: str
    code: str
    message: str


class FieldConflict(_Wire):
    """A field changed on the platform and on the device since ``base_revision``; the platform value was kept."""

    field: str
    server_value: Any = None
    client_value: Any = None


class MutationResult(_Wire):
    """What became of one mutation; ``original_status`` tells what a ``duplicate`` was first."""

    mutation_id: int
    status: Status
    revision: int | None = None
    reason: str | None = None
    problems: list[ProblemOut] | None = None
    conflicts: list[FieldConflict] | None = None
    original_status: Status | None = None


class PushResponse(_Wire):
    results: list[MutationResult]
    last_mutation_id: int
    server_time: datetime


class Change(_Wire):
    """A record as it is now; ``document`` is whole (None for a tombstone, ``op == "delete"``)."""

    seq: int
    record_type: PlatformRecordType
    record_id: UUID
    op: Literal["upsert", "delete"]
    revision: int
    document: dict[str, Any] | None = None


class PullResponse(_Wire):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    server_time: datetime


class VillageFigures(_Wire):
    """Public-safe figures of one village: counts only, no names, no ID numbers."""

    village_code: str
    village_name: str
    township_code: str
    registered_households: int
    filed_households: int
    rated_households: int
    grade_counts: dict[str, int]
    credit_households: int
    credit_village: bool


class PublicFigures(_Wire):
    scheme_id: str
    scheme_version: int
    villages: list[VillageFigures]
    server_time: datetime
