"""The rows behind a record: indexed columns, revisions, the outbox mutation and the audit entry.

The low level of :mod:`app.services.records`: no permission checks and no validation here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.domain.pinyin import initials, sort_key
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.services import audit
from app.store.models import Cooperative, Household, OutboxEntry, new_id, utcnow

MODELS = {"household": Household, "cooperative": Cooperative}
ENVELOPE = frozenset({"id", "record_type", "form_id", "form_version"})

_CONFLICT = QT_TRANSLATE_NOOP("problems", "这份档案已被他人修改（第 {stored} 版，您编辑的是第 {base} 版），"
                                          "请重新打开后再改")
_BAD_TYPE = QT_TRANSLATE_NOOP("problems", "记录类型应为 household 或 cooperative，而不是“{record_type}”")


class RecordConflict(DomainError):
    """The record changed since the version the user edited; nothing was saved."""


@dataclass(frozen=True)
class SaveResult:
    """What one save did."""

    record_type: str
    record_id: str
    revision: int
    created: bool
    changed: tuple[str, ...]  # top-level data-standard fields that changed (all, when created)
    warnings: tuple[Problem, ...] = ()
    duplicate_heads: tuple[str, ...] = ()  # other live households whose head has this ID number


def _record_type(raw: Mapping[str, Any]) -> str:
    kind = raw.get("record_type")
    if kind not in MODELS:
        raise DomainError(Problem("record_type", "record.type", _BAD_TYPE, {"record_type": kind}))
    return str(kind)


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """Top-level keys whose value differs (added, removed or changed), envelope excluded."""
    keys = (set(old) | set(new)) - ENVELOPE
    return tuple(sorted(k for k in keys if old.get(k) != new.get(k)))


def columns(document: Mapping[str, Any]) -> dict[str, Any]:
    """The indexed columns of a household or cooperative document (the document stays whole)."""
    consent = bool((document.get("consent") or {}).get("signed"))
    form = {"form_id": document.get("form_id", document["record_type"]),
            "form_version": int(document.get("form_version", 1)), "consent_signed": consent}
    if document["record_type"] == "household":
        name = document.get("head_name", "")
        return {"village_code": document["village_code"], "group_name": document.get("group") or "",
                "head_name": name, "head_initials": initials(name), "head_pinyin": sort_key(name),
                "head_id_number": document.get("head_id_number", ""),
                "head_phone": document.get("head_phone") or "", **form}
    name = document.get("name", "")
    return {"village_code": document["village_code"], "name": name,
            "name_initials": initials(name, surname=False), "name_pinyin": sort_key(name, surname=False),
            "uscc": document.get("uscc", ""), "legal_rep_name": document.get("legal_rep_name", ""),
            "legal_rep_id_number": document.get("legal_rep_id_number", ""),
            "phone": document.get("phone") or "", **form}


def store_document(session: Session, actor: str, document: Mapping[str, Any], *,
                   base_revision: int | None, audit_action: str | None, queue: bool = True) -> SaveResult:
    """Write ``document`` (normalized, with ``id``) as a new revision: row, audit, outbox.

    No permission check and no validation: the callers do those (a user's save, a retention
    purge) or trust the source (a pulled platform change, ``queue=False``: no outbox entry).
    Raises RecordConflict when ``base_revision`` is given and is not the stored revision.
    """
    kind = _record_type(document)
    model, record_id = MODELS[kind], str(document["id"])
    row = session.get(model, record_id)
    document = dict(document)
    if row is None:
        row = model(id=record_id, data=document, revision=1, **columns(document))
        session.add(row)
        changed, op, base = changed_fields({}, document), "insert", 0
    else:
        if base_revision is not None and base_revision != row.revision:
            raise RecordConflict(Problem("revision", "record.conflict", _CONFLICT,
                                         {"stored": row.revision, "base": base_revision}))
        changed, op, base = changed_fields(row.data, document), "patch", row.revision
        for name, value in columns(document).items():
            setattr(row, name, value)
        row.data, row.revision, row.deleted = document, row.revision + 1, False
    session.flush()
    if queue and changed:
        fields = document if op == "insert" else {key: document.get(key) for key in changed}
        session.add(OutboxEntry(record_type=kind, record_id=record_id, op=op, base_revision=base,
                                fields=fields))
    if audit_action is not None:  # None: the caller audits the whole batch (a pulled page)
        audit.record(session, actor, audit_action, kind, record_id,
                     {"fields": list(changed), "revision": row.revision})
    return SaveResult(kind, record_id, row.revision, op == "insert", changed)


def insert_fresh(session: Session, documents: list[dict[str, Any]]) -> None:
    now = utcnow()
    for kind, model in MODELS.items():
        batch = [d for d in documents if d["record_type"] == kind]
        if not batch:
            continue
        session.execute(insert(model), [{"id": d["id"], **columns(d), "data": d, "created_at": now,
                                          "updated_at": now, "revision": 1, "deleted": False} for d in batch])
        session.execute(insert(OutboxEntry), [{"record_type": kind, "record_id": d["id"], "op": "insert",
                                               "base_revision": 0, "fields": d, "created_at": now,
                                               "state": "pending"} for d in batch])


def bulk_insert(session: Session, documents: Iterable[Mapping[str, Any]]) -> int:
    """Insert trusted new documents (the demo generator) without validation or outbox; the count."""
    batch = [{**d, "id": d.get("id") or new_id()} for d in documents]
    now = utcnow()
    for kind, model in MODELS.items():
        rows = [{"id": d["id"], **columns(d), "data": d, "created_at": now, "updated_at": now,
                 "revision": 1, "deleted": False} for d in batch if d["record_type"] == kind]
        if rows:
            session.execute(insert(model), rows)
    return len(batch)


