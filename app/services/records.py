"""Saving household and cooperative records: validated, permitted, audited and queued for sync.

Every write of a record happens in one transaction with its audit entry and its outbox
mutation (and the removal of the draft it came from), so a record is never stored without
the mutation that will carry it to the platform, and a failed save leaves everything as it was.
Which fields a user may change follows the questionnaire: each section has a sensitivity
(identity, economic, social) and each sensitivity needs its permission.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable, Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.problems import QT_TRANSLATE_NOOP, DomainError, Problem
from app.security.roles import Permission
from app.services import audit
from app.services.accounts import Workspace
from app.services.record_rows import (_CONFLICT, MODELS, RecordConflict, SaveResult, insert_fresh,
                                      _record_type, bulk_insert, changed_fields, columns, store_document)
from app.store.models import Division, Draft, Household, OutboxEntry, new_id
from app.survey.definition import load_form, load_form_for
from app.survey.form_model import FormDefinition, FormError, RepeatGroup
from app.survey.validate import ValidationReport, normalize_record, validate_record

SENSITIVITY_PERMISSIONS = {"identity": Permission.EDIT_IDENTITY, "economic": Permission.EDIT_ECONOMIC,
                           "social": Permission.EDIT_SOCIAL}

_INVALID = QT_TRANSLATE_NOOP("problems", "第 {index} 条记录：{message}")
_NO_RECORD = QT_TRANSLATE_NOOP("problems", "没有这份档案：{record_id}")
_DUPLICATE_HEAD = QT_TRANSLATE_NOOP("problems", "此人已是另一户的户主（共 {count} 户），请核对是否重复建档")


class RecordInvalid(DomainError):
    """A record the validator refuses; ``report`` holds every problem in questionnaire order."""

    def __init__(self, report: ValidationReport, index: int | None = None):
        first = report.errors[0]
        if index is not None:  # one record of a batch: say which (1-based for people)
            first = Problem(first.field, first.code, _INVALID,
                            {"index": index + 1, "message": first.message, "position": index})
        super().__init__(first)
        self.report = report
        self.index = index


class RecordMissing(DomainError):
    """No such (live) record."""


def form_for(raw: Mapping[str, Any]) -> FormDefinition:
    """The questionnaire version the record names, else the current one of its type."""
    if raw.get("form_id") and raw.get("form_version") is not None:
        return load_form_for(raw)
    return load_form(_record_type(raw))


def known_region_codes(session: Session) -> set[str]:
    """Six-digit county codes the store knows, former codes included (for the region warning)."""
    codes: set[str] = set()
    for code, former in session.execute(select(Division.code, Division.former_codes)
                                        .where(Division.level == "county")):
        codes.add(code[:6])
        codes.update(c[:6] for c in (former or "").split())
    return codes


def check_record(ws: Workspace, raw: Mapping[str, Any], *, today: date | None = None) -> ValidationReport:
    """Every problem of ``raw`` (errors refuse a save), duplicate-head warning included."""
    today = today or date.today()
    with ws.db.engine.connect() as connection:
        session = Session(bind=connection)
        return _report(session, raw, form_for(raw), today)


@dataclass
class _Lookups:
    """What every record of one save needs from the store, read once per save, not per record."""

    regions: set[str]
    heads: dict[str, list[str]] | None = None  # ID number -> live households; None: ask per record

    def duplicate_heads(self, session: Session, raw: Mapping[str, Any]) -> tuple[str, ...]:
        number = str(raw.get("head_id_number") or "").strip().upper()
        if raw.get("record_type") != "household" or not number:
            return ()
        own = str(raw.get("id") or "").strip().lower()
        if self.heads is not None:
            return tuple(i for i in self.heads.get(number, ()) if i != own)
        statement = select(Household.id).where(Household.head_id_number == number,
                                               Household.deleted.is_(False), Household.id != own)
        return tuple(session.scalars(statement))

    @classmethod
    def for_batch(cls, session: Session, raws: Sequence[Mapping[str, Any]]) -> _Lookups:
        numbers = sorted({str(r.get("head_id_number") or "").strip().upper() for r in raws} - {""})
        heads: dict[str, list[str]] = {}
        for start in range(0, len(numbers), 500):  # SQLite's parameter limit, with room
            statement = select(Household.head_id_number, Household.id).where(
                Household.head_id_number.in_(numbers[start:start + 500]), Household.deleted.is_(False))
            for number, record_id in session.execute(statement):
                heads.setdefault(number, []).append(record_id)
        return cls(known_region_codes(session), heads)


def _report(session: Session, raw: Mapping[str, Any], form: FormDefinition, today: date,
            lookups: _Lookups | None = None) -> ValidationReport:
    lookups = lookups or _Lookups(known_region_codes(session))
    report = validate_record(raw, form, today=today, known_region_codes=lookups.regions)
    others = lookups.duplicate_heads(session, raw)
    if not others:
        return report
    warning = Problem("head_id_number", "record.duplicate_head", _DUPLICATE_HEAD,
                      {"count": len(others), "record_ids": ",".join(others)}, severity="warning")
    return ValidationReport([*report.problems, warning])


def sensitivities(form: FormDefinition) -> dict[str, str]:
    """Top-level record key -> the sensitivity of the section that asks it."""
    out: dict[str, str] = {}
    for item in form.items():
        key = item.name if isinstance(item, RepeatGroup) else item.name.split(".")[0]
        out.setdefault(key, item.sensitivity)
    return out


def _require_sections(ws: Workspace, form: FormDefinition, changed: Iterable[str], record_id: str) -> None:
    kinds = sensitivities(form)
    for sensitivity in sorted({kinds.get(key, "identity") for key in changed}):
        ws.require(SENSITIVITY_PERMISSIONS[sensitivity], form.record_type, record_id)


def _others_part(ws: Workspace, form: FormDefinition, report: ValidationReport) -> ValidationReport:
    """Missing answers in sections the user may not fill are left to whoever may: a warning.

    A household file is completed by two people (the loan officer the economic part, the
    township officer the conduct part); neither can be asked to supply the other's answers.
    Rating reports such a record as incomplete, naming the missing fields.
    """
    kinds = sensitivities(form)
    def theirs(problem: Problem) -> bool:
        key = problem.field.split("[")[0].split(".")[0]
        return (problem.code == "field.required"
                and not ws.can(SENSITIVITY_PERMISSIONS[kinds.get(key, "identity")]))
    return ValidationReport([replace(p, severity="warning") if p.severity == "error" and theirs(p) else p
                             for p in report.problems])


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _prepare(session: Session, ws: Workspace, raw: Mapping[str, Any], today: date,
             index: int | None = None, lookups: _Lookups | None = None) -> tuple[dict[str, Any], SaveResult, bool]:
    """Validate, normalize and permission-check ``raw``: the document, a provisional result, and
    whether a row with its id exists (live or tombstone)."""
    form = form_for(raw)
    document = normalize_record(raw, form, today=today)
    if document.get("id"):
        row = session.get(MODELS[form.record_type], document["id"])
    else:  # a new id names no stored row: no need to ask (an import of 10,000 saves 5 s)
        document["id"], row = new_id(), None
    old = row.data if row is not None and not row.deleted else {}
    changed = changed_fields(old, document)
    # A new record needs the rights for the sections it fills in (an empty list of honours is
    # no social data); an edit, for the sections it changes. Checked before validity: a change
    # one may not make is refused as such, whatever else is wrong.
    needed = changed if old else ["id", *(key for key in changed if not _blank(document[key]))]
    _require_sections(ws, form, needed, document["id"])
    report = _others_part(ws, form, _report(session, raw, form, today, lookups))
    if not report.ok:
        raise RecordInvalid(report, index)
    duplicates = tuple(tuple(p.params["record_ids"].split(",")) for p in report.warnings
                       if p.code == "record.duplicate_head")
    return document, SaveResult(form.record_type, document["id"], 0, not old, changed,
                                tuple(report.warnings), duplicates[0] if duplicates else ()), row is not None


def save_record(ws: Workspace, raw: Mapping[str, Any], *, base_revision: int | None = None,
                today: date | None = None, draft_id: str | None = None) -> SaveResult:
    """Validate and store one record; the draft ``draft_id`` goes in the same transaction.

    Raises RecordInvalid (nothing stored), RecordConflict, PermissionDenied or FormError.
    """
    today = today or date.today()
    with ws.db.session() as session:
        document, provisional, _exists = _prepare(session, ws, raw, today)
        action = "record_created" if provisional.created else "record_edited"
        stored = store_document(session, ws.actor.username, document, base_revision=base_revision,
                                audit_action=action)
        if draft_id is not None:
            draft = session.get(Draft, draft_id)
            if draft is not None:
                session.delete(draft)
        return _merge(provisional, stored)


def _merge(provisional: SaveResult, stored: SaveResult) -> SaveResult:
    return SaveResult(stored.record_type, stored.record_id, stored.revision, stored.created, stored.changed,
                      provisional.warnings, provisional.duplicate_heads)


def save_many(ws: Workspace, raws: Sequence[Mapping[str, Any]], *, today: date | None = None,
              progress: Callable[[int, int], None] | None = None, audit_action: str = "records_created",
              audit_details: Mapping[str, Any] | None = None) -> list[SaveResult]:
    """Store every record of ``raws`` in one transaction, or none (RecordInvalid names the index).

    New records are inserted with one statement per table (an import of thousands of rows
    must not pay an ORM round trip each); existing ones go through :func:`store_document`.
    One ``audit_action`` entry (with ``audit_details`` and the counts) covers the new records,
    in the same transaction.
    """
    today = today or date.today()
    results: list[SaveResult] = []
    with ws.db.session() as session:
        fresh: list[dict[str, Any]] = []
        lookups = _Lookups.for_batch(session, raws)
        for index, raw in enumerate(raws):
            document, provisional, exists = _prepare(session, ws, raw, today, index, lookups)
            if not exists:
                fresh.append(document)
                results.append(SaveResult(provisional.record_type, document["id"], 1, True,
                                          provisional.changed, provisional.warnings, provisional.duplicate_heads))
            else:
                stored = store_document(session, ws.actor.username, document, base_revision=None,
                                        audit_action="record_edited")
                results.append(_merge(provisional, stored))
            if progress is not None:
                progress(index + 1, len(raws))
        insert_fresh(session, fresh)
        audit.record(session, ws.actor.username, audit_action, None, None,
                     {**(audit_details or {}), "created": len(fresh), "updated": len(raws) - len(fresh)})
    return results


def load_record(ws: Workspace, record_type: str, record_id: str) -> tuple[dict[str, Any], int]:
    """The live record's document (with ``id``) and its revision."""
    ws.require(Permission.VIEW_RECORDS, record_type, record_id)
    model = MODELS[_record_type({"record_type": record_type})]
    with ws.db.session() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise RecordMissing(Problem("id", "record.missing", _NO_RECORD, {"record_id": record_id}))
        return {**row.data, "id": row.id}, row.revision


def delete_record(ws: Workspace, record_type: str, record_id: str, *, base_revision: int | None = None) -> None:
    """Tombstone a record (it syncs as a delete); needs the identity permission."""
    model = MODELS[_record_type({"record_type": record_type})]
    ws.require(Permission.EDIT_IDENTITY, record_type, record_id)
    with ws.db.session() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise RecordMissing(Problem("id", "record.missing", _NO_RECORD, {"record_id": record_id}))
        if base_revision is not None and base_revision != row.revision:
            raise RecordConflict(Problem("revision", "record.conflict", _CONFLICT,
                                         {"stored": row.revision, "base": base_revision}))
        session.add(OutboxEntry(record_type=record_type, record_id=record_id, op="delete",
                                base_revision=row.revision, fields={}))
        row.deleted, row.revision = True, row.revision + 1
        audit.record(session, ws.actor.username, "record_deleted", record_type, record_id,
                     {"revision": row.revision})


__all__ = ["RecordConflict", "RecordInvalid", "RecordMissing", "SaveResult", "FormError", "bulk_insert",
           "changed_fields", "check_record", "columns", "delete_record", "form_for", "load_record",
           "save_many", "save_record", "store_document"]
