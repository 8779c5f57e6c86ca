"""What a pull stores and what a sync moves: new records in bulk at the platform's revision with
the record service's indexed columns, page order kept, local edits never overwritten, and an
incremental sync that carries the changes only."""
from __future__ import annotations

import uuid

import pytest
from sync_fixtures import VILLAGE_A1
from test_engine_support import enrolled_device

from app.services.record_rows import columns
from app.store.models import Division, Household
from sync.client import PlatformClient
from sync.engine.apply_page import apply_page
from sync.engine.pull import pull_all
from sync.engine.state import load_state
from sync.protocol import Change


@pytest.fixture
def pair(platform, tmp_path):
    """Two laptops of one officer: the first stores and pushes, the second pulls."""
    user = platform.user(VILLAGE_A1)
    first = enrolled_device(platform, tmp_path / "a", user)
    second = enrolled_device(platform, tmp_path / "b", user)
    yield first, second
    first.ws.close()
    second.ws.close()


def _row(device, record_id: str) -> Household:
    with device.ws.db.session() as session:
        return session.get(Household, record_id)


def test_a_first_pull_stores_new_households_whole_with_revision_and_search_columns(pair, platform):
    first, second = pair
    documents = [platform.household() for _ in range(30)]
    for document in documents:
        first.insert(document)
    first.sync()
    first.edit(documents[0]["id"], years_resident=12)  # revision 2 on the platform
    first.sync()
    report = second.sync()
    assert report.pull.counts.get("stored", 0) >= 30
    for document in documents:
        row = _row(second, document["id"])
        expected = first.document(document["id"])
        assert row.data == expected
        assert {name: getattr(row, name) for name in columns(expected)} == columns(expected)
    assert _row(second, documents[0]["id"]).revision == 2 and _row(second, documents[1]["id"]).revision == 1
    assert all(e.state == "applied" for e in second.outbox())  # nothing pulled is queued back


def test_a_page_mixing_new_and_locally_edited_records_keeps_the_local_edit(pair, platform):
    first, second = pair
    shared = platform.household()
    first.insert(shared)
    first.sync()
    second.sync()
    second.edit(shared["id"], years_resident=7)  # unsent on the second laptop
    first.edit(shared["id"], head_phone="13911112222")
    fresh = platform.household()
    first.insert(fresh)
    first.sync()
    with second.ws.db.session() as session:
        state = load_state(session)
        client = PlatformClient(state.platform_url, token=state.token)
    summary = pull_all(second.ws.db, client, "loan")  # a pull alone: the local edit is still unsent
    client.close()
    assert summary.counts.get("merged") == 1 and summary.counts.get("stored", 0) >= 1
    assert [e.state for e in second.outbox()][-1] == "pending"
    document = second.document(shared["id"])
    assert (document["years_resident"], document["head_phone"]) == (7, "13911112222")
    assert second.document(fresh["id"])["head_name"] == fresh["head_name"]


def test_a_division_and_its_households_in_one_page_are_stored_in_page_order(pair, platform):
    _first, second = pair
    village = "445122101299"
    household = {**platform.household(), "village_code": village}
    division = {"code": village, "name": "新村", "level": "village", "parent_code": "445122101000",
                "registered_households": 5}
    changes = [Change(seq=1, record_type="division", record_id=uuid.uuid4(), op="upsert", revision=1,
                      document={"record_type": "division", **division}),
               Change(seq=2, record_type="household", record_id=uuid.UUID(household["id"]), op="upsert",
                      revision=3, document=household)]
    with second.ws.db.session() as session:
        counts = apply_page(session, "loan", changes)
        assert session.get(Division, village).name == "新村"
    assert counts["stored"] == 2 and _row(second, household["id"]).revision == 3


def test_an_incremental_sync_carries_only_the_changes(pair, platform):
    first, second = pair
    documents = [platform.household() for _ in range(40)]
    for document in documents:
        first.insert(document)
    first.sync()
    second.sync()
    for document in documents[:3]:
        first.edit(document["id"], years_resident=20)
    first.sync()
    report = second.sync()
    assert report.pull.pages == 1
    assert 3 <= report.pull.received < 40  # the three edits (and audit lines), not the 40 households
    assert all(second.document(d["id"])["years_resident"] == 20 for d in documents[:3])
