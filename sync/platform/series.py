"""Certificate number series: one per installation, handed out 1, 2, 3 ... at enrolment.

A certificate number is ``<county>-<year>-<series>-<sequence>`` (app/documents/numbering.py);
each laptop counts sequences alone, so the series is what keeps two laptops of one county
apart. The platform recognises an installation by its certificate-signing key: enrolled again
(a new token, a new device row) it keeps its series and its counters carry on. Anything else
gets the next series: a new series is always safe, a shared one never is.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.numbering import MAX_SERIES
from sync.platform.messages import SERIES_FULL, ApiError
from sync.platform.models import Counter, Device

SERIES = "certificate_series"


def series_for(session: Session, signing_public_key: str) -> int:
    """The series of the installation with this key: its earlier one, else the next free one."""
    earlier = session.scalar(select(Device.certificate_series).where(
        Device.signing_public_key == signing_public_key, Device.certificate_series.is_not(None))
        .order_by(Device.created_at).limit(1))
    return earlier if earlier is not None else next_series(session)


def next_series(session: Session) -> int:
    """Take the next series from its counter (row-locked until the transaction ends)."""
    counter = session.scalars(select(Counter).where(Counter.name == SERIES).with_for_update()).first()
    if counter is None:
        counter = Counter(name=SERIES, value=0)
        session.add(counter)
    if counter.value >= MAX_SERIES:
        raise ApiError(409, "enrol.series_full", SERIES_FULL, limit=MAX_SERIES)
    counter.value += 1
    return counter.value
