"""Excel rosters: the import template, importing a roster (checked, all or nothing), exporting.

Import: the workbook is read within limits (:mod:`app.roster.limits`), each row becomes a
record, rows whose key (the head's ID number, a cooperative's credit code) matches a stored
record update it (only the columns the file has), and every record goes through the one
validator. Nothing is stored while any row has an error, unless ``good_rows_only`` is asked
for; then the good rows are stored and the bad ones reported. Storage is one
:func:`app.services.records.save_many` call: one transaction, so an import is never half done.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.roster.check import check_record
from app.roster.csv_read import CSV_TITLE
from app.roster.layout import KEY_FIELDS, MAIN_SHEETS, roster_layout
from app.roster.limits import DEFAULT_LIMITS, ImportLimits
from app.roster.mapping import parse_roster
from app.roster.merge import merge_row
from app.roster.reader import read_roster_file
from app.roster.report import RowProblem, sort_problems
from app.roster.template import write_template
from app.security.roles import Permission
from app.services import records
from app.services.accounts import Workspace
from app.services.roster_checks import ambiguous, check_permissions, check_village, section_rights
from app.services.roster_match import detect_form, stored_by_key
from app.store.models import Division
from app.survey.definition import load_form

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]  # asked between chunks of rows: True stops the import
KEY_COLUMNS = KEY_FIELDS  # the natural key of each record type (kept for callers)
IMPORT_ACTION = "roster_imported"


@dataclass
class ImportPreview:
    """A checked roster, not yet stored: what would be created and updated, and every problem."""

    record_type: str
    rows: int
    created: int
    updated: int
    problems: list[RowProblem]
    raws: list[tuple[int, dict, bool]] = field(default_factory=list, repr=False)  # row, raw, ok
    source: str = ""  # the file's name (for the audit entry)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def error_rows(self) -> int:
        """Records refused (a main row with an error in it or in one of its group rows)."""
        return sum(1 for _row, _raw, ok in self.raws if not ok)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportCancelled(DomainError):
    """The user stopped the import before anything was stored."""

    def __init__(self) -> None:
        super().__init__(Problem("file", "roster.cancelled", QT_TRANSLATE_NOOP(
            "problems", "导入已取消，未保存任何记录")))


@dataclass(frozen=True)
class ImportSummary:
    """What an import stored: records created and updated, rows left out, warnings."""

    record_type: str
    rows: int
    created: int
    updated: int
    skipped: int
    stored: bool
    problems: tuple[RowProblem, ...]


def make_template(form_id: str, path: Path) -> None:
    """Save the blank import template of questionnaire ``form_id`` (no personal data: no login)."""
    write_template(load_form(form_id), path)


def preview_import(ws: Workspace, path: Path, *, form_id: str | None = None,
                   today: date | None = None, limits: ImportLimits = DEFAULT_LIMITS,
                   progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> ImportPreview:
    """Read and check ``path`` as the import would, storing nothing (the dry run).

    ``cancelled`` is asked every 200 rows; when it says so, :class:`ImportCancelled` is raised.

    Raises :class:`app.roster.limits.RosterFileError` for a file refused as a whole and
    PermissionDenied without the import permission.
    """
    ws.require(Permission.IMPORT)
    today = today or date.today()
    sheets = read_roster_file(path, limits)
    form = load_form(form_id or detect_form(sheets))
    for sheet in sheets:
        if sheet.title == CSV_TITLE:  # a CSV file is the main sheet of the questionnaire
            sheet.title = MAIN_SHEETS[form.record_type]
    parsed = parse_roster(sheets, roster_layout(form), limits.max_cell_chars)
    with ws.db.session() as session:
        regions = records.known_region_codes(session)
        villages = set(session.scalars(select(Division.code).where(Division.level == "village")))
    stored = stored_by_key(ws, form.record_type, [r.key for r in parsed.records if r.key])
    created = updated = 0
    rights = section_rights(ws, form)
    for index, record in enumerate(parsed.records):
        match = stored.get(record.key or "", [])
        if len(match) > 1:
            record.problems.append(ambiguous(parsed, record, len(match)))
        elif match:
            record.raw = merge_row(match[0], record.raw, parsed.columns, record.filled_groups)
            updated += 1
        else:
            created += 1
        check_record(parsed, record, today=today, known_region_codes=regions)
        check_village(parsed, record, villages)
        check_permissions(ws, form, parsed, record, match[0] if len(match) == 1 else None, rights)
        if index % 200 == 0 or index + 1 == len(parsed.records):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress:
                progress(index + 1, len(parsed.records))
    problems = list(parsed.problems) + [p for r in parsed.records for p in r.problems]
    raws = [(r.row, r.raw, not r.has_errors) for r in parsed.records]
    return ImportPreview(form.record_type, len(parsed.records), created, updated,
                         sort_problems(problems, [s.title for s in parsed.layout.sheets]), raws,
                         path.name)


def commit_import(ws: Workspace, preview: ImportPreview, *, good_rows_only: bool = False,
                  today: date | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> ImportSummary:
    """Store a checked roster: all rows, or with ``good_rows_only`` the rows without errors.

    Storing is one transaction, so ``cancelled`` is asked once, before it starts.

    Stores nothing (``stored`` false) while errors remain and ``good_rows_only`` is not set.
    """
    ws.require(Permission.IMPORT)
    sheet_errors = any(p.severity == "error" and p.problem.field == "file" and p.place.row == 1
                       for p in preview.problems)
    good = [raw for _row, raw, ok in preview.raws if ok]
    skipped = len(preview.raws) - len(good)
    if (preview.errors and not good_rows_only) or sheet_errors or not good:
        return ImportSummary(preview.record_type, preview.rows, 0, 0, len(preview.raws), False,
                             tuple(preview.problems))
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    details = {"record_type": preview.record_type, "file": preview.source, "rows": preview.rows,
               "skipped": skipped, "warnings": len(preview.warnings)}
    # One transaction: the records, their outbox entries and this one audit entry (with counts).
    results = records.save_many(ws, good, today=today, progress=progress,
                                audit_action=IMPORT_ACTION, audit_details=details)
    created = sum(1 for r in results if r.created)
    return ImportSummary(preview.record_type, preview.rows, created, len(results) - created,
                         skipped, True, tuple(preview.problems))


def import_roster(ws: Workspace, path: Path, *, form_id: str | None = None, dry_run: bool = False,
                  good_rows_only: bool = False, today: date | None = None,
                  limits: ImportLimits = DEFAULT_LIMITS,
                  progress: Progress | None = None) -> tuple[ImportPreview, ImportSummary | None]:
    """Check ``path`` and, unless ``dry_run``, store it; the summary is ``None`` for a dry run."""
    preview = preview_import(ws, path, form_id=form_id, today=today, limits=limits)
    if dry_run:
        return preview, None
    return preview, commit_import(ws, preview, good_rows_only=good_rows_only, today=today,
                                  progress=progress)
