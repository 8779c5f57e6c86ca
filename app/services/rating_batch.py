"""Rating a whole division: every household, then every cooperative, a page per transaction.

Reading and rating run on the calling thread while one writer thread stores the page before
(see :func:`rate_all`); each page and its audit entry are one transaction.
"""
from __future__ import annotations

from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, NamedTuple, Sequence

from sqlalchemy import literal_column, select

from app.rating.batch import DEFAULT_SCHEMES
from app.rating.errors import RecordError
from app.rating.model import Scheme
from app.rating.scheme import find_scheme
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.services.divisions import code_range
from app.services.rating_rows import MODELS, NO_DIVISION, insert_many, rating_row, refuse, snapshot, subject_key
from app.store.models import Division
from sync.engine.events import events_by_subject

PAGE = 1_000  # records loaded, rated and inserted per transaction
NOT_RATED = "not_rated"  # the grade key of records rated without consent (grade None)
SUBJECT_TYPES = ("household", "cooperative")
Progress = Callable[[int, int], None]  # (records done, records in all)
Cancel = Callable[[], bool]  # true: store no further page
Events = dict[str, list[dict[str, Any]]]  # normalized ID number / credit code -> pulled platform events


@dataclass(frozen=True)
class SubjectCounts:
    """What a batch run did for one kind of subject (households or cooperatives)."""

    scheme_ref: str  # "ID@VERSION" of the scheme used
    by_grade: dict[str, int]  # grade (or NOT_RATED) -> ratings stored
    failed: tuple[tuple[str, str], ...]  # (subject id, Chinese reason), not stored

    @property
    def rated(self) -> int:
        return sum(self.by_grade.values())


@dataclass(frozen=True)
class RateAllSummary:
    """What :func:`rate_all` did, per subject type (keys of :data:`SUBJECT_TYPES` that were run)."""

    subjects: dict[str, SubjectCounts]
    cancelled: bool

    @property
    def households(self) -> SubjectCounts:
        return self.subjects.get("household") or SubjectCounts("", {}, ())

    @property
    def cooperatives(self) -> SubjectCounts:
        return self.subjects.get("cooperative") or SubjectCounts("", {}, ())

    @property
    def rated(self) -> int:
        """Ratings stored in all, households and cooperatives."""
        return sum(counts.rated for counts in self.subjects.values())

    @property
    def failed(self) -> tuple[tuple[str, str], ...]:
        return tuple(item for counts in self.subjects.values() for item in counts.failed)


def rate_all(ws: Workspace, division_code: str | None, on: date, progress: Progress | None = None,
             cancel: Cancel | None = None, *, scheme: Scheme | None = None,
             cooperative_scheme: Scheme | None = None,
             subject_types: Sequence[str] = SUBJECT_TYPES) -> RateAllSummary:
    """Rate every household, then every cooperative, under ``division_code`` (all if None).

    :data:`PAGE` records per transaction. ``cancel()`` is asked before each page is stored;
    pages stored before it turned true stay stored. ``progress(done, total)`` follows each
    stored page, counting households and cooperatives together. A record that cannot be read
    is listed in the summary, not stored, and the run goes on. The pulled platform events are
    read once per run and each subject gets those about its head's ID number or credit code.
    """
    ws.require(Permission.RATE, "division", division_code)
    schemes = {"household": scheme or find_scheme(DEFAULT_SCHEMES["household"]),
               "cooperative": cooperative_scheme or find_scheme(DEFAULT_SCHEMES["cooperative"])}
    ids = {kind: _subject_ids(ws, MODELS[kind], division_code) for kind in subject_types}
    # One query for the whole run: pulled events are few next to households (see events_by_subject).
    with ws.db.session() as session:
        events = events_by_subject(session, on=on)  # without those past the retention limit
    total, done = sum(len(kind_ids) for kind_ids in ids.values()), 0
    grades: dict[str, Counter[str]] = {kind: Counter() for kind in subject_types}
    failed: dict[str, list[tuple[str, str]]] = {kind: [] for kind in subject_types}

    def summary(cancelled: bool) -> RateAllSummary:
        return RateAllSummary({kind: SubjectCounts(schemes[kind].ref, dict(grades[kind]), tuple(failed[kind]))
                               for kind in subject_types}, cancelled)

    # One writer thread stores page n (SQLCipher encryption and fsync, without the GIL) while
    # this thread rates page n + 1. With the multi-row INSERTs this took a 100,000-household
    # demo store from 71 s (one thread, executemany) to 50 s on a 2-core laptop-class machine.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rate-all-writer") as writer:
        stored: Future[int] | None = None
        for kind in subject_types:
            for start in range(0, len(ids[kind]), PAGE):
                page = _rate_page(ws, kind, ids[kind][start:start + PAGE], schemes[kind], on, events)
                _report(stored, total, progress)
                if cancel is not None and cancel():
                    return summary(cancelled=True)
                done += len(page.ids)
                stored = writer.submit(_store_page, ws, page, division_code, schemes[kind], on, done)
                grades[kind].update(row["grade"] or NOT_RATED for row in page.rows)
                failed[kind].extend(page.failed)
        _report(stored, total, progress)
    return summary(cancelled=False)


class _Page(NamedTuple):
    ids: list[str]
    rows: list[dict[str, Any]]  # from rating_row
    failed: list[tuple[str, str]]  # (subject id, reason)


def _report(stored: Future[int] | None, total: int, progress: Progress | None) -> None:
    """Wait for the page being stored (its error is raised here) and report it."""
    if stored is not None:
        done = stored.result()
        if progress is not None:
            progress(done, total)


def _rowid(model: type) -> Any:
    """SQLite's storage order of the model's table: pages then read neighbouring database pages."""
    return literal_column(f"{model.__tablename__}.rowid")


def _subject_ids(ws: Workspace, model: type, division_code: str | None) -> list[str]:
    statement = select(model.id).where(model.deleted.is_(False)).order_by(_rowid(model))
    with ws.db.session() as session:
        if division_code is not None:
            if session.get(Division, division_code) is None:
                raise refuse("rating.no_division", NO_DIVISION, division=division_code)
            low, high = code_range(division_code)
            statement = statement.where(model.village_code.between(low, high))
        return list(session.scalars(statement))


def _rate_page(ws: Workspace, kind: str, ids: list[str], scheme: Scheme, on: date, events: Events) -> _Page:
    # Read and rate outside the write gate: other saves of this process are not held up.
    model = MODELS[kind]
    with ws.db.engine.connect() as connection:
        documents = connection.execute(select(model.id, model.data)
                                       .where(model.id.in_(ids)).order_by(_rowid(model))).all()
    page = _Page(ids, [], [])
    for subject_id, document in documents:
        try:
            # Without any pulled event (the usual case) skip normalizing 100,000 ID numbers.
            own = events.get(subject_key(kind, document), ()) if events else ()
            page.rows.append(rating_row(snapshot({**document, "id": subject_id}, own), scheme, on,
                                        ws.actor.username))
        except RecordError as error:
            page.failed.append((subject_id, str(error)))
    return page


def _store_page(ws: Workspace, page: _Page, division_code: str | None, scheme: Scheme, on: date,
                done: int) -> int:
    """Insert the page's ratings and its audit entry in one transaction; returns ``done``."""
    with ws.db.session() as session:
        insert_many(session.connection(), page.rows)
        audit.record(session, ws.actor.username, "rated_batch", "division", division_code,
                     {"ratings": len(page.rows), "subject_type": scheme.record_type,
                      "scheme": scheme.ref, "rated_on": on.isoformat()})
    return done


