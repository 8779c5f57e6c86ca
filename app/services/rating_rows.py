"""Stored rating rows and their errors: the snapshot of the inputs, its hash, and fast multi-row inserts.

A rating row keeps the exact inputs it was computed from (the record document and platform
events) as canonical JSON with its SHA-256, so the row alone reproduces the rating.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any, Mapping, Sequence

from sqlalchemy import Connection

from app.domain.idnumber import normalize_id_number
from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.domain.uscc import normalize_uscc
from app.rating.engine import rate
from app.rating.model import Scheme
from app.store.models import Cooperative, Household, new_id, utcnow

MODELS = {"household": Household, "cooperative": Cooperative}  # subject type -> its table
SUBJECT_FIELDS = {"household": "head_id_number", "cooperative": "uscc"}  # the key platform events name
NO_DIVISION = QT_TRANSLATE_NOOP("problems", "没有区划 {division}")


class RatingError(DomainError):
    """A rating that cannot be made or re-run; ``str()`` is one Chinese sentence."""


def refuse(code: str, template: str, **params: object) -> RatingError:
    """A :class:`RatingError` from a ``QT_TRANSLATE_NOOP("problems", ...)`` template."""
    return RatingError(Problem(field="rating", code=code, template=template, params=params))


def snapshot(document: Mapping[str, Any], events: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The inputs of a rating as stored: the record document and the platform events."""
    return {"record": dict(document), "events": [dict(event) for event in events]}


def subject_number(subject_type: str, document: Mapping[str, Any]) -> str:
    """The head's ID number or the cooperative's credit code as written in ``document`` ("" if none)."""
    raw = document.get(SUBJECT_FIELDS[subject_type])
    return raw if isinstance(raw, str) else ""


def subject_key(subject_type: str, document: Mapping[str, Any]) -> str:
    """:func:`subject_number`, normalized as the pulled tables key events (see sync.engine.events)."""
    raw = subject_number(subject_type, document)
    if not raw:
        return ""
    return normalize_uscc(raw) if subject_type == "cooperative" else normalize_id_number(raw)


def canonical_json(value: Any) -> str:
    """``value`` as canonical JSON text: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def inputs_hash(inputs: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the UTF-8 canonical JSON of ``inputs``."""
    return hashlib.sha256(canonical_json(inputs).encode("utf-8")).hexdigest()


def rating_row(inputs: dict[str, Any], scheme: Scheme, on: date, rated_by: str) -> dict[str, Any]:
    """The column values of one new rating of ``inputs`` (raises RecordError).

    The JSON columns are given as canonical text, serialized once: the stored ``inputs`` are
    then exactly the bytes that were hashed, and half as large as ASCII-escaped Chinese.
    """
    record = inputs["record"]
    result = rate(record, scheme, on, events=inputs["events"]).to_json()
    inputs_text, now = canonical_json(inputs), utcnow()
    return {"id": new_id(), "subject_type": scheme.record_type, "subject_id": record["id"],
            "scheme_id": scheme.id, "scheme_version": scheme.version, "rated_on": on,
            "rated_by": rated_by, "score": result["score"], "grade": result["grade"],
            "credit_household": result["credit_household"], "complete": result["complete"],
            "result_text": canonical_json(result), "inputs_text": inputs_text,
            "inputs_hash": hashlib.sha256(inputs_text.encode("utf-8")).hexdigest(),
            "created_at": now, "updated_at": now, "revision": 1, "deleted": False}


# Multi-row INSERTs as plain SQL: executemany would hand the GIL back and forth once per row
# with the rating thread (see ratings.rate_all) and the writer would spend most of its time
# waiting for it; SQLAlchemy compiling a 9,000-parameter statement costs more than it saves.
# 500 rows of 18 columns stay below SQLite's limit of 32,766 parameters. Values are bound as
# SQLAlchemy's SQLite types store them (dates ISO, times with microseconds, booleans 0/1), so
# the model reads them back.
_ROWS_PER_STATEMENT = 500
_COLUMNS = ("id", "subject_type", "subject_id", "scheme_id", "scheme_version", "rated_on", "rated_by",
            "score", "grade", "credit_household", "complete", "result", "inputs", "inputs_hash",
            "created_at", "updated_at", "revision", "deleted")


def insert_many(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (from :func:`rating_row`) with one statement per 500."""
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start:start + _ROWS_PER_STATEMENT]
        values = ",".join(["(" + ",".join("?" * len(_COLUMNS)) + ")"] * len(chunk))
        sql = f"INSERT INTO ratings ({','.join(_COLUMNS)}) VALUES {values}"
        connection.exec_driver_sql(sql, tuple(value for row in chunk for value in _stored(row)))


def _stored(row: dict[str, Any]) -> tuple[Any, ...]:
    stamp = row["created_at"].isoformat(sep=" ", timespec="microseconds")
    return (row["id"], row["subject_type"], row["subject_id"], row["scheme_id"], row["scheme_version"],
            row["rated_on"].isoformat(), row["rated_by"], row["score"], row["grade"],
            int(row["credit_household"]), int(row["complete"]), row["result_text"], row["inputs_text"],
            row["inputs_hash"], stamp, stamp, row["revision"], int(row["deleted"]))
