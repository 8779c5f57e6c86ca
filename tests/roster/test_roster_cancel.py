"""Cancelling an import: during the check (between chunks of rows) or before the one transaction."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.services.roster import ImportCancelled, commit_import, preview_import
from app.store.models import AuditEntry, Household
from tests.roster.roster_helpers import TODAY, fill_template, setup_store, unlock, unsigned_households

BASIC = {"basic", "consent", "members", "collection"}


def _counts(ws) -> tuple[int, int]:
    with ws.db.session() as session:
        households = session.scalar(select(func.count()).select_from(Household))
        audits = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "roster_imported"))
    return households, audits


def test_a_check_asked_to_stop_stops_at_the_next_chunk(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", unsigned_households(villages, 3), sections=BASIC)
    ws = unlock(data_dir, "loan")
    asked: list[int] = []
    with pytest.raises(ImportCancelled) as caught:
        preview_import(ws, path, today=TODAY, cancelled=lambda: asked.append(1) or True)
    assert asked == [1] and "已取消" in str(caught.value)
    ws.close()


def test_an_import_cancelled_before_storing_stores_and_audits_nothing(data_dir, tmp_path):
    villages = setup_store(data_dir)
    path = fill_template(tmp_path / "r.xlsx", unsigned_households(villages, 3), sections=BASIC)
    ws = unlock(data_dir, "loan")
    preview = preview_import(ws, path, today=TODAY, cancelled=lambda: False)
    with pytest.raises(ImportCancelled):
        commit_import(ws, preview, today=TODAY, cancelled=lambda: True)
    assert _counts(ws) == (0, 0)
    summary = commit_import(ws, preview, today=TODAY, cancelled=lambda: False)
    assert summary.created == 3 and _counts(ws) == (3, 1)
    ws.close()
