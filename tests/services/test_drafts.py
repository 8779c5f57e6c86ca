"""Drafts keep a user's unsaved answers, per user, until saved or discarded."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.security.roles import PermissionDenied
from app.services import accounts
from app.services.drafts import DraftError, discard_draft, list_drafts, load_draft, save_draft
from app.store.models import AuditEntry, Draft


def _save(ws, data=None, **kwargs) -> str:
    return save_draft(ws, "household", data or {"head_name": "陈建国"}, form_id="household",
                      form_version=1, **kwargs)


def test_a_saved_draft_is_listed_and_loads_with_its_answers(ws):
    draft_id = _save(ws, {"head_name": "陈建国", "members": [{"name": "林秀英"}]})
    [info] = list_drafts(ws)
    assert info.id == draft_id and info.title == "陈建国" and info.record_id is None
    assert load_draft(ws, draft_id).data == {"head_name": "陈建国", "members": [{"name": "林秀英"}]}


def test_saving_again_under_the_same_id_overwrites_rather_than_adds(ws):
    draft_id = _save(ws)
    assert _save(ws, {"head_name": "陈建华"}, draft_id=draft_id) == draft_id
    assert [d.title for d in list_drafts(ws)] == ["陈建华"]


def test_a_draft_gone_meanwhile_is_written_anew_so_typing_is_never_lost(ws):
    draft_id = _save(ws)
    discard_draft(ws, draft_id)
    assert _save(ws, {"head_name": "陈建华"}, draft_id=draft_id) == draft_id
    assert load_draft(ws, draft_id).title == "陈建华"


def test_an_editor_may_choose_the_draft_id_up_front(ws):
    assert _save(ws, draft_id="0f0e0d0c-0000-4000-8000-000000000001") == "0f0e0d0c-0000-4000-8000-000000000001"
    assert [d.id for d in list_drafts(ws)] == ["0f0e0d0c-0000-4000-8000-000000000001"]


def test_drafts_filter_by_record(ws):
    _save(ws, record_id="rec-1")
    _save(ws)
    assert [d.record_id for d in list_drafts(ws, "household", "rec-1")] == ["rec-1"]
    assert list_drafts(ws, "cooperative") == []


def test_another_user_neither_sees_nor_opens_nor_discards_my_draft(ws, data_dir):
    draft_id = _save(ws)
    admin = accounts.unlock(data_dir, "admin", "admin-pass-1")
    accounts.add_user(admin, "town", "town-pass-12", "township_officer", "乡镇乙")
    admin.close()
    other = accounts.unlock(data_dir, "town", "town-pass-12")
    try:
        assert list_drafts(other) == []
        with pytest.raises(DraftError):
            load_draft(other, draft_id)
        with pytest.raises(DraftError):
            discard_draft(other, draft_id)
    finally:
        other.close()
    assert load_draft(ws, draft_id).id == draft_id


def test_a_role_that_edits_nothing_keeps_no_drafts(ws, data_dir):
    admin = accounts.unlock(data_dir, "admin", "admin-pass-1")
    accounts.add_user(admin, "view", "view-pass-12", "viewer", "查看丙")
    admin.close()
    viewer = accounts.unlock(data_dir, "view", "view-pass-12")
    try:
        with pytest.raises(PermissionDenied):
            _save(viewer)
    finally:
        viewer.close()


def test_creating_and_discarding_are_audited_without_the_answers(ws):
    draft_id = _save(ws)
    _save(ws, {"head_name": "陈建华"}, draft_id=draft_id)
    discard_draft(ws, draft_id)
    with ws.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("draft_%"))).all()
        assert session.scalars(select(Draft)).all() == []
    assert [e.action for e in entries] == ["draft_created", "draft_discarded"]
    assert all("陈" not in str(e.details) for e in entries)
