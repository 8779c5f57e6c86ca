"""Everything the detail view shows, read in the pool (no Qt): record, ratings, workflow stage,
edit history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.services.accounts import Workspace
from app.services.audit import AuditFilter, find_entries
from app.services.ratings import latest_ratings
from app.services.records import load_record
from app.services.search import cooperative_rows, household_rows
from app.services.workflow import OverviewRow, subject_overview
from app.store.models import Rating
from app.survey.definition import load_form_for
from app.survey.form_model import FormDefinition

HISTORY_ACTIONS = ("record_created", "record_edited")


@dataclass(frozen=True)
class HistoryLine:
    """One change of the record: when (ISO UTC), who, what, and the top-level fields changed."""

    at: str
    actor: str
    action: str
    fields: tuple[str, ...]
    revision: int | None


@dataclass(frozen=True)
class RecordDetail:
    record_type: str
    record_id: str
    document: dict[str, Any]
    revision: int
    form: FormDefinition  # the version the record was saved under
    ratings: list[Rating]
    history: list[HistoryLine]
    workflow: OverviewRow | None = None  # the latest rating's stage and objections (None: never rated)
    today: date | None = None  # the day the stage is for
    village_name: str = ""  # the name of document["village_code"] ("" if the code is unknown)


def record_history(ws: Workspace, record_id: str) -> list[HistoryLine]:
    """The audit entries that created or edited ``record_id``, newest first."""
    lines = []
    for action in HISTORY_ACTIONS:
        for entry in find_entries(ws.db, AuditFilter(action=action, target_id=record_id)):
            details = entry["details"] if isinstance(entry["details"], dict) else {}
            lines.append(HistoryLine(entry["at"], entry["actor"], action,
                                     tuple(details.get("fields") or ()), details.get("revision")))
    return sorted(lines, key=lambda line: line.at, reverse=True)


def load_detail(ws: Workspace, record_type: str, record_id: str, today: date | None = None) -> RecordDetail:
    """The record (checked for VIEW_RECORDS by the service), its ratings, the workflow stage of
    the latest one on ``today`` (default: the computer's date) and its history."""
    today = today or date.today()
    document, revision = load_record(ws, record_type, record_id)
    rows = (household_rows if record_type == "household" else cooperative_rows)(ws, [record_id])
    return RecordDetail(record_type, record_id, document, revision, load_form_for(document),
                        latest_ratings(ws, record_id), record_history(ws, record_id),
                        subject_overview(ws, record_id, today), today,
                        rows[0].village_name if rows else "")
