"""Negative events five years old leave the records; the purge is audited by counts, never by whose."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.security.roles import PermissionDenied
from app.services import accounts, audit
from app.services.records import bulk_insert
from app.services.retention import purge, purged_document
from app.store.models import AuditEntry, Cooperative, Division, Household, OutboxEntry

ON = date(2026, 11, 28)
VILLAGE = "445102001001"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def penalty(day: str, kind: str = "public_order") -> dict:
    return {"kind": kind, "date": day, "source": "镇综治办"}


# (entry date, expired on 2026-11-28 after five years?)
AGES = [
    ("2021-11-28", True),    # five years old today: no longer counts, purged
    ("2021-11-29", False),   # five years old tomorrow
    ("2016-03-01", True),
    ("2026-11-28", False),   # today
    ("2027-01-01", False),   # a future date is not old
    ("not-a-date", False),   # malformed: not known to be old, kept
]


@pytest.mark.parametrize("day, expired", AGES)
def test_an_event_is_purged_exactly_when_it_is_five_years_old(day: str, expired: bool):
    document = {"penalties": [penalty(day)], "head_name": "张三"}
    result, removed = purged_document("household", document, ON)
    assert (result["penalties"] == []) is expired
    assert removed == ({"penalties": 1} if expired else {})
    assert document["penalties"] == [penalty(day)]  # the input is not modified


def test_an_event_of_29_february_expires_on_1_march_five_years_later():
    document = {"penalties": [penalty("2024-02-29")]}
    assert purged_document("household", document, date(2029, 2, 28))[1] == {}
    assert purged_document("household", document, date(2029, 3, 1))[1] == {"penalties": 1}


def test_only_dated_negative_lists_change_and_other_fields_stay_whole():
    document = {"penalties": [penalty("2010-01-01"), penalty("2025-01-01")],
                "honours": [{"title": "文明户", "level": "village", "date": "2010-01-01"}],
                "dishonest_debtor": True, "overdue_times_3y": 2}
    result, removed = purged_document("household", document, ON)
    assert result == {**document, "penalties": [penalty("2025-01-01")]} and removed == {"penalties": 1}


def _household(name: str, *days: str) -> dict:
    return {"record_type": "household", "village_code": VILLAGE, "head_name": name,
            "head_id_number": "445122199001011234", "members": [], "consent": {"signed": True},
            "penalties": [penalty(day) for day in days]}


@pytest.fixture
def admin(data_dir: Path):
    ws = accounts.initialize(data_dir, "admin", "admin-pass-1")
    accounts.add_user(ws, "loan", "loan-pass-1", "loan_officer")
    with ws.db.session() as session:
        session.add(Division(code=VILLAGE, name="测试村", level="village"))
        session.flush()
        bulk_insert(session, [
            _household("旧账户", "2015-05-01", "2020-01-01", "2025-06-01"),
            _household("新账户", "2024-01-01"),
            _household("无记录"),
            {"record_type": "cooperative", "village_code": VILLAGE, "name": "某合作社", "uscc": "",
             "penalties": [{"kind": "admin_penalty", "date": "2019-01-01", "source": "市监局"}]},
        ])
    yield ws
    ws.close()


def _documents(ws) -> dict[str, tuple[dict, int]]:
    with ws.db.session() as session:
        rows = list(session.scalars(select(Household))) + list(session.scalars(select(Cooperative)))
        return {(r.data.get("head_name") or r.data["name"]): (r.data, r.revision) for r in rows}


def _audit(ws, action: str) -> list[AuditEntry]:
    with ws.db.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_a_dry_run_counts_what_would_go_and_changes_nothing(admin):
    before = _documents(admin)
    summary = purge(admin, ON, dry_run=True)
    assert summary.dry_run and summary.records == 2 and summary.total_events == 3
    assert dict(summary.events) == {"household.penalties": 2, "cooperative.penalties": 1}
    assert _documents(admin) == before and _audit(admin, "retention_purge") == []


def test_the_purge_removes_old_events_and_queues_each_change_for_sync(admin):
    summary = purge(admin, ON)
    docs = _documents(admin)
    assert summary.records == 2 and summary.total_events == 3
    assert [p["date"] for p in docs["旧账户"][0]["penalties"]] == ["2025-06-01"] and docs["旧账户"][1] == 2
    assert docs["某合作社"][0]["penalties"] == [] and docs["某合作社"][1] == 2
    assert docs["新账户"][1] == 1 and docs["无记录"][1] == 1  # untouched records keep their revision
    with admin.db.session() as session:
        queued = list(session.scalars(select(OutboxEntry)))
    assert sorted(q.record_type for q in queued) == ["cooperative", "household"]
    assert all(q.op == "patch" and list(q.fields) == ["penalties"] for q in queued)
    assert purge(admin, ON, dry_run=True).total_events == 0  # nothing left to purge


def test_the_purge_audit_entry_says_how_many_and_never_whose(admin):
    purge(admin, ON)
    [entry] = _audit(admin, "retention_purge")
    assert entry.actor == "admin" and entry.target_id is None
    assert entry.details == {"on": "2026-11-28", "years": 5, "records": 2,
                             "events": {"household.penalties": 2, "cooperative.penalties": 1}}
    text = json.dumps([e.details for e in _audit(admin, "retention_purged")], ensure_ascii=False)
    assert "旧账户" not in text and "445122199001011234" not in text and "镇综治办" not in text
    assert len(_audit(admin, "retention_purged")) == 2
    assert audit.verify(admin.db).ok


def test_only_an_administrator_may_purge_and_a_refusal_is_audited(admin, data_dir: Path):
    loan = accounts.unlock(data_dir, "loan", "loan-pass-1")
    try:
        with pytest.raises(PermissionDenied):
            purge(loan, ON, dry_run=True)
    finally:
        loan.close()
    assert [e.actor for e in _audit(admin, "permission_denied")] == ["loan"]


def _cli(monkeypatch, capsys, folder: Path, user: str, password: str, *extra: str) -> tuple[int, str, str]:
    monkeypatch.setenv("CREDIT_VILLAGE_PASSWORD", password)
    code = main(["purge", "--data-dir", str(folder), "--user", user, "--on", "2026-11-28", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_purge_command_shows_counts_on_a_dry_run_then_purges(admin, data_dir: Path, monkeypatch, capsys):
    admin.close()
    code, out, _ = _cli(monkeypatch, capsys, data_dir, "admin", "admin-pass-1", "--dry-run")
    assert code == 0 and "将清理" in out and "3 条" in out and "2 份档案" in out
    code, out, _ = _cli(monkeypatch, capsys, data_dir, "admin", "admin-pass-1")
    assert code == 0 and "已清理" in out and "3 条" in out
    code, out, _ = _cli(monkeypatch, capsys, data_dir, "admin", "admin-pass-1", "--dry-run")
    assert code == 0 and "：0 条" in out


def test_the_purge_command_refuses_a_loan_officer_in_one_line(admin, data_dir: Path, monkeypatch, capsys):
    code, out, err = _cli(monkeypatch, capsys, data_dir, "loan", "loan-pass-1")
    assert code == 1 and out == "" and err.count("\n") == 1 and CHINESE.search(err)
