"""Rating use cases: rate one household or cooperative, or a whole division; read and re-run ratings.

A stored rating is insert-only: re-rating adds a row, so a subject's history stays whole.
Each row keeps the exact inputs it was computed from (see :mod:`app.services.rating_rows`)
and names its scheme version; :func:`rerun` recomputes it from the row alone, which is how a
rating is shown to be reproducible.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.domain.problems import QT_TRANSLATE_NOOP
from app.rating.batch import DEFAULT_SCHEMES
from app.rating.engine import rate
from app.rating.errors import RecordError
from app.rating.model import Scheme
from app.rating.scheme import find_scheme
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.services.rating_batch import NOT_RATED, PAGE, SUBJECT_TYPES, RateAllSummary, SubjectCounts, rate_all
from app.services.rating_rows import (MODELS, RatingError, canonical_json, inputs_hash, insert_many, rating_row,
                                      refuse, snapshot, subject_number)
from app.store.models import Rating
from sync.engine.events import events_for

__all__ = ["PAGE", "NOT_RATED", "SUBJECT_TYPES", "RatingError", "SubjectCounts", "RateAllSummary",
           "rate_household", "rate_cooperative", "rate_all", "latest_ratings", "rerun",
           "snapshot", "canonical_json", "inputs_hash"]

_NO_SUBJECT = {"household": QT_TRANSLATE_NOOP("problems", "没有农户档案 {subject_id}"),
               "cooperative": QT_TRANSLATE_NOOP("problems", "没有合作社档案 {subject_id}")}
_BAD_RECORD = {"household": QT_TRANSLATE_NOOP("problems", "农户 {subject_id} 的档案无法评分：{message}"),
               "cooperative": QT_TRANSLATE_NOOP("problems", "合作社 {subject_id} 的档案无法评分：{message}")}
_TAMPERED = QT_TRANSLATE_NOOP("problems", "评级 {rating_id} 的输入快照与其校验值不符，已被改动")


def rate_household(ws: Workspace, household_id: str, on: date, *, scheme: Scheme | None = None) -> Rating:
    """Rate one household on ``on`` (default scheme: the latest household scheme) and store it.

    Pulled platform blacklist entries and conduct events about the head's ID number feed the
    vetoes and the incentive and penalty indicators; the stored snapshot keeps them. Negative
    events past the five-year retention limit on ``on`` are left out of both.
    """
    return _rate_one(ws, "household", household_id, on, scheme)


def rate_cooperative(ws: Workspace, cooperative_id: str, on: date, *, scheme: Scheme | None = None) -> Rating:
    """Rate one cooperative on ``on`` (default scheme: the latest cooperative scheme) and store it.

    Pulled platform events about its credit code count as for :func:`rate_household`.
    """
    return _rate_one(ws, "cooperative", cooperative_id, on, scheme)


def _rate_one(ws: Workspace, subject_type: str, subject_id: str, on: date, scheme: Scheme | None) -> Rating:
    ws.require(Permission.RATE, subject_type, subject_id)
    scheme = scheme or find_scheme(DEFAULT_SCHEMES[subject_type])
    with ws.db.session() as session:
        subject = session.get(MODELS[subject_type], subject_id)
        if subject is None or subject.deleted:
            raise refuse("rating.no_" + subject_type, _NO_SUBJECT[subject_type], subject_id=subject_id)
        events = events_for(session, subject_type, subject_number(subject_type, subject.data), on)
        try:
            row = rating_row(snapshot({**subject.data, "id": subject.id}, events), scheme, on, ws.actor.username)
        except RecordError as error:
            raise refuse("rating.bad_record", _BAD_RECORD[subject_type], subject_id=subject_id,
                         message=str(error)) from None
        insert_many(session.connection(), [row])
        audit.record(session, ws.actor.username, "rated", subject_type, subject_id,
                     {"rating_id": row["id"], "scheme": scheme.ref, "rated_on": on.isoformat()})
        return session.get(Rating, row["id"])


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
        raise refuse("rating.tampered", _TAMPERED, rating_id=rating.id)
    scheme = find_scheme(rating.scheme_id, rating.scheme_version)
    inputs = rating.inputs
    return rate(inputs["record"], scheme, rating.rated_on, events=inputs["events"]).to_json()
