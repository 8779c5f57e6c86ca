"""The review queue: fields changed on this device and on the platform, until a person picks.

Nothing is overwritten silently: the platform kept its value and the local one is kept here.
The pick becomes the field's value locally and a new local patch (made from the platform's
revision, so it applies on the platform instead of conflicting again).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.services import audit
from app.services.records import MODELS, store_document
from app.store.models import OutboxEntry, ReviewItem, utcnow
from app.survey.definition import load_form

CHOICES = ("local", "server")
_NO_ITEM = QT_TRANSLATE_NOOP("problems", "没有待处理的冲突 {item_id}（可能已被处理）")
_NO_RECORD = QT_TRANSLATE_NOOP("problems", "冲突所属的档案已不存在：{record_id}")
_BAD_CHOICE = QT_TRANSLATE_NOOP("problems", "请选择 local（本机的值）或 server（平台的值），而不是“{choice}”")


@dataclass(frozen=True)
class ReviewView:
    """One open review item as shown: which record, which field, both values."""

    id: int
    record_type: str
    record_id: str
    subject: str          # head of household or cooperative name (shown, never logged)
    field: str
    field_label: str      # the questionnaire's Chinese label, or the key itself
    local_value: Any
    server_value: Any
    created_at: Any


@lru_cache(maxsize=4)
def _labels(record_type: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for item in load_form(record_type).items():
        labels.setdefault(item.name.split(".")[0], item.label)
    return labels


def field_label(record_type: str, field: str) -> str:
    """The Chinese label of a top-level record key (the key itself when the form has none)."""
    try:
        return _labels(record_type).get(field, field)
    except Exception:  # a form that cannot be loaded must not hide the queue
        return field


def list_reviews(session: Session) -> list[ReviewView]:
    """The open review items, oldest first."""
    items = session.scalars(select(ReviewItem).where(ReviewItem.resolved_at.is_(None))
                            .order_by(ReviewItem.id)).all()
    return [_view(session, item) for item in items]


def _view(session: Session, item: ReviewItem) -> ReviewView:
    row = session.get(MODELS[item.record_type], item.record_id)
    data = row.data if row is not None else {}
    subject = data.get("head_name") or data.get("name") or ""
    return ReviewView(item.id, item.record_type, item.record_id, subject, item.field,
                      field_label(item.record_type, item.field), item.local_value, item.server_value,
                      item.created_at)


def resolve_review(session: Session, actor: str, item_id: int, choice: str) -> int:
    """Take the ``local`` or ``server`` value of item ``item_id``; the new patch's mutation id."""
    if choice not in CHOICES:
        raise DomainError(Problem("choice", "review.choice", _BAD_CHOICE, {"choice": choice}))
    item = session.get(ReviewItem, item_id)
    if item is None or item.resolved_at is not None:
        raise DomainError(Problem("id", "review.missing", _NO_ITEM, {"item_id": item_id}))
    row = session.get(MODELS[item.record_type], item.record_id)
    if row is None or row.deleted:
        raise DomainError(Problem("id", "review.record_missing", _NO_RECORD, {"record_id": item.record_id}))
    value = item.local_value if choice == "local" else item.server_value
    base = max(row.revision, item.server_revision)
    document = dict(row.data)
    if value is None:
        document.pop(item.field, None)
    else:
        document[item.field] = value
    if document != row.data:
        store_document(session, actor, document, base_revision=None, audit_action="record_edited", queue=False)
    entry = OutboxEntry(record_type=item.record_type, record_id=item.record_id, op="patch",
                        base_revision=base, fields={item.field: value})
    session.add(entry)
    item.resolved_at, item.choice, item.resolved_by = utcnow(), choice, actor
    audit.record(session, actor, "sync_review_resolved", item.record_type, item.record_id,
                 {"field": item.field, "choice": choice, "review": item.id})
    session.flush()
    return entry.mutation_id
