"""Administration of the platform: users, enrolment codes, assignments, published data, revocations.

Each function is one transaction that writes its audit entry with it (actor ``admin:<who>``).
The command line (``python -m sync.platform admin ...``) and the tests call these functions.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select

from app.domain.divisions import is_division_code
from app.rating.events import platform_event_expired
from app.rating.scheme import parse_scheme_text
from sync.platform.auth import hash_secret, new_enrolment_code
from sync.platform.db import PlatformDB, SeqAllocator
from sync.platform.enrol import signing_key_document
from sync.platform.models import Device, Division, EnrolmentCode, User, UserDivision
from sync.platform.records import audit, put_platform_record, record_uuid
from sync.platform.sources import blacklist_entries, conduct_events, division_rows
from sync.protocol import iso_utc, utc_now

ROLES = ("loan_officer", "township_officer", "supervisor")
CODE_LIFETIME = timedelta(hours=24)


def _user(session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise LookupError(f"没有用户 {username}")
    return user


def create_user(db: PlatformDB, username: str, display_name: str = "", role: str = "loan_officer",
                *, by: str = "admin") -> str:
    """Create a platform user; returns the user id."""
    if role not in ROLES:
        raise ValueError(f"角色应为 {', '.join(ROLES)} 之一")
    with db.write() as session:
        user = User(id=str(uuid.uuid4()), username=username, display_name=display_name, role=role)
        session.add(user)
        audit(session, f"admin:{by}", "admin.create_user", username, role=role)
    return user.id


def issue_enrolment_code(db: PlatformDB, username: str, *, valid_for: timedelta = CODE_LIFETIME,
                         now: datetime | None = None, by: str = "admin") -> str:
    """A one-time enrolment code for ``username``, valid ``valid_for`` from ``now``; shown once."""
    now = now or utc_now()
    code = new_enrolment_code()
    with db.write() as session:
        user = _user(session, username)
        session.add(EnrolmentCode(code_hash=hash_secret(code), user_id=user.id, expires_at=now + valid_for))
        audit(session, f"admin:{by}", "admin.issue_code", username, expires_at=iso_utc(now + valid_for))
    return code


def assign_divisions(db: PlatformDB, username: str, codes: list[str], *, by: str = "admin") -> None:
    """Replace the townships/villages (12-digit codes) assigned to ``username``."""
    bad = [c for c in codes if not is_division_code(c)]
    if bad:
        raise ValueError(f"不是 12 位区划代码：{', '.join(bad)}")
    with db.write() as session:
        user = _user(session, username)
        session.execute(delete(UserDivision).where(UserDivision.user_id == user.id))
        session.add_all(UserDivision(user_id=user.id, division_code=c) for c in sorted(set(codes)))
        audit(session, f"admin:{by}", "admin.assign", username, codes=sorted(set(codes)))


def load_divisions(db: PlatformDB, path: Path, *, by: str = "admin") -> int:
    """Load a YAML division list; each division also becomes a pullable ``division`` record."""
    rows = division_rows(Path(path))
    with db.write() as session:
        seqs = SeqAllocator(session)
        for row in rows:
            session.merge(Division(**row))
            put_platform_record(session, seqs, "division", record_uuid("division", row["code"]),
                                {"record_type": "division", **row})
        seqs.store()
        audit(session, f"admin:{by}", "admin.load_divisions", Path(path).name, count=len(rows))
    return len(rows)


def publish_scheme(db: PlatformDB, path: Path, *, by: str = "admin") -> str:
    """Check a rating scheme YAML and publish it as a ``scheme`` record; returns ``id@version``."""
    path = Path(path)
    text = path.read_text("utf-8")
    scheme = parse_scheme_text(text, path.name)  # refuses a faulty scheme before anything is written
    document = {"record_type": "scheme", "scheme_id": scheme.id, "version": scheme.version,
                "applies_to": scheme.record_type, "title": scheme.title, "file": path.name,
                "yaml": text, "published_at": iso_utc(utc_now())}
    with db.write() as session:
        seqs = SeqAllocator(session)
        put_platform_record(session, seqs, "scheme", record_uuid("scheme", scheme.ref), document)
        seqs.store()
        audit(session, f"admin:{by}", "admin.publish_scheme", scheme.ref)
    return scheme.ref


def load_blacklist(db: PlatformDB, path: Path, *, by: str = "admin") -> int:
    """Load court/agency blacklist entries (CSV or JSON); reloading a file updates, never duplicates.

    Returns how many were loaded: entries removed from the list five or more years ago are not.
    """
    entries = blacklist_entries(Path(path))
    return _load(db, "blacklist_entry", entries, by, Path(path).name,
                 lambda e: (e.get("id_number") or e.get("uscc"), e["kind"], e["case_number"]))


def load_conduct_events(db: PlatformDB, path: Path, *, by: str = "admin") -> int:
    """Load departments' honours and penalties (CSV or JSON); penalties five or more years old are not loaded."""
    events = conduct_events(Path(path))
    return _load(db, "conduct_event", events, by, Path(path).name,
                 lambda e: (e.get("subject_id_number") or e.get("uscc"), e["kind"], e["date"], e["source"]))


def _load(db: PlatformDB, record_type: str, documents: list[dict], by: str, name: str, key) -> int:
    """Put the documents; those past the five-year retention limit today are not loaded
    (counted in the audit entry as ``expired``), so a reload never revives a purged event."""
    today = date.today()
    kept = [d for d in documents if not platform_event_expired(record_type, d, today)]
    with db.write() as session:
        seqs = SeqAllocator(session)
        for document in kept:
            record_id = record_uuid(record_type, *key(document))
            put_platform_record(session, seqs, record_type, record_id, {"id": record_id, **document},
                                village_code=document.get("village_code"))
        seqs.store()
        audit(session, f"admin:{by}", f"admin.load_{record_type}", name, count=len(kept),
              expired=len(documents) - len(kept))
    return len(kept)


def revoke_device(db: PlatformDB, device_id: str, reason: str = "", *, by: str = "admin") -> None:
    """Revoke a device: its token stops working and its signing key is marked revoked everywhere."""
    with db.write() as session:
        device = session.get(Device, device_id)
        if device is None:
            raise LookupError(f"没有设备 {device_id}")
        device.revoked_at = device.revoked_at or utc_now()
        user = session.get(User, device.user_id)
        seqs = SeqAllocator(session)
        put_platform_record(session, seqs, "signing_key", record_uuid("signing_key", device.id),
                            signing_key_document(device, user.username))
        seqs.store()
        audit(session, f"admin:{by}", "admin.revoke_device", device_id, reason=reason)


def revoke_certificate(db: PlatformDB, number: str, reason: str, *, by: str = "admin") -> str:
    """Publish the revocation of certificate ``number``; returns the revocation record id."""
    record_id = record_uuid("certificate_revocation", number)
    document = {"id": record_id, "record_type": "certificate_revocation", "number": number,
                "reason": reason, "revoked_at": iso_utc(utc_now())}
    with db.write() as session:
        seqs = SeqAllocator(session)
        put_platform_record(session, seqs, "certificate_revocation", record_id, document)
        seqs.store()
        audit(session, f"admin:{by}", "admin.revoke_certificate", number, reason=reason)
    return record_id
