"""Rating use cases: rate one household or a whole division, read and re-run stored ratings.

A stored rating is insert-only: re-rating adds a row, so a household's history stays whole.
Each row keeps the exact inputs it was computed from (the record document and platform
events) with their SHA-256, and names its scheme version; :func:`rerun` recomputes it from the
row alone, which is how a rating is shown to be reproducible.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.problems import CONTEXT, QT_TRANSLATE_NOOP, DomainError, Problem
from app.rating.batch import DEFAULT_SCHEMES
from app.rating.engine import rate
from app.rating.errors import RecordError
from app.rating.model import Scheme
from app.rating.scheme import find_scheme
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.services.divisions import code_range
from app.store.models import Division, Household, Rating, new_id, utcnow

PAGE = 1_000  # households loaded, rated and inserted per transaction
NOT_RATED = "not_rated"  # the grade key of households rated without consent (grade None)
Progress = Callable[[int, int], None]  # (households done, households in all)
Cancel = Callable[[], bool]  # true: stop before the next page

_NO_HOUSEHOLD = QT_TRANSLATE_NOOP(CONTEXT, "没有农户档案 {household_id}")
_NO_DIVISION = QT_TRANSLATE_NOOP(CONTEXT, "没有区划 {code}")
_BAD_RECORD = QT_TRANSLATE_NOOP(CONTEXT, "农户 {household_id} 的档案无法评分：{message}")
_TAMPERED = QT_TRANSLATE_NOOP(CONTEXT, "评级 {rating_id} 的输入快照与其校验值不符，已被改动")


class RatingError(DomainError):
    """A rating that cannot be made or re-run; ``str()`` is one Chinese sentence."""


def _refuse(code: str, template: str, **params: object) -> RatingError:
    return RatingError(Problem(field="rating", code=code, template=template, params=params))


@dataclass(frozen=True)
class RateAllSummary:
    """What :func:`rate_all` did: ratings stored per grade, records it could not rate."""

    by_grade: dict[str, int]  # grade (or NOT_RATED) -> ratings stored
    failed: tuple[tuple[str, str], ...]  # (household id, Chinese reason), not stored
    cancelled: bool

    @property
    def rated(self) -> int:
        return sum(self.by_grade.values())


def snapshot(document: Mapping[str, Any], events: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The inputs of a rating as stored: the record document and the platform events."""
    return {"record": dict(document), "events": [dict(event) for event in events]}


def inputs_hash(inputs: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``inputs``: sorted keys, no spaces, UTF-8."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rating_row(inputs: dict[str, Any], scheme: Scheme, on: date, rated_by: str) -> dict[str, Any]:
    """The column values of one new rating of ``inputs`` (raises RecordError)."""
    record = inputs["record"]
    result = rate(record, scheme, on, events=inputs["events"]).to_json()
    now = utcnow()
    return {"id": new_id(), "subject_type": scheme.record_type, "subject_id": record["id"],
            "scheme_id": scheme.id, "scheme_version": scheme.version, "rated_on": on,
            "rated_by": rated_by, "score": result["score"], "grade": result["grade"],
            "credit_household": result["credit_household"], "complete": result["complete"],
            "result": result, "inputs": inputs, "inputs_hash": inputs_hash(inputs),
            "created_at": now, "updated_at": now, "revision": 1, "deleted": False}


def rate_household(ws: Workspace, household_id: str, on: date, *, scheme: Scheme | None = None) -> Rating:
    """Rate one household on ``on`` (default scheme: the latest household scheme) and store it."""
    ws.require(Permission.RATE, "household", household_id)
    scheme = scheme or find_scheme(DEFAULT_SCHEMES["household"])
    with ws.db.session() as session:
        household = session.get(Household, household_id)
        if household is None or household.deleted:
            raise _refuse("rating.no_household", _NO_HOUSEHOLD, household_id=household_id)
        try:
            row = _rating_row(snapshot({**household.data, "id": household.id}), scheme, on, ws.actor.username)
        except RecordError as error:
            raise _refuse("rating.bad_record", _BAD_RECORD, household_id=household_id, message=str(error)) from None
        rating = Rating(**row)
        session.add(rating)
        audit.record(session, ws.actor.username, "rated", "household", household_id,
                     {"rating_id": rating.id, "scheme": scheme.ref, "rated_on": on.isoformat()})
    return rating


def rate_all(ws: Workspace, division_code: str | None, on: date, progress: Progress | None = None,
             cancel: Cancel | None = None, *, scheme: Scheme | None = None) -> RateAllSummary:
    """Rate every household under ``division_code`` (all if None), :data:`PAGE` per transaction.

    Pages already stored stay stored when ``cancel()`` turns true (it is asked before each page).
    A record that cannot be read is listed in the summary, not stored, and the run goes on.
    """
    ws.require(Permission.RATE, "division", division_code)
    scheme = scheme or find_scheme(DEFAULT_SCHEMES["household"])
    ids = _household_ids(ws, division_code)
    grades: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    for start in range(0, len(ids), PAGE):
        if cancel is not None and cancel():
            return RateAllSummary(dict(grades), tuple(failed), cancelled=True)
        rows = _rate_page(ws, ids[start:start + PAGE], scheme, on, failed)
        _store_page(ws, rows, division_code, scheme, on)
        grades.update(row["grade"] or NOT_RATED for row in rows)
        if progress is not None:
            progress(min(start + PAGE, len(ids)), len(ids))
    return RateAllSummary(dict(grades), tuple(failed), cancelled=False)


def _household_ids(ws: Workspace, division_code: str | None) -> list[str]:
    statement = select(Household.id).where(Household.deleted.is_(False)).order_by(Household.id)
    with ws.db.session() as session:
        if division_code is not None:
            if session.get(Division, division_code) is None:
                raise _refuse("rating.no_division", _NO_DIVISION, code=division_code)
            low, high = code_range(division_code)
            statement = statement.where(Household.village_code.between(low, high))
        return list(session.scalars(statement))


def _rate_page(ws: Workspace, ids: list[str], scheme: Scheme, on: date,
               failed: list[tuple[str, str]]) -> list[dict[str, Any]]:
    # Read and rate outside the write gate: other saves of this process are not held up.
    with ws.db.engine.connect() as connection:
        documents = connection.execute(select(Household.id, Household.data).where(Household.id.in_(ids))).all()
    rows = []
    for household_id, document in sorted(documents):
        try:
            rows.append(_rating_row(snapshot({**document, "id": household_id}), scheme, on, ws.actor.username))
        except RecordError as error:
            failed.append((household_id, str(error)))
    return rows


def _store_page(ws: Workspace, rows: list[dict[str, Any]], division_code: str | None,
                scheme: Scheme, on: date) -> None:
    with ws.db.session() as session:
        if rows:
            session.execute(insert(Rating), rows)
        audit.record(session, ws.actor.username, "rated_batch", "division", division_code,
                     {"ratings": len(rows), "scheme": scheme.ref, "rated_on": on.isoformat()})


def latest_ratings(ws: Workspace, subject_id: str, limit: int = 20) -> list[Rating]:
    """The stored ratings of ``subject_id``, newest first (by rating date, then time stored)."""
    ws.require(Permission.VIEW_RECORDS, "rating", subject_id)
    with ws.db.session() as session:
        statement = (select(Rating).where(Rating.subject_id == subject_id, Rating.deleted.is_(False))
                     .order_by(Rating.rated_on.desc(), Rating.created_at.desc()).limit(limit))
        return list(session.scalars(statement))


def rerun(rating: Rating) -> dict[str, Any]:
    """The result JSON computed again from the rating's own snapshot and scheme version.

    Equal to ``rating.result`` when the rating is reproducible; refuses a snapshot whose hash
    no longer matches (the stored inputs were changed).
    """
    if inputs_hash(rating.inputs) != rating.inputs_hash:
        raise _refuse("rating.tampered", _TAMPERED, rating_id=rating.id)
    scheme = find_scheme(rating.scheme_id, rating.scheme_version)
    inputs = rating.inputs
    return rate(inputs["record"], scheme, rating.rated_on, events=inputs["events"]).to_json()

