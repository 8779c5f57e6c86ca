"""Dated events (honours, penalties) and court/agency list entries, from the record and the platform.

An event counts on a rating date while it is younger than its window: on the day it is
``window_years`` old (the same whole-year arithmetic as a person's age) it stops counting.
Events dated after the rating date do not count either, so that re-rating a past date
reproduces the past result.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from app.domain.idnumber import age_on, normalize_id_number
from app.domain.problems import QT_TRANSLATE_NOOP
from app.domain.uscc import normalize_uscc
from app.rating.errors import RecordError

HONOUR = "honour"
# 征信业管理条例 art. 16: negative credit information is kept five years from the end of the
# event; older events leave the ratings and the stores (app/services/retention.py, the platform).
RETENTION_YEARS = 5


class Event(NamedTuple):
    """One dated event: ``kind`` is a penalty kind or ``"honour"``; ``level`` only for honours."""

    on: date
    kind: str
    level: str | None
    source: str


class ListEntry(NamedTuple):
    """A blacklist entry (``dishonest_debtor`` or ``serious_dishonest``) and when it applies."""

    kind: str
    listed_on: date | None
    removed_on: date | None
    case_number: str
    agency: str

    def active_on(self, on: date) -> bool:
        """Listed on or before ``on`` and not removed by then (a removal takes effect on its date)."""
        listed = self.listed_on is None or self.listed_on <= on
        return listed and (self.removed_on is None or self.removed_on > on)


@dataclass(frozen=True)
class PlatformFacts:
    """What the platform knows about one subject: extra conduct events and list entries."""

    honours: tuple[Event, ...] = ()
    penalties: tuple[Event, ...] = ()
    blacklist: tuple[ListEntry, ...] = ()


NO_FACTS = PlatformFacts()


def counts_on(event_date: date, on: date, window_years: int) -> bool:
    """True if an event of ``event_date`` counts on ``on`` within a window of whole years."""
    return event_date <= on and age_on(event_date, on) < window_years


def is_expired(event_date: date, on: date, window_years: int) -> bool:
    """True if the event is at least ``window_years`` old on ``on`` (to be ignored and flagged)."""
    return event_date <= on and age_on(event_date, on) >= window_years


def negative_event_end(record_type: str, raw: Mapping[str, Any]) -> date | None:
    """When a platform record's negative event ended: the day its retention clock starts.

    A ``conduct_event`` penalty ends on its ``date``; a ``blacklist_entry`` on its
    ``removed_on`` (an entry still on the list has not ended). None for honours, entries still
    listed, other record types and unreadable dates: those never expire.
    """
    if record_type == "blacklist_entry":
        return _lenient_date(raw.get("removed_on"))
    if record_type == "conduct_event" and raw.get("kind") != HONOUR:
        return _lenient_date(raw.get("date"))
    return None


def platform_event_expired(record_type: str, raw: Mapping[str, Any] | None, on: date,
                           years: int = RETENTION_YEARS) -> bool:
    """True if the platform record ``raw`` is a negative event that ended ``years`` or more before ``on``."""
    if not isinstance(raw, Mapping):
        return False
    ended = negative_event_end(record_type, raw)
    return ended is not None and is_expired(ended, on, years)


def _lenient_date(raw: object) -> date | None:
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) and raw else None
    except ValueError:
        return None


def merge(own: tuple[Event, ...], extra: tuple[Event, ...]) -> tuple[Event, ...]:
    """The record's events plus platform events not already in it (same kind, level and date)."""
    if not extra:
        return own
    seen = {(e.kind, e.level, e.on) for e in own}
    return own + tuple(e for e in extra if (e.kind, e.level, e.on) not in seen)


def facts_for(subject: str, record_type: str, events: Sequence[Mapping[str, Any]]) -> PlatformFacts:
    """The platform records in ``events`` about ``subject`` (head ID number or USCC).

    Blacklist entries carry ``listed_on``; conduct events carry ``date``. Records about
    other subjects are skipped, so a caller may pass every platform record it holds.
    """
    if not events or not subject:
        return NO_FACTS
    honours: list[Event] = []
    penalties: list[Event] = []
    blacklist: list[ListEntry] = []
    for index, raw in enumerate(events):
        if not isinstance(raw, Mapping) or _subject_of(raw, record_type) != subject:
            continue
        try:
            if _is_list_entry(raw):
                blacklist.append(_list_entry(raw))
            elif raw.get("kind") == HONOUR:
                honours.append(_conduct_event(raw))
            else:
                penalties.append(_conduct_event(raw))
        except (KeyError, TypeError, ValueError) as fault:
            raise RecordError(QT_TRANSLATE_NOOP("problems", "平台记录 events[{index}] 格式不对：{fault}").format(
                index=index, fault=fault), field=f"events[{index}]") from None
    return PlatformFacts(tuple(honours), tuple(penalties), tuple(blacklist))


def _subject_of(raw: Mapping[str, Any], record_type: str) -> str:
    if record_type == "cooperative":
        value = raw.get("uscc")
        return normalize_uscc(value) if isinstance(value, str) else ""
    value = raw.get("subject_id_number") or raw.get("id_number")
    return normalize_id_number(value) if isinstance(value, str) else ""


def _is_list_entry(raw: Mapping[str, Any]) -> bool:
    return raw.get("record_type") == "blacklist_entry" or "listed_on" in raw


def _optional_date(raw: object) -> date | None:
    return date.fromisoformat(raw) if isinstance(raw, str) and raw else None


def _list_entry(raw: Mapping[str, Any]) -> ListEntry:
    return ListEntry(str(raw.get("kind", "")), _optional_date(raw.get("listed_on")),
                     _optional_date(raw.get("removed_on")), str(raw.get("case_number", "")),
                     str(raw.get("court_or_agency", "")))


def _conduct_event(raw: Mapping[str, Any]) -> Event:
    level = raw.get("level")
    return Event(date.fromisoformat(raw["date"]), str(raw["kind"]),
                 str(level) if level else None, str(raw.get("source", "")))
