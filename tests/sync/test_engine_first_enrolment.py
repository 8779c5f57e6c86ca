"""A laptop that holds records before its first enrolment (the demo city) sends them all.

The demo generator stores its households without the outbox; the first enrolment queues them,
folding in edits and deletes made before it, so the first sync refuses nothing and the laptop's
later edits apply. Confirmed ratings go with them (queued when confirmed).
"""
from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_fixtures import serve

from app.services import accounts
from app.services.demo import DEMO_ACCOUNTS
from app.services.records import delete_record, load_record, save_record
from app.store.models import Household, OutboxEntry, Rating, WorkflowStep
from sync.engine.retry import RetryPolicy
from sync.engine.service import enrol, sync_now
from sync.platform import admin
from sync.platform.app import PlatformSettings, create_app
from sync.platform.db import PlatformDB
from sync.platform.models import Record

DIVISIONS = Path(__file__).resolve().parents[2] / "resources" / "divisions" / "demo-city.yaml"
PASSWORD = {name: password for name, password, _role, _display in DEMO_ACCOUNTS}
FAST = RetryPolicy(attempts=2, first_delay=0.0, sleep=lambda _s: None)
TODAY = date(2026, 11, 28)


@pytest.fixture
def city_platform(tmp_path):
    db = PlatformDB(f"sqlite:///{tmp_path / 'platform.db'}")
    db.create_schema()
    admin.load_divisions(db, DIVISIONS)
    with serve(create_app(db, PlatformSettings())) as url:
        yield db, url
    db.close()


def platform_records(db: PlatformDB, record_type: str) -> dict[str, dict]:
    with db.read() as session:
        rows = session.scalars(select(Record).where(Record.record_type == record_type,
                                                    Record.deleted.is_(False))).all()
        return {row.id: dict(row.document) for row in rows}


@pytest.fixture
def city(demo_dir, tmp_path) -> Path:
    """A writable copy of the 600-household demo city (its villages at every workflow stage)."""
    folder = tmp_path / "city"
    shutil.copytree(demo_dir, folder)
    return folder


def test_the_first_enrolment_sends_every_record_the_laptop_held_and_refuses_nothing(city, city_platform):
    db, url = city_platform
    ws = accounts.unlock(city, "loan", PASSWORD["loan"])
    with ws.db.session() as session:
        households = list(session.scalars(select(Household).where(Household.deleted.is_(False))
                                          .order_by(Household.id)))
        villages = sorted({h.village_code for h in households})
        confirmed = set(session.scalars(select(WorkflowStep.rating_id).where(WorkflowStep.step == "confirmed")))
    edited, removed, later = households[0].id, households[1].id, households[2].id
    document, revision = load_record(ws, "household", edited)
    save_record(ws, {**document, "head_phone": "13800138000"}, base_revision=revision,
                today=TODAY)  # an edit before enrolment, queued as a patch of a record never sent
    delete_record(ws, "household", removed)
    admin.create_user(db, "loan", "演示信贷员")
    admin.assign_divisions(db, "loan", villages)

    enrol(ws, url, admin.issue_enrolment_code(db, "loan"), device_name="演示笔记本")
    report = sync_now(ws, retry=FAST)

    assert report.push.count("rejected") == 0 and report.push.count("conflict") == 0
    on_platform = platform_records(db, "household")
    live = {h.id for h in households} - {removed}
    assert set(on_platform) == live  # every live household once, the deleted one never sent
    assert on_platform[edited]["head_phone"] == "13800138000"
    assert confirmed and set(platform_records(db, "rating")) == confirmed
    with ws.db.session() as session:
        states = Counter(session.scalars(select(OutboxEntry.state).where(OutboxEntry.record_type != "audit_entry")))
        assert set(states) == {"applied"}
        assert session.get(Household, edited).revision == 1  # the platform's first revision

    document, revision = load_record(ws, "household", later)
    save_record(ws, {**document, "head_phone": "13900139000"}, base_revision=revision, today=TODAY)
    assert set(sync_now(ws, retry=FAST).push.counts) == {"applied"}  # the edit and its audit lines
    assert platform_records(db, "household")[later]["head_phone"] == "13900139000"
    ws.close()


def test_a_confirmed_rating_is_sent_with_its_final_values_and_never_the_input_snapshot(city):
    ws = accounts.unlock(city, "loan", PASSWORD["loan"])
    with ws.db.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "rating")).first()
        assert entry is not None, "the demo confirms villages, so ratings are queued"
        rating = session.get(Rating, entry.record_id)
        rating_document = dict(entry.fields)
    assert rating_document["subject_id"] == rating.subject_id and rating_document["confirmed_on"]
    assert rating_document["computed"]["grade"] == rating.grade and rating_document["items"]
    assert "inputs" not in rating_document and rating_document["inputs_hash"] == rating.inputs_hash
    ws.close()
