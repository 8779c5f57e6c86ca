"""Enrolling a device with a one-time code: a token bound to user and device, its public key,
and its certificate number series (:mod:`sync.platform.series`).

The device's Ed25519 public key becomes a ``signing_key`` record that every device pulls, so
that any laptop can verify a certificate printed by any other one offline.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from sync.platform.auth import aware, hash_secret, new_token, normalize_code, user_scope
from sync.platform.db import PlatformDB, SeqAllocator
from sync.platform.messages import BAD_CODE, ApiError
from sync.platform.models import Device, EnrolmentCode, User
from sync.platform.records import audit, put_platform_record, record_uuid
from sync.platform.series import series_for
from sync.protocol import EnrolRequest, iso_utc


def signing_key_document(device: Device, username: str) -> dict[str, Any]:
    """The public, pullable description of a device's certificate-signing key."""
    return {"record_type": "signing_key", "device_id": device.id, "device_name": device.name,
            "username": username, "public_key": device.signing_public_key,
            "enrolled_at": iso_utc(aware(device.created_at)),
            "revoked_at": iso_utc(aware(device.revoked_at)) if device.revoked_at else None}


def enrol_device(db: PlatformDB, request: EnrolRequest, now: datetime, token_ttl: timedelta,
                 client_address: str = "") -> dict[str, Any]:
    """Spend the code, register the device, and return the enrolment body (token shown once)."""
    code_hash = hash_secret(normalize_code(request.code))
    token = new_token()
    with db.write() as session:
        code = session.scalars(select(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash)
                               .with_for_update()).first()
        user = session.get(User, code.user_id) if code else None
        usable = (code is not None and code.used_at is None and aware(code.expires_at) > now
                  and user is not None and user.active)
        if usable:
            code.used_at = now
            device = Device(id=str(uuid.uuid4()), user_id=user.id, name=request.device_name,
                            signing_public_key=request.signing_public_key,
                            token_hash=hash_secret(token), token_expires_at=now + token_ttl,
                            created_at=now,
                            certificate_series=series_for(session, request.signing_public_key))
            session.add(device)
            seqs = SeqAllocator(session)
            put_platform_record(session, seqs, "signing_key", record_uuid("signing_key", device.id),
                                signing_key_document(device, user.username))
            seqs.store()
            audit(session, f"{user.username}@{device.id}", "enrol", device.id,
                  device_name=request.device_name, address=client_address,
                  certificate_series=device.certificate_series)
            divisions = sorted(user_scope(session, user.id).codes)
    if not usable:
        with db.write() as session:
            why = ("unknown" if code is None else "used" if code.used_at else
                   "expired" if aware(code.expires_at) <= now else "inactive")
            audit(session, user.username if user else "?", "enrol.refused", "", reason=why,
                  address=client_address)
        raise ApiError(401, "enrol.code", BAD_CODE)
    return {"device_id": device.id, "token": token, "username": user.username,
            "display_name": user.display_name, "divisions": divisions,
            "token_expires_at": iso_utc(now + token_ttl), "server_time": iso_utc(now),
            "certificate_series": device.certificate_series}
