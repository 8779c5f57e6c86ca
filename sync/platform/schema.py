"""Bringing an older platform database up to the current tables (run by ``create_schema``).

The platform has no migration tool: ``create_all`` adds missing tables, and the few columns
added to existing tables since are added here, each step idempotent, on SQLite and PostgreSQL.

- ``devices.certificate_series``: devices enrolled before series existed get one each, in
  order of enrolment (one per signing key, as :mod:`sync.platform.series` assigns them).
- ``certificate_numbers``: filled from the certificates already pushed, oldest first; should
  two already share a number, the first keeps it and the later one is left out (and logged).
"""
from __future__ import annotations

import logging

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from sync.platform.models import Base, CertificateNumber, Counter, Device, Record
from sync.platform.series import SERIES, series_for

log = logging.getLogger(__name__)


def create_tables(engine: Engine) -> set[str]:
    """Create missing tables and columns; the names of the tables that were missing."""
    before = set(inspect(engine).get_table_names())
    Base.metadata.create_all(engine)
    columns = {c["name"] for c in inspect(engine).get_columns(Device.__tablename__)}
    if "certificate_series" not in columns:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE devices ADD COLUMN certificate_series INTEGER"))
            connection.execute(text("CREATE INDEX ix_devices_certificate_series ON devices (certificate_series)"))
    return set(Base.metadata.tables) - before


def fill_new_columns(session: Session, created: set[str]) -> None:
    """Fill what the new tables and columns must hold (inside the caller's write transaction)."""
    if session.get(Counter, SERIES) is None:
        session.add(Counter(name=SERIES, value=0))
        session.flush()
    _give_devices_series(session)
    if CertificateNumber.__tablename__ in created:
        _fill_certificate_numbers(session)


def _give_devices_series(session: Session) -> None:
    waiting = session.scalars(select(Device).where(Device.certificate_series.is_(None))
                              .order_by(Device.created_at, Device.id)).all()
    for device in waiting:
        device.certificate_series = series_for(session, device.signing_public_key)
        session.flush()


def _fill_certificate_numbers(session: Session) -> None:
    held: set[str] = set()
    rows = session.execute(select(Record.id, Record.document).where(Record.record_type == "certificate")
                           .order_by(Record.seq))
    for record_id, document in rows:
        number = str((document or {}).get("number") or "")
        if not number:
            continue
        if number in held:
            log.warning("certificate number %s is held by more than one record; %s left out", number, record_id)
            continue
        held.add(number)
        session.add(CertificateNumber(number=number, record_id=record_id))
