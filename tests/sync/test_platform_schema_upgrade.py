"""An older platform database (devices without a series, no number register) is brought up to
date by ``create_schema``: existing devices get series in order of enrolment, one per signing
key, and the certificates already pushed hold their numbers."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select, text
from sync_fixtures import public_key

from sync.platform.db import PlatformDB
from sync.platform.models import CertificateNumber, Device, Record, User

T0 = datetime(2026, 1, 5, tzinfo=timezone.utc)


def _old_database(url: str) -> PlatformDB:
    db = PlatformDB(url)
    db.create_schema()
    with db.engine.begin() as connection:  # what a database made before series looked like
        connection.execute(text("DROP INDEX ix_devices_certificate_series"))
        connection.execute(text("ALTER TABLE devices DROP COLUMN certificate_series"))
        connection.execute(text("DROP TABLE certificate_numbers"))
        connection.execute(text("DELETE FROM counters WHERE name = 'certificate_series'"))
    return db


def _device(connection, device_id: str, key: str, day: int) -> None:
    connection.execute(text(
        "INSERT INTO devices (id, user_id, name, signing_public_key, token_hash, token_expires_at,"
        " last_mutation_id, created_at) VALUES (:id, 'u1', 'laptop', :key, :hash, :at, 0, :at)"),
        {"id": device_id, "key": key, "hash": device_id * 2, "at": T0 + timedelta(days=day)})


def test_create_schema_gives_old_devices_series_and_registers_pushed_numbers(tmp_path):
    db = _old_database(f"sqlite:///{tmp_path / 'platform.db'}")
    same, other = public_key().hex()[:44], public_key().hex()[:44]
    with db.write() as session:
        session.add(User(id="u1", username="wang", role="loan_officer"))
        for seq, (record_id, number) in enumerate([("r1", "445122-2026-000001"), ("r2", "445122-2026-000001"),
                                                   ("r3", "445122-2026-000002")], start=1):
            session.add(Record(id=record_id, record_type="certificate", document={"number": number},
                               seq=seq, revision=1, field_revisions={}, deleted=False))
    with db.engine.begin() as connection:
        _device(connection, "d-late", other, 9)
        _device(connection, "d-first", same, 1)
        _device(connection, "d-again", same, 5)   # the first laptop enrolled again
    db.create_schema()
    db.create_schema()  # idempotent
    with db.read() as session:
        series = dict(session.execute(select(Device.id, Device.certificate_series)).all())
        held = dict(session.execute(select(CertificateNumber.number, CertificateNumber.record_id)).all())
    assert series == {"d-first": 1, "d-again": 1, "d-late": 2}
    assert held == {"445122-2026-000001": "r1", "445122-2026-000002": "r3"}  # the first keeps a shared number
    db.close()
