"""Platform blacklist entries and conduct penalties follow the five-year retention limit locally:
left out of ratings, listed and purged with the local events, never stored again by a pull."""
from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.rating.events import platform_event_expired
from app.services.rating_batch import rate_all
from app.services.ratings import rate_household
from app.services.retention import purge
from app.store.models import AuditEntry, Household, PulledRecord, Rating
from sync.engine.apply import apply_change
from sync.engine.apply_page import apply_page
from sync.protocol import Change
from tests.conftest import DEMO_TODAY, demo_city, login, writable_copy

FIVE_YEARS_AGO = DEMO_TODAY.replace(year=DEMO_TODAY.year - 5)  # expired on DEMO_TODAY, exactly
DAY_LATER = FIVE_YEARS_AGO + timedelta(days=1)  # four years and 364 days old: still counts


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_city(tmp_path_factory, "retention-platform", 200, seed=5)


@pytest.fixture
def city(demo_template: Path, tmp_path: Path) -> Path:
    return writable_copy(demo_template, tmp_path)


def _change(record_type: str, document: dict[str, Any], record_id: uuid.UUID | None = None) -> Change:
    return Change(seq=1, record_type=record_type, record_id=record_id or uuid.uuid4(), op="upsert",
                  revision=1, document=document)


def _pull(ws, record_type: str, document: dict[str, Any]) -> str:
    """Store a platform record as an older pull did (before it had expired)."""
    change = _change(record_type, document)
    with ws.db.session() as session:
        apply_change(session, "sync", change)
    return str(change.record_id)


def _penalty(number: str, day: date, kind: str = "debt_evasion") -> dict[str, Any]:
    return {"record_type": "conduct_event", "subject_id_number": number, "kind": kind,
            "date": day.isoformat(), "source": "县法院"}


def _honour(number: str, day: date) -> dict[str, Any]:
    return {"record_type": "conduct_event", "subject_id_number": number, "kind": "honour",
            "level": "township", "date": day.isoformat(), "source": "镇政府"}


def _entry(number: str, removed_on: date | None) -> dict[str, Any]:
    entry = {"record_type": "blacklist_entry", "id_number": number, "kind": "dishonest_debtor",
             "case_number": "（2019）粤5122执9号", "court_or_agency": "饶平县人民法院", "listed_on": "2019-01-02"}
    return {**entry, "removed_on": removed_on.isoformat()} if removed_on else entry


def _unvetoed_household(ws) -> Household:
    with ws.db.session() as session:
        for household in session.scalars(select(Household).where(Household.deleted.is_(False))):
            rating = rate_household(ws, household.id, DEMO_TODAY)
            if rating.grade not in (None, "C") and not rating.result["vetoes"]:
                return household
    raise AssertionError("the demo city has no unvetoed household")


def _pulled(ws) -> set[str]:
    with ws.db.session() as session:
        return set(session.scalars(select(PulledRecord.id)))


@pytest.mark.parametrize("record_type, document, expired", [
    ("conduct_event", _penalty("x", FIVE_YEARS_AGO), True),
    ("conduct_event", _penalty("x", DAY_LATER), False),
    ("conduct_event", _honour("x", date(2001, 1, 1)), False),  # not negative information
    ("blacklist_entry", _entry("x", FIVE_YEARS_AGO), True),
    ("blacklist_entry", _entry("x", DAY_LATER), False),
    ("blacklist_entry", _entry("x", None), False),  # still listed: the event has not ended
    ("conduct_event", {**_penalty("x", FIVE_YEARS_AGO), "date": "not a date"}, False),
])
def test_a_platform_event_expires_five_years_after_it_ended(record_type, document, expired):
    assert platform_event_expired(record_type, document, DEMO_TODAY) is expired


def test_an_expired_platform_penalty_neither_vetoes_nor_enters_the_rating_snapshot(city: Path):
    ws = login(city, "loan")
    try:
        household = _unvetoed_household(ws)
        number = household.data["head_id_number"]
        _pull(ws, "conduct_event", _penalty(number, FIVE_YEARS_AGO))
        _pull(ws, "blacklist_entry", _entry(number, FIVE_YEARS_AGO))
        old = rate_household(ws, household.id, DEMO_TODAY)
        assert old.inputs["events"] == [] and "V2" not in old.result["vetoes"]
        _pull(ws, "conduct_event", _penalty(number, DAY_LATER))  # one day younger: it counts
        recent = rate_household(ws, household.id, DEMO_TODAY)
        assert [e["date"] for e in recent.inputs["events"]] == [DAY_LATER.isoformat()]
        assert "V2" in recent.result["vetoes"] and recent.grade == "C"
    finally:
        ws.close()


def test_a_batch_rating_leaves_expired_platform_events_out_too(city: Path):
    ws = login(city, "loan")
    try:
        household = _unvetoed_household(ws)
        _pull(ws, "conduct_event", _penalty(household.data["head_id_number"], FIVE_YEARS_AGO))
        rate_all(ws, None, DEMO_TODAY, subject_types=("household",))
        with ws.db.session() as session:
            latest = session.scalars(select(Rating).where(Rating.subject_id == household.id)
                                     .order_by(Rating.created_at.desc())).first()
            assert latest.inputs["events"] == [] and latest.result["vetoes"] == []
    finally:
        ws.close()


def test_the_purge_lists_and_deletes_expired_platform_events_with_the_local_ones(city: Path):
    loan = login(city, "loan")
    old_penalty = _pull(loan, "conduct_event", _penalty("445122198001010012", FIVE_YEARS_AGO, "public_order"))
    old_entry = _pull(loan, "blacklist_entry", _entry("445122198001010012", FIVE_YEARS_AGO))
    kept = {_pull(loan, "conduct_event", _penalty("445122198001010012", DAY_LATER)),
            _pull(loan, "conduct_event", _honour("445122198001010012", date(2010, 5, 1))),
            _pull(loan, "blacklist_entry", _entry("445122198001010012", None))}
    loan.close()
    admin = login(city, "admin")
    try:
        before = _pulled(admin)
        listed = purge(admin, DEMO_TODAY, dry_run=True)
        assert listed.events["platform.conduct_event"] == 1 and listed.events["platform.blacklist_entry"] == 1
        assert _pulled(admin) == before  # a dry run changes nothing
        done = purge(admin, DEMO_TODAY)
        assert done.events == listed.events
        assert _pulled(admin) == before - {old_penalty, old_entry} and kept <= _pulled(admin)
        with admin.db.session() as session:
            entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "retention_purge")).one()
            assert entry.details["events"]["platform.conduct_event"] == 1
            assert "445122198001010012" not in str(entry.details)  # counts, never whose
        assert purge(admin, DEMO_TODAY, dry_run=True).events.get("platform.conduct_event") is None
    finally:
        admin.close()


def test_a_pull_never_stores_an_expired_platform_event_and_drops_an_older_copy(city: Path):
    ws = login(city, "loan")
    try:
        copy_id = uuid.uuid4()
        fresh = _penalty("445122198001010012", DAY_LATER)
        with ws.db.session() as session:  # pulled earlier, while the entry was still on the list
            apply_change(session, "sync", _change("blacklist_entry", _entry("445122198001010012", None), copy_id))
        page = [_change("conduct_event", _penalty("445122198001010012", FIVE_YEARS_AGO)),
                _change("blacklist_entry", _entry("445122198001010012", FIVE_YEARS_AGO), copy_id),
                _change("conduct_event", fresh)]
        with ws.db.session() as session:
            counts = apply_page(session, "sync", page, on=DEMO_TODAY)
        assert counts == {"expired": 2, "stored": 1}
        with ws.db.session() as session:
            stored = session.scalars(select(PulledRecord)).all()
            assert [row.document for row in stored] == [fresh]
            assert session.scalar(select(func.count()).select_from(PulledRecord)
                                  .where(PulledRecord.id == str(copy_id))) == 0
    finally:
        ws.close()
