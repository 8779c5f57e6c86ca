"""``find_entries`` narrows to one target in SQL; the detail history uses it."""
from __future__ import annotations

import pytest

from app.services import audit
from app.services.audit import AuditFilter, find_entries
from app.ui.detail.loader import record_history


@pytest.fixture
def trail(ws):
    with ws.db.session() as session:
        for target, action in [("a", "record_created"), ("b", "record_created"), ("a", "record_edited"),
                               ("b", "record_edited"), ("a", "rating_computed")]:
            audit.record(session, "loan", action, "household", target, {"revision": 1})
    return ws


@pytest.mark.parametrize("wanted, expected", [
    (AuditFilter(target_id="a"), ["rating_computed", "record_edited", "record_created"]),
    (AuditFilter(target_id="a", action="record_edited"), ["record_edited"]),
    (AuditFilter(target_id="nobody"), []),
])
def test_entries_can_be_narrowed_to_one_target(trail, wanted, expected):
    found = [e for e in find_entries(trail.db, wanted) if e["target_id"] in ("a", "b", "nobody")]
    assert [e["action"] for e in found] == expected
    assert all(e["target_id"] == wanted.target_id for e in found)


def test_the_target_filter_is_applied_by_the_database_not_after_the_limit(trail):
    # with the limit of one, filtering afterwards in Python would find nothing for "a"
    [entry] = find_entries(trail.db, AuditFilter(target_id="b"), limit=1)
    assert entry["target_id"] == "b" and entry["action"] == "record_edited"


def test_a_records_history_lists_only_its_own_creations_and_edits(trail):
    lines = record_history(trail, "a")
    assert sorted(line.action for line in lines) == ["record_created", "record_edited"]


def test_one_records_history_is_read_through_the_target_index_not_a_scan(trail):
    # migration 0009: without ix_audit_log_target, SQLite scans the whole (ever-growing) trail
    from sqlalchemy import text

    with trail.db.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.execute(text(
            "EXPLAIN QUERY PLAN SELECT seq, action FROM audit_log WHERE target_id = 'a' "
            "ORDER BY seq DESC LIMIT 5000")))
    assert "ix_audit_log_target" in plan, plan
