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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from sqlalchemy import Connection, literal_column, select

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
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
Cancel = Callable[[], bool]  # true: store no further page
_ROWID = literal_column("households.rowid")  # SQLite's storage order of the households table

_NO_HOUSEHOLD = QT_TRANSLATE_NOOP("problems", "没有农户档案 {household_id}")
_NO_DIVISION = QT_TRANSLATE_NOOP("problems", "没有区划 {division}")
_BAD_RECORD = QT_TRANSLATE_NOOP("problems", "农户 {household_id} 的档案无法评分：{message}")
_TAMPERED = QT_TRANSLATE_NOOP("problems", "评级 {rating_id} 的输入快照与其校验值不符，已被改动")


class RatingError(DomainError):
    """A rating that cannot be made or re-run; ``str()`` is one Chinese sentence."""


def _refuse(code: str, template: str, **params: object) -> RatingError:
    return RatingError(Problem(field="rating", code=code, template=template, params=params))


@dataclass(frozen=True)
class RateAllSummary:
    """What :func:`rate_all` did: ratings stored per grade, records it could not rate."""

    scheme_ref: str  # "ID@VERSION" of the scheme used
    by_grade: dict[str, int]  # grade (or NOT_RATED) -> ratings stored
    failed: tuple[tuple[str, str], ...]  # (household id, Chinese reason), not stored
    cancelled: bool

    @property
    def rated(self) -> int:
        return sum(self.by_grade.values())


def snapshot(document: Mapping[str, Any], events: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The inputs of a rating as stored: the record document and the platform events."""
    return {"record": dict(document), "events": [dict(event) for event in events]}


def canonical_json(value: Any) -> str:
    """``value`` as canonical JSON text: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def inputs_hash(inputs: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the UTF-8 canonical JSON of ``inputs``."""
    return hashlib.sha256(canonical_json(inputs).encode("utf-8")).hexdigest()


def _rating_row(inputs: dict[str, Any], scheme: Scheme, on: date, rated_by: str) -> dict[str, Any]:
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
# with the rating thread (see rate_all) and the writer would spend most of its time waiting for
# it; SQLAlchemy compiling a 9,000-parameter statement costs more than it saves. 500 rows of 18
# columns stay below SQLite's limit of 32,766 parameters. Values are bound as SQLAlchemy's SQLite
# types store them (dates ISO, times with microseconds, booleans 0/1), so the model reads them back.
_ROWS_PER_STATEMENT = 500
_COLUMNS = ("id", "subject_type", "subject_id", "scheme_id", "scheme_version", "rated_on", "rated_by",
            "score", "grade", "credit_household", "complete", "result", "inputs", "inputs_hash",
            "created_at", "updated_at", "revision", "deleted")


def _insert_many(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (from :func:`_rating_row`) with one statement per 500."""
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
        _insert_many(session.connection(), [row])
        audit.record(session, ws.actor.username, "rated", "household", household_id,
                     {"rating_id": row["id"], "scheme": scheme.ref, "rated_on": on.isoformat()})
        return session.get(Rating, row["id"])


def rate_all(ws: Workspace, division_code: str | None, on: date, progress: Progress | None = None,
             cancel: Cancel | None = None, *, scheme: Scheme | None = None) -> RateAllSummary:
    """Rate every household under ``division_code`` (all if None), :data:`PAGE` per transaction.

    ``cancel()`` is asked before each page is stored; pages stored before it turned true stay
    stored. ``progress(done, total)`` follows each stored page. A record that cannot be read is
    listed in the summary, not stored, and the run goes on.
    """
    ws.require(Permission.RATE, "division", division_code)
    scheme = scheme or find_scheme(DEFAULT_SCHEMES["household"])
    ids = _household_ids(ws, division_code)
    grades: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    # One writer thread stores page n (SQLCipher encryption and fsync, without the GIL) while
    # this thread rates page n + 1. With the multi-row INSERTs this took a 100,000-household
    # demo store from 71 s (one thread, executemany) to 50 s on a 2-core laptop-class machine.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rate-all-writer") as writer:
        stored: Future[int] | None = None
        for start in range(0, len(ids), PAGE):
            page = _rate_page(ws, ids[start:start + PAGE], scheme, on)
            _report(stored, len(ids), progress)
            if cancel is not None and cancel():
                return RateAllSummary(scheme.ref, dict(grades), tuple(failed), cancelled=True)
            stored = writer.submit(_store_page, ws, page, division_code, scheme, on, start + len(page.ids))
            grades.update(row["grade"] or NOT_RATED for row in page.rows)
            failed.extend(page.failed)
        _report(stored, len(ids), progress)
    return RateAllSummary(scheme.ref, dict(grades), tuple(failed), cancelled=False)


class _Page(NamedTuple):
    ids: list[str]
    rows: list[dict[str, Any]]  # from _rating_row
    failed: list[tuple[str, str]]  # (household id, reason)


def _report(stored: Future[int] | None, total: int, progress: Progress | None) -> None:
    """Wait for the page being stored (its error is raised here) and report it."""
    if stored is not None:
        done = stored.result()
        if progress is not None:
            progress(done, total)


def _household_ids(ws: Workspace, division_code: str | None) -> list[str]:
    # In storage order: each page is then read from neighbouring database pages.
    statement = select(Household.id).where(Household.deleted.is_(False)).order_by(_ROWID)
    with ws.db.session() as session:
        if division_code is not None:
            if session.get(Division, division_code) is None:
                raise _refuse("rating.no_division", _NO_DIVISION, division=division_code)
            low, high = code_range(division_code)
            statement = statement.where(Household.village_code.between(low, high))
        return list(session.scalars(statement))


def _rate_page(ws: Workspace, ids: list[str], scheme: Scheme, on: date) -> _Page:
    # Read and rate outside the write gate: other saves of this process are not held up.
    with ws.db.engine.connect() as connection:
        documents = connection.execute(select(Household.id, Household.data)
                                       .where(Household.id.in_(ids)).order_by(_ROWID)).all()
    page = _Page(ids, [], [])
    for household_id, document in documents:
        try:
            page.rows.append(_rating_row(snapshot({**document, "id": household_id}), scheme, on, ws.actor.username))
        except RecordError as error:
            page.failed.append((household_id, str(error)))
    return page


def _store_page(ws: Workspace, page: _Page, division_code: str | None, scheme: Scheme, on: date,
                done: int) -> int:
    """Insert the page's ratings and its audit entry in one transaction; returns ``done``."""
    with ws.db.session() as session:
        _insert_many(session.connection(), page.rows)
        audit.record(session, ws.actor.username, "rated_batch", "division", division_code,
                     {"ratings": len(page.rows), "scheme": scheme.ref, "rated_on": on.isoformat()})
    return done


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

