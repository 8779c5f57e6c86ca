"""The five-year retention limit on the platform's blacklist entries and conduct penalties, on a
real platform database: listed and purged by its administrator (audited), never reloaded, and
never stored again by a laptop's pull."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_fixtures import VILLAGE_A1, Platform
from test_engine_support import enrolled_device

from app.domain.idnumber import make_id_number
from app.domain.masking import mask_id_number
from app.store.models import AuditEntry as LocalAudit
from app.store.models import PulledRecord
from sync.engine.apply import apply_change
from sync.platform import admin
from sync.platform.cli import main as platform_main
from sync.platform.db import SeqAllocator
from sync.platform.models import AuditEntry, Record
from sync.platform.records import put_platform_record, record_uuid
from sync.protocol import Change

PERSON = make_id_number("445122", date(1975, 3, 8), 13, "male")


def _years_ago(years: int, days: int = 0) -> str:
    today = date.today()
    try:
        then = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        then = date(today.year - years, 3, 1)
    return (then + timedelta(days=days)).isoformat()


def _penalty(day: str, source: str) -> dict:
    return {"record_type": "conduct_event", "subject_id_number": PERSON, "kind": "public_order",
            "date": day, "source": source}


def _entry(removed_on: str | None, case: str) -> dict:
    entry = {"record_type": "blacklist_entry", "id_number": PERSON, "kind": "dishonest_debtor",
             "case_number": case, "court_or_agency": "饶平县人民法院", "listed_on": "2015-01-05"}
    return {**entry, "removed_on": removed_on} if removed_on else entry


def _loaded_earlier(platform: Platform, record_type: str, document: dict) -> str:
    """A record loaded while it was still within the limit (the loader refuses expired ones now)."""
    record_id = record_uuid(record_type, json.dumps(document, sort_keys=True))
    with platform.db.write() as session:
        seqs = SeqAllocator(session)
        put_platform_record(session, seqs, record_type, record_id, {"id": record_id, **document})
        seqs.store()
    return record_id


def _record(platform: Platform, record_id: str) -> Record:
    with platform.db.read() as session:
        return session.get(Record, record_id)


def test_the_loaders_do_not_load_expired_events(platform: Platform, tmp_path: Path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps([_penalty(_years_ago(5), "旧派出所"), _penalty(_years_ago(5, 1), "新派出所")],
                               ensure_ascii=False), "utf-8")
    assert admin.load_conduct_events(platform.db, path) == 1
    listing = tmp_path / "blacklist.json"
    listing.write_text(json.dumps([_entry(_years_ago(6), "（2015）旧"), _entry(None, "（2015）仍在")],
                                  ensure_ascii=False), "utf-8")
    assert admin.load_blacklist(platform.db, listing) == 1
    with platform.db.read() as session:
        sources = {r.document.get("source") or r.document.get("case_number")
                   for r in session.scalars(select(Record).where(Record.record_type.in_(
                       ("conduct_event", "blacklist_entry"))))}
        loads = session.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ("admin.load_conduct_event", "admin.load_blacklist_entry")))).all()
    assert {"新派出所", "（2015）仍在"} <= sources and not {"旧派出所", "（2015）旧"} & sources
    assert sorted(e.detail.get("expired") for e in loads) == [1, 1]


def test_the_platform_admin_lists_then_purges_expired_events_audited(platform: Platform, capsys):
    old_penalty = _loaded_earlier(platform, "conduct_event", _penalty(_years_ago(6), "镇派出所"))
    old_entry = _loaded_earlier(platform, "blacklist_entry", _entry(_years_ago(5), "（2015）粤5122执7号"))
    fresh = _loaded_earlier(platform, "conduct_event", _penalty(_years_ago(4), "县公安局"))
    honour = _loaded_earlier(platform, "conduct_event", {**_penalty(_years_ago(9), "县妇联"), "kind": "honour"})
    seq_before = _record(platform, old_penalty).seq

    assert platform_main(["admin", "purge-expired", "--db", platform.db.url, "--dry-run"]) == 0
    listing = capsys.readouterr().out
    assert "失信名单 1 条，处罚记录 1 条" in listing
    assert old_penalty in listing and old_entry in listing and fresh not in listing and honour not in listing
    assert PERSON not in listing and mask_id_number(PERSON) in listing  # subjects masked
    assert _record(platform, old_penalty).document is not None  # a dry run changes nothing

    assert platform_main(["admin", "purge-expired", "--db", platform.db.url, "--by", "王管理"]) == 0
    assert "已清理" in capsys.readouterr().out
    for record_id in (old_penalty, old_entry):
        record = _record(platform, record_id)
        assert record.deleted and record.document is None and record.seq > seq_before
    assert _record(platform, fresh).document and _record(platform, honour).document
    with platform.db.read() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "admin.purge_expired")).all()
    assert entry.actor == "admin:王管理" and entry.detail["conduct_event"] == 1
    assert entry.detail["blacklist_entry"] == 1 and PERSON not in json.dumps(entry.detail)
    platform_main(["admin", "purge-expired", "--db", platform.db.url, "--dry-run"])
    assert "失信名单 0 条，处罚记录 0 条" in capsys.readouterr().out


def test_a_bad_date_is_refused_in_one_line(platform: Platform, capsys):
    with pytest.raises(SystemExit) as refused:
        platform_main(["admin", "purge-expired", "--db", platform.db.url, "--on", "2026/11/28"])
    assert refused.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_laptop_drops_its_copy_when_the_platform_purges(platform: Platform, tmp_path: Path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    try:
        old = _loaded_earlier(platform, "conduct_event", _penalty(_years_ago(7), "村委会"))
        with device.ws.db.session() as session:  # the copy an earlier pull stored
            apply_change(session, "sync", Change(seq=1, record_type="conduct_event", record_id=old,
                                                 op="upsert", revision=1,
                                                 document=_record(platform, old).document))
        platform_main(["admin", "purge-expired", "--db", platform.db.url])
        device.sync()
        with device.ws.db.session() as session:
            row = session.get(PulledRecord, old)
            assert row.deleted and row.document is None and row.subject_key == ""
    finally:
        device.ws.close()


def test_a_full_pull_never_stores_an_expired_event_the_platform_still_holds(platform: Platform, tmp_path: Path):
    not_yet_purged = _loaded_earlier(platform, "blacklist_entry", _entry(_years_ago(8), "（2016）粤5122执2号"))
    device = enrolled_device(platform, tmp_path / "b", platform.user(VILLAGE_A1))  # pulls from the start
    try:
        with device.ws.db.session() as session:
            assert session.get(PulledRecord, not_yet_purged) is None
            pulls = session.scalars(select(LocalAudit).where(LocalAudit.action == "sync_pulled")).all()
        assert sum(entry.details.get("expired", 0) for entry in pulls) >= 1
    finally:
        device.ws.close()
