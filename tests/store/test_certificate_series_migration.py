"""Migration 0010: a store with certificates of the first number format keeps them, its counters
carry on in series 0, and an old number still reads, prints and verifies."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.documents.model import CertificateData
from app.documents.numbering import parse_certificate_no
from app.documents.signing import Keyring, Status, claim_for, generate_signing_key, sign_payload, verify_payload
from app.paths import DATABASE_FILE
from app.store import migrate
from app.store.db import make_engine, sqlite_connector
from app.store.models import Certificate, CertificateCounter, SyncState
from app.store.open import open_database

OLD_NUMBER = "445122-2026-000012"


def _old_store(data_dir: Path) -> None:
    """A store at revision 0009 holding one certificate numbered in the first format."""
    path = data_dir / DATABASE_FILE
    engine = make_engine(sqlite_connector(path))
    migrate.upgrade(engine, path, target="0009")
    with engine.begin() as connection:
        connection.execute(text("insert into certificate_counters values ('445122', 2026, 12)"))
        connection.execute(text(
            "insert into certificates (id, number, subject_type, subject_id, rating_id, village_code, grade,"
            " credit_line, valid_from, valid_until, issued_by, issued_on, issued_at, device_id, key_id, payload,"
            " reprint_count, created_at, updated_at, revision, deleted) values ('c1', :number, 'household', 'h1',"
            " 'r1', '445122101201', 'AA', '50000.00', '2026-03-20', '2027-03-19', 'loan', '2026-04-01',"
            " '2026-04-01 08:00:00', 'd1', 'k1', 'CV1|...', 0, '2026-04-01 08:00:00', '2026-04-01 08:00:00', 1, 0)"),
            {"number": OLD_NUMBER})
    engine.dispose()


def test_old_certificates_stay_and_the_counter_carries_on_in_series_0(data_dir: Path):
    _old_store(data_dir)
    db = open_database(data_dir)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.session() as session:
            counter = session.get(CertificateCounter, ("445122", 2026, 0))
            assert counter is not None and counter.last_sequence == 12
            assert session.query(Certificate).one().number == OLD_NUMBER
            assert session.get(SyncState, 1) is None
    finally:
        db.close()


def test_an_old_number_still_parses_signs_and_verifies():
    parsed = parse_certificate_no(OLD_NUMBER)
    assert (parsed.county_code, parsed.year, parsed.series, parsed.sequence) == ("445122", 2026, None, 12)
    key = generate_signing_key()
    ring = Keyring()
    ring.add(key.public_key(), "old-laptop", date(2026, 1, 1))
    data = CertificateData(
        certificate_no=OLD_NUMBER, subject_kind="household", holder_name="张三丰", village_name="东山村",
        township_name="东山镇", county_name="饶平县", grade="AA", credit_line=Decimal("50000"),
        valid_from=date(2026, 3, 20), valid_until=date(2027, 3, 19), issuing_township="饶平县东山镇人民政府",
        issuing_bank="饶平县农村商业银行", issued_on=date(2026, 4, 1), device_id="old-laptop")
    payload = sign_payload(claim_for(data), key)
    assert payload.split("|")[1] == OLD_NUMBER
    assert verify_payload(payload, ring, today=date(2026, 6, 1)).status is Status.VALID
    assert verify_payload(payload, ring, today=date(2026, 6, 1), revoked={OLD_NUMBER}).status is Status.REVOKED
