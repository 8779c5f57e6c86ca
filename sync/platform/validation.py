"""Validating pushed documents: questionnaire records with the client's own validator, the rest by shape.

Households and cooperatives go through :func:`app.survey.validate.validate_record` with the
questionnaire version the record names, exactly as the field client checks them before saving;
a record the client accepted is accepted here. Ratings, certificates, conduct events and
audit entries are checked for the fields the platform relies on (scope, figures, revocation).
"""
from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping
from uuid import UUID

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from app.documents.numbering import NUMBER_PATTERN
from app.domain.problems import QT_TRANSLATE_NOOP
from app.survey.definition import FormDefinition, FormError, load_form_for
from app.survey.validate import validate_record

Problem = dict[str, str]
_SHAPE = QT_TRANSLATE_NOOP("sync", "“{field}”缺失或格式不正确（{kind}）")
_FORM = QT_TRANSLATE_NOOP("sync", "无法确定问卷版本：{fault}")


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class RatingShape(_Shape):
    subject_type: Literal["household", "cooperative"]
    subject_id: UUID
    village_code: str
    scheme_id: str
    scheme_version: int
    rated_on: date
    score: Decimal
    grade: str | None
    credit_household: bool


class CertificateShape(_Shape):
    number: Annotated[str, StringConstraints(pattern=f"^{NUMBER_PATTERN.pattern}$")]  # either format
    subject_type: Literal["household", "cooperative"]
    subject_id: UUID
    village_code: str
    issued_on: date


class RevocationShape(_Shape):
    number: Annotated[str, StringConstraints(pattern=f"^{NUMBER_PATTERN.pattern}$")]
    certificate_id: UUID
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    revoked_at: str


class ConductEventShape(_Shape):
    subject_id_number: str | None = None
    uscc: str | None = None
    kind: str
    date: date
    source: str
    village_code: str

    @model_validator(mode="after")
    def _has_subject(self) -> "ConductEventShape":
        if not (self.subject_id_number or self.uscc):
            raise ValueError("subject_id_number or uscc")
        return self


class AuditEntryShape(_Shape):
    actor: str
    action: str
    at: str


SHAPES: dict[str, type[_Shape]] = {"rating": RatingShape, "certificate": CertificateShape,
                                   "certificate_revocation": RevocationShape,
                                   "conduct_event": ConductEventShape, "audit_entry": AuditEntryShape}


class RecordValidator:
    """Checks documents against the questionnaires in ``forms_folder`` (default ``forms/``).

    Questionnaire versions are read once and kept for the life of the process (a version,
    once published, never changes; a new version means a new file and a restart).
    ``workers`` > 0 validates large batches in that many processes (see :meth:`errors_many`).
    """

    def __init__(self, forms_folder: Path | None = None, workers: int = 0):
        self.forms_folder = forms_folder
        self.workers = workers
        self._forms: dict[tuple[object, object, object], FormDefinition] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def errors(self, record_type: str, document: Mapping[str, Any], today: date) -> list[Problem]:
        """The errors that refuse ``document`` (warnings do not refuse, as in the client)."""
        if record_type in SHAPES:
            return _shape_errors(SHAPES[record_type], document)
        try:
            form = self._form(document)
        except FormError as error:
            return [_problem("form_id", "form.unknown", _FORM.format(fault=error.fault))]
        report = validate_record(document, form, today=today)
        return [_problem(p.field, p.code, p.message) for p in report.errors]

    def errors_many(self, items: list[tuple[str, Mapping[str, Any]]], today: date) -> list[list[Problem]]:
        """:meth:`errors` of every (record_type, document), in order.

        Validation is pure CPU (about 0.8 ms a household), so a batch of hundreds is spread
        over ``workers`` processes when there are any; small batches stay in this process.
        """
        if self.workers <= 0 or len(items) < _PARALLEL_FROM:
            return [self.errors(kind, document, today) for kind, document in items]
        chunk = -(-len(items) // (self.workers * 2))
        jobs = [(self.forms_folder, items[i:i + chunk], today) for i in range(0, len(items), chunk)]
        return [errors for part in self._executor().map(_errors_in_worker, jobs) for errors in part]

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _form(self, document: Mapping[str, Any]) -> FormDefinition:
        key = (document.get("form_id"), document.get("record_type"), document.get("form_version"))
        form = self._forms.get(key)
        if form is None:
            form = self._forms[key] = load_form_for(document, folder=self.forms_folder)
        return form

    def _executor(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                # spawn, not fork: the server process has threads, and a forked lock can hang.
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            return self._pool


_PARALLEL_FROM = 64
_worker_validator: RecordValidator | None = None


def _errors_in_worker(job: tuple[Path | None, list[tuple[str, Mapping[str, Any]]], date]) -> list[list[Problem]]:
    global _worker_validator
    folder, items, today = job
    if _worker_validator is None or _worker_validator.forms_folder != folder:
        _worker_validator = RecordValidator(folder)
    return [_worker_validator.errors(kind, document, today) for kind, document in items]


def _shape_errors(shape: type[_Shape], document: Mapping[str, Any]) -> list[Problem]:
    try:
        shape.model_validate(document)
    except ValidationError as error:
        return [_problem(".".join(map(str, e["loc"])) or "-", "field.invalid",
                         _SHAPE.format(field=".".join(map(str, e["loc"])) or "-", kind=e["type"]))
                for e in error.errors()]
    return []


def _problem(field: str, code: str, message: str) -> Problem:
    return {"field": field, "code": code, "message": message}
