"""Storing data-standard documents: the indexed columns copied out of each document."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.domain.pinyin import initials, sort_key
from app.store.models import Cooperative, Household, new_id, utcnow


def household_columns(document: Mapping[str, Any]) -> dict[str, Any]:
    """The searchable columns of a household document (the document itself stays whole)."""
    name = document.get("head_name", "")
    return {
        "village_code": document["village_code"], "group_name": document.get("group") or "",
        "head_name": name, "head_initials": initials(name), "head_pinyin": sort_key(name),
        "head_id_number": document.get("head_id_number", ""),
        "head_phone": document.get("head_phone") or "",
        "consent_signed": bool((document.get("consent") or {}).get("signed")),
        "form_id": document.get("form_id", "household"),
        "form_version": int(document.get("form_version", 1)),
    }


def cooperative_columns(document: Mapping[str, Any]) -> dict[str, Any]:
    """The searchable columns of a cooperative document."""
    name = document.get("name", "")
    return {
        "village_code": document["village_code"], "name": name,
        "name_initials": initials(name, surname=False), "name_pinyin": sort_key(name, surname=False),
        "uscc": document.get("uscc", ""), "legal_rep_name": document.get("legal_rep_name", ""),
        "legal_rep_id_number": document.get("legal_rep_id_number", ""),
        "phone": document.get("phone") or "",
        "consent_signed": bool((document.get("consent") or {}).get("signed")),
        "form_id": document.get("form_id", "cooperative"),
        "form_version": int(document.get("form_version", 1)),
    }


def bulk_insert(session: Session, documents: Iterable[Mapping[str, Any]]) -> int:
    """Insert new household and cooperative documents in one executemany each; returns the count."""
    now = utcnow()
    rows: dict[type, list[dict]] = {Household: [], Cooperative: []}
    for document in documents:
        model, columns = ((Household, household_columns) if document["record_type"] == "household"
                          else (Cooperative, cooperative_columns))
        rows[model].append({"id": document.get("id") or new_id(), **columns(document),
                            "data": dict(document), "created_at": now, "updated_at": now,
                            "revision": 1, "deleted": False})
    for model, batch in rows.items():
        if batch:
            session.execute(insert(model), batch)
    return sum(len(batch) for batch in rows.values())
