"""Administration and public figures: loaded records reach the field; the public sees counts only."""
from __future__ import annotations

import json
import logging
import uuid
from datetime import date
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sync_fixtures import TOWNSHIP_A, VILLAGE_A1, VILLAGE_A2, Platform, insert

from app.domain.idnumber import make_id_number
from app.domain.uscc import make_uscc
from app.paths import forms_path
from app.rating.errors import SchemeError
from sync.platform import admin
from sync.platform.models import AuditEntry
from sync.platform.sources import SourceError

PERSON = make_id_number("445122", date(1980, 5, 6), 12, "male")
FIRM = make_uscc("93445122MA4W00000")


def _pull_all(client) -> list:
    changes, cursor = [], None
    while True:
        page = client.pull(cursor, 1000)
        changes += page.changes
        cursor = page.next_cursor
        if not page.has_more:
            return changes


def _of_type(changes, record_type: str) -> list[dict]:
    return [c.document for c in changes if c.record_type == record_type]


def test_blacklist_entries_and_conduct_events_loaded_by_admin_reach_the_client(platform: Platform, tmp_path: Path):
    blacklist = tmp_path / "blacklist.csv"
    blacklist.write_text("id_number,kind,case_number,court_or_agency,listed_on\n"
                         f"{PERSON},dishonest_debtor,(2025)粤5122执123号,饶平县人民法院,2025-03-01\n", "utf-8-sig")
    events = tmp_path / "events.json"
    events.write_text(json.dumps([
        {"subject_id_number": PERSON, "kind": "honour", "level": "county_or_above", "date": "2026-01-10",
         "source": "县文明办"},
        {"uscc": FIRM, "kind": "admin_penalty", "date": "2025-06-01", "source": "县市场监管局"}],
        ensure_ascii=False), "utf-8")
    assert admin.load_blacklist(platform.db, blacklist) == 1
    assert admin.load_conduct_events(platform.db, events) == 2
    assert admin.load_blacklist(platform.db, blacklist) == 1  # a reload updates, never duplicates
    changes = _pull_all(platform.device(platform.user(VILLAGE_A1)))
    entries = _of_type(changes, "blacklist_entry")
    assert [(e["id_number"], e["kind"], e["listed_on"]) for e in entries] == [(PERSON, "dishonest_debtor", "2025-03-01")]
    assert sorted(e["source"] for e in _of_type(changes, "conduct_event")) == ["县市场监管局", "县文明办"]


@pytest.mark.parametrize("row, fault", [
    (f"{PERSON[:-1]}{'0' if PERSON[-1] != '0' else '1'},dishonest_debtor,案1,法院,2025-03-01", "校验码"),
    (f"{PERSON},bad_kind,案1,法院,2025-03-01", "类别"),
    (f"{PERSON},dishonest_debtor,,法院,2025-03-01", "case_number"),
    (f"{PERSON},dishonest_debtor,案1,法院,2025/03/01", "日期"),
], ids=["bad check character", "unknown kind", "no case number", "bad date"])
def test_a_bad_row_refuses_the_whole_blacklist_file(platform: Platform, tmp_path: Path, row, fault):
    path = tmp_path / "blacklist.csv"
    path.write_text("id_number,kind,case_number,court_or_agency,listed_on\n"
                    f"{PERSON},dishonest_debtor,案0,法院,2025-03-01\n{row}\n", "utf-8")
    with pytest.raises(SourceError, match="第 2 条") as raised:
        admin.load_blacklist(platform.db, path)
    assert fault in str(raised.value)


def test_a_published_scheme_and_a_certificate_revocation_reach_the_client(platform: Platform):
    ref = admin.publish_scheme(platform.db, forms_path("schemes", "household-default.yaml"))
    admin.revoke_certificate(platform.db, "XYC-2026-000123", "户主提供虚假信息")
    changes = _pull_all(platform.device(platform.user(VILLAGE_A1)))
    assert [f"{s['scheme_id']}@{s['version']}" for s in _of_type(changes, "scheme")] == [ref]
    assert "indicators" in _of_type(changes, "scheme")[0]["yaml"]
    assert [r["number"] for r in _of_type(changes, "certificate_revocation")] == ["XYC-2026-000123"]


def test_a_faulty_scheme_is_not_published(platform: Platform, tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nversion: 1\n", "utf-8")
    with pytest.raises(SchemeError):
        admin.publish_scheme(platform.db, path)


def _rating(household: dict, grade: str) -> dict:
    return {"id": str(uuid.uuid4()), "record_type": "rating", "subject_type": "household",
            "subject_id": household["id"], "village_code": household["village_code"],
            "scheme_id": "household-default", "scheme_version": 1, "rated_on": "2026-11-20",
            "score": "80.00", "grade": grade, "credit_household": grade in ("AAA", "AA", "A")}


def test_public_figures_count_grades_and_credit_villages_without_personal_data(platform: Platform):
    client = platform.device(platform.user(TOWNSHIP_A))
    village_one = [{**platform.household(VILLAGE_A1), "loans": []} for _ in range(10)]
    village_two = [platform.household(VILLAGE_A2) for _ in range(5)]
    grades = ["AAA"] * 5 + ["AA"] * 3 + ["B"] * 2
    mutations = [insert(n, h) for n, h in enumerate(village_one + village_two, 1)]
    mutations += [insert(100 + n, _rating(h, g), "rating") for n, (h, g) in enumerate(zip(village_one, grades))]
    mutations += [insert(200, _rating(village_two[0], "AA"), "rating"),
                  {"mutation_id": 201, "record_type": "household", "record_id": village_two[0]["id"],
                   "op": "delete", "base_revision": 1}]
    assert {r.status for r in client.push(mutations).results} == {"applied"}
    response = requests.get(f"{platform.url}/api/v1/public/figures", timeout=10)
    figures = {v["village_code"]: v for v in response.json()["villages"]}
    one, two = figures[VILLAGE_A1], figures[VILLAGE_A2]
    assert (one["filed_households"], one["grade_counts"], one["credit_households"], one["credit_village"]) == (
        10, {"AA": 3, "AAA": 5, "B": 2}, 8, True)
    assert (two["filed_households"], two["rated_households"], two["credit_village"]) == (4, 0, False)
    for household in village_one + village_two:
        people = [household["head_name"], household["head_id_number"], household["head_phone"],
                  *(m["name"] for m in household["members"]), *(m["id_number"] for m in household["members"])]
        assert not [p for p in people if p in response.text]
    assert client.public_figures().villages  # the client reads them through the protocol model


def test_the_audit_log_refuses_changes(platform: Platform):
    admin.create_user(platform.db, "auditor-check")
    with pytest.raises(PermissionError):
        with platform.db.write() as session:
            entry = session.scalars(select(AuditEntry)).first()
            entry.action = "tampered"
    with platform.db.read() as session:
        assert "tampered" not in set(session.scalars(select(AuditEntry.action)))


def test_tokens_and_codes_never_reach_a_log(platform: Platform, caplog):
    caplog.set_level(logging.DEBUG)
    username = platform.user(VILLAGE_A1)
    code = admin.issue_enrolment_code(platform.db, username)
    from sync.client import PlatformClient
    from sync_fixtures import public_key

    client = PlatformClient(platform.url)
    client.enrol(code, "笔记本", public_key())
    client.push([insert(1, platform.household())])
    client.pull()
    assert caplog.records, "the server's access log should have been captured"
    assert client.token not in caplog.text and code not in caplog.text
    with platform.db.read() as session:
        details = json.dumps([e.detail for e in session.scalars(select(AuditEntry))], ensure_ascii=False)
    assert client.token not in details and code not in details
