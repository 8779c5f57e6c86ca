"""Editor drafts: work in progress autosaved so a crash or a power cut loses nothing.

A draft belongs to the user who typed it (``saved_by``); nobody else lists, opens or discards
it. It holds the editor's raw answers (possibly invalid: a draft is never validated) under the
form version the editor showed. A successful save deletes its draft in the same transaction
(``app.services.records.save_record(..., draft_id=...)``), so a failed save keeps it.

Autosave writes every few seconds, so only creating and discarding a draft is audited (with
ids, never the answers); rewriting one's own draft is not a change to any credit file.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from sqlalchemy import select

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.store.models import Draft, new_id, utcnow

EDIT_PERMISSIONS = (Permission.EDIT_IDENTITY, Permission.EDIT_ECONOMIC, Permission.EDIT_SOCIAL)
_TITLE_KEYS = {"household": "head_name", "cooperative": "name"}


class DraftError(DomainError):
    """A draft that does not exist (or is someone else's); ``str()`` is one Chinese sentence."""


@dataclass(frozen=True)
class DraftInfo:
    """One unsaved draft: what it is for, when it was last written (UTC), and its answers."""

    id: str
    record_type: str
    record_id: str | None  # None: a record not yet saved
    form_id: str
    form_version: int
    saved_at: datetime
    title: str  # the head's or cooperative's name as typed, "" when not typed yet
    data: dict[str, Any]


def _require_editor(ws: Workspace) -> None:
    """Only someone who may edit some part of a record keeps drafts."""
    if not any(ws.can(permission) for permission in EDIT_PERMISSIONS):
        ws.require(Permission.EDIT_IDENTITY, "draft")


def _info(row: Draft) -> DraftInfo:
    title = row.data.get(_TITLE_KEYS.get(row.record_type, ""), "") if isinstance(row.data, dict) else ""
    return DraftInfo(row.id, row.record_type, row.record_id, row.form_id, row.form_version,
                     row.saved_at, title if isinstance(title, str) else "", dict(row.data))


def _missing(draft_id: str) -> DraftError:
    return DraftError(Problem("draft", "draft.missing", QT_TRANSLATE_NOOP(
        "problems", "草稿 {draft_id} 不存在或已被删除"), {"draft_id": draft_id}))


def save_draft(ws: Workspace, record_type: str, data: Mapping[str, Any], *, form_id: str,
               form_version: int, record_id: str | None = None,
               draft_id: str | None = None) -> str:
    """Write the editor's answers as a draft; returns the draft id.

    ``draft_id`` (an editor may choose it up front, so that racing autosaves share one row)
    names the draft to create or overwrite; without it a new id is made. A draft id of another
    user is never overwritten: a new draft is made instead, so typing is never lost.
    """
    _require_editor(ws)
    user = ws.actor.username
    with ws.db.session() as session:
        row = session.get(Draft, draft_id) if draft_id else None
        if row is not None and row.saved_by == user:
            row.data, row.form_id, row.form_version = dict(data), form_id, form_version
            row.record_id, row.saved_at = record_id, utcnow()
            return row.id
        fresh = draft_id if draft_id and row is None else None
        row = Draft(id=fresh or new_id(), record_type=record_type, record_id=record_id, form_id=form_id,
                    form_version=form_version, data=dict(data), saved_by=user, saved_at=utcnow())
        session.add(row)
        session.flush()
        audit.record(session, user, "draft_created", record_type, record_id, {"draft_id": row.id})
        return row.id


def list_drafts(ws: Workspace, record_type: str | None = None,
                record_id: str | None = None) -> list[DraftInfo]:
    """This user's drafts, newest first; only those of one record type or record if given."""
    _require_editor(ws)
    statement = select(Draft).where(Draft.saved_by == ws.actor.username)
    if record_type:
        statement = statement.where(Draft.record_type == record_type)
    if record_id:
        statement = statement.where(Draft.record_id == record_id)
    with ws.db.session() as session:
        return [_info(row) for row in session.scalars(statement.order_by(Draft.saved_at.desc()))]


def load_draft(ws: Workspace, draft_id: str) -> DraftInfo:
    """One of this user's drafts; :class:`DraftError` if it is not there."""
    _require_editor(ws)
    with ws.db.session() as session:
        row = session.get(Draft, draft_id)
        if row is None or row.saved_by != ws.actor.username:
            raise _missing(draft_id)
        return _info(row)


def discard_draft(ws: Workspace, draft_id: str) -> None:
    """Delete one of this user's drafts (audited); :class:`DraftError` if it is not there."""
    _require_editor(ws)
    with ws.db.session() as session:
        row = session.get(Draft, draft_id)
        if row is None or row.saved_by != ws.actor.username:
            raise _missing(draft_id)
        audit.record(session, ws.actor.username, "draft_discarded", row.record_type, row.record_id,
                     {"draft_id": draft_id})
        session.delete(row)
