"""Saving records: validated, permitted, audited and queued for sync in one transaction."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.security.roles import PermissionDenied
from app.services import records
from app.services.demo_data import DemoGenerator, VillageInfo
from app.store.models import AuditEntry, Division, Draft, Household, OutboxEntry
from tests.conftest import DEMO_TODAY, login


@pytest.fixture
def loan(city_dir):
    ws = login(city_dir, "loan")
    yield ws
    ws.close()


@pytest.fixture
def township(city_dir):
    ws = login(city_dir, "township")
    yield ws
    ws.close()


def fresh_household(ws, seed: int = 99) -> dict:
    with ws.db.session() as session:
        village = session.scalars(select(Division).where(Division.level == "village")).first()
    document = DemoGenerator(seed, DEMO_TODAY).household(VillageInfo(village.code, village.name))
    document.pop("id")
    kinds = records.sensitivities(records.form_for(document))
    # collected by a loan officer: identity and economic data; conduct is the township's part
    return {k: v for k, v in document.items() if kinds.get(k) != "social"}


def counts(ws) -> tuple[int, int, int]:
    with ws.db.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Household, OutboxEntry, AuditEntry))


def test_a_new_household_is_stored_with_its_insert_mutation_and_audit_entry(loan):
    households, queued, audited = counts(loan)
    result = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    assert result.created and result.revision == 1
    assert counts(loan) == (households + 1, queued + 1, audited + 1)
    with loan.db.session() as session:
        mutation = session.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id.desc())).first()
        row = session.get(Household, result.record_id)
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (mutation.op, mutation.record_id, mutation.base_revision, mutation.state) == (
        "insert", result.record_id, 0, "pending")
    assert mutation.fields == row.data and row.data["id"] == result.record_id
    assert (entry.action, entry.target_id) == ("record_created", result.record_id)
    assert "head_name" in entry.details["fields"] and row.head_name not in str(entry.details)


def test_an_edit_queues_only_the_changed_fields_against_the_edited_revision(loan):
    created = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    document, revision = records.load_record(loan, "household", created.record_id)
    document["address"] = "新村路 8 号"
    edited = records.save_record(loan, document, base_revision=revision, today=DEMO_TODAY)
    assert (edited.created, edited.revision, edited.changed) == (False, 2, ("address",))
    with loan.db.session() as session:
        mutation = session.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id.desc())).first()
    assert (mutation.op, mutation.base_revision, mutation.fields) == ("patch", 1, {"address": "新村路 8 号"})


def test_an_invalid_record_stores_nothing_and_says_which_field(loan):
    document = fresh_household(loan)
    document["head_id_number"] = "110101199003071234"  # wrong check character
    before = counts(loan)
    with pytest.raises(records.RecordInvalid) as caught:
        records.save_record(loan, document, today=DEMO_TODAY)
    assert caught.value.report.errors[0].field == "head_id_number"
    assert counts(loan) == before


def test_a_save_against_an_older_revision_is_refused_as_a_conflict(loan):
    created = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    document, revision = records.load_record(loan, "household", created.record_id)
    records.save_record(loan, {**document, "address": "甲"}, base_revision=revision, today=DEMO_TODAY)
    before = counts(loan)
    with pytest.raises(records.RecordConflict):
        records.save_record(loan, {**document, "address": "乙"}, base_revision=revision, today=DEMO_TODAY)
    assert counts(loan)[:2] == before[:2]
    assert records.load_record(loan, "household", created.record_id)[0]["address"] == "甲"


@pytest.mark.parametrize("user, field, value", [
    ("township", "annual_net_income", "999999.00"),  # economic: loan officers only
    ("loan", "honours", []),  # social: township officers only
])
def test_a_role_cannot_change_a_section_it_may_not_edit(city_dir, user, field, value):
    loan = login(city_dir, "loan")
    created = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    loan.close()
    ws = login(city_dir, user)
    try:
        document, revision = records.load_record(ws, "household", created.record_id)
        if document.get(field) == value:
            value = [{"kind": "county_model", "date": "2025-01-01", "source": "县文明办"}] if field == "honours" else "1.00"
        with pytest.raises(PermissionDenied):
            records.save_record(ws, {**document, field: value}, base_revision=revision, today=DEMO_TODAY)
        assert records.load_record(ws, "household", created.record_id)[1] == revision
    finally:
        ws.close()


def test_a_successful_save_removes_its_draft_and_a_failed_one_keeps_it(loan):
    document = fresh_household(loan)
    with loan.db.session() as session:
        session.add(Draft(id="d1", record_type="household", form_id="household", form_version=1,
                          data=document, saved_by="loan"))
    with pytest.raises(records.RecordInvalid):
        records.save_record(loan, {**document, "head_name": ""}, today=DEMO_TODAY, draft_id="d1")
    with loan.db.session() as session:
        assert session.get(Draft, "d1") is not None
    records.save_record(loan, document, today=DEMO_TODAY, draft_id="d1")
    with loan.db.session() as session:
        assert session.get(Draft, "d1") is None


def test_the_same_head_in_a_second_household_is_a_warning_naming_the_other(loan):
    document = fresh_household(loan)
    first = records.save_record(loan, document, today=DEMO_TODAY)
    second = records.save_record(loan, document, today=DEMO_TODAY)
    assert first.record_id != second.record_id
    assert second.duplicate_heads == (first.record_id,)
    assert [w.code for w in second.warnings].count("record.duplicate_head") == 1
    assert not [w for w in first.warnings if w.code == "record.duplicate_head"]


def test_the_conduct_part_missing_is_a_warning_for_the_loan_officer_not_an_error(loan):
    result = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    missing = {w.field for w in result.warnings if w.code == "field.required"}
    assert "agri_insurance" in missing and "annual_net_income" not in missing


def test_save_many_stores_all_or_nothing_and_names_the_bad_record(loan):
    good = [fresh_household(loan, seed) for seed in (1, 2, 3)]
    bad = {**fresh_household(loan, 4), "head_id_number": "12345"}
    before = counts(loan)
    with pytest.raises(records.RecordInvalid) as caught:
        records.save_many(loan, [*good, bad], today=DEMO_TODAY)
    assert caught.value.index == 3 and "第 4 条" in str(caught.value)
    assert counts(loan) == before
    results = records.save_many(loan, good, today=DEMO_TODAY)
    assert [r.created for r in results] == [True] * 3
    assert counts(loan)[:2] == (before[0] + 3, before[1] + 3)


def test_a_deleted_record_becomes_a_tombstone_with_a_delete_mutation(loan):
    created = records.save_record(loan, fresh_household(loan), today=DEMO_TODAY)
    records.delete_record(loan, "household", created.record_id)
    with loan.db.session() as session:
        row = session.get(Household, created.record_id)
        mutation = session.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id.desc())).first()
    assert row.deleted and row.revision == 2
    assert (mutation.op, mutation.base_revision) == ("delete", 1)
    with pytest.raises(records.RecordMissing):
        records.load_record(loan, "household", created.record_id)


def test_mutation_ids_keep_increasing_after_queue_entries_are_removed(loan):
    first = records.save_record(loan, fresh_household(loan, 7), today=DEMO_TODAY)
    with loan.db.session() as session:
        top = session.scalar(select(func.max(OutboxEntry.mutation_id)))
        session.query(OutboxEntry).delete()
    records.save_record(loan, fresh_household(loan, 8), today=DEMO_TODAY)
    with loan.db.session() as session:
        assert session.scalar(select(func.min(OutboxEntry.mutation_id))) > top
    assert first.revision == 1
