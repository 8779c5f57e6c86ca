"""Push and pull against a real platform: nothing lost, nothing duplicated, nothing overwritten silently."""
from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select
from sync_fixtures import (TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, DroppingProxy,
                           Platform, insert, patch)

from sync.client import PlatformClient
from sync.errors import Unreachable
from sync.platform.models import AuditEntry, Record


def _count(platform: Platform, record_id: str) -> int:
    with platform.db.read() as session:
        return session.scalar(select(func.count()).select_from(Record).where(Record.id == record_id))


def _pull_all(client: PlatformClient, cursor: str | None = None, limit: int = 500) -> tuple[list, str]:
    changes = []
    while True:
        page = client.pull(cursor, limit)
        changes += page.changes
        cursor = page.next_cursor
        if not page.has_more:
            return changes, cursor


def _documents(changes, record_type: str = "household") -> dict[str, dict]:
    return {str(c.record_id): c.document for c in changes if c.record_type == record_type}


@pytest.fixture(scope="module")
def team(platform: Platform):
    """Two officers of township A, each with a laptop, and one of township B."""
    a = platform.user(TOWNSHIP_A)
    return platform.device(a, "甲"), platform.device(a, "乙"), platform.device(platform.user(TOWNSHIP_B), "丙")


def test_an_insert_pushed_by_one_device_reaches_another_device_by_pull(platform: Platform, team):
    first, second, _ = team
    _, cursor = _pull_all(second)
    household = platform.household()
    result = first.push([insert(1, household)])
    assert [(r.status, r.revision) for r in result.results] == [("applied", 1)]
    changes, _ = _pull_all(second, cursor)
    assert _documents(changes)[household["id"]]["head_name"] == household["head_name"]


def test_a_replayed_push_is_a_duplicate_and_leaves_exactly_one_record(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    household = platform.household()
    assert client.push([insert(1, household)]).results[0].status == "applied"
    replay = client.push([insert(1, household)])
    assert replay.results[0].status == "duplicate" and replay.results[0].original_status == "applied"
    assert _count(platform, household["id"]) == 1


def test_a_response_lost_after_the_commit_does_not_duplicate_on_retry(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    proxy = DroppingProxy(platform.url)
    try:
        through_proxy = PlatformClient(proxy.url, token=client.token)
        households = [platform.household() for _ in range(3)]
        batch = [insert(n, h) for n, h in enumerate(households, 1)]
        with pytest.raises(Unreachable):
            through_proxy.push(batch)
        assert proxy.forwarded == 1
        proxy.drop = False
        retry = through_proxy.push(batch)
    finally:
        proxy.close()
    assert [r.status for r in retry.results] == ["duplicate"] * 3
    assert [_count(platform, h["id"]) for h in households] == [1, 1, 1]


def test_two_devices_patching_different_fields_both_survive(platform: Platform, team):
    first, second, _ = team
    household = platform.household()
    first.push([insert(100, household)])
    one = first.push([patch(101, household["id"], 1, head_phone="13900000001")]).results[0]
    two = second.push([patch(100, household["id"], 1, years_resident=33)]).results[0]
    assert (one.status, two.status) == ("applied", "applied") and two.revision == 3
    changes, _ = _pull_all(first)
    document = _documents(changes)[household["id"]]
    assert (document["head_phone"], document["years_resident"]) == ("13900000001", 33)


def test_two_devices_patching_the_same_field_conflict_and_the_platform_value_is_kept(platform: Platform, team):
    first, second, _ = team
    household = platform.household()
    first.push([insert(200, household)])
    first.push([patch(201, household["id"], 1, head_phone="13900000001")])
    late = second.push([patch(200, household["id"], 1, head_phone="13700000002", years_resident=44)]).results[0]
    assert late.status == "conflict" and "复核" in late.reason
    assert [(c.field, c.server_value, c.client_value) for c in late.conflicts] == [
        ("head_phone", "13900000001", "13700000002")]
    changes, _ = _pull_all(second)
    document = _documents(changes)[household["id"]]
    assert (document["head_phone"], document["years_resident"]) == ("13900000001", 44)
    replay = second.push([patch(200, household["id"], 1, head_phone="13700000002")]).results[0]
    assert replay.status == "duplicate" and replay.original_status == "conflict"
    assert replay.conflicts[0].client_value == "13700000002"


def test_one_invalid_mutation_among_a_thousand_is_rejected_and_the_rest_applied(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1, VILLAGE_A2))
    households = [platform.household(VILLAGE_A1 if n % 2 else VILLAGE_A2) for n in range(1000)]
    households[437]["head_id_number"] = households[437]["head_id_number"][:-1] + (
        "0" if households[437]["head_id_number"][-1] != "0" else "1")
    mutations = [insert(n, h) for n, h in enumerate(households, 1)]
    results = client.push(mutations[:500]).results + client.push(mutations[500:]).results
    statuses = [r.status for r in results]
    assert statuses.count("applied") == 999 and statuses[437] == "rejected"
    assert "校验" in results[437].reason
    assert [p.field for p in results[437].problems] == ["head_id_number"]
    assert _count(platform, households[437]["id"]) == 0 and _count(platform, households[438]["id"]) == 1


def test_a_household_of_an_unassigned_village_is_refused_and_audited(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    outsider = platform.household(VILLAGE_B1)
    result = client.push([insert(1, outsider), insert(2, platform.household())]).results
    assert [r.status for r in result] == ["rejected", "applied"]
    assert VILLAGE_B1 in result[0].reason and result[0].problems[0].code == "division.forbidden"
    assert _count(platform, outsider["id"]) == 0
    with platform.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "push.forbidden",
                                                         AuditEntry.target.contains(outsider["id"]))).one()
    assert entry.actor.startswith("officer")


def test_moving_a_record_into_an_unassigned_village_is_refused(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    household = platform.household()
    client.push([insert(1, household)])
    moved = client.push([patch(2, household["id"], 1, village_code=VILLAGE_B1)]).results[0]
    assert moved.status == "rejected" and moved.problems[0].code == "division.forbidden"


RATING = {"record_type": "rating", "subject_type": "household", "village_code": VILLAGE_A1,
          "scheme_id": "household-default", "scheme_version": 1, "rated_on": "2026-11-20",
          "score": "88.00", "grade": "AAA", "credit_household": True}


@pytest.mark.parametrize("op", ["patch", "delete"])
def test_insert_only_records_refuse_patches_and_deletes(platform: Platform, op):
    client = platform.device(platform.user(VILLAGE_A1))
    household = platform.household()
    rating = {**RATING, "id": "9b2f6f7e-1111-4c1e-9d50-7a4b1c9f0e01" if op == "patch"
              else "9b2f6f7e-2222-4c1e-9d50-7a4b1c9f0e01", "subject_id": household["id"]}
    client.push([insert(1, household), insert(2, rating, "rating")])
    change = {"mutation_id": 3, "record_type": "rating", "record_id": rating["id"], "op": op,
              "base_revision": 1, "fields": {"grade": "C"}}
    result = client.push([change]).results[0]
    assert result.status == "rejected" and "只能新增" in result.reason


def test_a_delete_becomes_a_tombstone_that_pulls_without_personal_data(platform: Platform, team):
    first, second, _ = team
    household = platform.household()
    first.push([insert(300, household)])
    assert first.push([{"mutation_id": 301, "record_type": "household", "record_id": household["id"],
                        "op": "delete", "base_revision": 1}]).results[0].revision == 2
    changes, _ = _pull_all(second)
    tombstone = [c for c in changes if str(c.record_id) == household["id"]][-1]
    assert (tombstone.op, tombstone.document, tombstone.revision) == ("delete", None, 2)
    with platform.db.read() as session:
        stored = session.get(Record, household["id"])
    assert household["head_name"] not in str(stored.document)
    again = first.push([patch(302, household["id"], 2, head_phone="13900000009")]).results[0]
    assert again.status == "rejected"


def test_a_pull_holds_only_the_assigned_townships_and_city_wide_records(platform: Platform, team):
    first, _, other = team
    mine, theirs = platform.household(VILLAGE_A2), platform.household(VILLAGE_B1)
    first.push([insert(400, mine)])
    other.push([insert(1, theirs)])
    changes, _ = _pull_all(first)
    documents = _documents(changes)
    assert mine["id"] in documents and theirs["id"] not in documents
    assert {d["village_code"][:9] for d in documents.values() if d} == {TOWNSHIP_A[:9]}
    assert {c.record_type for c in changes} >= {"division", "signing_key"}
    other_changes, _ = _pull_all(other)
    assert theirs["id"] in _documents(other_changes) and mine["id"] not in _documents(other_changes)


def test_pull_pages_follow_the_cursor_without_gaps_or_repeats(platform: Platform, team):
    first, second, _ = team
    households = [platform.household(VILLAGE_A2) for _ in range(25)]
    _, start = _pull_all(second)
    first.push([insert(500 + n, h) for n, h in enumerate(households)])
    changes, end = _pull_all(second, start, limit=7)
    assert [str(c.record_id) for c in changes] == [h["id"] for h in households]
    assert [c.seq for c in changes] == sorted({c.seq for c in changes})
    assert second.pull(end).changes == []


def test_a_patch_changes_nothing_it_does_not_name(platform: Platform):
    client = platform.device(platform.user(VILLAGE_A1))
    household = platform.household()
    client.push([insert(1, household)])
    client.push([patch(2, household["id"], 1, address="新地址1号")])
    with platform.db.read() as session:
        stored = session.get(Record, household["id"]).document
    expected = copy.deepcopy(household)
    expected["address"] = "新地址1号"
    assert stored == expected


def test_a_foreign_cursor_and_an_oversized_batch_are_refused_with_a_message(platform: Platform):
    from sync.errors import RequestRefused

    client = platform.device(platform.user(VILLAGE_A1))
    with pytest.raises(RequestRefused) as raised:
        client.pull("bm90LWEtY3Vyc29y")
    assert "同步位置" in raised.value.server_message
    with pytest.raises(ValueError):
        client.push([insert(n, platform.household()) for n in range(1, 502)])
    too_many = [insert(n, {"id": f"00000000-0000-4000-8000-{n:012d}"}) for n in range(1, 502)]
    response = client.session.post(f"{platform.url}/api/v1/push", json={"mutations": too_many}, timeout=10,
                                   headers={"Authorization": f"Bearer {client.token}"})
    assert response.status_code == 422 and "请求格式" in response.json()["message"]
