"""The client engine against a real platform on loopback: merge, review queue, rejections, scope."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sync_fixtures import TODAY, VILLAGE_A1, VILLAGE_B1
from test_engine_support import enrolled_device, platform_copies, platform_document

from app.rating.batch import rate_json_document
from app.store.models import Household, PulledRecord
from sync.engine.events import events_by_subject, events_for
from sync.engine.pull import pull_all
from sync.engine.service import open_reviews, resolve, sync_status
from sync.engine.state import load_state
from sync.client import PlatformClient
from sync.platform import admin


@pytest.fixture
def pair(platform, tmp_path):
    """Two laptops of one officer, both holding the same household (pushed by the first)."""
    user = platform.user(VILLAGE_A1)
    first = enrolled_device(platform, tmp_path / "a", user)
    household = platform.household()
    first.insert(household)
    first.sync()
    second = enrolled_device(platform, tmp_path / "b", user)
    yield first, second, household["id"]
    first.ws.close()
    second.ws.close()


def test_edits_of_different_fields_on_two_devices_both_survive(pair, platform):
    first, second, record_id = pair
    first.edit(record_id, head_phone="13911112222")
    second.edit(record_id, years_resident=33)
    first.sync()
    second.sync()
    first.sync()
    for device in (first, second):
        document = device.document(record_id)
        assert (document["head_phone"], document["years_resident"]) == ("13911112222", 33)
    assert platform_document(platform, record_id)["years_resident"] == 33
    assert sync_status(second.ws).reviews == 0


def test_the_same_field_changed_on_both_devices_becomes_one_review_item_with_both_values(pair, platform):
    first, second, record_id = pair
    first.edit(record_id, head_phone="13911112222")
    second.edit(record_id, head_phone="13733334444")
    first.sync()
    report = second.sync()
    assert report.push.count("conflict") == 1 and report.reviews == 1
    [item] = open_reviews(second.ws)
    assert (item.field, item.local_value, item.server_value) == ("head_phone", "13733334444", "13911112222")
    assert item.field_label != "" and item.subject
    assert second.document(record_id)["head_phone"] == "13911112222"  # the platform's value, for now

    resolve(second.ws, item.id, "local")
    second.sync()
    first.sync()
    assert open_reviews(second.ws) == []
    assert platform_document(platform, record_id)["head_phone"] == "13733334444"
    assert first.document(record_id)["head_phone"] == "13733334444"


def test_a_pull_never_overwrites_a_field_with_unsent_local_changes(pair):
    first, second, record_id = pair
    first.edit(record_id, head_phone="13911112222", years_resident=41)
    first.sync()
    second.edit(record_id, years_resident=7)
    with second.ws.db.session() as session:
        state = load_state(session)
        client = PlatformClient(state.platform_url, token=state.token)
    summary = pull_all(second.ws.db, client, "loan")
    client.close()
    assert summary.counts.get("merged") == 1
    document = second.document(record_id)
    assert (document["head_phone"], document["years_resident"]) == ("13911112222", 7)
    assert [e.state for e in second.outbox()][-1] == "pending"


def test_a_rejected_record_is_kept_with_its_reason_and_the_queue_moves_on(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    good = [platform.household() for _ in range(5)]
    bad = {**platform.household(), "head_id_number": "445122199001011230"}  # wrong check character
    for document in good[:2] + [bad] + good[2:]:
        device.insert(document)
    report = device.sync(batch_size=2)
    assert report.push.batches >= 3 and report.push.count("rejected") == 1
    assert [e.state for e in device.outbox()] == ["applied"] * 2 + ["rejected"] + ["applied"] * 3
    assert all(platform_copies(platform, d["id"]) == 1 for d in good)
    assert platform_copies(platform, bad["id"]) == 0
    [rejected] = [e for e in device.outbox() if e.state == "rejected"]
    assert rejected.record_id == bad["id"] and rejected.result["reason"]
    assert any(p["field"] == "head_id_number" for p in rejected.result["problems"])
    assert sync_status(device.ws).rejected == 1 and sync_status(device.ws).pending == 0
    device.ws.close()


def test_a_device_pulls_only_its_divisions_and_every_platform_record(platform, tmp_path):
    east = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    south = enrolled_device(platform, tmp_path / "b", platform.user(VILLAGE_B1))
    theirs, ours = platform.household(VILLAGE_A1), platform.household(VILLAGE_B1)
    east.insert(theirs)
    south.insert(ours)
    east.sync()
    south.sync()
    with south.ws.db.session() as session:
        ids = set(session.scalars(select(Household.id)))
        kinds = set(session.scalars(select(PulledRecord.record_type)))
    assert ours["id"] in ids and theirs["id"] not in ids
    assert {"division", "signing_key"} <= kinds
    east.ws.close()
    south.ws.close()


def test_platform_blacklist_entries_and_conduct_events_reach_the_rating_events(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    household = platform.household()
    device.insert(household)
    number = household["head_id_number"]
    listing = tmp_path / "blacklist.json"
    listing.write_text(json.dumps([{"id_number": number, "kind": "dishonest_debtor", "case_number": "(2026)粤5122执1号",
                                    "court_or_agency": "饶平县人民法院", "listed_on": "2026-03-01"}]), "utf-8")
    events = tmp_path / "events.json"
    events.write_text(json.dumps([{"subject_id_number": number, "kind": "honour", "level": "county",
                                   "date": "2026-05-01", "source": "县文明办"}]), "utf-8")
    admin.load_blacklist(platform.db, listing)
    admin.load_conduct_events(platform.db, events)
    device.sync()
    with device.ws.db.session() as session:
        found = events_for(session, "household", number.lower())
        assert events_for(session, "household", "110101199003077777") == []
        assert events_by_subject(session)[number] == found
    assert [(e["record_type"], e["kind"]) for e in found] == [("blacklist_entry", "dishonest_debtor"),
                                                              ("conduct_event", "honour")]
    plain, listed = (rate_json_document({"records": [household], "events": e}, None, TODAY)["results"][0] for e in ([], found))
    assert (plain["score"], plain["grade"]) != (listed["score"], listed["grade"])
    device.ws.close()


def test_audit_lines_are_pushed_once_as_insert_only_entries(platform, tmp_path):
    device = enrolled_device(platform, tmp_path / "a", platform.user(VILLAGE_A1))
    device.sync()
    audit_entries = device.outbox("audit_entry")
    assert audit_entries and {e.state for e in audit_entries} == {"applied"}
    assert {e.op for e in audit_entries} == {"insert"}
    before = len(audit_entries)
    device.sync()
    assert len({e.record_id for e in device.outbox("audit_entry")}) == len(device.outbox("audit_entry")) > before
    device.ws.close()
